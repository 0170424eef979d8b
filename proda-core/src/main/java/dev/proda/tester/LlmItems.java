package dev.proda.tester;

import dev.proda.extract.KnowledgeBase;
import dev.proda.model.Chain;
import dev.proda.model.Concept;
import dev.proda.model.Statement;
import dev.proda.teacher.llm.LlmItemWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The benchmark's items rewritten by the LLM teacher, over the same nodes, forms, twins and splits as the embedded
 * Tester's: each question in the teacher's words, its three distractors misconceptions the teacher chose among the
 * options the Tester had vetted for that node (kind {@value #MISCONCEPTION}). A written item passes the Tester's own
 * checks: no option shares a word with the question, the question names what the form gives (the subject, the
 * term, most of the definition) and never the middle term of a path, and every option fits the student's context
 * with it; its twin's distractors are disjoint from its own. A draft the teacher could not write stays the
 * embedded one. Which-is-true and procedure forms have no per-node alternatives and stay embedded.
 */
final class LlmItems {
    static final String MISCONCEPTION = "misconception";

    /** The twins with the teacher's items in place, and how many drafts it wrote and left per form. */
    record Rewritten(List<ItemWriter.Twins> twins, Map<String, Integer> written, Map<String, Integer> kept) {
    }

    private final KnowledgeBase kb;
    private final Fit fit;

    LlmItems(KnowledgeBase kb, Fit fit) {
        this.kb = kb;
        this.fit = fit;
    }

    Rewritten rewrite(ItemWriter.Result drafts, LlmItemWriter teacher) {
        // First drafts first, then second drafts without the distractors their twin was given.
        Map<Draft, Draft> done = new LinkedHashMap<>();
        ask(drafts.twins().stream().flatMap(t -> t.first().stream()).toList(), drafts.alternatives(), Map.of(),
                teacher, done);
        Map<String, Set<String>> taken = new LinkedHashMap<>();
        for (ItemWriter.Twins t : drafts.twins()) {
            for (Draft d : t.first()) {
                taken.computeIfAbsent(d.node(), n -> new HashSet<>()).addAll(done.getOrDefault(d, d).distractors());
            }
        }
        ask(drafts.twins().stream().flatMap(t -> t.second().stream()).toList(), drafts.alternatives(), taken, teacher,
                done);
        Map<String, Integer> written = new java.util.TreeMap<>();
        Map<String, Integer> kept = new java.util.TreeMap<>();
        List<ItemWriter.Twins> twins = new ArrayList<>();
        for (ItemWriter.Twins t : drafts.twins()) {
            Function<List<Draft>, List<Draft>> replace = list -> list.stream().map(d -> {
                Draft r = done.get(d);
                (r == null ? kept : written).merge(d.form().label(), 1, Integer::sum);
                return r == null ? d : r;
            }).toList();
            twins.add(new ItemWriter.Twins(t.group(), replace.apply(t.first()), replace.apply(t.second()), t.heldOut()));
        }
        return new Rewritten(twins, written, kept);
    }

    private void ask(List<Draft> drafts, Map<String, List<String>> alternatives, Map<String, Set<String>> taken,
            LlmItemWriter teacher, Map<Draft, Draft> done) {
        Map<String, Draft> byRequest = new LinkedHashMap<>();
        Map<String, Fact> facts = new LinkedHashMap<>();
        List<LlmItemWriter.Request> requests = new ArrayList<>();
        for (Draft d : drafts) {
            Set<String> excluded = taken.getOrDefault(d.node(), Set.of());
            List<String> candidates = alternatives.getOrDefault(d.form().label() + "|" + d.node(), List.of()).stream()
                    .filter(c -> !excluded.contains(c)).toList();
            Optional<Fact> fact = fact(d);
            if (candidates.size() < d.distractors().size() || fact.isEmpty()) {
                continue;
            }
            String id = d.form().label() + "|" + d.node();
            byRequest.put(id, d);
            facts.put(id, fact.get());
            requests.add(new LlmItemWriter.Request(id, d.form().label(), fact.get().asks(), fact.get().mustName(),
                    fact.get().text(), fact.get().quote(), d.key(), candidates));
        }
        if (requests.isEmpty()) {
            return;
        }
        LlmItemWriter.Result result = teacher.write(requests, r -> w -> problems(byRequest.get(r.id()),
                facts.get(r.id()), w));
        result.written().forEach((id, w) -> {
            Draft d = byRequest.get(id);
            done.put(d, new Draft(d.form(), d.node(), d.chainId(), d.statementIds(), d.conceptIds(), d.discipline(),
                    w.question(), d.key(), w.distractors(), w.distractors().stream().map(x -> MISCONCEPTION).toList()));
        });
    }

    /**
     * What the question gives and asks, for the teacher and the checks: the words it must hold ({@code named}, all
     * of them, or {@code share} of them), the words it must not (a path's middle term).
     */
    record Fact(String text, String quote, String asks, String mustName, Set<String> named, double share,
            Set<String> unnamed) {
    }

    private Optional<Fact> fact(Draft d) {
        switch (d.form()) {
            case COMPLETION, REVERSE -> {
                Statement s = kb.statementsById().get(d.node());
                if (s == null) {
                    return Optional.empty();
                }
                boolean completion = d.form() == Form.COMPLETION;
                String given = completion ? s.subject() : s.object();
                return Optional.of(new Fact(Wording.claim(s.subject(), s.predicate(), s.object()), s.source_quote(),
                        (completion ? "the term this fact relates its subject to (" : "the subject of this fact, given ")
                                + "the relation \"" + Wording.relation(s.predicate()) + "\""
                                + (completion ? ")" : " and \"" + s.object() + "\""),
                        "\"" + given + "\" and the relation", Overlap.words(given), 1.0, Set.of()));
            }
            case DEFINITION, REVERSE_DEFINITION -> {
                Concept c = kb.conceptsById().get(d.node());
                if (c == null || c.definition() == null) {
                    return Optional.empty();
                }
                boolean forward = d.form() == Form.DEFINITION;
                return Optional.of(new Fact(c.term() + ": " + c.definition(), null,
                        forward ? "the description that defines the term" : "the term this description defines",
                        forward ? "the term \"" + c.term() + "\"" : "what the description says, in most of its words",
                        Overlap.words(forward ? c.term() : c.definition()), forward ? 1.0 : 0.5, Set.of()));
            }
            case COMPOSITION, REVERSE_COMPOSITION -> {
                Chain chain = kb.chainsById().get(d.node());
                List<Statement> links = d.statementIds().stream().map(kb.statementsById()::get)
                        .filter(java.util.Objects::nonNull).toList();
                Optional<Statement[]> pair = linkPair(links, d);
                if (chain == null || pair.isEmpty()) {
                    return Optional.empty();
                }
                Statement a = pair.get()[0];
                Statement b = pair.get()[1];
                boolean forward = d.form() == Form.COMPOSITION;
                String given = forward ? a.subject() : b.object();
                return Optional.of(new Fact(Wording.claim(a.subject(), a.predicate(), a.object()) + "; "
                        + Wording.claim(b.subject(), b.predicate(), b.object()), a.source_quote(),
                        (forward ? "the term at the end of this two-link path, from its start \"" + a.subject()
                                : "the term at the start of this two-link path, from its end \"" + b.object())
                                + "\" and both relations, without naming the middle term \"" + a.object() + "\"",
                        "\"" + given + "\" and both relations, never \"" + a.object() + "\"", Overlap.words(given),
                        1.0, Overlap.words(a.object())));
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    /** The two links of a path item's window, in order. */
    private static Optional<Statement[]> linkPair(List<Statement> links, Draft d) {
        return links.size() == 2 && d.statementIds().size() == 2 ? Optional.of(new Statement[] {links.get(0),
                links.get(1)}) : Optional.empty();
    }

    /** The Tester's checks on a written item. */
    List<String> problems(Draft draft, Fact fact, LlmItemWriter.Written written) {
        List<String> problems = new ArrayList<>();
        String stem = written.question();
        Set<String> words = Overlap.words(stem);
        long held = fact.named().stream().filter(words::contains).count();
        if (fact.named().isEmpty() || held < Math.ceil(fact.share() * fact.named().size())) {
            problems.add("the question must name " + fact.mustName());
        }
        fact.unnamed().stream().filter(words::contains).findFirst().ifPresent(w -> problems.add(
                "the question must not name the middle term (it says \"" + w + "\")"));
        List<String> options = new ArrayList<>(List.of(draft.key()));
        options.addAll(written.distractors());
        for (String option : options) {
            if (!Overlap.disjoint(option, stem)) {
                problems.add("the question shares a word with the option \"" + option + "\"; reword it");
            } else if (!fit.fits(stem, option)) {
                problems.add("the question is too long: with \"" + option + "\" it does not fit the student's "
                        + "context of " + fit.context() + " tokens");
            }
        }
        return problems;
    }
}
