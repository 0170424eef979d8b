package dev.proda.bench;

import dev.proda.bench.Figures.Ratio;
import dev.proda.extract.KnowledgeBase;
import dev.proda.model.Chain;
import dev.proda.model.Concept;
import dev.proda.model.Span;
import dev.proda.model.Statement;
import dev.proda.project.Corpus;
import dev.proda.text.Terms;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Scores one extracted knowledge base against the prose gold of one set (see {@code bench/README.md},
 * "Prose gold"): statements against the labelled sentences, chains against the sentences and the labelled
 * procedure passages, concepts against the sentences' terms and the glossaries.
 */
final class ProseScores {
    /** Token Jaccard at which an extracted procedure step is the gold step. */
    static final double STEP_JACCARD = 0.5;

    private ProseScores() {
    }

    /** Statement figures over some gold sentences. */
    record StatementFigures(int extracted, int correct, int gold, int goldFound) {
        Ratio precision() {
            return new Ratio(correct, extracted);
        }

        Ratio recall() {
            return new Ratio(goldFound, gold);
        }
    }

    /**
     * @param relationStatements every relation statement of the KB (parent_chain_id null), wherever it lies
     * @param byStratum the same figures on the sentences of each stratum
     * @param byPredicate extracted statements in gold sentences and how many are right, per predicate
     * @param straddling relation statements that overlap a gold sentence without lying in one (a sentence
     *     boundary the extractor drew elsewhere): not scored
     */
    record Statements(int relationStatements, StatementFigures all, Map<String, StatementFigures> byStratum,
            Map<String, StatementFigures> byPredicate, int straddling, List<Verdict> verdicts,
            List<Missed> missed) {
    }

    /** An extracted statement scored against the gold sentence it lies in. */
    record Verdict(ProseGold.Sentence sentence, Statement statement, boolean right) {
    }

    /** A gold statement no extracted statement of its sentence matched. */
    record Missed(ProseGold.Sentence sentence, ProseGold.GoldStatement statement) {
    }

    /**
     * @param chains every chain of the KB; procedures and paths by kind
     * @param proceduresCheckable procedure chains that overlap a gold passage
     * @param pathsCheckable path chains whose every statement lies in a gold sentence
     * @param goldProcedures passages that state a procedure; goldProceduresFound those an extracted procedure
     *     got right
     */
    record Chains(int chains, int procedures, int paths, int proceduresCheckable, int proceduresCorrect,
            int pathsCheckable, int pathsCorrect, int goldProcedures, int goldProceduresFound,
            List<ChainVerdict> verdicts) {
        Ratio precision() {
            return new Ratio(proceduresCorrect + pathsCorrect, proceduresCheckable + pathsCheckable);
        }

        Ratio procedureRecall() {
            return new Ratio(goldProceduresFound, goldProcedures);
        }
    }

    /** A checkable chain and the gold items it was judged by (a passage id, or its links' sentence ids). */
    record ChainVerdict(Chain chain, List<String> judgedBy, boolean right) {
    }

    /**
     * Concept mentions in the gold sentences: (sentence, concept) pairs where the concept's term or an alias
     * occurs in the sentence; right when one of the concept's keys is a key of the sentence's gold terms.
     *
     * @param wrongMentions how often each concept term was mentioned but is no gold term there, most first
     */
    record Concepts(Ratio precision, Map<String, Ratio> byStratum, Map<String, Integer> wrongMentions,
            List<Mention> mentions) {
    }

    /** One concept mentioned in one gold sentence, and whether the sentence's gold terms hold it. */
    record Mention(ProseGold.Sentence sentence, String term, boolean right) {
    }

    /**
     * @param recall glossary terms found as concepts / glossary terms that occur in the corpus
     * @param share concepts of the glossaries' disciplines that are glossary terms / those concepts: a lower
     *     bound of their precision (a domain term need not be in a glossary)
     */
    record GlossaryConcepts(Ratio recall, Ratio share, List<String> found, List<String> missed) {
    }

