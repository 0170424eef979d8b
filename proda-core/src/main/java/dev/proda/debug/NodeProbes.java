package dev.proda.debug;

import dev.proda.build.Phrasing;
import dev.proda.curriculum.CorpusEvidence;
import dev.proda.extract.KnowledgeBase;
import dev.proda.model.Chain;
import dev.proda.model.Concept;
import dev.proda.model.Statement;
import dev.proda.model.TestItem;
import dev.proda.tester.Draft;
import dev.proda.tester.Form;
import dev.proda.tester.ItemAssembly;
import dev.proda.tester.KbTruth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Single-node checks derived from the knowledge base, worded unlike both training samples and benchmark
 * items: an L2 probe per statement (what follows this step / complete the relation) and an L1 probe per
 * concept (which description fits the term, or which term fills the blank in its source sentence).
 * Distractors are never true by the knowledge base nor possibly true by the corpus (as the Tester's are), and
 * the item is built by the Tester's assembly.
 */
final class NodeProbes {
    private final KnowledgeBase kb;
    private final KbTruth truth;
    private final CorpusEvidence evidence;
    private final Map<String, Chain> chains;
    private final Random random;

    NodeProbes(KnowledgeBase kb, CorpusEvidence evidence, long seed) {
        this.kb = kb;
        this.truth = new KbTruth(kb);
        this.evidence = evidence;
        this.chains = kb.chainsById();
        this.random = new Random(seed + 31);
    }

    /** A probe for a statement, or empty when the KB offers too few distractors. */
    Optional<TestItem> statement(Statement statement) {
        if (statement.parent_chain_id() != null) {
            Chain own = chains.get(statement.parent_chain_id());
            List<String> pool = kb.chains().stream().filter(c -> own == null || !c.chain_id().equals(own.chain_id()))
                    .flatMap(c -> c.steps().stream()).toList();
            return probe(statement.statement_id(), List.of(statement.statement_id()), statement.concept_ids(),
                    "Next step? " + Phrasing.quote(statement.subject()), statement.object(), pool,
                    step -> own == null || !truth.stepOf(own.chain_id(), step));
        }
        List<String> pool = kb.statements().stream().filter(s -> s.parent_chain_id() == null
                && s.predicate().equals(statement.predicate())).map(Statement::object).toList();
        return probe(statement.statement_id(), List.of(statement.statement_id()), statement.concept_ids(),
                "Fill in: " + statement.subject() + " " + Phrasing.verb(statement.predicate()) + " ___",
                statement.object(), pool, o -> !truth.holds(statement.subject(), statement.predicate(), o)
                        && !(statement.predicate().equals("is-a")
                                && evidence.mayHold(statement.subject(), o, statement.object())));
    }

    /** A probe for a concept, or empty when the KB offers too few distractors. */
    Optional<TestItem> concept(Concept concept) {
        if (concept.definition() != null) {
            List<String> pool = kb.concepts().stream().map(Concept::definition).filter(d -> d != null).toList();
            return probe(concept.concept_id(), List.of(), List.of(concept.concept_id()),
                    "Which description fits " + Phrasing.quote(concept.term()) + "?", concept.definition(), pool,
                    d -> !truth.defines(concept.term(), d));
        }
        Optional<String> blanked = kb.statementsById().values().stream()
                .filter(s -> concept.parent_statement_ids().contains(s.statement_id()))
                .map(s -> blank(s.source_quote(), concept.term())).flatMap(Optional::stream).findFirst();
        if (blanked.isEmpty()) {
            return Optional.empty();
        }
        List<String> pool = kb.concepts().stream().map(Concept::term).toList();
        return probe(concept.concept_id(), List.of(), List.of(concept.concept_id()),
                "Which term fills the blank? " + blanked.get(), concept.term(), pool, t -> !truth.same(t, concept.term()));
    }

    private static Optional<String> blank(String sentence, String term) {
        int at = sentence.toLowerCase(Locale.ROOT).indexOf(term.toLowerCase(Locale.ROOT));
        return at < 0 ? Optional.empty()
                : Optional.of(sentence.substring(0, at) + "___" + sentence.substring(at + term.length()));
    }

    /** Three seeded picks from {@code pool} that differ from the key and are not also right. */
    private Optional<TestItem> probe(String node, List<String> statementIds, List<String> conceptIds, String question,
            String key, List<String> pool, Predicate<String> wrong) {
        Set<String> distractors = new LinkedHashSet<>();
        for (int attempt = 0; distractors.size() < 3 && attempt < 60 && !pool.isEmpty(); attempt++) {
            String option = pool.get(random.nextInt(pool.size()));
            if (!option.equalsIgnoreCase(key) && wrong.test(option)) {
                distractors.add(option);
            }
        }
        if (distractors.size() < 3) {
            return Optional.empty();
        }
        Draft draft = new Draft(Form.PROBE, node, node, statementIds, conceptIds, null, question, key,
                new ArrayList<>(distractors), List.of("probe", "probe", "probe"));
        return Optional.of(ItemAssembly.item(draft, "dev", random));
    }
}
