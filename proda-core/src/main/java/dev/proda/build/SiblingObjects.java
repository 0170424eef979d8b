package dev.proda.build;

import dev.proda.curriculum.CorpusEvidence;
import dev.proda.extract.KnowledgeBase;
import dev.proda.model.Statement;
import dev.proda.text.Terms;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * False objects for true/false samples: for "S p O", another object of the same predicate in the same
 * discipline, preferably a sibling of O (an object that shares an is-a parent with O), that the
 * knowledge base does not hold true of S. For the transitive predicates (is-a, part-of) "true of S"
 * includes what follows along the chain: if lasso is a kind of linear model and a linear model is a
 * kind of model, "model" is never a false object for lasso; nor is a narrower kind of linear model,
 * which lasso might also be. An object from another discipline is never used: a reader would rule it
 * out without the knowledge.
 */
final class SiblingObjects {
    private static final Set<String> TRANSITIVE = Set.of("is-a", "part-of");

    /** A candidate object: its words as written, and its key. */
    private record Candidate(String object, String key) {
    }

    private final Map<String, String> disciplineOfConcept = new LinkedHashMap<>();
    /** predicate + discipline → candidate objects, first spelling of each key. */
    private final Map<String, Map<String, Candidate>> objects = new LinkedHashMap<>();
    /** subject key + predicate → object keys stated of it. */
    private final Map<String, Set<String>> stated = new LinkedHashMap<>();
    /** concept key → its is-a parents' keys. */
    private final Map<String, Set<String>> parents = new LinkedHashMap<>();

    private final CorpusEvidence evidence;

    /** @param evidence what the corpus says beyond the knowledge base: a false object must not be true there */
    SiblingObjects(KnowledgeBase kb, CorpusEvidence evidence) {
        this.evidence = evidence;
        kb.concepts().forEach(c -> disciplineOfConcept.put(c.concept_id(), c.discipline()));
        for (Statement s : kb.statements()) {
            if (Statement.NEXT_STEP.equals(s.predicate())) {
                continue;
            }
            String subject = Terms.key(s.subject());
            String object = Terms.key(s.object());
            if (subject.isEmpty() || object.isEmpty()) {
                continue;
            }
            stated.computeIfAbsent(subject + "\n" + s.predicate(), k -> new LinkedHashSet<>()).add(object);
            if (s.predicate().equals("is-a") && !object.equals(subject)) {
                parents.computeIfAbsent(subject, k -> new LinkedHashSet<>()).add(object);
            }
            discipline(s).ifPresent(d -> objects.computeIfAbsent(s.predicate() + "\n" + d, k -> new LinkedHashMap<>())
                    .putIfAbsent(object, new Candidate(s.object(), object)));
        }
    }

    /** The discipline of a statement: its subject concept's, else its first span's folder. */
    Optional<String> discipline(Statement s) {
        for (String id : s.concept_ids()) {
            String discipline = disciplineOfConcept.get(id);
            if (discipline != null) {
                return Optional.of(discipline);
            }
        }
        if (!s.spans().isEmpty() && s.spans().get(0).doc().contains("/")) {
            String doc = s.spans().get(0).doc();
            return Optional.of(doc.substring(0, doc.indexOf('/')));
        }
        return Optional.empty();
    }

    /** A false object for {@code statement}, or empty when its discipline has none to offer. */
    Optional<String> falseObject(Statement statement, Random random) {
        Optional<String> discipline = discipline(statement);
        if (discipline.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Candidate> pool = objects.getOrDefault(statement.predicate() + "\n" + discipline.get(), Map.of());
        String subject = Terms.key(statement.subject());
        String object = Terms.key(statement.object());
        Set<String> trueOfSubject = trueObjects(subject, statement.predicate());
        Set<String> objectParents = parents.getOrDefault(object, Set.of());
        List<Candidate> siblings = new ArrayList<>();
        List<Candidate> others = new ArrayList<>();
        for (Candidate candidate : pool.values()) {
            String key = candidate.key();
            if (key.equals(object) || key.equals(subject) || trueOfSubject.contains(key)) {
                continue;
            }
            if (TRANSITIVE.contains(statement.predicate())
                    && trueObjects(key, statement.predicate()).contains(object)) {
                continue; // a narrower kind (or part) of the true object may well be true too
            }
            if (statement.predicate().equals("is-a") && evidence.mayHold(statement.subject(), candidate.object(),
                    statement.object())) {
                continue; // "Niger is one of the poorest countries": the corpus may say it after all
            }
            boolean sibling = parents.getOrDefault(key, Set.of()).stream().anyMatch(objectParents::contains);
            (sibling ? siblings : others).add(candidate);
        }
        List<Candidate> chosen = siblings.isEmpty() ? others : siblings;
        return chosen.isEmpty() ? Optional.empty() : Optional.of(chosen.get(random.nextInt(chosen.size())).object());
    }

    /** Object keys the knowledge base holds true of {@code subject} for {@code predicate}, following transitivity. */
    private Set<String> trueObjects(String subject, String predicate) {
        Set<String> found = new HashSet<>(stated.getOrDefault(subject + "\n" + predicate, Set.of()));
        if (!TRANSITIVE.contains(predicate)) {
            return found;
        }
        Deque<String> todo = new ArrayDeque<>(found);
        while (!todo.isEmpty()) {
            for (String next : stated.getOrDefault(todo.pop() + "\n" + predicate, Set.of())) {
                if (found.add(next)) {
                    todo.push(next);
                }
            }
        }
        return found;
    }
}
