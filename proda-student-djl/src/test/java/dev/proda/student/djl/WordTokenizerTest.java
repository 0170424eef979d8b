package dev.proda.student.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WordTokenizerTest {

    private static final List<String> TEXTS = List.of(
            "The capital of France is Paris.",
            "The capital of Germany is Berlin!",
            "the cat sat on the mat, the cat sat.");

    @Test
    void knownWordsAreSingleTokensAndRoundTrip() {
        WordTokenizer tokenizer = WordTokenizer.train(TEXTS, 600, 1);
        assertEquals(List.of("the", "capital", "of", "france", "is", "paris", "."),
                tokenizer.tokenize("The capital of  France is\nPARIS."));
        assertEquals("the capital of france is paris .",
                tokenizer.decode(tokenizer.encode("The capital of France is Paris.")));
    }

    @Test
    void unknownWordsFallBackToCharacters() {
        WordTokenizer tokenizer = WordTokenizer.train(TEXTS, 600, 1);
        assertEquals(-1, tokenizer.id("bratis"));
        assertEquals(List.of("b", "##r", "##a", "##t", "##i", "##s"), tokenizer.tokenize("Bratis"));
        assertEquals("the bratis", tokenizer.decode(tokenizer.encode("the Bratis")));
        // A character never seen becomes a single <unk>; nothing else does.
        assertEquals(List.of("c", "##a", WordTokenizer.UNK), tokenizer.tokenize("caz"));
        assertEquals(List.of(WordTokenizer.UNK), tokenizer.tokenize("?"));
        for (String text : TEXTS) {
            for (int id : tokenizer.encode(text)) {
                assertTrue(id != tokenizer.unk(), text);
            }
        }
    }

    @Test
    void vocabularyIsDeterministicAndCapped() {
        WordTokenizer a = WordTokenizer.train(TEXTS, 600, 1);
        WordTokenizer b = WordTokenizer.train(List.of(TEXTS.get(2), TEXTS.get(0), TEXTS.get(1)), 600, 1);
        assertEquals(a.vocabulary(), b.vocabulary());
        assertEquals(List.of(WordTokenizer.PAD, WordTokenizer.EOT, WordTokenizer.UNK), a.vocabulary().subList(0, 3));
        // "the" (6 times) is the most frequent word, so it is the first word after the characters.
        int firstWord = a.vocabulary().indexOf("the");
        assertTrue(a.vocabulary().subList(3, firstWord).stream().allMatch(t -> t.codePointCount(0, t.length()) == 1
                || t.startsWith("##")));
        // minWordCount: words seen once are spelled out.
        WordTokenizer frequent = WordTokenizer.train(TEXTS, 600, 2);
        assertTrue(frequent.id("cat") > 0);
        assertEquals(-1, frequent.id("france"));
        // The cap drops the rarest words first (ties: alphabetically last).
        WordTokenizer capped = WordTokenizer.train(TEXTS, a.size() - 2, 1);
        assertEquals(a.vocabulary().subList(0, a.size() - 2), capped.vocabulary());
        assertEquals(List.of("paris", "mat"), List.of(a.token(a.size() - 1), a.token(a.size() - 3)));
        assertFalse(capped.vocabulary().contains("paris"));
    }

    @Test
    void saveAndLoadGiveTheSameTokenizer(@TempDir Path dir) throws Exception {
        WordTokenizer tokenizer = WordTokenizer.train(TEXTS, 600, 1);
        Path file = dir.resolve("tokenizer.json");
        tokenizer.save(file);
        WordTokenizer loaded = WordTokenizer.load(file);
        assertEquals(tokenizer, loaded);
        assertEquals(tokenizer.vocabulary(), loaded.vocabulary());
        Path again = dir.resolve("again.json");
        loaded.save(again);
        assertEquals(Files.readString(file), Files.readString(again));
    }
}
