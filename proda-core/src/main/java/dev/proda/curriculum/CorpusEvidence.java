package dev.proda.curriculum;

import dev.proda.extract.KnowledgeBase;
import dev.proda.model.Statement;
import dev.proda.project.Corpus;
import dev.proda.project.Log;
import dev.proda.project.Progress;
import dev.proda.project.ProdaConfig;
import dev.proda.project.ProjectLayout;
import dev.proda.text.Segmenter;
import dev.proda.text.TextUnit;
import dev.proda.text.Terms;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the corpus may say beyond the knowledge base, so that a distractor the extractor missed is not
 * true after all. The knowledge base knows "Niger is a sub-Saharan nation", not that Niger is one of the
 * "countries"; the corpus says "Niger is one of the poorest countries". A class is suspect for a subject
 * when one sentence names both close together with a word that can link a thing to its class between
 * them ("is", "as", "such as", "including", "other", "a"). Merely occurring together ("Pars reads the
 * input file") is no sign.
 */
public final class CorpusEvidence {
    /** A class head in more than this share of the corpus's sentences is broad ("estimator", "program"). */
    static final double BROAD_SHARE = 0.01;
    /** ... and in at least this many sentences (in a handful of sentences every word is "frequent"). */
    static final int BROAD_MIN = 20;
    /** At most this many words between the subject and the class word. */
    static final int WINDOW = 8;
    private static final Set<String> LINKS = Set.of("is", "are", "was", "were", "be", "being", "been", "as", "such",
            "including", "include", "includes", "like", "other", "a", "an", "one", "called", "named", "among");

    private static final Set<String> BREAKS = Set.of("by", "than", "not", "from", "to", "into", "with", "on");

    /** No corpus: only the knowledge base decides. (Declared after the word sets its index reads.) */
    public static final CorpusEvidence NONE = new CorpusEvidence().indexed();

    /**
     * Each sentence as the ids of its singular lower-case words, and per word id the sentences that hold it: a
     * corpus of 30 million words is then two arrays of ints each, where arrays of word strings and lists of boxed
     * sentence numbers took gigabytes. Read for a knowledge base ({@link #of(List, KnowledgeBase)}) no sentence is
     * kept: the questions are known before the corpus is read (a statement's subject against a word of another
     * statement's object), so each sentence adds, for each subject it names, the words it links to that subject,
     * and is dropped. Memory then grows with the knowledge base, not with the corpus.
     */
    private final List<int[]> sentences = new ArrayList<>();
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<Postings> byWord = new ArrayList<>();
    /** Per word id, how many of the corpus's sentences hold it. */
    private int[] naming = new int[16];
    /** Per word id, the last sentence (1-based) whose words counted it. */
    private int[] countedIn = new int[16];
    private int totalSentences;
    /** Read for a knowledge base: its subjects by the id of their last word, each with what the corpus links to it. */
    private final Map<Integer, List<Subject>> subjectsByLastWord;
    /** The same subjects by their word ids ({@link java.util.Arrays#toString(int[])}), for the questions. */
    private final Map<String, Subject> subjects = new HashMap<>();

    /** A subject's word ids, and the ids of the words some sentence links to it. */
    private record Subject(int[] words, java.util.BitSet linked) {
    }
    /** The id of every word outside a knowledge base's words: neither a link nor a break, never a probe. */
    private static final int OTHER = 0;
    private final Map<String, Boolean> cache = new HashMap<>();
    /** By word id: whether the word links a thing to its class ({@link #LINKS}), or breaks such a link. */
    private boolean[] links;
    private boolean[] breaks;

    /** The sentences that hold one word, in order, each once. */
    private static final class Postings {
        private int[] sentences = new int[2];
        private int size;

        void add(int sentence) {
            if (size > 0 && sentences[size - 1] == sentence) {
                return;
            }
            if (size == sentences.length) {
                sentences = java.util.Arrays.copyOf(sentences, size * 2);
            }
            sentences[size++] = sentence;
        }
    }

    private CorpusEvidence() {
        this(null);
    }

    private CorpusEvidence(Map<Integer, List<Subject>> subjectsByLastWord) {
        this.subjectsByLastWord = subjectsByLastWord;
        ids.put("\u0000other", OTHER);
        byWord.add(new Postings());
    }

    /** Evidence for the questions about {@code subjects}, whose probes are {@code vocabulary}'s words. */
    private static CorpusEvidence forQuestions(Set<String> vocabulary, Set<List<String>> subjects) {
        CorpusEvidence evidence = new CorpusEvidence(new HashMap<>());
        java.util.stream.Stream.of(vocabulary, LINKS, BREAKS).flatMap(Set::stream).sorted().forEach(evidence::id);
        for (List<String> subject : subjects) {
            int[] encoded = subject.stream().mapToInt(evidence.ids::get).toArray();
            Subject entry = new Subject(encoded, new java.util.BitSet());
            evidence.subjects.put(java.util.Arrays.toString(encoded), entry);
            evidence.subjectsByLastWord.computeIfAbsent(encoded[encoded.length - 1], k -> new ArrayList<>())
                    .add(entry);
        }
        return evidence.indexed();
    }

    private int id(String word) {
        Integer id = ids.get(word);
        if (id == null) {
            id = byWord.size();
            ids.put(word, id);
            byWord.add(new Postings());
            if (id >= naming.length) {
                naming = java.util.Arrays.copyOf(naming, Math.max(16, id * 2));
                countedIn = java.util.Arrays.copyOf(countedIn, naming.length);
            }
        }
        return id;
    }

    private void add(String sentence) {
        List<String> words = Segmenter.words(sentence);
        int[] encoded = new int[words.size()];
        int number = ++totalSentences; // 1-based: a word last counted in sentence 0 was never counted
        for (int i = 0; i < encoded.length; i++) {
            String word = Terms.singular(words.get(i));
            encoded[i] = subjectsByLastWord == null ? id(word) : ids.getOrDefault(word, OTHER);
            if (encoded[i] != OTHER && countedIn[encoded[i]] != number) {
                countedIn[encoded[i]] = number;
                naming[encoded[i]]++;
            }
        }
        if (subjectsByLastWord == null) {
            int index = sentences.size();
            for (int id : encoded) {
                byWord.get(id).add(index);
            }
            sentences.add(encoded);
            return;
        }
        // every subject this sentence names, with each word linked to it near by
        for (int end = 0; end < encoded.length; end++) {
            for (Subject subject : subjectsByLastWord.getOrDefault(encoded[end], List.of())) {
                if (end >= subject.words().length - 1 && at(encoded, subject.words(), end)) {
                    java.util.BitSet probes = subject.linked();
                    int start = end - subject.words().length + 1;
                    for (int q = Math.max(0, start - WINDOW - 1); q < Math.min(encoded.length, end + WINDOW + 2); q++) {
                        if (encoded[q] != OTHER && linkedAt(encoded, start, end, q)) {
                            probes.set(encoded[q]);
                        }
                    }
                }
            }
        }
    }

    /** The sentences of the corpus (read one document at a time; none is kept). */
    public static CorpusEvidence of(List<Corpus.Document> documents) {
        return of(documents, Progress.NONE);
    }

    /**
     * The evidence for the questions {@code kb} can ask ({@link #mayHold} of a statement's subject and another
     * statement's object): the same answers as {@link #of(List)}, in memory that grows with the knowledge base.
     */
    public static CorpusEvidence of(List<Corpus.Document> documents, KnowledgeBase kb) {
        return of(documents, kb, Progress.NONE);
    }

    private static CorpusEvidence of(List<Corpus.Document> documents, KnowledgeBase kb, Progress progress) {
        Set<String> vocabulary = new java.util.HashSet<>();
        Set<List<String>> subjects = new java.util.LinkedHashSet<>(); // a subject of many statements is read once
        for (Statement statement : kb.statements()) {
            List<String> subject = words(statement.subject());
            vocabulary.addAll(subject);
            if (!subject.isEmpty()) {
                subjects.add(subject);
            }
            if (statement.object() != null) {
                vocabulary.addAll(words(statement.object().replace('-', ' ')));
                vocabulary.addAll(words(statement.object()));
            }
        }
        return of(documents, forQuestions(vocabulary, subjects), progress);
    }

    private static List<String> words(String text) {
        return Segmenter.words(text).stream().map(Terms::singular).toList();
    }

    /** {@link #of(List)}, advancing {@code progress} by each document's characters once it is read. */
    private static CorpusEvidence of(List<Corpus.Document> documents, Progress progress) {
        return of(documents, new CorpusEvidence(), progress);
    }

    private static CorpusEvidence of(List<Corpus.Document> documents, CorpusEvidence evidence, Progress progress) {
        for (int d = 0; d < documents.size(); d++) {
            String text = documents.get(d).text();
            for (TextUnit paragraph : Segmenter.paragraphs(text)) {
                for (TextUnit sentence : Segmenter.sentences(text, paragraph)) {
                    evidence.add(sentence.text());
                }
            }
            progress.advance(text.length());
        }
        return evidence.indexed();
    }

    /** Marks the linking and breaking words among the corpus's words, once all are read. */
    private CorpusEvidence indexed() {
        links = new boolean[byWord.size()];
        breaks = new boolean[byWord.size()];
        ids.forEach((word, id) -> {
            links[id] = LINKS.contains(word);
            breaks[id] = BREAKS.contains(word);
        });
        return this;
    }

    /**
     * The project's corpus as evidence for {@code kb}'s questions, its documents read from disk one by one,
     * showing on {@code log} its progress over the corpus's characters as the step {@code "<stage> (corpus)"}: on
     * a large corpus this reading is most of a stage's time.
     */
    public static CorpusEvidence read(ProjectLayout layout, ProdaConfig config, KnowledgeBase kb, Log log,
            String stage) {
        Corpus.OnDisk documents = Corpus.onDisk(layout.corpus(), config.name(), Log.SILENT);
        try (Progress progress = log.progress(stage + " (corpus)", documents.characters(), "characters")) {
            CorpusEvidence evidence = of(documents, kb, progress);
            progress.set(documents.characters(), null); // a decoded text may be a little shorter than its file
            return evidence;
        }
    }

    /** The word ids of {@code text}; -1 for a word the corpus does not hold. */
    private int[] ids(String text) {
        return Segmenter.words(text).stream().map(Terms::singular).mapToInt(w -> ids.getOrDefault(w, -1)).toArray();
    }

    private int sentencesWith(int word) {
        return word <= OTHER ? 0 : naming[word];
    }

    /**
     * Whether the corpus may state that {@code subject} is (a kind of) {@code option}, an option offered
     * against the true {@code key}. An option with the key's head noun ("former Communist country" against
     * "mountainous country") or one of its modifiers ("cross-validation scheme" against "classical
     * cross-validation technique") may hold as well: a country can be both, and nothing says it is not. Otherwise
     * no content word of the option may be linked to the subject in a sentence.
     */
    public boolean mayHold(String subject, String option, String key) {
        List<String> subjectWords = Segmenter.words(subject).stream().map(Terms::singular).toList();
        // "cross-validation scheme" and "cross validation iterators" share their modifiers: hyphens split words
        List<String> o = Terms.contentWords(option.replace('-', ' ')).stream().map(Terms::singular).toList();
        List<String> k = Terms.contentWords(key.replace('-', ' ')).stream().map(Terms::singular).toList();
        if (subjectWords.isEmpty() || o.isEmpty()) {
            return false;
        }
        String head = o.get(o.size() - 1);
        if (!k.isEmpty() && (head.equals(k.get(k.size() - 1)) || o.subList(0, o.size() - 1).stream()
                .anyMatch(k.subList(0, k.size() - 1)::contains))) {
            return true;
        }
        if (subjectWords.contains(head) || totalSentences == 0) {
            return false;
        }
        // "estimators", "programs", "functions": a class the corpus names in more than one sentence in a hundred
        // (and in at least 20) is broad enough to hold many of its subjects, stated or not
        int naming = sentencesWith(ids.getOrDefault(head, -1));
        if (naming > BROAD_SHARE * totalSentences && naming >= BROAD_MIN) {
            return true;
        }
        int[] s = ids(subject);
        // "regression problems" against "Decision Trees … used for classification and regression": a modifier
        // linked to the subject may make the option true as well
        for (String word : o) {
            if (!subjectWords.contains(word) && cache.computeIfAbsent(String.join(" ", subjectWords) + "\u0000" + word,
                    x -> search(s, ids.getOrDefault(word, -1)))) {
                return true;
            }
        }
        return false;
    }

    private boolean search(int[] subject, int probe) {
        int last = subject[subject.length - 1];
        if (probe <= OTHER || java.util.Arrays.stream(subject).anyMatch(id -> id <= OTHER)) {
            return false; // a word the corpus never uses: no sentence links them
        }
        if (subjectsByLastWord != null) { // read for a knowledge base: answered while reading
            Subject known = subjects.get(java.util.Arrays.toString(subject));
            return known != null && known.linked().get(probe);
        }
        Postings with = byWord.get(last);
        for (int p = 0; p < with.size; p++) {
            int[] words = sentences.get(with.sentences[p]);
            for (int end = subject.length - 1; end < words.length; end++) {
                if (at(words, subject, end) && linkedNear(words, end - subject.length + 1, end, probe)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The subject's words end at {@code end}. */
    private static boolean at(int[] words, int[] subject, int end) {
        for (int j = 0; j < subject.length; j++) {
            if (words[end - subject.length + 1 + j] != subject[j]) {
                return false;
            }
        }
        return true;
    }

    /** {@code probe} occurs within {@link #WINDOW} words of the subject with a linking word between. */
    private boolean linkedNear(int[] words, int start, int end, int probe) {
        for (int q = Math.max(0, start - WINDOW - 1); q < Math.min(words.length, end + WINDOW + 2); q++) {
            if (words[q] == probe && linkedAt(words, start, end, q)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The word at {@code q}, outside the subject at {@code [start, end]}, is linked to it: a linking word between
     * them and no word that breaks the link ("is read by", "is not a", "is passed to").
     */
    private boolean linkedAt(int[] words, int start, int end, int q) {
        if (q >= start && q <= end) {
            return false;
        }
        int from = q < start ? q + 1 : end + 1;
        int to = q < start ? start : q;
        boolean linked = false;
        for (int b = from; b < to; b++) {
            if (breaks[words[b]]) {
                return false;
            }
            linked |= links[words[b]];
        }
        return linked;
    }
}