    /**
     * Extraction over the glossaries alone.
     *
     * @param defined glossary terms that come out as a concept with a definition / glossary terms
     * @param fromOwnEntry the same, with a definition at least half of whose content words are in the
     *     term's own entry
     */
    record GlossaryLayout(Ratio asConcept, Ratio defined, Ratio fromOwnEntry) {
    }

    // ---------------------------------------------------------------- statements

    static Statements statements(ProseGold gold, List<Corpus.Document> corpus, KnowledgeBase kb) {
        SentenceIndex index = new SentenceIndex(gold.sentences(), corpus);
        List<Statement> relations = kb.statements().stream().filter(s -> s.parent_chain_id() == null).toList();
        Map<ProseGold.Sentence, List<Statement>> placed = new LinkedHashMap<>();
        int straddling = 0;
        for (Statement statement : relations) {
            ProseGold.Sentence sentence = index.holding(statement);
            if (sentence != null) {
                placed.computeIfAbsent(sentence, s -> new ArrayList<>()).add(statement);
            } else if (index.overlapping(statement)) {
                straddling++;
            }
        }
        Tallies all = new Tallies();
        Map<String, Tallies> byStratum = new TreeMap<>();
        Map<String, Tallies> byPredicate = new TreeMap<>();
        List<Verdict> verdicts = new ArrayList<>();
        List<Missed> missed = new ArrayList<>();
        for (ProseGold.Sentence sentence : gold.sentences()) {
            List<Statement> here = placed.getOrDefault(sentence, List.of());
            Tallies stratum = byStratum.computeIfAbsent(String.valueOf(sentence.stratum()), k -> new Tallies());
            for (Statement statement : here) {
                boolean right = sentence.statements().stream().anyMatch(g -> matches(statement, g));
                all.extracted(right);
                stratum.extracted(right);
                byPredicate.computeIfAbsent(statement.predicate(), k -> new Tallies()).extracted(right);
                verdicts.add(new Verdict(sentence, statement, right));
            }
            for (ProseGold.GoldStatement g : sentence.statements()) {
                boolean found = here.stream().anyMatch(s -> matches(s, g));
                all.gold(found);
                stratum.gold(found);
                if (!found) {
                    missed.add(new Missed(sentence, g));
                }
            }
        }
        return new Statements(relations.size(), all.figures(), figures(byStratum), figures(byPredicate), straddling,
                verdicts, missed);
    }

    /** Same predicate, subject and object keys among the gold's (with its accepted variants). */
    static boolean matches(Statement statement, ProseGold.GoldStatement gold) {
        return statement.predicate().equals(gold.predicate())
                && gold.subjectKeys().contains(TermKeys.key(statement.subject()))
                && gold.objectKeys().contains(TermKeys.key(statement.object()));
    }

    private static final class Tallies {
        int extracted;
        int correct;
        int gold;
        int goldFound;

        void extracted(boolean right) {
            extracted++;
            correct += right ? 1 : 0;
        }

        void gold(boolean found) {
            gold++;
            goldFound += found ? 1 : 0;
        }

        StatementFigures figures() {
            return new StatementFigures(extracted, correct, gold, goldFound);
        }
    }

    private static Map<String, StatementFigures> figures(Map<String, Tallies> tallies) {
        Map<String, StatementFigures> figures = new TreeMap<>();
        tallies.forEach((k, t) -> figures.put(k, t.figures()));
        return figures;
    }

    // ---------------------------------------------------------------- chains

