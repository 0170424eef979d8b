package dev.proda.tester;

import dev.proda.extract.KnowledgeBase;
import dev.proda.model.Chain;
import dev.proda.model.Concept;
import dev.proda.model.Records;
import dev.proda.model.Span;
import dev.proda.model.Statement;
import dev.proda.text.Terms;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A knowledge base in the contract's shape, written by hand: relations between concept terms in two
 * disciplines, definitions, linked paths, procedures, and one old-style chain of no kind.
 */
final class TestKb {
    private final Map<String, Concept> concepts = new LinkedHashMap<>();
    private final Map<String, List<String>> conceptStatements = new LinkedHashMap<>();
    private final List<Statement> statements = new ArrayList<>();
    private final List<Chain> chains = new ArrayList<>();

    static KnowledgeBase standard() {
        TestKb kb = new TestKb();
        String st = "statistics";
        kb.rel("lasso", "is-a", "linear model", st);
        kb.rel("ridge regression", "is-a", "linear model", st);
        kb.rel("linear model", "is-a", "statistical model", st);
        kb.rel("Gaussian process", "is-a", "statistical model", st);
        kb.rel("random forest", "is-a", "ensemble method", st);
        kb.rel("k-means", "is-a", "clustering algorithm", st);
        kb.rel("PCA", "is-a", "dimensionality reduction technique", st);
        kb.rel("support vector machine", "is-a", "kernel machine", st);
        kb.rel("naive Bayes", "is-a", "probabilistic classifier", st);
        kb.rel("DBSCAN", "is-a", "density-based method", st);
        kb.rel("t-SNE", "is-a", "embedding technique", st);
        kb.alias("support vector machine", "SVM");
        kb.rel("cross-validation", "used-for", "model selection", st);
        kb.rel("bootstrap", "used-for", "uncertainty estimation", st);
        kb.rel("grid search", "used-for", "hyperparameter tuning", st);
        kb.rel("early stopping", "used-for", "overfitting prevention", st);
        String ec = "economics";
        kb.rel("tariff", "is-a", "trade barrier", ec);
        kb.rel("GDP", "is-a", "output measure", ec);
        kb.rel("central bank", "is-a", "monetary authority", ec);
        kb.rel("bond", "is-a", "debt security", ec);
        kb.rel("recession", "is-a", "economic contraction", ec);
        kb.define("variance", "the expected squared deviation from the mean", st);
        kb.define("median", "the middle value of an ordered sample", st);
        kb.define("histogram", "a bar chart of binned counts", st);
        kb.define("outlier", "an observation far from the rest of the data", st);
        kb.define("estimator", "a rule for computing a quantity from observed data", st);
        kb.path(st, "elastic net", "is-a", "penalized regression", "used-for", "coefficient shrinkage");
        kb.path(st, "bagging", "is-a", "ensemble technique", "used-for", "variance reduction");
        kb.path(st, "Adam", "is-a", "gradient optimizer", "used-for", "loss minimization");
        kb.path(st, "Kaplan-Meier estimator", "is-a", "survival method", "used-for", "time-to-event analysis");
        kb.path(st, "histogram binning", "is-a", "discretization scheme", "used-for", "density visualization");
        kb.procedure(st, "fitting a classifier", "Split the data into training and test sets.", "Scale the features.",
                "Train the estimator on the training set.", "Predict labels for the held-back rows.",
                "Compare predictions with the true labels.");
        kb.procedure(st, "drawing a bootstrap sample", "Count the rows of the data.",
                "Draw that many row indices with replacement.", "Collect the rows at those indices.");
        kb.procedure(st, "computing a trimmed mean", "Sort the observations.", "Drop a fixed share at both ends.",
                "Average what remains.");
        kb.oldChain(st, "Statistics is the study of data.", "It has many uses.");
        return kb.build();
    }

    KnowledgeBase build() {
        List<Concept> withStatements = concepts.values().stream().map(c -> new Concept(c.concept_id(), c.term(),
                c.aliases(), c.type(), c.definition(), conceptStatements.getOrDefault(c.concept_id(), List.of()),
                c.discipline(), c.spans())).toList();
        return new KnowledgeBase(chains, statements, withStatements);
    }

    Statement rel(String subject, String predicate, String object, String discipline) {
        return relation(subject, predicate, object, discipline, null);
    }

    private Statement relation(String subject, String predicate, String object, String discipline, String chain) {
        String id = Records.id("s-", subject, predicate, object, String.valueOf(chain));
        Statement s = new Statement(id, chain, subject, predicate, object,
                capitalise(subject) + " " + predicate + " " + object + ".", List.of(span(discipline)),
                chain == null ? List.of(concept(subject, discipline), concept(object, discipline)) : List.of());
        statements.add(s);
        s.concept_ids().forEach(c -> conceptStatements.computeIfAbsent(c, k -> new ArrayList<>()).add(id));
        return s;
    }

    void define(String term, String definition, String discipline) {
        String id = concept(term, discipline);
        Concept c = concepts.get(id);
        concepts.put(id, new Concept(id, c.term(), c.aliases(), "term", definition, List.of(), discipline, c.spans()));
        rel(term, "defined-as", definition, discipline);
    }

    void alias(String term, String alias) {
        String id = conceptId(term);
        Concept c = concepts.get(id);
        concepts.put(id, new Concept(id, c.term(), List.of(alias), c.type(), c.definition(), List.of(), c.discipline(),
                c.spans()));
    }

    void path(String discipline, String start, String first, String middle, String second, String end) {
        Statement a = rel(start, first, middle, discipline);
        Statement b = rel(middle, second, end, discipline);
        chains.add(new Chain(Records.id("ch-", start, middle, end), null, start + " to " + end, null, List.of(),
                List.of(), List.of(start, middle, end), List.of(a.statement_id(), b.statement_id()),
                List.of(span(discipline)), discipline, Chain.PATH));
    }

    void procedure(String discipline, String process, String... steps) {
        String chainId = Records.id("ch-", process);
        List<String> links = new ArrayList<>();
        for (int i = 0; i + 1 < steps.length; i++) {
            links.add(relation(steps[i], Statement.NEXT_STEP, steps[i + 1], discipline, chainId).statement_id());
        }
        chains.add(new Chain(chainId, null, process, null, List.of(), List.of(), List.of(steps), links,
                List.of(span(discipline)), discipline, Chain.PROCEDURE));
    }

    void oldChain(String discipline, String... steps) {
        String chainId = Records.id("ch-", steps);
        List<String> links = new ArrayList<>();
        for (int i = 0; i + 1 < steps.length; i++) {
            links.add(relation(steps[i], "is-followed-by", steps[i + 1], discipline, chainId).statement_id());
        }
        chains.add(new Chain(chainId, null, "passage", null, List.of(), List.of(), List.of(steps), links,
                List.of(span(discipline)), discipline));
    }

    private String concept(String term, String discipline) {
        String id = conceptId(term);
        concepts.putIfAbsent(id, new Concept(id, term, List.of(), "term", null, List.of(), discipline,
                List.of(span(discipline))));
        return id;
    }

    static String conceptId(String term) {
        return Records.id("c-", Terms.key(term));
    }

    private static Span span(String discipline) {
        return new Span(discipline + "/notes.txt", 0, 10);
    }

    private static String capitalise(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
