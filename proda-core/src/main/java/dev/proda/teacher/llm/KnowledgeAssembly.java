package dev.proda.teacher.llm;

import dev.proda.extract.KnowledgeBase;
import dev.proda.model.Chain;
import dev.proda.model.Concept;
import dev.proda.model.Records;
import dev.proda.model.Span;
import dev.proda.model.Statement;
import dev.proda.text.Terms;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns the chunks' findings, in corpus order, into one knowledge base: content-hash ids
 * ({@link Records#id}), duplicates merged (statements by id, concepts by normalised term
 * {@link Terms#key}), and the layers linked both ways as the embedded teacher links them
 * ({@code chain.statement_ids}, {@code statement.parent_chain_id} and {@code concept_ids},
 * {@code concept.parent_statement_ids}). The same findings always give the same base.
 */
final class KnowledgeAssembly {
    private static final int MAX_SPANS = 5;

    private static final class StatementDraft {
        final String id;
        final String chainId;
        final ChunkKnowledge.FoundStatement found;
        final Set<Span> spans = new LinkedHashSet<>();
        final Set<String> conceptIds = new LinkedHashSet<>();

        StatementDraft(String id, String chainId, ChunkKnowledge.FoundStatement found) {
            this.id = id;
            this.chainId = chainId;
            this.found = found;
        }
    }

    private static final class ConceptDraft {
        final String id;
        final Map<String, Integer> surfaces = new LinkedHashMap<>();
        final Set<String> aliases = new LinkedHashSet<>();
        final Set<Span> spans = new LinkedHashSet<>();
        final Set<String> statementIds = new LinkedHashSet<>();
        String type;
        String definition;
        String discipline;

        ConceptDraft(String id) {
            this.id = id;
        }
    }

    private KnowledgeAssembly() {
    }

    static KnowledgeBase assemble(List<ChunkKnowledge> chunks) {
        Map<String, Chain> chains = new LinkedHashMap<>();
        Map<String, List<String>> chainStatements = new LinkedHashMap<>();
        Map<String, StatementDraft> statements = new LinkedHashMap<>();
        Map<String, ConceptDraft> concepts = new LinkedHashMap<>();
        for (ChunkKnowledge chunk : chunks) {
            String doc = chunk.chunk().document().path();
            String discipline = chunk.chunk().document().discipline();
            List<String> chainIds = new ArrayList<>();
            for (ChunkKnowledge.FoundChain found : chunk.chains()) {
                Answers.ChainDraft draft = found.draft();
                String id = Records.id("ch-", doc, draft.process_name().strip(), String.join("\n", found.steps()));
                chainIds.add(id);
                chains.putIfAbsent(id, new Chain(id, draft.domain_context(), draft.process_name().strip(),
                        draft.narrative_summary(), draft.preconditions(), draft.negative_constraints(), found.steps(),
                        List.of(), found.spans(), discipline));
            }
            List<String> statementIds = new ArrayList<>();
            for (ChunkKnowledge.FoundStatement found : chunk.statements()) {
                Answers.StatementDraft draft = found.draft();
                String chainId = found.chain() < 0 ? null : chainIds.get(found.chain());
                String id = Records.id("s-", chainId == null ? "" : chainId, lower(draft.subject()), draft.predicate(),
                        lower(draft.object()));
                StatementDraft merged = statements.computeIfAbsent(id, k -> {
                    if (chainId != null) {
                        chainStatements.computeIfAbsent(chainId, c -> new ArrayList<>()).add(k);
                    }
                    return new StatementDraft(k, chainId, found);
                });
                if (merged.spans.size() < MAX_SPANS) {
                    merged.spans.add(found.span());
                }
                statementIds.add(id);
            }
            for (ChunkKnowledge.FoundConcept found : chunk.concepts()) {
                Answers.ConceptDraft draft = found.draft();
                String key = Terms.key(draft.term());
                if (key.isEmpty()) {
                    continue;
                }
                ConceptDraft concept = concepts.computeIfAbsent(key, k -> new ConceptDraft(Records.id("c-", k)));
                concept.surfaces.merge(draft.term().strip(), 1, Integer::sum);
                draft.aliases().stream().map(String::strip).filter(a -> !a.isEmpty()).forEach(concept.aliases::add);
                if (concept.type == null) {
                    concept.type = draft.type();
                }
                if (concept.definition == null && draft.definition() != null && !draft.definition().isBlank()) {
                    concept.definition = draft.definition().strip();
                }
                if (concept.discipline == null) {
                    concept.discipline = discipline;
                }
                for (Span span : found.spans()) {
                    if (concept.spans.size() < MAX_SPANS) {
                        concept.spans.add(span);
                    }
                }
                for (int index : found.statements()) {
                    String statementId = statementIds.get(index);
                    concept.statementIds.add(statementId);
                    statements.get(statementId).conceptIds.add(concept.id);
                }
            }
        }
        List<Chain> linkedChains = chains.values().stream().map(c -> new Chain(c.chain_id(), c.domain_context(),
                c.process_name(), c.narrative_summary(), c.preconditions(), c.negative_constraints(), c.steps(),
                chainStatements.getOrDefault(c.chain_id(), List.of()), c.spans(), c.discipline())).toList();
        List<Statement> linkedStatements = statements.values().stream().map(s -> new Statement(s.id, s.chainId,
                s.found.draft().subject().strip(), s.found.draft().predicate(), s.found.draft().object().strip(),
                s.found.quote(), List.copyOf(s.spans), List.copyOf(s.conceptIds))).toList();
        List<Concept> linkedConcepts = new ArrayList<>();
        for (ConceptDraft draft : concepts.values()) {
            String term = draft.surfaces.entrySet().stream()
                    .max(Map.Entry.<String, Integer>comparingByValue()).orElseThrow().getKey();
            Set<String> aliases = new LinkedHashSet<>(draft.aliases);
            draft.surfaces.keySet().forEach(aliases::add);
            aliases.remove(term);
            linkedConcepts.add(new Concept(draft.id, term, List.copyOf(aliases), draft.type, draft.definition,
                    List.copyOf(draft.statementIds), draft.discipline, List.copyOf(draft.spans)));
        }
        return new KnowledgeBase(linkedChains, linkedStatements, linkedConcepts);
    }

    private static String lower(String text) {
        return text.strip().toLowerCase(Locale.ROOT);
    }
}
