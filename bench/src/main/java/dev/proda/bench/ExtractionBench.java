package dev.proda.bench;

import dev.proda.extract.Extract;
import dev.proda.extract.Heads;
import dev.proda.extract.KnowledgeBase;
import dev.proda.model.Concept;
import dev.proda.model.Span;
import dev.proda.model.Statement;
import dev.proda.project.Corpus;
import dev.proda.text.Terms;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Scores the embedded extractor against WordNet 3.0 nouns and measures its throughput.
 *
 * <p>Each gold synset is rendered as one paragraph, "{Headword} is {definition}." (headword = the synset's
 * first lemma with its first letter upper-cased; definition = the gloss up to its first quoted example,
 * a final '.' added when missing); 20 paragraphs make one document. Nothing else is written: a hypernym
 * lemma is in the text only when the gloss itself contains it. The documents go through
 * {@link Extract#extract} (the public API) and its knowledge base is scored; see {@code bench/README.md}.
 */
public final class ExtractionBench {
    static final int SYNSETS_PER_DOCUMENT = 20;
    static final int TIMED_PASSES = 3;

    private ExtractionBench() {
    }

    /**
     * Figures of one run; precision and recall are fractions. An is-a statement is read against WordNet three
     * ways, from strict to the headline: its object's head names a direct hypernym ({@code direct}), a hypernym
     * or a hypernym's hypernym ({@code depth2}), or any synset above the subject along hypernym links
     * ({@code entailed}: WordNet entails the statement, "a bloodleaf is a plant").
     */
    public record Scores(int concepts, int conceptsInWordNet, int headwords, int headwordsFound, int isa,
            Reading direct, Reading depth2, Reading entailed, int findable, int isaOnFindable,
            int directOnFindable) {
        /** How many is-a statements a reading accepts, and on how many synsets at least one. */
        public record Reading(int correct, int synsetsCovered) {
        }

        public double conceptPrecision() {
            return ratio(conceptsInWordNet, concepts);
        }

        public double conceptRecall() {
            return ratio(headwordsFound, headwords);
        }

        /** The headline is-a precision: statements that WordNet's hypernym links entail. */
        public double isaPrecision() {
            return precision(entailed);
        }

        public double isaRecall() {
            return recall(entailed);
        }

        public double precision(Reading reading) {
            return ratio(reading.correct(), isa);
        }

        public double recall(Reading reading) {
            return ratio(reading.synsetsCovered(), headwords);
        }

        /** Direct-hypernym precision on the synsets whose definition contains a direct-hypernym lemma at all. */
        public double directPrecisionFindable() {
            return ratio(directOnFindable, isaOnFindable);
        }
    }

    /** Throughput of {@link Extract#extract} on one input: whitespace tokens / median wall seconds. */
    public record Throughput(String input, long tokens, long characters, double[] seconds, double[] cpuSeconds,
            KnowledgeBase kb) {
        /** Tokens per second of process CPU time (median pass): the figure that other load on the machine spares. */
        public double tokensPerCpuSecond() {
            double[] sorted = cpuSeconds.clone();
            Arrays.sort(sorted);
            return tokens / sorted[sorted.length / 2];
        }

        public double medianSeconds() {
            double[] sorted = seconds.clone();
            Arrays.sort(sorted);
            return sorted[sorted.length / 2];
        }

        public double tokensPerSecond() {
            return tokens / medianSeconds();
        }
    }

    /** The gold sample rendered as documents (path {@code wordnet/part-NNNN.txt}, discipline "general"). */
    public static Rendered render(List<WordNetGold.Synset> synsets) {
        List<Corpus.Document> documents = new ArrayList<>();
        Map<String, List<Placed>> placed = new HashMap<>();
        for (int from = 0; from < synsets.size(); from += SYNSETS_PER_DOCUMENT) {
            String path = String.format(Locale.ROOT, "wordnet/part-%04d.txt", from / SYNSETS_PER_DOCUMENT + 1);
            StringBuilder text = new StringBuilder();
            List<Placed> here = new ArrayList<>();
            for (WordNetGold.Synset synset : synsets.subList(from, Math.min(from + SYNSETS_PER_DOCUMENT,
                    synsets.size()))) {
                int start = text.length();
                text.append(sentence(synset)).append("\n\n");
                here.add(new Placed(start, text.length(), synset));
            }
            documents.add(new Corpus.Document(path, "general", text.toString()));
            placed.put(path, here);
        }
        return new Rendered(documents, placed);
    }

    /** "{Headword} is {definition}." */
    static String sentence(WordNetGold.Synset synset) {
        String head = synset.headword();
        String definition = synset.definition();
        String end = ".?!".indexOf(definition.charAt(definition.length() - 1)) >= 0 ? "" : ".";
        return Character.toUpperCase(head.charAt(0)) + head.substring(1) + " is " + definition + end;
    }

    record Placed(int start, int end, WordNetGold.Synset synset) {
    }

    /** Rendered documents and where each synset's paragraph lies in them. */
    public record Rendered(List<Corpus.Document> documents, Map<String, List<Placed>> placed) {
        WordNetGold.Synset synsetAt(Span span) {
            for (Placed p : placed.getOrDefault(span.doc(), List.of())) {
                if (span.start() >= p.start() && span.start() < p.end()) {
                    return p.synset();
                }
            }
            return null;
        }
    }

    /** Scores a knowledge base extracted from {@code rendered} against the gold. */
    public static Scores score(WordNetGold gold, Rendered rendered, KnowledgeBase kb) {
        int inWordNet = 0;
        Set<String> conceptKeys = new HashSet<>();
        for (Concept concept : kb.concepts()) {
            if (gold.nounLemma(concept.term()) != null) {
                inWordNet++;
            }
            conceptKeys.add(Terms.key(concept.term()));
            concept.aliases().forEach(alias -> conceptKeys.add(Terms.key(alias)));
        }
        List<WordNetGold.Synset> synsets = rendered.placed().values().stream().flatMap(List::stream)
                .map(Placed::synset).toList();
        int found = (int) synsets.stream().filter(s -> conceptKeys.contains(Terms.key(s.headword()))).count();

        Map<String, Concept> byId = new HashMap<>();
        kb.concepts().forEach(c -> byId.put(c.concept_id(), c));
        Set<String> findable = new HashSet<>();
        for (WordNetGold.Synset synset : synsets) {
            if (mentionsHypernym(gold, synset)) {
                findable.add(synset.offset());
            }
        }
        int isa = 0;
        int onFindable = 0;
        int directOnFindable = 0;
        Tally direct = new Tally();
        Tally depth2 = new Tally();
        Tally entailed = new Tally();
        for (Statement statement : kb.statements()) {
            if (!statement.predicate().equals("is-a") || statement.parent_chain_id() != null) {
                continue;
            }
            isa++;
            WordNetGold.Synset synset = rendered.synsetAt(statement.spans().get(0));
            boolean inFindable = synset != null && findable.contains(synset.offset());
            onFindable += inFindable ? 1 : 0;
            if (synset == null || !isSubject(statement.subject(), synset)) {
                continue;
            }
            Set<String> heads = headLemmas(gold, withModifiers(statement.object(), head(statement, byId)));
            boolean isDirect = heads.stream().anyMatch(synset.hypernyms()::contains);
            direct.count(isDirect, synset);
            depth2.count(isDirect || heads.stream().anyMatch(synset.hypernyms2()::contains), synset);
            entailed.count(heads.stream().anyMatch(synset.ancestors()::contains), synset);
            directOnFindable += isDirect && inFindable ? 1 : 0;
        }
        return new Scores(kb.concepts().size(), inWordNet, synsets.size(), found, isa, direct.reading(),
                depth2.reading(), entailed.reading(), findable.size(), onFindable, directOnFindable);
    }

    private static final class Tally {
        int correct;
        final Set<String> covered = new HashSet<>();

        void count(boolean right, WordNetGold.Synset synset) {
            if (right) {
                correct++;
                covered.add(synset.offset());
            }
        }

        Scores.Reading reading() {
            return new Scores.Reading(correct, covered.size());
        }
    }

    /** Whether some word sequence (1–3 words) of the definition has a direct hypernym's lemma as its lemma. */
    static boolean mentionsHypernym(WordNetGold gold, WordNetGold.Synset synset) {
        List<String> words = dev.proda.text.Segmenter.words(synset.definition());
        for (int i = 0; i < words.size(); i++) {
            for (int n = 1; n <= 3 && i + n <= words.size(); n++) {
                String lemma = gold.nounLemma(String.join(" ", words.subList(i, i + n)));
                if (lemma != null && synset.hypernyms().contains(lemma)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isSubject(String subject, WordNetGold.Synset synset) {
        String key = Terms.key(subject);
        return synset.lemmas().stream().anyMatch(l -> Terms.key(l).equals(key));
    }

    /**
     * The head of an is-a statement's object: the term of the concept the extractor linked for it (the
     * statement's concept that is not its subject), else the noun group {@link Heads#of} reads in the
     * object text.
     */
    static String head(Statement statement, Map<String, Concept> concepts) {
        String subject = Terms.key(statement.subject());
        for (String id : statement.concept_ids()) {
            Concept concept = concepts.get(id);
            if (concept != null && !Terms.key(concept.term()).equals(subject)
                    && concept.aliases().stream().noneMatch(a -> Terms.key(a).equals(subject))) {
                return concept.term();
            }
        }
        return Heads.of(statement.object());
    }

    /**
     * The head as it stands in the object text with up to two words before it (inside the same phrase:
     * no punctuation, determiner or preposition between), e.g. head "physicist" in "British nuclear
     * physicist" → "British nuclear physicist"; the head alone when it is not found in the object.
     */
    static String withModifiers(String object, String head) {
        if (head == null) {
            return null;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)(?:(?:[\\p{L}\\p{N}'-]+) ){0,2}"
                + java.util.regex.Pattern.quote(head) + "(?![\\p{L}\\p{N}])").matcher(object);
        while (m.find()) {
            String[] words = m.group().split(" ");
            int from = 0;
            for (int i = 0; i < words.length - 1; i++) {
                if (STOP.contains(words[i].toLowerCase(Locale.ROOT))) {
                    from = i + 1;
                }
            }
            return String.join(" ", Arrays.copyOfRange(words, from, words.length));
        }
        return head;
    }

    private static final Set<String> STOP = Set.of("a", "an", "the", "of", "in", "on", "for", "with", "by", "to",
            "and", "or", "any", "one", "some", "various", "several", "from", "that", "which", "is", "are", "as", "at");

    /**
     * WordNet lemmas of a head noun group: its last word alone, and with one or two of its
     * pre-modifiers (so that compound hypernyms such as "frozen dessert" can match).
     */
    static Set<String> headLemmas(WordNetGold gold, String group) {
        Set<String> lemmas = new HashSet<>();
        if (group == null) {
            return lemmas;
        }
        String[] words = group.split(" ");
        for (int n = 1; n <= Math.min(3, words.length); n++) {
            String lemma = gold.nounLemma(String.join(" ", Arrays.copyOfRange(words, words.length - n,
                    words.length)));
            if (lemma != null) {
                lemmas.add(lemma);
            }
        }
        return lemmas;
    }

    /** One warm-up pass, then {@link #TIMED_PASSES} timed passes of the extraction. */
    public static Throughput time(String input, List<Corpus.Document> documents) {
        long tokens = 0;
        long characters = 0;
        for (Corpus.Document document : documents) {
            tokens += whitespaceTokens(document.text());
            characters += document.text().length();
        }
        KnowledgeBase kb = Extract.extract(documents);
        double[] seconds = new double[TIMED_PASSES];
        double[] cpu = new double[TIMED_PASSES];
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean();
        for (int i = 0; i < TIMED_PASSES; i++) {
            long cpuStart = os.getProcessCpuTime();
            long start = System.nanoTime();
            kb = Extract.extract(documents);
            seconds[i] = (System.nanoTime() - start) / 1e9;
            cpu[i] = (os.getProcessCpuTime() - cpuStart) / 1e9;
        }
        return new Throughput(input, tokens, characters, seconds, cpu, kb);
    }

    static long whitespaceTokens(String text) {
        long count = 0;
        boolean inToken = false;
        for (int i = 0; i < text.length(); i++) {
            boolean space = Character.isWhitespace(text.charAt(i));
            if (!space && !inToken) {
                count++;
            }
            inToken = !space;
        }
        return count;
    }

    /** The WordNet bench alone: scores on the gold, throughput on the gold text and on {@code corpus}. */
    public static void run(WordNetGold gold, List<Corpus.Document> corpus, PrintWriter out) {
        run(gold, corpus, null, out);
    }

    /**
     * The whole bench: the WordNet figures (skipped when {@code gold} is null), then the prose figures
     * (skipped when {@code prose} is null), then one JSON line with all of them, WordNet's first. When
     * {@code corpus} is the prose gold's bundled corpus, its timed extraction is the one the prose gold scores.
     */
    public static void run(WordNetGold gold, List<Corpus.Document> corpus, ProseBench.Inputs prose,
            PrintWriter out) {
        Figures figures = new Figures();
        KnowledgeBase corpusKb = gold == null ? null : wordNet(gold, corpus, out, figures);
        if (prose != null) {
            ProseBench.run(prose, corpusKb != null && corpus.equals(prose.bundled()) ? corpusKb : null, out, figures);
        }
        out.println(figures.jsonLine());
        out.flush();
    }

    /** Prints the WordNet summary, adds its figures; returns the knowledge base extracted from {@code corpus}. */
    private static KnowledgeBase wordNet(WordNetGold gold, List<Corpus.Document> corpus, PrintWriter out,
            Figures figures) {
        Rendered rendered = render(gold.synsets());
        KnowledgeBase kb = Extract.extract(rendered.documents());
        Scores s = score(gold, rendered, kb);
        Throughput onGold = time("gold text", rendered.documents());
        Throughput onCorpus = time("bundled corpus", corpus);
        out.printf(Locale.ROOT, "extraction bench: %d WordNet 3.0 noun synsets rendered as %d documents%n",
                s.headwords(), rendered.documents().size());
        out.printf(Locale.ROOT, "  concepts  %6d extracted, %6d WordNet noun lemmas   precision %.3f%n",
                s.concepts(), s.conceptsInWordNet(), s.conceptPrecision());
        out.printf(Locale.ROOT, "  headwords %6d rendered,  %6d found as concepts    recall    %.3f%n",
                s.headwords(), s.headwordsFound(), s.conceptRecall());
        out.printf(Locale.ROOT, "  is-a      %6d stand-alone statements; right when the object's head names%n", s.isa());
        for (var reading : List.of(Map.entry("a direct hypernym         ", s.direct()),
                Map.entry("a hypernym at depth <= 2   ", s.depth2()),
                Map.entry("any ancestor (entailed)    ", s.entailed()))) {
            out.printf(Locale.ROOT, "            %s %5d right: precision %.3f, synsets covered %5d: recall %.3f%n",
                    reading.getKey(), reading.getValue().correct(), s.precision(reading.getValue()),
                    reading.getValue().synsetsCovered(), s.recall(reading.getValue()));
        }
        out.printf(Locale.ROOT, "  is-a on the %d synsets (%.0f%%) whose definition names a direct hypernym at all: "
                + "direct precision %.3f%n", s.findable(), 100.0 * s.findable() / s.headwords(),
                s.directPrecisionFindable());
        for (Throughput t : List.of(onGold, onCorpus)) {
            out.printf(Locale.ROOT, "  speed on %-14s %,9d tokens (%,d chars): %,.0f tokens/s wall (median of %d warm "
                    + "passes: %s s; %d cores), %,.0f tokens per CPU-second (CPU s: %s)%n",
                    t.input(), t.tokens(), t.characters(), t.tokensPerSecond(), TIMED_PASSES,
                    Arrays.toString(Arrays.stream(t.seconds()).map(x -> Math.round(x * 1000) / 1000.0).toArray()),
                    Runtime.getRuntime().availableProcessors(), t.tokensPerCpuSecond(),
                    Arrays.toString(Arrays.stream(t.cpuSeconds()).map(x -> Math.round(x * 1000) / 1000.0).toArray()));
        }
        KnowledgeBase corpusKb = onCorpus.kb();
        out.printf(Locale.ROOT, "  bundled corpus KB: %d concepts, %d statements (%d stand-alone: %s), %d chains%n",
                corpusKb.concepts().size(), corpusKb.statements().size(),
                corpusKb.statements().stream().filter(x -> x.parent_chain_id() == null).count(),
                new java.util.TreeMap<>(corpusKb.statements().stream().filter(x -> x.parent_chain_id() == null)
                        .collect(java.util.stream.Collectors.groupingBy(Statement::predicate,
                                java.util.stream.Collectors.counting()))),
                corpusKb.chains().size());
        out.println("  tokens_per_s below = bundled corpus; isa_* = entailed reading, isa_*_direct = direct hypernyms");
        figures.fraction("concept_precision", s.conceptPrecision())
                .fraction("concept_recall", s.conceptRecall())
                .fraction("isa_precision", s.isaPrecision())
                .fraction("isa_recall", s.isaRecall())
                .rounded("tokens_per_s", onCorpus.tokensPerSecond())
                .fraction("isa_precision_direct", s.precision(s.direct()))
                .fraction("isa_recall_direct", s.recall(s.direct()))
                .fraction("isa_precision_depth2", s.precision(s.depth2()))
                .fraction("isa_recall_depth2", s.recall(s.depth2()))
                .fraction("isa_precision_direct_findable", s.directPrecisionFindable())
                .rounded("tokens_per_s_gold", onGold.tokensPerSecond())
                .rounded("tokens_per_cpu_s", onCorpus.tokensPerCpuSecond())
                .count("concepts", s.concepts())
                .count("isa", s.isa())
                .count("synsets", s.headwords());
        return corpusKb;
    }

    private static double ratio(int part, int whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
