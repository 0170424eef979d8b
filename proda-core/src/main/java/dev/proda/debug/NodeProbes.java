package dev.proda.debug;

import dev.proda.build.Phrasing;
import dev.proda.extract.KnowledgeBase;
import dev.proda.model.Chain;
import dev.proda.model.Concept;
import dev.proda.model.Records;
import dev.proda.model.Statement;
import dev.proda.model.TestItem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Single-node checks derived from the knowledge base, worded unlike both training samples and benchmark
 * items: an L2 probe per statement (what follows this step / complete the relation) and an L1 probe per
 * concept (which description fits the term, or which term fills the blank in its source sentence).
 */
final class NodeProbes {
    private final KnowledgeBase kb;
    private final Map<String, Chain> chains;
    private final Random random;

    NodeProbes(KnowledgeBase kb, long seed) {
        this.kb = kb;
        this.chains = kb.chainsById();
        this.random = new Random(seed + 31);
    }

    /** A probe for a statement, or empty when the KB offers too few distractors. */
    Optional<TestItem> statement(Statement statement) {
        Map<String, String> distractors = new LinkedHashMap<>();
        String question;
        if (statement.parent_chain_id() != null) {
            Chain own = chains.get(statement.parent_chain_id());
            for (int attempt = 0; distractors.size() < 3 && attempt < 60; attempt++) {
                Chain other = kb.chains().get(random.nextInt(kb.chains().size()));
                String step = other.steps().get(random.nextInt(other.steps().size()));
                if (own == null || !own.steps().contains(step)) {
                    distractors.putIfAbsent(step, "probe");
                }
            }
            question = "Next step? " + Phrasing.quote(statement.subject());
        } else {
            List<Statement> same = kb.statements().stream().filter(s -> s.parent_chain_id() == null
                    && s.predicate().equals(statement.predicate())
                    && !s.object().equalsIgnoreCase(statement.object())).toList();
            for (int attempt = 0; distractors.size() < 3 && attempt < 60 && !same.isEmpty(); attempt++) {
                distractors.putIfAbsent(same.get(random.nextInt(same.size())).object(), "probe");
            }
            question = "Fill in: " + statement.subject() + " " + Phrasing.verb(statement.predicate()) + " ___";
        }
        return probe(statement.statement_id(), question, statement.object(), distractors);
    }

    /** A probe for a concept, or empty when the KB offers too few distractors. */
    Optional<TestItem> concept(Concept concept) {
        Map<String, String> distractors = new LinkedHashMap<>();
        if (concept.definition() != null) {
            List<Concept> defined = kb.concepts().stream()
                    .filter(c -> c.definition() != null && !c.definition().equalsIgnoreCase(concept.definition()))
                    .toList();
            for (int attempt = 0; distractors.size() < 3 && attempt < 60 && !defined.isEmpty(); attempt++) {
                distractors.putIfAbsent(defined.get(random.nextInt(defined.size())).definition(), "probe");
            }
            return probe(concept.concept_id(), "Which description fits " + Phrasing.quote(concept.term()) + "?",
                    concept.definition(), distractors);
        }
        Optional<String> blanked = kb.statementsById().values().stream()
                .filter(s -> concept.parent_statement_ids().contains(s.statement_id()))
                .map(s -> blank(s.source_quote(), concept.term())).flatMap(Optional::stream).findFirst();
        if (blanked.isEmpty()) {
            return Optional.empty();
        }
        for (int attempt = 0; distractors.size() < 3 && attempt < 60; attempt++) {
            Concept other = kb.concepts().get(random.nextInt(kb.concepts().size()));
            if (!other.term().equalsIgnoreCase(concept.term())) {
                distractors.putIfAbsent(other.term(), "probe");
            }
        }
        return probe(concept.concept_id(), "Which term fills the blank? " + blanked.get(), concept.term(),
                distractors);
    }

    private static Optional<String> blank(String sentence, String term) {
        int at = sentence.toLowerCase(Locale.ROOT).indexOf(term.toLowerCase(Locale.ROOT));
        return at < 0 ? Optional.empty()
                : Optional.of(sentence.substring(0, at) + "___" + sentence.substring(at + term.length()));
    }

    private Optional<TestItem> probe(String node, String question, String correct, Map<String, String> distractors) {
        if (distractors.size() < 3) {
            return Optional.empty();
        }
        List<Map.Entry<String, String>> options = new ArrayList<>(distractors.entrySet()).subList(0, 3);
        options = new ArrayList<>(options);
        options.add(Map.entry(correct, "correct"));
        java.util.Collections.shuffle(options, random);
        Map<String, String> byLetter = new LinkedHashMap<>();
        String answer = null;
        for (int k = 0; k < options.size(); k++) {
            byLetter.put(TestItem.LETTERS.get(k), options.get(k).getKey());
            if (options.get(k).getValue().equals("correct")) {
                answer = TestItem.LETTERS.get(k);
            }
        }
        return Optional.of(new TestItem(Records.id("p-", node, question), "dev", question, byLetter, answer, node,
                List.of(), List.of(), null, List.of("probe", "probe", "probe")));
    }
}
