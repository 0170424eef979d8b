package dev.proda.bench;

import dev.proda.bench.Figures.Ratio;
import dev.proda.extract.Extract;
import dev.proda.extract.KnowledgeBase;
import dev.proda.io.AtomicFiles;
import dev.proda.project.Corpus;
import dev.proda.project.Log;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Scores the embedded extractor on real prose: statements, chains and concepts against the labelled gold
 * of {@code bench/data/prose-gold}, concepts against the glossaries of {@code bench/data/glossaries}, and
 * how the glossary layout is read. Each set of the gold (bundled, held-out) is scored on a knowledge base
 * extracted once from that set's whole corpus. See {@code bench/README.md}, "Prose gold".
 */
public final class ProseBench {
    private ProseBench() {
    }

    /**
     * What the bench reads.
     *
     * @param heldOut the held-out corpus; empty when it is not there (its gold is then not scored)
     */
    public record Inputs(Path goldDir, ProseGold gold, List<Corpus.Document> bundled, List<Corpus.Document> heldOut,
            List<Corpus.Document> glossaries, Path details) {
        public Inputs {
            bundled = List.copyOf(bundled);
            heldOut = List.copyOf(heldOut);
            glossaries = List.copyOf(glossaries);
        }

        /** Reads the gold, both corpora ({@code heldOutCorpus} may be absent) and the glossaries. */
        public static Inputs load(Path goldDir, Path bundledCorpus, Path heldOutCorpus, Path glossaries, Log log) {
            ProseGold gold = ProseGold.read(goldDir);
            List<Corpus.Document> bundled = Corpus.read(bundledCorpus, "general", log);
            List<Corpus.Document> heldOut = Files.isDirectory(heldOutCorpus)
                    ? Corpus.read(heldOutCorpus, "general", log) : List.of();
            return new Inputs(goldDir, gold, bundled, heldOut, Glossary.documents(glossaries), null);
        }

        /** The same inputs, and every scored item with its verdict written to {@code file} (TSV). */
        public Inputs withDetails(Path file) {
            return new Inputs(goldDir, gold, bundled, heldOut, glossaries, file);
        }
    }

    /**
     * Extracts and scores, prints the summary to {@code out} and adds the figures to {@code figures}.
     *
     * @param bundledKb the knowledge base already extracted from {@code inputs.bundled()}, or null
     */
    static void run(Inputs inputs, KnowledgeBase bundledKb, PrintWriter out, Figures figures) {
        List<Glossary.Entry> glossary = Glossary.entries(inputs.glossaries());
        ProseGold bundledGold = inputs.gold().of(ProseGold.BUNDLED);
        bundledGold.requireIn(inputs.bundled(), "the bundled corpus");
        KnowledgeBase kb = bundledKb != null ? bundledKb : Extract.extract(inputs.bundled());
        out.printf(Locale.ROOT, "prose bench: gold %s, set bundled%n", inputs.goldDir());
        SetScores bundled = SetScores.of(bundledGold, inputs.bundled(), kb, glossary);
        bundled.print(out, inputs.bundled().size());

        KnowledgeBase glossaryKb = Extract.extract(inputs.glossaries());
        ProseScores.GlossaryLayout layout = ProseScores.glossaryLayout(glossary, glossaryKb);
        out.printf(Locale.ROOT, "glossary layout: %d entries in %s, extracted as a corpus of their own "
                + "(%d concepts)%n", glossary.size(), inputs.glossaries().stream().map(Corpus.Document::path)
                .collect(Collectors.joining(", ")), glossaryKb.concepts().size());
        out.printf(Locale.ROOT, "  defined    %s glossary terms that come out as a concept with a definition%n",
                layout.defined());
        out.printf(Locale.ROOT, "  own entry  %s ... with a definition at least half of whose content words are "
                + "in the term's own entry%n", layout.fromOwnEntry());
        out.printf(Locale.ROOT, "  concept    %s ... as a concept at all (with or without a definition)%n",
                layout.asConcept());

        ProseGold heldOutGold = inputs.gold().of(ProseGold.HELD_OUT);
        SetScores heldOut = null;
        if (heldOutGold.isEmpty()) {
            out.println("prose bench: no held-out gold items; held-out set not scored");
        } else if (inputs.heldOut().isEmpty()) {
            out.printf(Locale.ROOT, "prose bench: %d held-out gold items, but no held-out corpus; not scored%n",
                    heldOutGold.sentences().size() + heldOutGold.passages().size());
        } else {
            heldOutGold.requireIn(inputs.heldOut(), "the held-out corpus");
            out.println("prose bench: set held-out");
            heldOut = SetScores.of(heldOutGold, inputs.heldOut(), Extract.extract(inputs.heldOut()), glossary);
            heldOut.print(out, inputs.heldOut().size());
        }

        bundled.headline(figures, "");
        figures.ratio("glossary_definition_recall", layout.defined());
        bundled.details(figures, "");
        figures.ratio("glossary_definition_recall_own_entry", layout.fromOwnEntry())
                .ratio("glossary_concept_recall_layout", layout.asConcept())
                .count("glossary_terms", layout.defined().whole());
        if (heldOut != null) {
            heldOut.headline(figures, "heldout_");
            heldOut.details(figures, "heldout_");
        }
        if (inputs.details() != null) {
            List<String> lines = new ArrayList<>();
            lines.add("# set\titem\tverdict\tgold id\textracted\tgold");
            bundled.detailLines(ProseGold.BUNDLED, lines);
            if (heldOut != null) {
                heldOut.detailLines(ProseGold.HELD_OUT, lines);
            }
            AtomicFiles.writeString(inputs.details(), String.join("\n", lines) + "\n");
            out.printf(Locale.ROOT, "prose bench: every scored item with its verdict in %s%n", inputs.details());
        }
    }

