package dev.proda.extract;

import dev.proda.model.Chain;
import dev.proda.model.Records;
import dev.proda.model.Span;
import dev.proda.model.Statement;
import dev.proda.text.Terms;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Linked paths: two relation statements where the first one's object is the second one's subject, the
 * same concept (by id) in the same discipline — "MultiTaskLasso is-a linear model", "linear model
 * used-for regression" gives MultiTaskLasso → linear model → regression. Answering across a path needs
 * both statements, which is what a composition item tests. A middle concept that many statements
 * start from (a hub such as "estimator") would make most paths alike, so each middle concept gives at
 * most {@link #PER_MIDDLE} paths, chosen in statement-id order.
 */
final class Paths {
    static final int PER_MIDDLE = 3;

    private Paths() {
    }

    static List<Chain> link(List<Statement> statements, Map<String, String> disciplineByStatement) {
        Map<String, List<Statement>> bySubject = new HashMap<>();
        List<Statement> relations = statements.stream()
                .filter(s -> s.parent_chain_id() == null && s.concept_ids().size() == 2)
                .sorted(Comparator.comparing(Statement::statement_id)).toList();
        for (Statement s : relations) {
            bySubject.computeIfAbsent(s.concept_ids().get(0), k -> new ArrayList<>()).add(s);
        }
        Map<String, Integer> perMiddle = new HashMap<>();
        List<Chain> chains = new ArrayList<>();
        for (Statement first : relations) {
            String middle = first.concept_ids().get(1);
            for (Statement second : bySubject.getOrDefault(middle, List.of())) {
                String end = second.concept_ids().get(1);
                String discipline = disciplineByStatement.get(first.statement_id());
                if (end.equals(first.concept_ids().get(0)) || second == first
                        || !Terms.key(first.object()).equals(Terms.key(second.subject()))
                        || !Objects.equals(discipline, disciplineByStatement.get(second.statement_id()))
                        || perMiddle.getOrDefault(middle, 0) >= PER_MIDDLE) {
                    continue;
                }
                perMiddle.merge(middle, 1, Integer::sum);
                chains.add(chain(first, second, discipline));
            }
        }
        return chains;
    }

    private static Chain chain(Statement first, Statement second, String discipline) {
        String id = Records.id("ch-", first.statement_id(), second.statement_id());
        List<String> steps = List.of(first.subject(), first.object(), second.object());
        List<Span> spans = new ArrayList<>(first.spans());
        spans.addAll(second.spans());
        String name = String.join(" → ", steps);
        String summary = first.subject() + " " + first.predicate() + " " + first.object() + "; " + second.subject()
                + " " + second.predicate() + " " + second.object();
        return new Chain(id, discipline, name, summary, List.of(), List.of(), steps,
                List.of(first.statement_id(), second.statement_id()), spans, discipline, Chain.PATH);
    }
}