    static Chains chains(ProseGold gold, List<Corpus.Document> corpus, KnowledgeBase kb) {
        SentenceIndex index = new SentenceIndex(gold.sentences(), corpus);
        Map<String, Statement> statements = kb.statementsById();
        int procedures = 0;
        int paths = 0;
        int proceduresCheckable = 0;
        int proceduresCorrect = 0;
        int pathsCheckable = 0;
        int pathsCorrect = 0;
        Set<String> found = new HashSet<>();
        List<ChainVerdict> verdicts = new ArrayList<>();
        for (Chain chain : kb.chains()) {
            if (Chain.PROCEDURE.equals(chain.kind())) {
                procedures++;
                ProseGold.Passage passage = mostOverlapped(chain, gold.passages());
                if (passage != null) {
                    proceduresCheckable++;
                    boolean right = passage.procedure() != null && sameSteps(chain.steps(), passage.procedure().steps());
                    if (right) {
                        proceduresCorrect++;
                        found.add(passage.id());
                    }
                    verdicts.add(new ChainVerdict(chain, List.of(passage.id()), right));
                }
            } else if (Chain.PATH.equals(chain.kind())) {
                paths++;
                List<ProseGold.Sentence> where = new ArrayList<>();
                for (String id : chain.statement_ids()) {
                    Statement link = statements.get(id);
                    where.add(link == null ? null : index.holding(link));
                }
                if (!where.isEmpty() && !where.contains(null)) {
                    pathsCheckable++;
                    boolean right = true;
                    for (int i = 0; i < where.size(); i++) {
                        Statement link = statements.get(chain.statement_ids().get(i));
                        right &= where.get(i).statements().stream().anyMatch(g -> matches(link, g));
                    }
                    pathsCorrect += right ? 1 : 0;
                    verdicts.add(new ChainVerdict(chain, where.stream().map(ProseGold.Sentence::id).toList(), right));
                }
            }
        }
        int goldProcedures = (int) gold.passages().stream().filter(p -> p.procedure() != null).count();
        return new Chains(kb.chains().size(), procedures, paths, proceduresCheckable, proceduresCorrect,
                pathsCheckable, pathsCorrect, goldProcedures, found.size(), verdicts);
    }

    /** The gold passage sharing the most characters with the chain's spans, or null when none overlaps. */
    static ProseGold.Passage mostOverlapped(Chain chain, List<ProseGold.Passage> passages) {
        ProseGold.Passage best = null;
        int bestOverlap = 0;
        for (ProseGold.Passage passage : passages) {
            int overlap = 0;
            for (Span span : chain.spans()) {
                if (span.doc().equals(passage.doc())) {
                    overlap += Math.max(0, Math.min(span.end(), passage.end()) - Math.max(span.start(), passage.start()));
                }
            }
            if (overlap > bestOverlap) {
                best = passage;
                bestOverlap = overlap;
            }
        }
        return best;
    }

