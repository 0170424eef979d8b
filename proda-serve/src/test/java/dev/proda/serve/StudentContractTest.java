package dev.proda.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proda.project.Log;
import dev.proda.project.ProdaConfig;
import dev.proda.student.Continuation;
import dev.proda.student.LogLikelihood;
import dev.proda.student.PretrainConfig;
import dev.proda.student.ProgressListener;
import dev.proda.student.StudentBackend;
import dev.proda.student.StudentEngine;
import dev.proda.student.StudentModel;
import dev.proda.student.TextModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every student backend must do, run against each one found by {@link StudentBackend}: the embedded DJL
 * model in process, and the same model behind {@code proda serve} through the {@code openai} backend.
 */
class StudentContractTest {
    @TempDir
    static Path dir;
    static StudentModel embedded;
    static OpenAiServer server;
    static StudentModel endpoint;

    @BeforeAll
    static void backends() {
        List<String> texts = new ArrayList<>();
        for (int repeat = 0; repeat < 20; repeat++) {
            texts.add("question: what sorts keys?\nanswer: a sorting algorithm");
            texts.add("question: what hashes keys?\nanswer: a hash function");
        }
        ProdaConfig.Student djl = new ProdaConfig.Student(null, "djl", null, null, null, null, null, null, null, null,
                null, null, null, null, null, 1, null, null, null, null, null, null, null, null, null, null);
        StudentEngine local = StudentBackend.named("djl").engine(djl, n -> null, Log.SILENT);
        local.pretrain(texts, texts, new PretrainConfig(2, 32, 4, 16, 200, 1, 20_000, 8, 1e-2, 3, 1), dir.resolve("m"),
                ProgressListener.NONE);
        embedded = local.load(dir.resolve("m"));
        server = OpenAiServer.start("V0", (TextModel) embedded, OpenAiServer.Options.local(0));
        ProdaConfig.Student openai = new ProdaConfig.Student(null, "openai", null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, server.baseUrl().toString(), "V0",
                null, 2, null, null);
        StudentEngine remote = StudentBackend.named("openai").engine(openai, n -> null, Log.SILENT);
        remote.pretrain(List.of(), List.of(), null, dir.resolve("endpoint"), ProgressListener.NONE);
        endpoint = remote.load(dir.resolve("endpoint"));
    }

    @AfterAll
    static void close() {
        endpoint.close();
        server.close();
        embedded.close();
    }

    static Stream<StudentModel> students() {
        return Stream.of(embedded, endpoint);
    }

    @ParameterizedTest(autoCloseArguments = false) // the models are shared and closed once, after all
    @MethodSource("students")
    void scoresEveryRequestInOrderAndAgain(StudentModel student) {
        String question = "question: what sorts keys?\nanswer:";
        List<Continuation> requests = List.of(new Continuation(question, " a sorting algorithm"),
                new Continuation(question, " a hash function"), new Continuation("", "what hashes keys"),
                new Continuation(question, "   "),
                new Continuation("word ".repeat(40), " a sorting algorithm")); // longer than the window: cut on the left
        List<LogLikelihood> first = student.logLikelihoods(requests);
        assertEquals(requests.size(), first.size());
        for (int i = 0; i < requests.size(); i++) {
            if (requests.get(i).continuation().isBlank()) {
                assertEquals(new LogLikelihood(0.0, 1), first.get(i), "nothing to predict has probability 1");
            } else {
                assertTrue(first.get(i).sum() < 0 && first.get(i).tokens() > 0, first.get(i).toString());
            }
        }
        assertEquals(first, student.logLikelihoods(requests), "the same numbers every time");
        List<LogLikelihood> reversed = student.logLikelihoods(requests.reversed());
        for (int i = 0; i < requests.size(); i++) {
            assertEquals(first.get(i).sum(), reversed.get(requests.size() - 1 - i).sum(), 1e-4, "in request order");
        }
        assertTrue(first.get(0).sum() > first.get(1).sum(), "the trained answer is the likelier one");
        assertTrue(student.logLikelihoods(List.of()).isEmpty());
    }
}
