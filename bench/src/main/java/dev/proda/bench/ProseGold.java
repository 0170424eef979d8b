package dev.proda.bench;

import dev.proda.io.Jsonl;
import dev.proda.io.ProdaFileException;
import dev.proda.project.Corpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Statement, term and procedure gold for real prose, labelled by reading ({@code bench/data/prose-gold}):
 * {@code sentences.jsonl} (what a careful reader extracts from one sentence) and {@code procedures.jsonl}
 * (passages that do or do not state a procedure). {@code doc} is relative to the corpus of the item's
 * {@code set}: {@value #BUNDLED} = {@code examples/textbooks/corpus}, {@value #HELD_OUT} =
 * {@code bench/data/heldout/corpus}.
 */
public record ProseGold(List<Sentence> sentences, List<Passage> passages) {
    static final String BUNDLED = "bundled";
    static final String HELD_OUT = "held-out";
    static final Set<String> SETS = Set.of(BUNDLED, HELD_OUT);
    /** The relation predicates of the KB contract; gold statements use only these. */
    static final Set<String> PREDICATES = Set.of("is-a", "part-of", "has-part", "used-for", "requires", "causes",
            "enables", "measured-in");

    public ProseGold {
        sentences = List.copyOf(sentences);
        passages = List.copyOf(passages);
    }

    /** One labelled sentence: {@code text} is exactly {@code doc[start, end)}. */
    public record Sentence(String id, String set, String stratum, String discipline, String doc, int start, int end,
            String text, List<String> terms, List<GoldStatement> statements, String note) {
        public Sentence {
            Objects.requireNonNull(id, "id");
            requireSet(id, set);
            Objects.requireNonNull(doc, "doc");
            Objects.requireNonNull(text, "text");
            terms = terms == null ? List.of() : List.copyOf(terms);
            statements = statements == null ? List.of() : List.copyOf(statements);
            for (GoldStatement s : statements) {
                if (!PREDICATES.contains(s.predicate())) {
                    throw new IllegalArgumentException(id + ": predicate '" + s.predicate() + "' is none of "
                            + PREDICATES);
                }
            }
        }
    }

    /** A claim the sentence states; the accept lists name other surface forms of the same concept. */
    public record GoldStatement(String subject, String predicate, String object, List<String> accept_subjects,
            List<String> accept_objects) {
        public GoldStatement {
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(predicate, "predicate");
            Objects.requireNonNull(object, "object");
            accept_subjects = accept_subjects == null ? List.of() : List.copyOf(accept_subjects);
            accept_objects = accept_objects == null ? List.of() : List.copyOf(accept_objects);
        }

        Set<String> subjectKeys() {
            return TermKeys.keys(concat(subject, accept_subjects));
        }

        Set<String> objectKeys() {
            return TermKeys.keys(concat(object, accept_objects));
        }

        private static List<String> concat(String first, List<String> rest) {
            List<String> all = new ArrayList<>(rest);
            all.add(0, first);
            return all;
        }
    }

    /** A passage that states a procedure ({@code procedure} set) or, read carefully, none (null). */
    public record Passage(String id, String set, String discipline, String doc, int start, int end, String text,
            Procedure procedure, String note) {
        public Passage {
            Objects.requireNonNull(id, "id");
            requireSet(id, set);
            Objects.requireNonNull(doc, "doc");
            Objects.requireNonNull(text, "text");
        }
    }

    public record Procedure(String name, List<String> steps) {
        public Procedure {
            steps = steps == null ? List.of() : List.copyOf(steps);
        }
    }

    private static void requireSet(String id, String set) {
        if (!SETS.contains(set)) {
            throw new IllegalArgumentException(id + ": set must be one of " + SETS + ", not '" + set + "'");
        }
    }

    /** Reads {@code dir/sentences.jsonl} and, when present, {@code dir/procedures.jsonl}. */
    static ProseGold read(Path dir) {
        Path sentences = dir.resolve("sentences.jsonl");
        if (!Files.isRegularFile(sentences)) {
            throw new ProdaFileException("no prose gold: " + sentences + " is missing");
        }
        Path procedures = dir.resolve("procedures.jsonl");
        return new ProseGold(Jsonl.read(sentences, Sentence.class),
                Files.isRegularFile(procedures) ? Jsonl.read(procedures, Passage.class) : List.of());
    }

    /** The items of one set. */
    ProseGold of(String set) {
        return new ProseGold(sentences.stream().filter(s -> s.set().equals(set)).toList(),
                passages.stream().filter(p -> p.set().equals(set)).toList());
    }

    boolean isEmpty() {
        return sentences.isEmpty() && passages.isEmpty();
    }

    /**
     * Fails, naming the items, when a gold text is not the exact slice of its document in {@code corpus}: a
     * gold whose offsets no longer point at its text (a regenerated corpus) would be scored silently wrong.
     */
    void requireIn(List<Corpus.Document> corpus, String corpusName) {
        Map<String, String> texts = new HashMap<>();
        corpus.forEach(d -> texts.put(d.path(), d.text()));
        List<String> problems = new ArrayList<>();
        for (Sentence s : sentences) {
            check(s.id(), s.doc(), s.start(), s.end(), s.text(), texts, problems);
        }
        for (Passage p : passages) {
            check(p.id(), p.doc(), p.start(), p.end(), p.text(), texts, problems);
        }
        if (!problems.isEmpty()) {
            throw new ProdaFileException(problems.size() + " gold item(s) do not match " + corpusName + ": "
                    + String.join("; ", problems.subList(0, Math.min(5, problems.size())))
                    + (problems.size() > 5 ? "; …" : ""));
        }
    }

    private static void check(String id, String doc, int start, int end, String text, Map<String, String> texts,
            List<String> problems) {
        String document = texts.get(doc);
        if (document == null) {
            problems.add(id + ": no document " + doc);
        } else if (start < 0 || end > document.length() || start > end) {
            problems.add(id + ": [" + start + ", " + end + ") outside " + doc);
        } else if (!document.substring(start, end).equals(text)) {
            problems.add(id + ": text is not " + doc + "[" + start + ", " + end + ")");
        }
    }
}
