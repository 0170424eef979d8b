package dev.proda.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proda.extract.Extract;
import dev.proda.extract.KnowledgeBase;
import dev.proda.model.Span;
import dev.proda.model.Statement;
import dev.proda.project.Corpus;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ExtractionBenchTest {
    private static final WordNetGold GOLD = WordNetGold.bundled();

    @Test
    void goldIsTheFixedSample() {
        assertEquals(4000, GOLD.synsets().size());
        WordNetGold.Synset first = GOLD.synsets().get(0);
        assertEquals("14268871", first.offset());
        assertEquals(List.of("hypocalcemia", "hypocalcaemia"), first.lemmas());
        assertTrue(first.hypernyms().contains("symptom"));
        assertTrue(first.hypernyms2().contains("evidence"));
        assertTrue(first.ancestors().containsAll(List.of("symptom", "evidence", "information", "entity")));
        assertTrue(GOLD.synsets().stream().allMatch(s -> s.ancestors().containsAll(s.hypernyms())
                && s.ancestors().containsAll(s.hypernyms2())));
        assertTrue(GOLD.synsets().stream().allMatch(s -> !s.hypernyms().isEmpty()));
    }

    @Test
    void readsAnotherSampleAndNamesTheBadLine(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Path tsv = dir.resolve("gold.tsv");
        java.nio.file.Files.writeString(tsv, "# offset\tlemmas\tdefinition\thypernyms\thypernyms2\tancestors\n"
                + "1\tdog|domestic dog\ta domesticated canid\tcanine\tcarnivore\tcanine;carnivore;animal\n");
        WordNetGold other = GOLD.withSynsets(tsv);
        assertEquals(List.of("dog", "domestic dog"), other.synsets().get(0).lemmas());
        assertTrue(other.synsets().get(0).ancestors().contains("animal"));
        assertEquals(GOLD.nounLemmas(), other.nounLemmas());
        java.nio.file.Files.writeString(tsv, "1\tdog\ta domesticated canid\tcanine\n", java.nio.file.StandardOpenOption.APPEND);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> GOLD.withSynsets(tsv));
        assertTrue(e.getMessage().startsWith(tsv + ":3: "), e.getMessage());
    }

    @Test
    void lemmatisesLikeMorphy() {
        assertEquals("dog", GOLD.nounLemma("Dogs"));
        assertEquals("child", GOLD.nounLemma("children"));
        assertEquals("ice cream", GOLD.nounLemma("ice creams"));
        assertEquals("box", GOLD.nounLemma("the boxes"));
        assertNull(GOLD.nounLemma("non-parametric supervised learning method"));
    }

    @Test
    void rendersOneDefinitionalParagraphPerSynset() {
        ExtractionBench.Rendered rendered = ExtractionBench.render(GOLD.first(45).synsets());
        assertEquals(3, rendered.documents().size());
        String text = rendered.documents().get(0).text();
        assertTrue(text.startsWith("Hypocalcemia is abnormally low level of calcium in the blood; associated with "
                + "hypoparathyroidism or kidney malfunction or vitamin D deficiency.\n\nChop is a jaw.\n\n"), text);
        assertEquals(20, text.split("\n\n").length);
    }

    @Test
    void scoresAHandMadeKnowledgeBase() {
        ExtractionBench.Rendered rendered = ExtractionBench.render(GOLD.first(2).synsets());
        Corpus.Document doc = rendered.documents().get(0);
        int chop = doc.text().indexOf("Chop");
        Span sentence = new Span(doc.path(), chop, chop + "Chop is a jaw.".length());
        Statement right = new Statement("s-1", null, "Chop", "is-a", "a jaw", "Chop is a jaw.", List.of(sentence),
                List.of());
        Statement wrong = new Statement("s-2", null, "Hypocalcemia", "is-a", "abnormally low level", "x",
                List.of(new Span(doc.path(), 0, 10)), List.of());
        // "chop → jaw → bone → connective tissue → animal tissue → …": true, but no direct or depth-2 hypernym
        Statement entailed = new Statement("s-3", null, "Chop", "is-a", "an animal tissue", "Chop is a jaw.",
                List.of(sentence), List.of());
        KnowledgeBase kb = new KnowledgeBase(List.of(), List.of(right, wrong, entailed), List.of(
                new dev.proda.model.Concept("c-1", "chop", List.of(), "term", null, List.of(), "general", List.of()),
                new dev.proda.model.Concept("c-2", "abnormally low level", List.of(), "term", null, List.of(),
                        "general", List.of())));
        ExtractionBench.Scores s = ExtractionBench.score(GOLD, rendered, kb);
        assertEquals(0.5, s.conceptPrecision());
        assertEquals(0.5, s.conceptRecall());
        assertEquals(1.0 / 3, s.precision(s.direct()));
        assertEquals(1.0 / 3, s.precision(s.depth2()));
        assertEquals(2.0 / 3, s.isaPrecision());
        assertEquals(0.5, s.recall(s.direct()));
        assertEquals(0.5, s.isaRecall());
    }

    @Test
    void extractedNodesOnTheGoldPointAtTheirText() {
        ExtractionBench.Rendered rendered = ExtractionBench.render(GOLD.first(400).synsets());
        KnowledgeBase kb = Extract.extract(rendered.documents());
        Map<String, String> texts = rendered.documents().stream()
                .collect(Collectors.toMap(Corpus.Document::path, Corpus.Document::text));
        Function<Span, String> slice = span -> texts.get(span.doc()).substring(span.start(), span.end());
        assertFalse(kb.statements().isEmpty());
        for (Statement s : kb.statements()) {
            s.spans().forEach(span -> assertTrue(s.source_quote().contains(slice.apply(span)), s.statement_id()));
        }
        kb.concepts().forEach(c -> assertTrue(c.spans().stream().map(slice).anyMatch(t -> t.equalsIgnoreCase(c.term())
                || c.aliases().stream().anyMatch(t::equalsIgnoreCase)), c.term()));
        ExtractionBench.Scores s = ExtractionBench.score(GOLD, rendered, kb);
        assertTrue(s.conceptRecall() > 0 && s.isaPrecision() > 0, s.toString());
    }

    @Test
    void printsTheJsonLineLast() {
        StringWriter out = new StringWriter();
        ExtractionBench.Rendered small = ExtractionBench.render(GOLD.first(40).synsets());
        ExtractionBench.run(GOLD.first(40), small.documents(), new PrintWriter(out));
        List<String> lines = out.toString().lines().toList();
        String last = lines.get(lines.size() - 1);
        assertTrue(last.matches("\\{\"concept_precision\":[0-9.]+,\"concept_recall\":[0-9.]+,\"isa_precision\":"
                + "[0-9.]+,\"isa_recall\":[0-9.]+,\"tokens_per_s\":[0-9]+,.*}"), last);
    }
}
