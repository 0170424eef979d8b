package dev.proda.teacher.llm;

import dev.proda.extract.KnowledgeBase;
import dev.proda.model.Chain;
import dev.proda.model.Concept;
import dev.proda.model.Records;
import dev.proda.model.Span;
import dev.proda.model.Statement;
import dev.proda.text.Terms;
import dev.proda.validate.KbValidation;
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
 * {@link Terms#key}), and the layers linked both ways ({@code chain.statement_ids},
 * {@code statement.parent_chain_id} and {@code concept_ids}, {@code concept.parent_statement_ids}).
 * A chain the teacher reads is a {@link Chain#PROCEDURE}: its links are the {@link Statement#NEXT_STEP}
 * statements from each step to the next, quoted from the text the two steps span; the statements the
 * teacher attaches to a chain are claims, kept stand-alone. The result goes through
 * {@link KbValidation}, as every teacher's does. The same findings always give the same base.
 */
final class KnowledgeAssembly {
    private static final int MAX_SPANS = 5;

    private static final class StatementDraft {
        final String id;
        final ChunkKnowledge.FoundStatement found;
        final Set<Span> spans = new LinkedHashSet<>();
        final Set<String> conceptIds = new LinkedHashSet<>();

        StatementDraft(String id, ChunkKnowledge.FoundStatement found) {
            this.id = id;
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

    static KbValidation.Validated assemble(List<ChunkKnowledge> chunks) {
        Map<String, Chain> chains = new LinkedHashMap<>();
        Map<String, List<String>> chainStatements = new LinkedHashMap<>();
        Map<String, StatementDraft> statements = new LinkedHashMap<>();
        Map<String, ConceptDraft> concepts = new LinkedHashMap<>();
        Map<String, Statement> links = new LinkedHashMap<>();
        for (ChunkKnowledge chunk : chunks) {
            String doc = chunk.chunk().document().path();
            String discipline = chunk.chunk().document().discipline();
            List<String> chainIds = new ArrayList<>();
            for (ChunkKnowledge.FoundChain found : chunk.chains()) {
                Answers.ChainDraft draft = found.draft();
                String id = Records.id("ch-", doc, draft.process_name().strip(), String.join("\n", found.steps()));
                chainIds.add(id);
                if (chains.putIfAbsent(id, new Chain(id, draft.domain_context(), draft.process_name().strip(),
                        draft.narrative_summary(), draft.preconditions(), draft.negative_constraints(), found.steps(),
                        List.of(), found.spans(), discipline, Chain.PROCEDURE)) == null) {
                    for (Statement link : nextStepLinks(id, found, chunk.chunk().document().text())) {
                        chainStatements.computeIfAbsent(id, c -> new ArrayList<>()).add(link.statement_id());
                        links.put(link.statement_id(), link);
                    }
                }
            }
            List<String> statementIds = new ArrayList<>();
            for (ChunkKnowledge.FoundStatement found : chunk.statements()) {
                Answers.StatementDraft draft = found.draft();
                // A claim read beside a chain is still a claim of its own: the chain's links are its steps.
                String id = Records.id("s-", "", lower(draft.subject()), draft.predicate(), lower(draft.object()));
                StatementDraft merged = statements.computeIfAbsent(id, k -> new StatementDraft(k, found));
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
                chainStatements.getOrDefault(c.chain_id(), List.of()), c.spans(), c.discipline(), c.kind())).toList();
        List<Statement> linkedStatements = new ArrayList<>(links.values());
        statements.values().stream().map(s -> new Statement(s.id, null,
                s.found.draft().subject().strip(), s.found.draft().predicate(), s.found.draft().object().strip(),
                s.found.quote(), List.copyOf(s.spans), List.copyOf(s.conceptIds))).forEach(linkedStatements::add);
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
        return KbValidation.check(new KnowledgeBase(linkedChains, linkedStatements, linkedConcepts));
    }

    /**
     * The procedure's links: step i is followed by step i+1, quoted (and spanned) from the start of the
     * first of the two steps' spans to the end of the second.
     */
    private static List<Statement> nextStepLinks(String chainId, ChunkKnowledge.FoundChain found, String docText) {
        List<Statement> links = new ArrayList<>();
        for (int i = 0; i + 1 < found.steps().size(); i++) {
            Span from = found.spans().get(i);
            Span to = found.spans().get(i + 1);
            Span both = new Span(from.doc(), Math.min(from.start(), to.start()), Math.max(from.end(), to.end()));
            String step = found.steps().get(i);
            String next = found.steps().get(i + 1);
            links.add(new Statement(Records.id("s-", chainId, step, Statement.NEXT_STEP, next), chainId, step,
                    Statement.NEXT_STEP, next, docText.substring(both.start(), both.end()), List.of(both), List.of()));
        }
        return links;
    }

    private static String lower(String text) {
        return text.strip().toLowerCase(Locale.ROOT);
    }
}
