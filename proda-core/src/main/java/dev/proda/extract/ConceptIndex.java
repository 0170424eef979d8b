package dev.proda.extract;

import dev.proda.model.Chain;
import dev.proda.model.Concept;
import dev.proda.model.Records;
import dev.proda.model.Span;
import dev.proda.model.Statement;
import dev.proda.project.Corpus;
import dev.proda.text.Segmenter;
import dev.proda.text.Terms;
import dev.proda.text.TextUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * L1 concepts and the links between layers. Concepts come from three sources: the subjects of
 * statements, the heads of is-a objects ({@link Heads}), and the corpus terms selected by C-value
 * ({@link TermExtractor}). They merge by normalised term ({@link Terms#key}: case, plural) and by alias
 * ("Decision Trees (DTs)": a later mention of "DTs" is the same concept). A concept's discipline is the
 * majority over its mentions. Only concepts that some statement mentions are kept, so that every
 * concept is organised under the statements it belongs to.
 */
final class ConceptIndex {
    private static final int MAX_SPANS = 5;
    private static final int MAX_TERM_WORDS = 5;

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
            if (spans.size() < MAX_SPANS && !spans.contains(span)) {
                spans.add(span);
            }
        }
    }

    private final Map<String, Draft> drafts = new LinkedHashMap<>();
    /** The head noun group of each is-a statement's object, by statement id. */
    private final Map<String, String> headGroups = new HashMap<>();

    void addRelation(RelationPatterns.Relation relation, Statement statement, Corpus.Document document,
            TextUnit sentence) {
        String key = Terms.key(relation.subject());
        if (key.length() < 2) {
            return;
        }
        Draft draft = drafts.computeIfAbsent(key, Draft::new);
        draft.mention(relation.subject(), new Span(document.path(), sentence.start() + relation.subjectStart(),
                sentence.start() + relation.subjectEnd()), document.discipline());
        if (relation.alias() != null) {
            draft.aliases.add(relation.alias());
        }
        if (draft.definition == null && (relation.predicate().equals("is-a")
                || relation.predicate().equals("defined-as"))) {
            draft.definition = statement.object();
        }
        if (relation.predicate().equals("is-a")) {
            addHead(relation, statement, document, sentence);
        }
    }

    /** The head noun of an is-a object becomes a concept (its compounds may too, as C-value terms). */
    private void addHead(RelationPatterns.Relation relation, Statement statement, Corpus.Document document,
            TextUnit sentence) {
        RelationPatterns.Head head = relation.head();
        if (head == null) {
            return;
        }
        headGroups.putIfAbsent(statement.statement_id(), head.group());
        String noun = head.noun();
        String key = Terms.key(noun);
        if (key.length() < 3 || Terms.STOPWORDS.contains(key) || RelationPatterns.DISCOURSE_NOUNS.contains(key)
                || !noun.chars().allMatch(c -> Character.isLetter(c) || c == '-')) {
            return;
        }
        int start = sentence.start() + head.end() - noun.length();
        Draft draft = drafts.computeIfAbsent(key, Draft::new);
        draft.mention(noun, new Span(document.path(), start, start + noun.length()), document.discipline());
    }

    void addTermOccurrence(TermExtractor.Occurrence occurrence, Corpus.Document document) {
        Draft draft = drafts.computeIfAbsent(occurrence.key(), Draft::new);
        draft.mention(occurrence.surface(), new Span(document.path(), occurrence.start(), occurrence.end()),
                document.discipline());
    }

    /** Builds the concepts and links every layer to the next. */
    KnowledgeBase link(List<Chain> chains, List<Statement> statements) {
        // Aliases that are themselves concepts merge into the concept that declared them.
        Map<String, Draft> byKey = new LinkedHashMap<>(drafts);
        Map<String, String> canonical = new HashMap<>();
        for (Draft draft : drafts.values()) {
            for (String alias : draft.aliases) {
                String aliasKey = Terms.key(alias);
                if (aliasKey.isEmpty() || aliasKey.equals(draft.key) || canonical.containsKey(draft.key)) {
                    continue;
                }
                Draft other = byKey.get(aliasKey);
                if (other != null && other != draft && !canonical.containsKey(aliasKey)) {
                    merge(draft, other);
                    byKey.remove(aliasKey);
                }
                canonical.putIfAbsent(aliasKey, draft.key);
            }
        }
        Map<String, String> idByKey = new HashMap<>();
        for (Draft draft : byKey.values()) {
            idByKey.put(draft.key, Records.id("c-", draft.key));
        }
        canonical.forEach((alias, key) -> {
            if (byKey.containsKey(key)) {
                idByKey.putIfAbsent(alias, idByKey.get(key));
            }
        });

        Map<String, List<String>> statementsByConcept = new HashMap<>();
        List<Statement> linked = new ArrayList<>();
        for (Statement statement : statements) {
            Set<String> ids = new LinkedHashSet<>();
            if (statement.parent_chain_id() == null) {
                String subjectId = idByKey.get(Terms.key(statement.subject()));
                if (subjectId != null) {
                    ids.add(subjectId);
                }
                if (statement.predicate().equals("is-a")) {
                    String headId = headConcept(headGroups.get(statement.statement_id()), idByKey);
                    if (headId != null) {
                        ids.add(headId);
                    }
                } else {
                    ids.addAll(mentioned(statement.object(), idByKey));
                }
            } else {
                ids.addAll(mentioned(statement.subject(), idByKey));
                ids.addAll(mentioned(statement.object(), idByKey));
            }
            for (String id : ids) {
                statementsByConcept.computeIfAbsent(id, k -> new ArrayList<>()).add(statement.statement_id());
            }
            linked.add(new Statement(statement.statement_id(), statement.parent_chain_id(), statement.subject(),
                    statement.predicate(), statement.object(), statement.source_quote(), statement.spans(),
                    List.copyOf(ids)));
        }
        List<Concept> concepts = new ArrayList<>();
        for (Draft draft : byKey.values()) {
            String id = idByKey.get(draft.key);
            List<String> parents = statementsByConcept.getOrDefault(id, List.of());
            if (parents.isEmpty()) {
                continue;
            }
            String term = draft.surfaces.entrySet().stream()
                    .max(Map.Entry.<String, Integer>comparingByValue()).orElseThrow().getKey();
            Set<String> aliases = new LinkedHashSet<>(draft.aliases);
            draft.surfaces.keySet().stream().filter(s -> !s.equals(term)).forEach(aliases::add);
            String discipline = draft.disciplines.entrySet().stream()
                    .max(Map.Entry.<String, Integer>comparingByValue()).map(Map.Entry::getKey).orElse(null);
            concepts.add(new Concept(id, term, List.copyOf(aliases), "term", draft.definition, parents, discipline,
                    draft.spans));
        }
        return new KnowledgeBase(chains, linked, concepts);
    }

    private static void merge(Draft into, Draft from) {
        from.surfaces.forEach((s, c) -> into.surfaces.merge(s, 0, Integer::sum)); // the declaring form stays the term
        from.surfaces.keySet().forEach(into.aliases::add);
        from.aliases.forEach(into.aliases::add);
        from.disciplines.forEach((d, c) -> into.disciplines.merge(d, c, Integer::sum));
        for (Span span : from.spans) {
            if (into.spans.size() < MAX_SPANS && !into.spans.contains(span)) {
                into.spans.add(span);
            }
        }
        if (into.definition == null) {
            into.definition = from.definition;
        }
    }

    /** The concept of an is-a object's head: the longest known compound ending in the head noun. */
    private static String headConcept(String group, Map<String, String> idByKey) {
        if (group == null) {
            return null;
        }
        List<String> words = Segmenter.words(group).stream().map(Terms::key).toList();
        for (int n = Math.min(MAX_TERM_WORDS, words.size()); n >= 1; n--) {
            String id = idByKey.get(String.join(" ", words.subList(words.size() - n, words.size())));
            if (id != null) {
                return id;
            }
        }
        return null;
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
