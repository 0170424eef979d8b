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
 * Tester's: each question in the teacher's words, its distractors the misconceptions the teacher chose (kind
 * {@value #MISCONCEPTION}) among the options the Tester had vetted for that node. A written question passes the
 * Tester's own checks against every option the item may get: it shares no word with any, names what the form gives
 * (the subject, the term, most of the definition) and never the middle term of a path, and fits the student's context
 * with each. The distractors are then assigned across all items of one form and bucket so that every option is a
 * distractor exactly three times per item it keys ({@link DistractorAssignment}), the teacher's choices first: left to
 * itself a teacher picks the same popular options everywhere, and the key becomes the least frequent option (seen
 * with a scripted teacher: 40.6% for the least-frequent rule on 32 items). Twins' distractors stay disjoint. A
 * question the teacher could not write validly stays the Tester's; which-is-true and procedure forms stay embedded.
 */
final class LlmItems {
    static final String MISCONCEPTION = "misconception";
    /** A vetted option that is neither the teacher's choice nor a block partner, taken to balance the frequencies. */
    static final String VETTED = "vetted_alternative";

    /** The twins with the teacher's items in place, and how many questions it wrote and left per form. */
    record Rewritten(List<ItemWriter.Twins> twins, Map<String, Integer> written, Map<String, Integer> kept,
            int unanswered) {
    }

    private final KnowledgeBase kb;
    private final Fit fit;

    LlmItems(KnowledgeBase kb, Fit fit) {
        this.kb = kb;
        this.fit = fit;
    }

    Rewritten rewrite(ItemWriter.Result drafts, LlmItemWriter teacher) {
        // Each draft's set (form and bucket), twin and allowed options.
        Map<Draft, String> setOf = new LinkedHashMap<>();
        Map<Draft, Draft> twinOf = new java.util.HashMap<>();
        for (ItemWriter.Twins t : drafts.twins()) {
            for (int k = 0; k < t.first().size() && k < t.second().size(); k++) {
                twinOf.put(t.first().get(k), t.second().get(k));
                twinOf.put(t.second().get(k), t.first().get(k));
            }
            for (Draft d : concat(t.first(), t.second())) {
                bucket(d).ifPresent(b -> setOf.put(d, b + "|" + t.heldOut()));
            }
        }
        Map<String, List<Draft>> sets = new LinkedHashMap<>();
        setOf.forEach((d, set) -> sets.computeIfAbsent(set, x -> new ArrayList<>()).add(d));
        Map<Draft, List<String>> vetted = new java.util.HashMap<>();
        sets.values().forEach(members -> {
            Set<String> keys = new HashSet<>();
            members.forEach(d -> keys.add(d.key()));
            members.forEach(d -> vetted.put(d, vetted(d, drafts.alternatives(), keys)));
        });
        Map<Draft, List<String>> allowed = new java.util.HashMap<>();
        vetted.forEach((d, options) -> {
            Draft twin = twinOf.get(d);
            Set<String> theirs = new HashSet<>(twin == null ? List.of() : vetted.getOrDefault(twin, twin.distractors()));
            theirs.addAll(twin == null ? List.of() : twin.distractors());
            allowed.put(d, options.stream().filter(o -> d.distractors().contains(o) || !theirs.contains(o)).toList());
        });

        Asked asked = ask(allowed, teacher);
        Map<Draft, LlmItemWriter.Written> written = asked.written();
        Map<Draft, Draft> done = new java.util.HashMap<>();
        sets.values().forEach(members -> done.putAll(assign(members, allowed, written)));

        Map<String, Integer> byTeacher = new java.util.TreeMap<>();
        Map<String, Integer> kept = new java.util.TreeMap<>();
        List<ItemWriter.Twins> twins = new ArrayList<>();
        for (ItemWriter.Twins t : drafts.twins()) {
            Function<List<Draft>, List<Draft>> replace = list -> list.stream().map(d -> {
                Draft r = done.getOrDefault(d, d);
                (written.containsKey(d) && r != d ? byTeacher : kept).merge(d.form().label(), 1, Integer::sum);
                return r;
            }).toList();
            twins.add(new ItemWriter.Twins(t.group(), replace.apply(t.first()), replace.apply(t.second()), t.heldOut()));
        }
        return new Rewritten(twins, byTeacher, kept, asked.unanswered());
    }

    private static List<Draft> concat(List<Draft> a, List<Draft> b) {
        List<Draft> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** The form and bucket the Tester grouped a draft in (discipline, and relation where it groups by one). */
    private Optional<String> bucket(Draft d) {
        String base = d.form().label() + "|" + d.discipline();
        return switch (d.form()) {
            case COMPLETION, REVERSE -> Optional.ofNullable(kb.statementsById().get(d.node()))
                    .map(s -> base + "|" + s.predicate());
            case DEFINITION, REVERSE_DEFINITION -> Optional.of(base);
            case COMPOSITION, REVERSE_COMPOSITION -> d.statementIds().size() == 2
                    ? Optional.ofNullable(kb.statementsById().get(d.statementIds().get(1))).map(s -> base + "|"
                            + s.predicate()) : Optional.empty();
            default -> Optional.empty();
        };
    }

    /**
     * The vetted alternatives that key another item of the set, most similar first, then any block partner not among
     * them (the teacher sees them in that order, so the blocks do not lead its choice).
     */
    private static List<String> vetted(Draft d, Map<String, List<String>> alternatives, Set<String> keys) {
        java.util.LinkedHashSet<String> options = new java.util.LinkedHashSet<>();
        alternatives.getOrDefault(d.form().label() + "|" + d.node(), List.of()).stream()
                .filter(keys::contains).forEach(options::add);
        options.addAll(d.distractors());
        options.remove(d.key());
        return List.copyOf(options);
    }

    /** The teacher's checked answers by draft, and how many requests its endpoint never answered. */
    private record Asked(Map<Draft, LlmItemWriter.Written> written, int unanswered) {
    }

    /** The teacher's question and choices for every draft it can write, checked against all its allowed options. */
    private Asked ask(Map<Draft, List<String>> allowed, LlmItemWriter teacher) {
        Map<String, Draft> byRequest = new LinkedHashMap<>();
        Map<String, Fact> facts = new LinkedHashMap<>();
        List<LlmItemWriter.Request> requests = new ArrayList<>();
        allowed.entrySet().stream().sorted(java.util.Comparator.comparing(e -> e.getKey().form().label() + "|"
                + e.getKey().node())).forEach(e -> {
                    Draft d = e.getKey();
                    Optional<Fact> fact = fact(d);
                    if (e.getValue().size() < DistractorAssignment.PER_ITEM || fact.isEmpty()) {
                        return;
                    }
                    String id = d.form().label() + "|" + d.node();
                    byRequest.put(id, d);
                    facts.put(id, fact.get());
                    requests.add(new LlmItemWriter.Request(id, d.form().label(), fact.get().asks(),
                            fact.get().mustName(), fact.get().text(), fact.get().quote(), d.key(), e.getValue()));
                });
        Map<Draft, LlmItemWriter.Written> written = new java.util.HashMap<>();
        if (requests.isEmpty()) {
            return new Asked(written, 0);
        }
        LlmItemWriter.Result result = teacher.write(requests, r -> w -> problems(byRequest.get(r.id()),
                facts.get(r.id()), w, r.candidates()));
        result.written().forEach((id, w) -> written.put(byRequest.get(id), w));
        return new Asked(written, result.unanswered());
    }

    /**
     * The set's drafts with balanced distractors, the teacher's choices preferred; its written questions in place.
     * Empty (the Tester's drafts stay) when no balanced assignment exists.
     */
    private static Map<Draft, Draft> assign(List<Draft> members, Map<Draft, List<String>> allowed,
            Map<Draft, LlmItemWriter.Written> written) {
        if (members.stream().noneMatch(written::containsKey)) {
            return Map.of();
        }
        List<String> options = new ArrayList<>();
        Map<String, Integer> index = new LinkedHashMap<>();
        int[] capacity = new int[members.size() * 2 + 8];
        for (Draft d : members) {
            int o = index.computeIfAbsent(d.key(), k -> {
                options.add(k);
                return options.size() - 1;
            });
            capacity[o] += DistractorAssignment.PER_ITEM;
        }
        List<List<Integer>> edges = new ArrayList<>();
        List<List<Integer>> costs = new ArrayList<>();
        for (Draft d : members) {
            List<String> chosen = written.containsKey(d) ? written.get(d).distractors() : List.of();
            List<Integer> mine = new ArrayList<>();
            List<Integer> cost = new ArrayList<>();
            for (String option : allowed.getOrDefault(d, d.distractors())) {
                Integer o = index.get(option);
                if (o != null) {
                    mine.add(o);
                    cost.add(chosen.contains(option) ? 0 : d.distractors().contains(option) ? 1 : 2);
                }
            }
            edges.add(mine);
            costs.add(cost);
        }
        Optional<List<List<Integer>>> taken = DistractorAssignment.assign(edges, costs,
                java.util.Arrays.copyOf(capacity, options.size()));
        if (taken.isEmpty()) {
            return Map.of();
        }
        Map<Draft, Draft> done = new java.util.HashMap<>();
        for (int i = 0; i < members.size(); i++) {
            Draft d = members.get(i);
            LlmItemWriter.Written w = written.get(d);
            List<String> distractors = new ArrayList<>();
            List<String> kinds = new ArrayList<>();
            for (int o : taken.get().get(i)) {
                String option = options.get(o);
                distractors.add(option);
                int block = d.distractors().indexOf(option);
                kinds.add(w != null && w.distractors().contains(option) ? MISCONCEPTION
                        : block >= 0 ? d.distractorKinds().get(block) : VETTED);
            }
            done.put(d, new Draft(d.form(), d.node(), d.chainId(), d.statementIds(), d.conceptIds(), d.discipline(),
                    w == null ? d.stem() : w.question(), d.key(), distractors, kinds));
        }
        return done;
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
    List<String> problems(Draft draft, Fact fact, LlmItemWriter.Written written, List<String> allowed) {
        List<String> problems = new ArrayList<>();
        String stem = written.question();
        Set<String> words = Overlap.words(stem);
        long held = fact.named().stream().filter(words::contains).count();
        if (fact.named().isEmpty() || held < Math.ceil(fact.share() * fact.named().size())) {
            problems.add("the question must name " + fact.mustName());
        }
        fact.unnamed().stream().filter(words::contains).findFirst().ifPresent(w -> problems.add(
                "the question must not name the middle term (it says \"" + w + "\")"));
        // every option the balanced assignment may give the item, not only the teacher's three
        List<String> options = new ArrayList<>(List.of(draft.key()));
        options.addAll(allowed);
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
