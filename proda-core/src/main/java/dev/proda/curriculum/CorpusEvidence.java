package dev.proda.curriculum;

import dev.proda.project.Corpus;
import dev.proda.project.Log;
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
    /** No corpus: only the knowledge base decides. */
    public static final CorpusEvidence NONE = new CorpusEvidence(List.of());

    /** A class head in more than this share of the corpus's sentences is broad ("estimator", "program"). */
    static final double BROAD_SHARE = 0.01;
    /** ... and in at least this many sentences (in a handful of sentences every word is "frequent"). */
    static final int BROAD_MIN = 20;
    /** At most this many words between the subject and the class word. */
    static final int WINDOW = 8;
    private static final Set<String> LINKS = Set.of("is", "are", "was", "were", "be", "being", "been", "as", "such",
            "including", "include", "includes", "like", "other", "a", "an", "one", "called", "named", "among");

    private static final Set<String> BREAKS = Set.of("by", "than", "not", "from", "to", "into", "with", "on");

    private final List<String[]> sentences;
    private final Map<String, List<Integer>> byWord = new HashMap<>();
    private final Map<String, Boolean> cache = new HashMap<>();

    private CorpusEvidence(List<String[]> sentences) {
        this.sentences = sentences;
        for (int i = 0; i < sentences.size(); i++) {
            for (String word : sentences.get(i)) {
                List<Integer> list = byWord.computeIfAbsent(word, k -> new ArrayList<>());
                if (list.isEmpty() || list.get(list.size() - 1) != i) {
                    list.add(i);
                }
            }
        }
    }

    /** The sentences of the corpus as singular lower-case words. */
    public static CorpusEvidence of(List<Corpus.Document> documents) {
        List<String[]> sentences = new ArrayList<>();
        for (Corpus.Document document : documents) {
            for (TextUnit paragraph : Segmenter.paragraphs(document.text())) {
                for (TextUnit sentence : Segmenter.sentences(document.text(), paragraph)) {
                    sentences.add(words(sentence.text()));
                }
            }
        }
        return new CorpusEvidence(sentences);
    }

    /** The project's corpus as evidence. */
    public static CorpusEvidence read(ProjectLayout layout, ProdaConfig config) {
        return of(Corpus.read(layout.corpus(), config.name(), Log.SILENT));
    }

    private static String[] words(String text) {
        return Segmenter.words(text).stream().map(Terms::singular).toArray(String[]::new);
    }

    /**
     * Whether the corpus may state that {@code subject} is (a kind of) {@code option}, an option offered
     * against the true {@code key}. An option with the key's head noun ("former Communist country" against
     * "mountainous country") or one of its modifiers ("cross-validation scheme" against "classical
     * cross-validation technique") may hold as well: a country can be both, and nothing says it is not. Otherwise
     * no content word of the option may be linked to the subject in a sentence.
     */
    public boolean mayHold(String subject, String option, String key) {
        String[] s = words(subject);
        // "cross-validation scheme" and "cross validation iterators" share their modifiers: hyphens split words
        List<String> o = Terms.contentWords(option.replace('-', ' ')).stream().map(Terms::singular).toList();
        List<String> k = Terms.contentWords(key.replace('-', ' ')).stream().map(Terms::singular).toList();
        if (s.length == 0 || o.isEmpty()) {
            return false;
        }
        String head = o.get(o.size() - 1);
        if (!k.isEmpty() && (head.equals(k.get(k.size() - 1)) || o.subList(0, o.size() - 1).stream()
                .anyMatch(k.subList(0, k.size() - 1)::contains))) {
            return true;
        }
        List<String> subjectWords = List.of(s);
        if (subjectWords.contains(head) || sentences.isEmpty()) {
            return false;
        }
        // "estimators", "programs", "functions": a class the corpus names in more than one sentence in a hundred
        // (and in at least 20) is broad enough to hold many of its subjects, stated or not
        int naming = byWord.getOrDefault(head, List.of()).size();
        if (naming > BROAD_SHARE * sentences.size() && naming >= BROAD_MIN) {
            return true;
        }
        // "regression problems" against "Decision Trees … used for classification and regression": a modifier
        // linked to the subject may make the option true as well
        for (String word : o) {
            if (!subjectWords.contains(word) && cache.computeIfAbsent(String.join(" ", s) + "\u0000" + word,
                    x -> search(s, word))) {
                return true;
            }
        }
        return false;
    }

    private boolean search(String[] subject, String probe) {
        for (int index : byWord.getOrDefault(subject[subject.length - 1], List.of())) {
            String[] words = sentences.get(index);
            for (int end = subject.length - 1; end < words.length; end++) {
                if (at(words, subject, end) && linkedNear(words, end - subject.length + 1, end, probe)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The subject's words end at {@code end}. */
    private static boolean at(String[] words, String[] subject, int end) {
        for (int j = 0; j < subject.length; j++) {
            if (!words[end - subject.length + 1 + j].equals(subject[j])) {
                return false;
            }
        }
        return true;
    }

    /** {@code probe} occurs within {@link #WINDOW} words of the subject with a linking word between. */
    private static boolean linkedNear(String[] words, int start, int end, String probe) {
        for (int q = Math.max(0, start - WINDOW - 1); q < Math.min(words.length, end + WINDOW + 2); q++) {
            if (q >= start && q <= end || !words[q].equals(probe)) {
                continue;
            }
            int from = q < start ? q + 1 : end + 1;
            int to = q < start ? start : q;
            boolean linked = false;
            for (int b = from; b < to; b++) {
                if (BREAKS.contains(words[b])) {
                    linked = false; // "is read by", "is not a", "is passed to": no class link
                    break;
                }
                linked |= LINKS.contains(words[b]);
            }
            if (linked) {
                return true;
            }
        }
        return false;
    }
}
