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
 * L1 concepts, merged across documents by normalised term ({@link Terms#key}), and the links between
 * layers: which concepts each statement mentions, which statements each concept belongs to.
 */
final class ConceptIndex {
    private static final int MAX_SPANS = 5;
    private static final int MAX_TERM_WORDS = 5;

    private static final class Draft {
        final String key;
        final Map<String, Integer> surfaces = new LinkedHashMap<>();
        final Set<String> aliases = new LinkedHashSet<>();
        final List<Span> spans = new ArrayList<>();
        String definition;
        String discipline;

        Draft(String key) {
            this.key = key;
        }
    }

    private final Map<String, Draft> drafts = new LinkedHashMap<>();

    void addSubject(RelationPatterns.Relation relation, Statement statement, Corpus.Document document,
            TextUnit sentence) {
        String key = Terms.key(relation.subject());
        if (key.length() < 3) {
            return;
        }
        Draft draft = drafts.computeIfAbsent(key, Draft::new);
        draft.surfaces.merge(relation.subject(), 1, Integer::sum);
        if (relation.alias() != null) {
            draft.aliases.add(relation.alias());
        }
        if (draft.definition == null && (relation.predicate().equals("is-a")
                || relation.predicate().equals("defined-as"))) {
            draft.definition = statement.object();
        }
        if (draft.discipline == null) {
            draft.discipline = document.discipline();
        }
        if (draft.spans.size() < MAX_SPANS) {
            draft.spans.add(new Span(document.path(), sentence.start() + relation.subjectStart(),
                    sentence.start() + relation.subjectEnd()));
        }
    }

    /** Builds the concepts and links every layer to the next. */
    KnowledgeBase link(List<Chain> chains, List<Statement> statements) {
        Map<String, String> idByKey = new HashMap<>();
        for (Draft draft : drafts.values()) {
            idByKey.put(draft.key, Records.id("c-", draft.key));
        }
        Map<String, List<String>> statementsByConcept = new HashMap<>();
        List<Statement> linked = new ArrayList<>();
        for (Statement statement : statements) {
            Set<String> ids = new LinkedHashSet<>();
            if (statement.parent_chain_id() == null) {
                String subjectId = idByKey.get(Terms.key(statement.subject()));
                if (subjectId != null) {
                    ids.add(subjectId);
                }
            } else {
                ids.addAll(mentioned(statement.subject(), idByKey));
            }
            ids.addAll(mentioned(statement.object(), idByKey));
            for (String id : ids) {
                statementsByConcept.computeIfAbsent(id, k -> new ArrayList<>()).add(statement.statement_id());
            }
            linked.add(new Statement(statement.statement_id(), statement.parent_chain_id(), statement.subject(),
                    statement.predicate(), statement.object(), statement.source_quote(), statement.spans(),
                    List.copyOf(ids)));
        }
        List<Concept> concepts = new ArrayList<>();
        for (Draft draft : drafts.values()) {
            String id = idByKey.get(draft.key);
            String term = draft.surfaces.entrySet().stream()
                    .max(Map.Entry.<String, Integer>comparingByValue()).orElseThrow().getKey();
            Set<String> aliases = new LinkedHashSet<>(draft.aliases);
            draft.surfaces.keySet().stream().filter(s -> !s.equals(term)).forEach(aliases::add);
            concepts.add(new Concept(id, term, List.copyOf(aliases), "term", draft.definition,
                    statementsByConcept.getOrDefault(id, List.of()), draft.discipline, draft.spans));
        }
        return new KnowledgeBase(chains, linked, concepts);
    }

    /** Concept ids whose term occurs in the text (longest n-gram match first, up to five words). */
    private static Set<String> mentioned(String text, Map<String, String> idByKey) {
        List<String> words = Segmenter.words(text).stream().map(w -> Terms.key(w)).toList();
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
