package dev.proda.tester;

import dev.proda.compile.PromptFormat;
import dev.proda.student.TokenCounter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether an option scoring fits the student's context, counted with the student's tokenizer. The
 * scorer feeds {@code <eot> prompt option} and keeps the last {@code context + 1} tokens, so prompt and
 * option together must be at most {@code context} tokens or the start of the question is cut off.
 */
final class Fit {
    private final TokenCounter tokens;
    private final int context;
    /** Shared by the teacher's checks, which run side by side: a plain HashMap lost and mixed up counts there. */
    private final Map<String, Integer> counts = new ConcurrentHashMap<>();

    Fit(TokenCounter tokens, int context) {
        this.tokens = tokens;
        this.context = context;
    }

    int context() {
        return context;
    }

    /** Tokens of the prompt of a stem plus one option, as {@link PromptFormat#option} forms them. */
    int tokens(String stem, String option) {
        return count(PromptFormat.prompt(stem)) + count(" " + option);
    }

    boolean fits(String stem, String option) {
        return tokens(stem, option) <= context;
    }

    int count(String text) {
        return counts.computeIfAbsent(text, tokens::count);
    }
}
