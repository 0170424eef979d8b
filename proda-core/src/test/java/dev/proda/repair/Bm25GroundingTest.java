package dev.proda.repair;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proda.project.Corpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Bm25GroundingTest {
    private static final String PHYSICS = "Entropy is a thermodynamic quantity. A heat engine converts heat to work.\n\n"
            + "The Carnot cycle is an idealised heat engine cycle.";

    @Test
    void theSentenceThatHoldsTheQueryTermsComesFirstWithItsExactSpan() {
        try (Bm25Grounding grounding = new Bm25Grounding(List.of(new Corpus.Document("physics/a.txt", "physics",
                PHYSICS), new Corpus.Document("biology/b.txt", "biology", "A cell is the unit of life.")))) {
            List<Bm25Grounding.Passage> passages = grounding.search("Carnot cycle", 2);
            assertEquals("The Carnot cycle is an idealised heat engine cycle.", passages.get(0).text());
            var span = passages.get(0).span();
            assertEquals(passages.get(0).text(), PHYSICS.substring(span.start(), span.end()));
            assertEquals("physics/a.txt", span.doc());
        }
    }

    @TempDir
    Path dir;

    @Test
    void anIndexOnDiskFindsWhatOneInMemoryFindsReplacesALeftoverAndIsDeletedOnClose() throws Exception {
        // many sentences tied on the query: the same ones, in the same order, from either index
        List<Corpus.Document> documents = new ArrayList<>();
        for (int d = 0; d < 10; d++) {
            documents.add(new Corpus.Document("physics/" + d + ".txt", "physics", IntStream.range(0, 200)
                    .mapToObj(i -> "Sentence " + i + " says a heat engine converts heat to work.")
                    .collect(Collectors.joining(" ")) + "\n\n" + PHYSICS));
        }
        Path folder = dir.resolve(".bm25-index.tmp");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("_0.cfs"), "what a killed run left");
        List<Bm25Grounding.Passage> inMemory;
        try (Bm25Grounding grounding = new Bm25Grounding(documents)) {
            inMemory = grounding.search("heat engine cycle", 25);
        }
        try (Bm25Grounding grounding = new Bm25Grounding(documents, folder)) {
            assertEquals(inMemory, grounding.search("heat engine cycle", 25));
            assertTrue(Files.isDirectory(folder));
        }
        assertTrue(Files.notExists(folder), "the index is deleted on close");
    }

    @Test
    void emptyCorporaBlankOrHostileQueriesGiveNoPassagesInsteadOfFailing() {
        try (Bm25Grounding empty = new Bm25Grounding(List.of())) {
            assertEquals(List.of(), empty.search("entropy", 3));
        }
        try (Bm25Grounding grounding = new Bm25Grounding(List.of(new Corpus.Document("physics/a.txt", "physics",
                PHYSICS)))) {
            assertEquals(List.of(), grounding.search("", 3));
            assertEquals(List.of(), grounding.search("   ", 3));
            assertEquals(List.of(), grounding.search("entropy", 0));
            assertTrue(grounding.search("the of and a", 3).isEmpty(), "stopwords alone match nothing");
            // Lucene's query syntax in a query is text, not syntax
            assertEquals(1, grounding.search("entropy AND (heat OR \"work", 1).size());
            // a definition-sized query: past Lucene's 1,024 clauses this threw TooManyClauses
            String huge = IntStream.range(0, 3000).mapToObj(i -> "word" + i).collect(Collectors.joining(" "))
                    + " entropy";
            assertEquals(List.of(), grounding.search(huge, 3), "only the first words count, and none is in the text");
            assertEquals(1, grounding.search("entropy " + huge, 1).size());
        }
    }
}
