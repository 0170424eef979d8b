package dev.proda.tester;

import dev.proda.extract.KnowledgeBase;
import dev.proda.model.Chain;
import dev.proda.model.Concept;
import dev.proda.model.Statement;
import dev.proda.text.Terms;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the knowledge base holds true, so that no distractor is also a right answer: relations with
 * their inverses (part-of / has-part) and transitive closure (is-a, part-of, has-part), terms compared
 * through their concept's aliases, definitions and procedure steps.
 */
public final class KbTruth {
    private static final Set<String> TRANSITIVE = Set.of("is-a", "part-of", "has-part");

    private final Map<String, String> canonical = new HashMap<>();
    private final Map<String, Map<String, Set<String>>> facts = new HashMap<>();
    private final Map<String, Set<String>> definitions = new HashMap<>();
    private final Map<String, Set<String>> steps = new HashMap<>();
    private final Map<String, Set<String>> closures = new HashMap<>();

    public KbTruth(KnowledgeBase kb) {
        for (Concept concept : kb.concepts()) {
            String key = Terms.key(concept.term());
            canonical.putIfAbsent(key, key);
            for (String alias : concept.aliases()) {
                canonical.putIfAbsent(Terms.key(alias), key);
            }
            if (concept.definition() != null) {
                definitions.computeIfAbsent(key, k -> new HashSet<>()).add(Terms.key(concept.definition()));
            }
        }
        for (Statement s : kb.statements()) {
            if (Statement.NEXT_STEP.equals(s.predicate())) {
                continue;
            }
            add(s.subject(), s.predicate(), s.object());
            if (s.predicate().equals("part-of")) {
                add(s.object(), "has-part", s.subject());
            } else if (s.predicate().equals("has-part")) {
                add(s.object(), "part-of", s.subject());
            } else if (s.predicate().equals("defined-as")) {
                definitions.computeIfAbsent(term(s.subject()), k -> new HashSet<>()).add(Terms.key(s.object()));
            }
        }
        for (Chain chain : kb.chains()) {
            Set<String> own = steps.computeIfAbsent(chain.chain_id(), k -> new HashSet<>());
            chain.steps().forEach(step -> own.add(Terms.key(Wording.step(step))));
        }
    }

    /** The canonical key of a term: its concept's term when it is an alias. */
    public String term(String text) {
        String key = Terms.key(text);
        return canonical.getOrDefault(key, key);
    }

    /** Whether two texts name the same thing (same key, or aliases of one concept). */
    public boolean same(String a, String b) {
        return term(a).equals(term(b));
    }

    /** {@code subject predicate object} is stated, implied by an inverse, or follows transitively. */
    public boolean holds(String subject, String predicate, String object) {
        String s = term(subject);
        String o = term(object);
        if ((TRANSITIVE.contains(predicate) && s.equals(o)) || reachable(s, predicate).contains(o)) {
            return true;
        }
        return predicate.equals("is-a") ? broaderName(s, o) : sharesAWord(s, predicate, o);
    }

    /**
     * Whether a known object of {@code s} under a relation other than is-a shares a content word with
     * {@code o}: "Decision Trees used-for regression" makes "regression problems" no safe distractor.
     */
    private boolean sharesAWord(String s, String predicate, String o) {
        Set<String> words = new HashSet<>(Terms.contentWords(o));
        for (String known : reachable(s, predicate)) {
            if (Terms.contentWords(known).stream().anyMatch(words::contains)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code o} may be true of {@code s} by its name alone: a class that drops modifiers of a known
     * class of {@code s} ("linear model" of a "linear regression model"), or whose modifier is part of
     * the subject's own name ("lasso model" of "MultiTaskLasso"). The knowledge base does not say so, but a
     * reader would, so such a class is no safe distractor.
     */
    private boolean broaderName(String s, String o) {
        java.util.List<String> oWords = java.util.List.of(o.split(" "));
        String head = oWords.get(oWords.size() - 1);
        Set<String> classes = new LinkedHashSet<>(reachable(s, "is-a"));
        classes.add(s);
        for (String c : classes) {
            java.util.List<String> cWords = java.util.List.of(c.split(" "));
            if (cWords.get(cWords.size() - 1).equals(head) && cWords.containsAll(oWords)) {
                return true;
            }
        }
        String glued = s.replace(" ", "");
        return oWords.subList(0, oWords.size() - 1).stream().anyMatch(w -> w.length() >= 4 && glued.contains(w));
    }

    /** Some term {@code y} has {@code start first y} and {@code y second end}. */
    public boolean composes(String start, String first, String second, String end) {
        String e = term(end);
        for (String middle : reachable(term(start), first)) {
            if (middle.equals(e) && TRANSITIVE.contains(second) || reachable(middle, second).contains(e)) {
                return true;
            }
        }
        return false;
    }

    /** Two terms share a parent (both are a kind of the same thing). */
    public boolean siblings(String a, String b) {
        Set<String> parents = new HashSet<>(reachable(term(a), "is-a"));
        parents.retainAll(reachable(term(b), "is-a"));
        return !parents.isEmpty();
    }

    /** {@code definition} is (one of) the definitions the KB gives {@code term}. */
    public boolean defines(String term, String definition) {
        return definitions.getOrDefault(term(term), Set.of()).contains(Terms.key(definition));
    }

    /** {@code text} is one of the steps of the chain {@code chainId}. */
    public boolean stepOf(String chainId, String text) {
        return steps.getOrDefault(chainId, Set.of()).contains(Terms.key(Wording.step(text)));
    }

    private void add(String subject, String predicate, String object) {
        facts.computeIfAbsent(predicate, p -> new HashMap<>())
                .computeIfAbsent(term(subject), k -> new LinkedHashSet<>()).add(term(object));
    }

    private Set<String> reachable(String subject, String predicate) {
        Map<String, Set<String>> edges = facts.getOrDefault(predicate, Map.of());
        if (!TRANSITIVE.contains(predicate)) {
            return edges.getOrDefault(subject, Set.of());
        }
        return closures.computeIfAbsent(predicate + "\u0000" + subject, k -> {
            Set<String> seen = new LinkedHashSet<>();
            Deque<String> todo = new ArrayDeque<>(edges.getOrDefault(subject, Set.of()));
            while (!todo.isEmpty()) {
                String next = todo.pop();
                if (seen.add(next)) {
                    todo.addAll(edges.getOrDefault(next, Set.of()));
                }
            }
            return seen;
        });
    }
}
