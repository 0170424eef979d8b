package dev.proda.validate;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.proda.extract.KnowledgeBase;
import dev.proda.io.AtomicFiles;
import dev.proda.model.Chain;
import dev.proda.model.Concept;
import dev.proda.model.Statement;
import dev.proda.project.Log;
import dev.proda.project.ProjectLayout;
import dev.proda.text.Terms;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one validation every knowledge base passes before a stage uses it, whichever teacher wrote it
 * (the embedded one, the LLM teacher) or whatever file it was imported from. A bad node is dropped and
 * reported with its id and the reason; the nodes that depend on it are fixed up, so that build, tests
 * and repair never meet a broken link:
 * <ul>
 *   <li>ids are unique in their layer (a later duplicate is dropped);
 *   <li>a statement is self-contained ({@link SelfContained}): its subject reads on its own, its object is
 *       complete; a {@link Statement#NEXT_STEP} link names its chain;
 *   <li>a chain has the shape docs/records.md gives it: {@code statement_ids.size() == steps.size() - 1}, and
 *       {@code statement_ids[i]} links {@code steps[i]} to {@code steps[i+1]}: in a {@link Chain#PATH} the
 *       statement's subject and object are those steps (compared by {@link Terms#key}) and its predicate is
 *       a relation (not {@value #ADJACENCY}, which only says one sentence follows another); in a
 *       {@link Chain#PROCEDURE} it is the chain's own next-step link whose subject and object are the two
 *       steps' text, and every step is a self-contained sentence. A chain of unstated kind gets the kind
 *       its links fit. A chain that loses a link or does not fit is dropped;
 *   <li>ids resolve: a next-step link whose chain is gone is dropped, any other statement of a dropped
 *       chain stays as a stand-alone claim; dangling {@code concept_ids} and {@code parent_statement_ids}
 *       are removed; a concept left with no statement (or whose term is not self-contained) is dropped.
 * </ul>
 * Validating a valid knowledge base returns it unchanged.
 */
public final class KbValidation {
    /** The report of the last validation, under {@code target/reports}. */
    public static final String REPORT_FILE = "kb-validation.json";
    /** Problems printed one per line; the rest are counted (all of them are in the report file). */
    static final int MAX_WARNINGS = 50;
    /** The predicate of the retired adjacency chains ("sentence B follows sentence A"): never a path's link. */
    public static final String ADJACENCY = "is-followed-by";

    private KbValidation() {
    }

    /** What happened to a node. */
    public enum Action {
        DROPPED, FIXED;

        @JsonValue
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One bad node: its layer ({@code chain}, {@code statement}, {@code concept}), id, why, and what was done. */
    public record Problem(String layer, String id, String reason, Action action) {
        @Override
        public String toString() {
            return (action == Action.DROPPED ? "dropped " : "fixed ") + layer + " " + id + ": " + reason;
        }
    }

    /** Nodes per layer. */
    public record Counts(int chains, int statements, int concepts) {
        public static Counts of(KnowledgeBase kb) {
            return new Counts(kb.chains().size(), kb.statements().size(), kb.concepts().size());
        }
    }

    /** The file {@link Validated#report} writes. */
    public record Report(String source, Counts checked, Counts kept, long dropped, long fixed,
            List<Problem> problems) {
    }

    /** A validated knowledge base and what was wrong with its input. */
    public record Validated(KnowledgeBase kb, Counts checked, List<Problem> problems) {
        public Validated {
            problems = List.copyOf(problems);
        }

        public long dropped() {
            return problems.stream().filter(p -> p.action() == Action.DROPPED).count();
        }

        public long fixed() {
            return problems.stream().filter(p -> p.action() == Action.FIXED).count();
        }

        /** The same result with problems found earlier (e.g. nodes an import could not read) in front. */
        public Validated after(List<Problem> earlier, Counts read) {
            List<Problem> all = new ArrayList<>(earlier);
            all.addAll(problems);
            return new Validated(kb, read, all);
        }

        /**
         * Writes {@code target/reports/kb-validation.json}, warns once per problem (the first
         * {@value #MAX_WARNINGS}, then a count) and logs a summary line.
         */
        public Validated report(ProjectLayout layout, String source, Log log) {
            Path file = layout.reports().resolve(REPORT_FILE);
            Report report = new Report(source, checked, Counts.of(kb), dropped(), fixed(), problems);
            AtomicFiles.writeJson(file, report);
            for (int i = 0; i < Math.min(MAX_WARNINGS, problems.size()); i++) {
                log.warn("kb validation: " + problems.get(i));
            }
            if (problems.size() > MAX_WARNINGS) {
                log.warn("kb validation: " + (problems.size() - MAX_WARNINGS) + " more problems in "
                        + layout.root().relativize(file));
            }
            Counts kept = report.kept();
            log.info("kb validation (" + source + "): kept " + kept.chains() + "/" + checked.chains() + " chains, "
                    + kept.statements() + "/" + checked.statements() + " statements, " + kept.concepts() + "/"
                    + checked.concepts() + " concepts; " + dropped() + " nodes dropped, " + fixed() + " fixed (report: "
                    + layout.root().relativize(file) + ")");
            return this;
        }
    }

    /** Validates {@code kb}: bad nodes dropped, their dependants fixed up, every change listed. */
    public static Validated check(KnowledgeBase kb) {
        return new Check(kb).run();
    }

    /** One run of the checks, in dependency order. */
    private static final class Check {
        private final KnowledgeBase input;
        private final List<Problem> problems = new ArrayList<>();
        private final Map<String, String> droppedStatements = new LinkedHashMap<>();

        Check(KnowledgeBase input) {
            this.input = input;
        }

        Validated run() {
            Map<String, Chain> chains = unique(input.chains(), Chain::chain_id, "chain");
            Map<String, Statement> statements = unique(input.statements(), Statement::statement_id, "statement");
            Map<String, Concept> concepts = unique(input.concepts(), Concept::concept_id, "concept");

            for (Statement s : statements.values()) {
                statementProblem(s).ifPresent(reason -> dropStatement(s, reason));
            }
            Map<String, Chain> keptChains = new LinkedHashMap<>();
            for (Chain chain : chains.values()) {
                Shape shape = shape(chain, statements);
                if (shape.problem() != null) {
                    problems.add(new Problem("chain", chain.chain_id(), shape.problem(), Action.DROPPED));
                } else {
                    keptChains.put(chain.chain_id(), withKind(chain, shape.kind()));
                }
            }
            Map<String, Statement> keptStatements = new LinkedHashMap<>();
            for (Statement s : statements.values()) {
                if (droppedStatements.containsKey(s.statement_id())) {
                    continue;
                }
                Statement kept = tiedToItsChain(s, chains, keptChains);
                if (kept != null) {
                    keptStatements.put(kept.statement_id(), kept);
                }
            }
            Map<String, Concept> keptConcepts = new LinkedHashMap<>();
            for (Concept c : concepts.values()) {
                Concept kept = concept(c, keptStatements);
                if (kept != null) {
                    keptConcepts.put(kept.concept_id(), kept);
                }
            }
            List<Statement> finalStatements = new ArrayList<>();
            for (Statement s : keptStatements.values()) {
                List<String> ids = s.concept_ids().stream().filter(keptConcepts::containsKey).toList();
                if (ids.size() != s.concept_ids().size()) {
                    problems.add(new Problem("statement", s.statement_id(), "concept_ids named concepts that do not "
                            + "exist or were dropped: " + missing(s.concept_ids(), keptConcepts), Action.FIXED));
                    s = s.withConcepts(ids);
                }
                finalStatements.add(s);
            }
            return new Validated(new KnowledgeBase(List.copyOf(keptChains.values()), finalStatements,
                    List.copyOf(keptConcepts.values())), Counts.of(input), problems);
        }

        private <T> Map<String, T> unique(List<T> nodes, Function<T, String> id, String layer) {
            Map<String, T> byId = new LinkedHashMap<>();
            for (T node : nodes) {
                if (byId.putIfAbsent(id.apply(node), node) != null) {
                    problems.add(new Problem(layer, id.apply(node), "duplicate id: an earlier " + layer + " has it",
                            Action.DROPPED));
                }
            }
            return byId;
        }

        private void dropStatement(Statement s, String reason) {
            droppedStatements.put(s.statement_id(), reason);
            problems.add(new Problem("statement", s.statement_id(), reason, Action.DROPPED));
        }

        private static Optional<String> statementProblem(Statement s) {
            if (s.subject().isBlank() || s.object().isBlank()) {
                return Optional.of("empty subject or object");
            }
            if (Statement.NEXT_STEP.equals(s.predicate())) {
                // Its subject and object are steps, checked as sentences with the chain.
                return s.parent_chain_id() == null ? Optional.of("a next-step link that names no chain")
                        : Optional.empty();
            }
            Optional<String> subject = SelfContained.subjectProblem(s.subject());
            if (subject.isPresent()) {
                return Optional.of("subject '" + s.subject() + "' is not self-contained: " + subject.get());
            }
            return SelfContained.objectProblem(s.object()).map(p -> "object '" + s.object() + "' is incomplete: " + p);
        }

        /** A chain's kind if it fits one, or why it does not. */
        private record Shape(String kind, String problem) {
        }

        private Shape shape(Chain chain, Map<String, Statement> statements) {
            List<String> steps = chain.steps();
            List<String> ids = chain.statement_ids();
            if (ids.size() != steps.size() - 1) {
                return new Shape(null, steps.size() + " steps but " + ids.size() + " link statements (a chain of "
                        + steps.size() + " steps needs " + (steps.size() - 1) + ")");
            }
            List<Statement> links = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                Statement link = statements.get(ids.get(i));
                if (link == null) {
                    return new Shape(null, "statement_ids[" + i + "] " + ids.get(i) + " does not exist");
                }
                if (droppedStatements.containsKey(link.statement_id())) {
                    return new Shape(null, "statement_ids[" + i + "] " + ids.get(i) + " was dropped ("
                            + droppedStatements.get(link.statement_id()) + ")");
                }
                links.add(link);
            }
            String kind = chain.kind() != null ? chain.kind()
                    : links.stream().allMatch(l -> Statement.NEXT_STEP.equals(l.predicate())) ? Chain.PROCEDURE
                    : Chain.PATH;
            for (int i = 0; i < links.size(); i++) {
                Optional<String> mismatch = kind.equals(Chain.PROCEDURE) ? procedureLinkProblem(chain, links.get(i), i)
                        : pathLinkProblem(chain, links.get(i), i);
                if (mismatch.isPresent()) {
                    return new Shape(null, "not a " + kind + ": " + mismatch.get());
                }
            }
            if (kind.equals(Chain.PROCEDURE)) {
                for (int i = 0; i < steps.size(); i++) {
                    Optional<String> problem = SelfContained.stepProblem(steps.get(i));
                    if (problem.isPresent()) {
                        return new Shape(null, "steps[" + i + "] '" + steps.get(i) + "' is not self-contained: "
                                + problem.get());
                    }
                }
            }
            return new Shape(kind, null);
        }

        private static Optional<String> procedureLinkProblem(Chain chain, Statement link, int i) {
            String at = "statement_ids[" + i + "] " + link.statement_id();
            if (!Statement.NEXT_STEP.equals(link.predicate())) {
                return Optional.of(at + " is '" + link.predicate() + "', not " + Statement.NEXT_STEP);
            }
            if (!chain.chain_id().equals(link.parent_chain_id())) {
                return Optional.of(at + " belongs to chain " + link.parent_chain_id());
            }
            if (!sameText(link.subject(), chain.steps().get(i)) || !sameText(link.object(), chain.steps().get(i + 1))) {
                return Optional.of(at + " links '" + link.subject() + "' to '" + link.object() + "', not steps[" + i
                        + "] to steps[" + (i + 1) + "]");
            }
            return Optional.empty();
        }

        private static Optional<String> pathLinkProblem(Chain chain, Statement link, int i) {
            String at = "statement_ids[" + i + "] " + link.statement_id();
            if (Statement.NEXT_STEP.equals(link.predicate()) || ADJACENCY.equals(link.predicate())) {
                return Optional.of(at + " is '" + link.predicate() + "': sentence order, not a relation");
            }
            if (!Terms.key(link.subject()).equals(Terms.key(chain.steps().get(i)))
                    || !Terms.key(link.object()).equals(Terms.key(chain.steps().get(i + 1)))) {
                return Optional.of(at + " relates '" + link.subject() + "' to '" + link.object() + "', not steps[" + i
                        + "] '" + chain.steps().get(i) + "' to steps[" + (i + 1) + "] '" + chain.steps().get(i + 1)
                        + "'");
            }
            return Optional.empty();
        }

        private static boolean sameText(String a, String b) {
            return normal(a).equals(normal(b));
        }

        private static String normal(String text) {
            return text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        }

        private static Chain withKind(Chain c, String kind) {
            return kind.equals(c.kind()) ? c : new Chain(c.chain_id(), c.domain_context(), c.process_name(),
                    c.narrative_summary(), c.preconditions(), c.negative_constraints(), c.steps(), c.statement_ids(),
                    c.spans(), c.discipline(), kind);
        }

        /** The statement as it stays beside the kept chains, or null if it goes with its chain. */
        private Statement tiedToItsChain(Statement s, Map<String, Chain> chains, Map<String, Chain> keptChains) {
            String parent = s.parent_chain_id();
            if (parent == null) {
                return s;
            }
            Chain chain = keptChains.get(parent);
            String reason = chain != null ? null
                    : chains.containsKey(parent) ? "its chain " + parent + " was dropped"
                    : "its chain " + parent + " does not exist";
            if (chain != null && !chain.statement_ids().contains(s.statement_id())) {
                reason = "it is not one of the links of its chain " + parent;
            }
            if (reason == null) {
                return s;
            }
            if (Statement.NEXT_STEP.equals(s.predicate())) {
                dropStatement(s, "a " + Statement.NEXT_STEP + " link, and " + reason);
                return null;
            }
            problems.add(new Problem("statement", s.statement_id(), reason + "; kept as a stand-alone claim",
                    Action.FIXED));
            return new Statement(s.statement_id(), null, s.subject(), s.predicate(), s.object(), s.source_quote(),
                    s.spans(), s.concept_ids(), s.confidence());
        }

        private Concept concept(Concept c, Map<String, Statement> statements) {
            Optional<String> term = c.term().isBlank() ? Optional.of("empty") : SelfContained.subjectProblem(c.term());
            if (term.isPresent()) {
                problems.add(new Problem("concept", c.concept_id(), "term '" + c.term() + "' is not self-contained: "
                        + term.get(), Action.DROPPED));
                return null;
            }
            List<String> ids = c.parent_statement_ids().stream().filter(statements::containsKey).toList();
            if (ids.isEmpty()) {
                problems.add(new Problem("concept", c.concept_id(), c.parent_statement_ids().isEmpty()
                        ? "no statement mentions it" : "all its statements were dropped or do not exist: "
                        + c.parent_statement_ids(), Action.DROPPED));
                return null;
            }
            if (ids.size() == c.parent_statement_ids().size()) {
                return c;
            }
            problems.add(new Problem("concept", c.concept_id(), "parent_statement_ids named statements that do not "
                    + "exist or were dropped: " + missing(c.parent_statement_ids(), statements), Action.FIXED));
            return new Concept(c.concept_id(), c.term(), c.aliases(), c.type(), c.definition(), ids, c.discipline(),
                    c.spans());
        }

        private static List<String> missing(List<String> ids, Map<String, ?> present) {
            return ids.stream().filter(id -> !present.containsKey(id)).toList();
        }
    }
}
