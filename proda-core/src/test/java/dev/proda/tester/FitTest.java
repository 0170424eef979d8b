package dev.proda.tester;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class FitTest {
    /** The LLM teacher's checks count tokens from several threads at once; every count must stay right. */
    @Test
    void countsAreRightWhenManyThreadsAskAtOnce() throws Exception {
        Fit fit = new Fit(text -> text.isBlank() ? 0 : text.strip().split("\\s+").length, 64);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> wrong = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int offset = t;
                wrong.add(pool.submit(() -> {
                    int mistakes = 0;
                    for (int i = 0; i < 20_000; i++) {
                        int words = 1 + (i + offset) % 7;
                        String text = ("w" + (i + offset) + " ").repeat(words);
                        mistakes += fit.count(text) == words ? 0 : 1;
                    }
                    return mistakes;
                }));
            }
            for (Future<Integer> f : wrong) {
                assertEquals(0, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
