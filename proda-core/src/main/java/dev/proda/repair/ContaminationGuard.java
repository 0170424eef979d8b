package dev.proda.repair;

import dev.proda.build.Phrasing;
import dev.proda.model.Message;
import dev.proda.model.Sample;
import dev.proda.model.Statement;
import dev.proda.model.TestItem;
import dev.proda.project.Corpus;
import dev.proda.text.NGrams;
import dev.proda.text.Terms;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps benchmark wording out of repair data. Corpus sentences and the knowledge base's own rendering
 * of its statements are shared by design (they are the knowledge), so two things are refused: any word
 * n-gram that occurs in a dev/test item but in neither of those (the item's own wording), a sample that
 * asks an item's very question (about another fact with the same subject and relation, say), and a sample
 * that contains two or more options of one item (it would rehearse the very contrast the item tests).
 */
final class ContaminationGuard {
    static final int N = 6;

    private final Set<String> itemOnlyGrams = new HashSet<>();
    private final List<TestItem> items;
    /** Every item's question, as words: a sample may not ask it, even about another node. */
    private final Set<String> questions = new HashSet<>();

    /**
     * The items' n-grams less those the corpus or the statements hold. Only the items' n-grams are kept: the
     * corpus is read one document at a time (a {@link Corpus.OnDisk} reads each from disk) and only strikes
     * n-grams off, where a set of every corpus n-gram took many times the corpus's size in memory.
     */
    ContaminationGuard(List<TestItem> benchmark, List<Corpus.Document> corpus, List<Statement> statements) {
        this.items = List.copyOf(benchmark);
        for (TestItem item : benchmark) {
            questions.add(wordsOf(item.question()));
            // Question and options separately: an n-gram spanning the seam between them is no item text.
            List<String> fields = new java.util.ArrayList<>(item.options().values());
            fields.add(item.question());
            for (String field : fields) {
                itemOnlyGrams.addAll(NGrams.of(field, N));
            }
        }
        for (Statement s : statements) {
            itemOnlyGrams.removeAll(NGrams.of(Phrasing.sentence(s.subject(), s.predicate(), s.object()), N));
        }
        for (int d = 0; d < corpus.size() && !itemOnlyGrams.isEmpty(); d++) {
            itemOnlyGrams.removeAll(NGrams.of(corpus.get(d).text(), N));
        }
    }

    private static String wordsOf(String text) {
        return String.join(" ", dev.proda.text.Segmenter.words(Terms.lower(text)));
    }

    /** Why the sample is refused, or null if it is clean. */
    String problem(Sample sample) {
        String text = sample.messages().stream().map(Message::content).reduce("", (a, b) -> a + "\n" + b);
        for (String gram : NGrams.of(text, N)) {
            if (itemOnlyGrams.contains(gram)) {
                return "copies benchmark wording \"" + gram + "\"";
            }
        }
        // "Support vector machines are used for ___." asks one item's question whichever object it keys
        for (Message message : sample.messages()) {
            if (message.role().equals("user") && questions.contains(wordsOf(message.content()))) {
                return "asks a benchmark question";
            }
        }
        String lower = " " + wordsOf(text) + " ";
        for (TestItem item : items) {
            // Whole words only: a term option "C" or "tree" is not contained in "C++" or "trees of".
            long options = item.options().values().stream()
                    .filter(o -> lower.contains(" " + wordsOf(o) + " ")).count();
            if (options >= 2) {
                return "contains " + options + " options of item " + item.id();
            }
        }
        return null;
    }
}
