package dev.proda.extract;

import dev.proda.model.Chain;
import dev.proda.model.Concept;
import dev.proda.model.Records;
import dev.proda.model.Span;
import dev.proda.model.Statement;
import dev.proda.text.Segmenter;
import dev.proda.text.Terms;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * L1 concepts, L2 statements and the links between the layers, from the claims of every document. A
 * concept is a term that some kept statement has as its subject or object, so every concept is
 * organised under at least one statement; concepts merge by normalised term ({@link Terms#key}: case,
 * plural) and by declared alias ("Decision Trees (DTs)"). A concept's discipline is the majority over
 * its mentions in the corpus.
 *
 * <p>Each claim gets a confidence from what the corpus says about its terms ({@link #confidence}); only
 * claims at or above the threshold become statements. The score ranks evidence, it is no calibrated
 * probability: the rule that read the claim sets the base, terms the corpus uses as terms (C-value, or
 * stated about elsewhere) raise it, and an object that is an everyday word, no more frequent in the corpus
 * than in general English ({@link Termhood}), lowers it.
 */
final class ConceptIndex {
    private static final int MAX_SPANS = 5;
    private static final int MAX_TERM_WORDS = 5;
    private static final Map<String, Double> BASE = Map.of("glossary", 0.85, "copula-is-a", 0.75, "hearst", 0.7,
            "copula", 0.65);

    private static final class Draft {
        final String key;
        final Map<String, Integer> surfaces = new LinkedHashMap<>();
        final Set<String> aliases = new LinkedHashSet<>();
        final List<Span> spans = new ArrayList<>();
        final Map<String, Integer> disciplines = new LinkedHashMap<>();
        String definition;

        Draft(String key) {
            this.key = key;
        }

        void mention(String surface, Span span, String discipline) {
            surfaces.merge(surface, 1, Integer::sum);
            if (discipline != null) {
                disciplines.merge(discipline, 1, Integer::sum);
            }
            if (span != null && spans.size() < MAX_SPANS && !spans.contains(span)) {
                spans.add(span);
            }
        }
    }

    private final Set<String> corpusTerms;
    private final Termhood termhood;
    private final Map<String, Map<String, Integer>> mentionDisciplines = new HashMap<>();

    /**
     * @param corpusTerms keys of the terms the corpus uses as terms (C-value)
     * @param termhood the corpus weighed against general English
     */
    ConceptIndex(Set<String> corpusTerms, Termhood termhood) {
        this.corpusTerms = corpusTerms;
        this.termhood = termhood;
    }

    void countMention(String key, String discipline, int times) {
        if (discipline != null) {
            mentionDisciplines.computeIfAbsent(key, k -> new HashMap<>()).merge(discipline, times, Integer::sum);
        }
    }

    /** How sure the claim is, from its rule and from whether the corpus uses its terms as terms. */
    double confidence(Extract.Found found, Set<String> subjectKeys) {
        Claims.Claim claim = found.claim();
        String rule = found.rule().equals("copula") && claim.predicate().equals("is-a") ? "copula-is-a" : found.rule();
        double score = BASE.get(rule);
        String subjectKey = Terms.key(claim.subject());
        String objectKey = Terms.key(claim.object());
        if (corpusTerms.contains(objectKey) || subjectKeys.contains(objectKey)) {
            score += 0.1;
        }
        boolean named = !claim.subject().equals(claim.subject().toLowerCase(java.util.Locale.ROOT))
                && claim.subjectStart() != 0 || claim.subject().matches(".*(?:[A-Z].*[A-Z]|[._]\\w|\\d).*");
        if (corpusTerms.contains(subjectKey) || named) {
            score += 0.05;
        } else if (!claim.subject().contains(" ")) {
            score -= 0.15; // a single common word no one else uses as a term ("Compatibility", "Jumbling")
        }
        if (claim.definite() && !named && !corpusTerms.contains(subjectKey)) {
            score -= 0.1; // "The stick breaking process is …": a kind only if the corpus names it elsewhere
        }
        if (found.paragraphInitial()) {
            score += 0.05;
        }
        if (termhood.common(claim.object())) {
            score -= 0.1; // a class named by an everyday word ("a copy", "a visit") is a vague one
        }
        return Math.max(0, Math.min(1, Math.round(score * 100) / 100.0));
    }

    /** Builds the concepts and statements and links every layer to the next. */
    KnowledgeBase link(List<Extract.Found> found, List<Chain> procedures, List<Statement> procedureLinks,
            double minConfidence) {
        Set<String> subjectKeys = new HashSet<>();
        found.stream().filter(f -> f.claim().object() != null).forEach(f -> subjectKeys.add(Terms.key(f.claim().subject())));

        Map<String, Draft> drafts = new LinkedHashMap<>();
        Map<String, Extract.Found> kept = new LinkedHashMap<>();
        Map<String, Double> confidences = new HashMap<>();
        for (Extract.Found f : found) {
            Claims.Claim claim = f.claim();
            if (claim.object() == null) {
                continue;
            }
            // A term is traced to its words in the text: an object read from "an empirical one" has none.
            if (!f.objectText().equalsIgnoreCase(claim.object())) {
                continue;
            }
            double confidence = confidence(f, subjectKeys);
            String id = Records.id("s-", Terms.key(claim.subject()), claim.predicate(), Terms.key(claim.object()));
            if (confidence < minConfidence || kept.containsKey(id)) {
                continue;
            }
            kept.put(id, f);
            confidences.put(id, confidence);
            String discipline = f.discipline();
            Draft subject = drafts.computeIfAbsent(Terms.key(claim.subject()), Draft::new);
            subject.mention(claim.subject(), f.subject(), discipline);
            if (claim.alias() != null) {
                subject.aliases.add(claim.alias());
            }
            if (subject.definition == null && claim.definition() != null) {
                subject.definition = claim.definition();
            }
            drafts.computeIfAbsent(Terms.key(claim.object()), Draft::new).mention(claim.object(), f.object(), discipline);
        }
        // A definition read as defined-as ("X refers to Y") serves a concept that has statements of its own.
        for (Extract.Found f : found) {
            Draft draft = drafts.get(Terms.key(f.claim().subject()));
            if (f.claim().object() == null && draft != null && draft.definition == null) {
                draft.definition = f.claim().definition();
            }
        }

        Map<String, String> idByKey = mergeAliases(drafts);
        List<Statement> statements = new ArrayList<>();
        Map<String, List<String>> statementsByConcept = new HashMap<>();
        Map<String, String> disciplineByStatement = new HashMap<>();
        Set<String> statementIds = new HashSet<>();
        for (var entry : kept.entrySet()) {
            Extract.Found f = entry.getValue();
            Claims.Claim claim = f.claim();
            String subjectId = idByKey.get(Terms.key(claim.subject()));
            String objectId = idByKey.get(Terms.key(claim.object()));
            // One statement per concept pair and relation: "DTs are …" and "Decision trees are …" say one thing.
            String statementId = Records.id("s-", subjectId, claim.predicate(), objectId);
            if (subjectId.equals(objectId) || !statementIds.add(statementId)) {
                continue; // an alias stated as a kind of itself, or said before
            }
            List<Span> spans = new ArrayList<>(List.of(new Span(f.subject().doc(), f.sentence().start(),
                    f.sentence().end())));
            if (f.subject().start() < f.sentence().start() || f.subject().end() > f.sentence().end()) {
                spans.add(0, f.subject()); // a glossary term stands on its own line above its definition
            }
            statements.add(new Statement(statementId, null, claim.subject(), claim.predicate(), claim.object(),
                    f.sentence().text(), spans, List.of(subjectId, objectId), confidences.get(entry.getKey())));
            statementsByConcept.computeIfAbsent(subjectId, k -> new ArrayList<>()).add(statementId);
            statementsByConcept.computeIfAbsent(objectId, k -> new ArrayList<>()).add(statementId);
            disciplineByStatement.put(statementId, f.discipline());
        }

        List<Chain> chains = new ArrayList<>(procedures);
        List<Chain> paths = Paths.link(statements, disciplineByStatement);
        chains.addAll(paths);
        for (Statement link : procedureLinks) {
            Set<String> ids = new LinkedHashSet<>(mentioned(link.subject(), idByKey));
            ids.addAll(mentioned(link.object(), idByKey));
            ids.forEach(id -> statementsByConcept.computeIfAbsent(id, k -> new ArrayList<>()).add(link.statement_id()));
            statements.add(link.withConcepts(List.copyOf(ids)));
        }

        List<Concept> concepts = new ArrayList<>();
        Set<String> emitted = new HashSet<>();
        for (Draft draft : drafts.values()) {
            String id = idByKey.get(draft.key);
            List<String> parents = statementsByConcept.getOrDefault(id, List.of());
            if (parents.isEmpty() || !emitted.add(id) || draft.surfaces.isEmpty()) {
                continue;
            }
            String term = draft.surfaces.entrySet().stream()
                    .max(Map.Entry.<String, Integer>comparingByValue()).orElseThrow().getKey();
            Set<String> aliases = new LinkedHashSet<>(draft.aliases);
            draft.surfaces.keySet().stream().filter(s -> !s.equals(term)).forEach(aliases::add);
            Map<String, Integer> votes = new LinkedHashMap<>(draft.disciplines);
            mentionDisciplines.getOrDefault(draft.key, Map.of()).forEach((d, c) -> votes.merge(d, c, Integer::sum));
            String discipline = votes.entrySet().stream()
                    .max(Map.Entry.<String, Integer>comparingByValue()).map(Map.Entry::getKey).orElse(null);
            concepts.add(new Concept(id, term, List.copyOf(aliases), "term", draft.definition,
                    List.copyOf(new LinkedHashSet<>(parents)), discipline, draft.spans));
        }
        return new KnowledgeBase(chains, statements, concepts);
    }

    /** Concept ids by key; a declared alias that is itself a concept merges into the declaring one. */
    private static Map<String, String> mergeAliases(Map<String, Draft> drafts) {
        Map<String, String> idByKey = new HashMap<>();
        for (Draft draft : drafts.values()) {
            idByKey.put(draft.key, Records.id("c-", draft.key));
        }
        Set<String> merged = new HashSet<>();
        for (Draft draft : drafts.values()) {
            if (merged.contains(draft.key)) {
                continue;
            }
            for (String alias : draft.aliases) {
                String aliasKey = Terms.key(alias);
                Draft other = drafts.get(aliasKey);
                if (aliasKey.isEmpty() || aliasKey.equals(draft.key) || merged.contains(aliasKey)) {
                    continue;
                }
                if (other != null) {
                    other.surfaces.keySet().forEach(draft.aliases::add);
                    other.disciplines.forEach((d, c) -> draft.disciplines.merge(d, c, Integer::sum));
                    other.spans.stream().filter(s -> draft.spans.size() < MAX_SPANS && !draft.spans.contains(s))
                            .forEach(draft.spans::add);
                    if (draft.definition == null) {
                        draft.definition = other.definition;
                    }
                    other.surfaces.clear();
                    merged.add(aliasKey);
                }
                idByKey.put(aliasKey, idByKey.get(draft.key));
            }
        }
        return idByKey;
    }

    /** Concept ids whose term occurs in the text (longest n-gram match first, up to five words). */
    private static Set<String> mentioned(String text, Map<String, String> idByKey) {
        List<String> words = Segmenter.words(text).stream().map(Terms::key).toList();
        Set<String> found = new LinkedHashSet<>();
        int i = 0;
        while (i < words.size()) {
            int matched = 0;
            for (int n = Math.min(MAX_TERM_WORDS, words.size() - i); n >= 1; n--) {
                String id = idByKey.get(String.join(" ", words.subList(i, i + n)));
                if (id != null && !(n == 1 && Terms.STOPWORDS.contains(words.get(i)))) {
                    found.add(id);
                    matched = n;
                    break;
                }
            }
            i += Math.max(1, matched);
        }
        return found;
    }
}
