package dev.proda.extract;

import dev.proda.model.Chain;
import dev.proda.model.Records;
import dev.proda.model.Span;
import dev.proda.model.Statement;
import dev.proda.project.Corpus;
import dev.proda.project.Lock;
import dev.proda.project.Log;
import dev.proda.project.ProdaConfig;
import dev.proda.project.ProjectLayout;
import dev.proda.teacher.Teacher;
import dev.proda.teacher.Teachers;
import dev.proda.text.Segmenter;
import dev.proda.text.TextUnit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stage {@code extract}: corpus → {@code kb/}, by the configured teacher (the embedded one by default).
 *
 * <p>The embedded extraction reads each document on its own (in parallel, one task per document):
 * paragraphs and sentences with exact offsets ({@link Segmenter}); part-of-speech tags for the sentences
 * that can hold a relation ({@link RelationPatterns#candidate}); definitional relations
 * ({@link RelationPatterns}); noun-group term candidates; chains ({@link Chains}). The per-document
 * results are then merged in document order — so the result does not depend on scheduling — and the
 * candidates are counted over the whole corpus to select terms by C-value ({@link TermExtractor}), and
 * concepts are merged by key, alias and head ({@link ConceptIndex}).
 */
public final class Extract {
    private Extract() {
    }

    /** The stage, skipped when proda.lock shows that the corpus, proda.yaml and kb/ are as it left them. */
    public static KnowledgeBase run(ProjectLayout layout, ProdaConfig config, Log log, boolean force) {
        if (Lock.upToDate(layout, STAGE, inputs(layout), List.of(layout.kb()), force, log)) {
            return KnowledgeBase.read(layout);
        }
        return run(layout, config, log, Teachers.from(config, layout));
    }

    private static final String STAGE = "extract";

    private static List<Path> inputs(ProjectLayout layout) {
        return List.of(layout.corpus(), layout.config());
    }

    /** The stage with a teacher chosen by the caller (tests inject one built with a test environment). */
    public static KnowledgeBase run(ProjectLayout layout, ProdaConfig config, Log log, Teacher teacher) {
        List<Corpus.Document> documents = Corpus.read(layout.corpus(), config.name(), log);
        long characters = documents.stream().mapToLong(d -> d.text().length()).sum();
        log.info("extract: " + documents.size() + " documents, " + characters + " characters");
        KnowledgeBase kb = teacher.extract(documents, log);
        kb.write(layout);
        Lock.record(layout, STAGE, config.seed(), inputs(layout), List.of(layout.kb()));
        log.info("extract (" + teacher.name() + "): " + kb.chains().size() + " chains, " + kb.statements().size() + " statements, "
                + kb.concepts().size() + " concepts");
        return kb;
    }

    /** A relation found in a sentence, with the statement it became. */
    record Hit(RelationPatterns.Relation relation, Statement statement, TextUnit sentence) {
    }

    /** What one document yields before the corpus-wide merge. */
    private record DocumentResult(Corpus.Document document, List<Hit> hits, List<Chains.ChainWithLinks> chains,
            Set<String> candidates, List<TextUnit> sentences) {
    }

    /** The extraction itself, on documents already read (no files touched). */
    public static KnowledgeBase extract(List<Corpus.Document> documents) {
        List<DocumentResult> results = documents.parallelStream().map(Extract::read).toList();

        List<Chain> chains = new ArrayList<>();
        Map<String, Statement> statements = new LinkedHashMap<>();
        ConceptIndex concepts = new ConceptIndex();
        Set<String> candidates = new LinkedHashSet<>();
        for (DocumentResult result : results) {
            for (Hit hit : result.hits()) {
                if (statements.putIfAbsent(hit.statement().statement_id(), hit.statement()) == null) {
                    concepts.addRelation(hit.relation(), hit.statement(), result.document(), hit.sentence());
                }
            }
            for (Chains.ChainWithLinks chain : result.chains()) {
                chains.add(chain.chain());
                chain.links().forEach(link -> statements.putIfAbsent(link.statement_id(), link));
            }
            candidates.addAll(result.candidates());
        }

        // Count the candidates over the whole corpus, then keep terms by C-value.
        TermExtractor.Lexicon keys = TermExtractor.Lexicon.of(candidates);
        List<List<TermExtractor.Occurrence>> occurrences = results.parallelStream()
                .map(r -> r.sentences().stream()
                        .flatMap(s -> TermExtractor.occurrences(s.text(), s.start(), keys).stream()).toList())
                .toList();
        Map<String, Integer> frequency = new HashMap<>();
        occurrences.forEach(list -> list.forEach(o -> frequency.merge(o.key(), 1, Integer::sum)));
        Set<String> terms = TermExtractor.select(frequency).keySet();
        for (int d = 0; d < results.size(); d++) {
            Corpus.Document document = results.get(d).document();
            for (TermExtractor.Occurrence o : occurrences.get(d)) {
                if (terms.contains(o.key())) {
                    concepts.addTermOccurrence(o, document);
                }
            }
        }
        return concepts.link(chains, new ArrayList<>(statements.values()));
    }

    private static DocumentResult read(Corpus.Document document) {
        List<Hit> hits = new ArrayList<>();
        List<Chains.ChainWithLinks> chains = new ArrayList<>();
        Set<String> candidates = new LinkedHashSet<>();
        List<TextUnit> all = new ArrayList<>();
        String heading = null;
        int passage = 0;
        List<TextUnit> listItems = new ArrayList<>();
        for (TextUnit paragraph : Segmenter.paragraphs(document.text())) {
            if (isHeading(paragraph.text())) {
                heading = paragraph.text().strip();
                flushList(document, heading, passage, listItems, chains);
                continue;
            }
            passage++;
            List<TextUnit> sentences = Segmenter.sentences(document.text(), paragraph);
            all.addAll(sentences);
            for (TextUnit sentence : sentences) {
                int cue = RelationPatterns.cueEnd(sentence.text());
                if (cue < 0) {
                    continue;
                }
                Tagger.Tagged tagged = Tagger.tag(sentence.text(), cue);
                TermExtractor.candidates(tagged, candidates);
                RelationPatterns.match(tagged).ifPresent(relation -> hits.add(new Hit(relation,
                        definitional(document, sentence, relation), sentence)));
            }
            if (Chains.isListItem(paragraph.text()) && !sentences.isEmpty()) {
                listItems.add(sentences.get(0));
                continue;
            }
            flushList(document, heading, passage, listItems, chains);
            var chain = Chains.fromPassage(document, heading, passage, sentences);
            if (chain.isEmpty()) {
                chain = Chains.narrative(document, heading, passage, sentences);
            }
            chain.ifPresent(chains::add);
        }
        flushList(document, heading, passage, listItems, chains);
        return new DocumentResult(document, hits, chains, candidates, all);
    }

    private static void flushList(Corpus.Document document, String heading, int passage, List<TextUnit> items,
            List<Chains.ChainWithLinks> chains) {
        if (items.size() >= Chains.MIN_STEPS) {
            Chains.fromList(document, heading, passage, items).ifPresent(chains::add);
        }
        items.clear();
    }

    private static Statement definitional(Corpus.Document document, TextUnit sentence,
            RelationPatterns.Relation relation) {
        String id = Records.id("s-", relation.subject().toLowerCase(), relation.predicate(),
                relation.object().toLowerCase());
        Span span = new Span(document.path(), sentence.start(), sentence.end());
        return new Statement(id, null, relation.subject(), relation.predicate(), relation.object(), sentence.text(),
                List.of(span), List.of());
    }

    static boolean isHeading(String paragraph) {
        String text = paragraph.strip();
        int words = text.split("\\s+").length;
        return words <= 12 && !text.contains("\n") && ".!?:;,".indexOf(text.charAt(text.length() - 1)) < 0;
    }

    static String documentTitle(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name).replace('_', ' ').replace('-', ' ');
    }
}
