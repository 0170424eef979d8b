package dev.proda.curriculum;

import dev.proda.extract.KnowledgeBase;
import dev.proda.model.Chain;
import dev.proda.model.Concept;
import dev.proda.model.Statement;
import dev.proda.project.Corpus;
import dev.proda.project.ProdaConfig;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The part of the knowledge base one cycle teaches (Builder) and tests (Tester): a seeded choice of
 * chains and stand-alone statements within the budgets, with the concepts they mention. Builder and
 * Tester both derive it from the same KB, budgets and seed, so items always test covered knowledge.
 * The chains left out stay available for repair exemplars that must not touch benchmark chains.
 */
public record Curriculum(List<Chain> chains, List<Statement> links, List<Statement> standalone,
        List<Concept> concepts) {

    /** Predicates whose objects make sensible cloze questions and distractors. */
    public static final Set<String> TESTABLE = Set.of("is-a", "defined-as", "used-for", "has-part", "part-of", "causes",
            "requires", "measured-in", "enables");

    public static Curriculum select(KnowledgeBase kb, ProdaConfig.Budgets budgets, long seed) {
        Map<String, Statement> statements = kb.statementsById();
        List<Chain> chains = new ArrayList<>(kb.chains());
        chains.sort(Comparator.comparing(Chain::chain_id));
        java.util.Collections.shuffle(chains, new Random(seed));
        chains = List.copyOf(chains.subList(0, Math.min(budgets.chains(), chains.size())));

        List<Statement> links = chains.stream().flatMap(c -> c.statement_ids().stream())
                .map(statements::get).filter(java.util.Objects::nonNull).toList();

        List<Statement> candidates = new ArrayList<>(kb.statements().stream()
                .filter(s -> s.parent_chain_id() == null && TESTABLE.contains(s.predicate())
                        && !s.concept_ids().isEmpty())
                .sorted(Comparator.comparing(Statement::statement_id)).toList());
        java.util.Collections.shuffle(candidates, new Random(seed + 1));
        List<Statement> ordered = inFours(candidates);
        List<Statement> standalone = List.copyOf(ordered.subList(0, Math.min(budgets.statements(), ordered.size())));

        Set<String> conceptIds = new LinkedHashSet<>();
        standalone.forEach(s -> conceptIds.addAll(s.concept_ids()));
        links.forEach(s -> conceptIds.addAll(s.concept_ids()));
        Map<String, Concept> concepts = kb.conceptsById();
        List<Concept> chosen = conceptIds.stream().map(concepts::get).filter(java.util.Objects::nonNull).toList();
        return new Curriculum(chains, links, standalone, chosen);
    }

    /**
     * The shuffled statements reordered so that they come four at a time from one discipline and
     * predicate, taking turns between those, and the rest after: the Tester asks about a statement in
     * a block of four such statements, so a budget spent in fours is a budget that can be tested.
     */
    static List<Statement> inFours(List<Statement> shuffled) {
        Map<String, java.util.Deque<Statement>> buckets = new java.util.LinkedHashMap<>();
        for (Statement s : shuffled) {
            String doc = s.spans().isEmpty() ? "" : s.spans().get(0).doc();
            buckets.computeIfAbsent(Corpus.disciplineOf(doc, "") + "|" + s.predicate(), k -> new java.util.ArrayDeque<>())
                    .add(s);
        }
        List<Statement> ordered = new ArrayList<>();
        for (boolean progress = true; progress; ) {
            progress = false;
            for (java.util.Deque<Statement> bucket : buckets.values()) {
                if (bucket.size() >= 4) {
                    for (int k = 0; k < 4; k++) {
                        ordered.add(bucket.poll());
                    }
                    progress = true;
                }
            }
        }
        Set<Statement> taken = new java.util.HashSet<>(ordered);
        shuffled.stream().filter(s -> !taken.contains(s)).forEach(ordered::add);
        return ordered;
    }

    /** Chains of the knowledge base that this curriculum does not use. */
    public List<Chain> unusedChains(KnowledgeBase kb) {
        Set<String> used = new java.util.HashSet<>(chains.stream().map(Chain::chain_id).toList());
        return kb.chains().stream().filter(c -> !used.contains(c.chain_id())).toList();
    }
}
