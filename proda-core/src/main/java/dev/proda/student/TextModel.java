package dev.proda.student;

import java.util.List;
import java.util.function.Consumer;

/**
 * What a model must show to be served as an OpenAI-compatible completions endpoint ({@code proda serve}): its
 * tokens with their log-probabilities (the {@code echo} of a prompt) and text it writes. An embedded student
 * implements it beside {@link StudentModel}.
 */
public interface TextModel {

    /** How many tokens the model reads at once; longer texts are cut on the left. */
    int contextTokens();

    /** How many of {@code prompt}'s tokens the model reads: all of them, or its context when they are more. */
    int promptTokens(String prompt);

    /**
     * The tokens of {@code prompt}, each with where it starts in {@code prompt} and its log-probability given
     * the start of text and the tokens before it (the same numbers {@link StudentModel#logLikelihoods} sums).
     * A prompt longer than the context has its earliest tokens cut: they are not returned.
     */
    List<TokenLogprob> echo(String prompt);

    /**
     * Up to {@code maxTokens} tokens after {@code prompt}: the most likely one each time at temperature 0,
     * else drawn from the softened distribution with a generator seeded by {@code seed}. Stops early at
     * the end-of-text token. Each token is passed to {@code onToken} as soon as it is chosen.
     */
    Generation generate(String prompt, int maxTokens, double temperature, long seed, Consumer<TokenLogprob> onToken);

    /**
     * One token: its text as it joins the text before it ({@code " word"}, {@code ","}, or the rest of a
     * spelled-out word), where it starts, its natural-log probability, and the model's most likely token in
     * its place with that token's log-probability.
     */
    record TokenLogprob(String text, int offset, double logprob, String top, double topLogprob) {
    }

    /** Written text (the tokens' texts joined), its tokens, and why it ended: "stop" (end of text) or "length". */
    record Generation(String text, List<TokenLogprob> tokens, String finishReason) {
    }
}