    /** As many steps as the gold, each the gold step at the same place ({@link #sameStep}). */
    static boolean sameSteps(List<String> extracted, List<String> gold) {
        if (extracted.size() != gold.size()) {
            return false;
        }
        for (int i = 0; i < gold.size(); i++) {
            if (!sameStep(extracted.get(i), gold.get(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Two step texts say the same when their content words (singular, stopwords dropped) have a Jaccard
     * overlap of at least {@value #STEP_JACCARD}, or the smaller set, of two words or more, lies in the other.
     */
    static boolean sameStep(String extracted, String gold) {
        Set<String> a = contentWords(extracted);
        Set<String> b = contentWords(gold);
        if (a.isEmpty() || b.isEmpty()) {
            return false;
        }
        Set<String> common = new HashSet<>(a);
        common.retainAll(b);
        int union = a.size() + b.size() - common.size();
        if ((double) common.size() / union >= STEP_JACCARD) {
            return true;
        }
        int smaller = Math.min(a.size(), b.size());
        return smaller >= 2 && common.size() == smaller;
    }

    private static Set<String> contentWords(String text) {
        return Terms.contentWords(text).stream().map(Terms::singular).collect(Collectors.toSet());
    }

    // ---------------------------------------------------------------- concepts

    static Concepts concepts(ProseGold gold, KnowledgeBase kb) {
        Map<String, List<String>> idsByKey = new HashMap<>();
        Map<String, Set<String>> keysOf = new HashMap<>();
        Map<String, String> termOf = new HashMap<>();
        for (Concept concept : kb.concepts()) {
            Set<String> keys = conceptKeys(concept);
            keysOf.put(concept.concept_id(), keys);
            termOf.put(concept.concept_id(), concept.term());
            keys.forEach(k -> idsByKey.computeIfAbsent(k, x -> new ArrayList<>()).add(concept.concept_id()));
        }
        int mentions = 0;
        int right = 0;
        Map<String, int[]> byStratum = new TreeMap<>();
        Map<String, Integer> wrong = new HashMap<>();
        List<Mention> verdicts = new ArrayList<>();
        for (ProseGold.Sentence sentence : gold.sentences()) {
            Set<String> goldKeys = TermKeys.keys(sentence.terms());
            Set<String> mentioned = new HashSet<>();
            for (String gram : TermKeys.grams(sentence.text())) {
                mentioned.addAll(idsByKey.getOrDefault(gram, List.of()));
            }
            int[] stratum = byStratum.computeIfAbsent(String.valueOf(sentence.stratum()), k -> new int[2]);
            for (String id : mentioned) {
                boolean isGold = keysOf.get(id).stream().anyMatch(goldKeys::contains);
                verdicts.add(new Mention(sentence, termOf.get(id), isGold));
                mentions++;
                stratum[1]++;
                if (isGold) {
                    right++;
                    stratum[0]++;
                } else {
                    wrong.merge(termOf.get(id), 1, Integer::sum);
                }
            }
        }
        Map<String, Ratio> strata = new TreeMap<>();
        byStratum.forEach((k, v) -> strata.put(k, new Ratio(v[0], v[1])));
        Map<String, Integer> wrongMostFirst = new LinkedHashMap<>();
        wrong.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey())).forEach(e -> wrongMostFirst.put(e.getKey(), e.getValue()));
        verdicts.sort(Comparator.comparing((Mention m) -> m.sentence().id()).thenComparing(Mention::term));
        return new Concepts(new Ratio(right, mentions), strata, wrongMostFirst, List.copyOf(verdicts));
    }

    static Set<String> conceptKeys(Concept concept) {
        List<String> terms = new ArrayList<>(concept.aliases());
        terms.add(concept.term());
        return TermKeys.keys(terms);
    }

    /**
     * Glossary terms against the concepts extracted from a corpus. Only the corpus documents that are not
     * glossaries themselves (by file name) count as text the terms must occur in.
     */
    static GlossaryConcepts glossaryConcepts(List<Glossary.Entry> glossary, List<Corpus.Document> corpus,
            KnowledgeBase kb) {
        Set<String> glossaryFiles = glossary.stream().map(e -> fileName(e.doc())).collect(Collectors.toSet());
        Set<String> disciplines = glossary.stream().map(Glossary.Entry::discipline).collect(Collectors.toSet());
        Set<String> inText = new HashSet<>();
        for (Corpus.Document document : corpus) {
            if (!glossaryFiles.contains(fileName(document.path()))) {
                inText.addAll(TermKeys.grams(document.text()));
            }
        }
        Set<String> terms = TermKeys.keys(glossary.stream().map(Glossary.Entry::term).toList());
        Set<String> occurring = terms.stream().filter(inText::contains).collect(Collectors.toSet());
        Set<String> conceptKeys = new HashSet<>();
        int inDisciplines = 0;
        int glossaryTerms = 0;
        for (Concept concept : kb.concepts()) {
            Set<String> keys = conceptKeys(concept);
            conceptKeys.addAll(keys);
            if (disciplines.contains(concept.discipline())) {
                inDisciplines++;
                glossaryTerms += keys.stream().anyMatch(terms::contains) ? 1 : 0;
            }
        }
        List<String> found = occurring.stream().filter(conceptKeys::contains).sorted().toList();
        List<String> missed = occurring.stream().filter(k -> !conceptKeys.contains(k)).sorted().toList();
        return new GlossaryConcepts(new Ratio(found.size(), occurring.size()), new Ratio(glossaryTerms, inDisciplines),
                found, missed);
    }

    /** {@code kb} extracted from the glossary documents alone. */
    static GlossaryLayout glossaryLayout(List<Glossary.Entry> glossary, KnowledgeBase kb) {
        Map<String, List<Glossary.Entry>> entries = new LinkedHashMap<>();
        glossary.forEach(e -> entries.computeIfAbsent(TermKeys.key(e.term()), k -> new ArrayList<>()).add(e));
        entries.remove("");
        Map<String, List<Concept>> concepts = new HashMap<>();
        for (Concept concept : kb.concepts()) {
            conceptKeys(concept).forEach(k -> concepts.computeIfAbsent(k, x -> new ArrayList<>()).add(concept));
        }
        int asConcept = 0;
        int defined = 0;
        int ownEntry = 0;
        for (var term : entries.entrySet()) {
            List<Concept> matches = concepts.getOrDefault(term.getKey(), List.of());
            List<String> definitions = matches.stream().map(Concept::definition).filter(d -> d != null && !d.isBlank())
                    .toList();
            asConcept += matches.isEmpty() ? 0 : 1;
            defined += definitions.isEmpty() ? 0 : 1;
            ownEntry += definitions.stream().anyMatch(d -> term.getValue().stream()
                    .anyMatch(e -> mostlyIn(d, e.definition()))) ? 1 : 0;
        }
        int terms = entries.size();
        return new GlossaryLayout(new Ratio(asConcept, terms), new Ratio(defined, terms), new Ratio(ownEntry, terms));
    }

    /** At least half of the content words of {@code definition} occur in {@code entry}. */
    static boolean mostlyIn(String definition, String entry) {
        Set<String> words = contentWords(definition);
        Set<String> there = contentWords(entry);
        long in = words.stream().filter(there::contains).count();
        return !words.isEmpty() && 2 * in >= words.size();
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    // ---------------------------------------------------------------- where statements lie

    /** The gold sentences by document, and which one a statement's first span lies in. */
    static final class SentenceIndex {
        private final Map<String, List<ProseGold.Sentence>> byDoc = new HashMap<>();
        private final Map<String, String> texts = new HashMap<>();

        SentenceIndex(List<ProseGold.Sentence> sentences, List<Corpus.Document> corpus) {
            sentences.forEach(s -> byDoc.computeIfAbsent(s.doc(), d -> new ArrayList<>()).add(s));
            corpus.forEach(d -> texts.put(d.path(), d.text()));
        }

        /** The gold sentence whose {@code [start, end)} holds the statement's first span (whitespace trimmed). */
        ProseGold.Sentence holding(Statement statement) {
            Span span = trimmed(statement);
            if (span == null) {
                return null;
            }
            for (ProseGold.Sentence s : byDoc.getOrDefault(span.doc(), List.of())) {
                if (span.start() >= s.start() && span.end() <= s.end()) {
                    return s;
                }
            }
            return null;
        }

        boolean overlapping(Statement statement) {
            Span span = trimmed(statement);
            return span != null && byDoc.getOrDefault(span.doc(), List.of()).stream()
                    .anyMatch(s -> span.start() < s.end() && s.start() < span.end());
        }

        private Span trimmed(Statement statement) {
            if (statement.spans().isEmpty()) {
                return null;
            }
            Span span = statement.spans().get(0);
            String text = texts.get(span.doc());
            if (text == null || span.end() > text.length()) {
                return span;
            }
            int start = span.start();
            int end = span.end();
            while (start < end && Character.isWhitespace(text.charAt(start))) {
                start++;
            }
            while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
            return new Span(span.doc(), start, end);
        }
    }
}
