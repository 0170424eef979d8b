package dev.proda.tester;

import dev.proda.student.TokenCounter;
import dev.proda.text.TfIdfEmbedder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Real, model-free instruments for tests of the Tester in proda-core (the student engine lives elsewhere). */
public final class TestTools {
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+|[^\\s\\p{L}\\p{N}]");

    /**
     * The student's word tokenizer as if every word were in its vocabulary: words and punctuation marks,
     * one token each (the real one spells out rare words, so it counts at least this many).
     */
    public static final TokenCounter WORDS = text -> {
        Matcher m = TOKEN.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    };

    private TestTools() {
    }

    public static Tests.Tools tools() {
        return new Tests.Tools(() -> WORDS, new TfIdfEmbedder());
    }
}