    /** The scores of one set. */
    record SetScores(ProseGold gold, ProseScores.Statements statements, ProseScores.Chains chains,
            ProseScores.Concepts concepts, ProseScores.GlossaryConcepts glossary, int conceptCount) {
        static SetScores of(ProseGold gold, List<Corpus.Document> corpus, KnowledgeBase kb,
                List<Glossary.Entry> glossary) {
            return new SetScores(gold, ProseScores.statements(gold, corpus, kb), ProseScores.chains(gold, corpus, kb),
                    ProseScores.concepts(gold, kb), ProseScores.glossaryConcepts(glossary, corpus, kb),
                    kb.concepts().size());
        }

        void print(PrintWriter out, int documents) {
            Map<String, Long> strata = gold.sentences().stream().collect(Collectors.groupingBy(
                    s -> String.valueOf(s.stratum()), TreeMap::new, Collectors.counting()));
            out.printf(Locale.ROOT, "  gold: %d sentences %s with %d statements, %d passages (%d state a procedure); "
                    + "corpus: %d documents%n", gold.sentences().size(), strata, statements.all().gold(),
                    gold.passages().size(), chains.goldProcedures(), documents);
            var s = statements;
            out.printf(Locale.ROOT, "  statements %d relation statements in the KB (target >= 600); %d lie in a gold "
                    + "sentence (scored), %d straddle a gold sentence's boundary (not scored)%n",
                    s.relationStatements(), s.all().extracted(), s.straddling());
            out.printf(Locale.ROOT, "    precision %s extracted statements in gold sentences that match a gold "
                    + "statement of their sentence (same predicate, subject and object keys)%n", s.all().precision());
            out.printf(Locale.ROOT, "    recall    %s gold statements matched by an extracted statement in their "
                    + "sentence%n", s.all().recall());
            s.byStratum().forEach((stratum, f) -> out.printf(Locale.ROOT, "    %-9s precision %s, recall %s%n",
                    stratum, f.precision(), f.recall()));
            out.printf(Locale.ROOT, "    by predicate (precision): %s%n", s.byPredicate().entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue().precision()).collect(Collectors.joining(", ")));
            var c = chains;
            out.printf(Locale.ROOT, "  chains     %d in the KB (target >= 60): %d procedures, %d paths, %d of another "
                    + "kind (no kind: the contract allows only procedure and path; never scored)%n", c.chains(),
                    c.procedures(), c.paths(), c.chains() - c.procedures() - c.paths());
            out.printf(Locale.ROOT, "    checkable %d of %d chains: %d procedures that overlap a gold passage, %d paths "
                    + "whose every link lies in a gold sentence; the other %d are not scored%n",
                    c.proceduresCheckable() + c.pathsCheckable(), c.chains(), c.proceduresCheckable(),
                    c.pathsCheckable(), c.chains() - c.proceduresCheckable() - c.pathsCheckable());
            out.printf(Locale.ROOT, "    precision %s checkable chains that are right (procedures: %s, paths: %s)%n",
                    c.precision(), new Ratio(c.proceduresCorrect(), c.proceduresCheckable()),
                    new Ratio(c.pathsCorrect(), c.pathsCheckable()));
            out.printf(Locale.ROOT, "    procedure recall %s gold procedures an extracted procedure matches step by "
                    + "step%n", c.procedureRecall());
            out.printf(Locale.ROOT, "  concepts   %d in the KB%n", conceptCount);
            out.printf(Locale.ROOT, "    prose precision %s concept mentions in gold sentences that are gold terms of "
                    + "the sentence%n", concepts.precision());
            concepts.byStratum().forEach((stratum, r) -> out.printf(Locale.ROOT, "    %-9s precision %s%n", stratum, r));
            out.printf(Locale.ROOT, "    most mentioned non-gold concepts: %s%n", concepts.wrongMentions().entrySet()
                    .stream().limit(12).map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
            out.printf(Locale.ROOT, "    glossary recall %s glossary terms occurring in the corpus (glossaries "
                    + "excluded) that are concepts (term or alias)%n", glossary.recall());
            out.printf(Locale.ROOT, "    glossary share  %s concepts of the glossaries' disciplines that are glossary "
                    + "terms: a lower bound of concept precision%n", glossary.share());
        }

        /**
         * One TSV line per scored statement, missed gold statement, glossary term occurring in the corpus (by key)
         * and checkable chain.
         */
        void detailLines(String set, List<String> lines) {
            for (ProseScores.Verdict v : statements.verdicts()) {
                lines.add(String.join("\t", set, "statement", v.right() ? "right" : "wrong", v.sentence().id(),
                        v.statement().subject() + " | " + v.statement().predicate() + " | " + v.statement().object(),
                        v.sentence().statements().stream().map(SetScores::gold).collect(Collectors.joining(" ; "))));
            }
            for (ProseScores.Missed m : statements.missed()) {
                lines.add(String.join("\t", set, "gold statement", "missed", m.sentence().id(), "", gold(m.statement())));
            }
            concepts.mentions().forEach(m -> lines.add(String.join("\t", set, "concept mention",
                    m.right() ? "right" : "wrong", m.sentence().id(), m.term(), String.join("; ", m.sentence().terms()))));
            glossary.found().forEach(k -> lines.add(String.join("\t", set, "glossary term", "found", "", k, "")));
            glossary.missed().forEach(k -> lines.add(String.join("\t", set, "glossary term", "missed", "", "", k)));
            for (ProseScores.ChainVerdict v : chains.verdicts()) {
                lines.add(String.join("\t", set, v.chain().kind() + " chain", v.right() ? "right" : "wrong",
                        String.join(",", v.judgedBy()), v.chain().chain_id() + ": " + String.join(" → ", v.chain().steps()),
                        ""));
            }
        }

        private static String gold(ProseGold.GoldStatement g) {
            return g.subject() + " | " + g.predicate() + " | " + g.object();
        }

        void headline(Figures figures, String prefix) {
            figures.ratio(prefix + "statement_precision", statements.all().precision())
                    .ratio(prefix + "statement_recall", statements.all().recall())
                    .count(prefix + "statements", statements.relationStatements())
                    .ratio(prefix + "chain_precision", chains.precision())
                    .count(prefix + "chains_checkable", chains.precision().whole())
                    .count(prefix + "chains", chains.chains())
                    .ratio(prefix + "procedure_recall", chains.procedureRecall())
                    .ratio(prefix + "concept_precision_prose", concepts.precision())
                    .ratio(prefix + "glossary_concept_recall", glossary.recall());
        }

        void details(Figures figures, String prefix) {
            figures.count(prefix + "gold_sentences", gold.sentences().size())
                    .count(prefix + "statements_in_gold", statements.all().extracted())
                    .count(prefix + "statements_correct", statements.all().correct())
                    .count(prefix + "gold_statements", statements.all().gold())
                    .count(prefix + "gold_statements_found", statements.all().goldFound())
                    .count(prefix + "statements_straddling", statements.straddling());
            statements.byStratum().forEach((stratum, f) -> figures
                    .ratio(prefix + "statement_precision_" + stratum, f.precision())
                    .ratio(prefix + "statement_recall_" + stratum, f.recall()));
            figures.count(prefix + "chains_correct", chains.precision().part())
                    .count(prefix + "procedure_chains", chains.procedures())
                    .count(prefix + "path_chains", chains.paths())
                    .count(prefix + "chains_other_kind", chains.chains() - chains.procedures() - chains.paths())
                    .count(prefix + "gold_procedures", chains.goldProcedures())
                    .count(prefix + "gold_procedures_found", chains.goldProceduresFound())
                    .count(prefix + "concept_mentions", concepts.precision().whole());
            concepts.byStratum().forEach((stratum, r) -> figures.ratio(prefix + "concept_precision_prose_" + stratum,
                    r));
            figures.count(prefix + "glossary_terms_in_corpus", glossary.recall().whole())
                    .ratio(prefix + "glossary_concept_share", glossary.share());
        }
    }
}
