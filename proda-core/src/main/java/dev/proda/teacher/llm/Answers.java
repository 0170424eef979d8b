package dev.proda.teacher.llm;

import java.util.List;

/**
 * The three passes' answers as records, read from JSON that already passed its {@link AnswerSchema}
 * (field names as in the schemas and the paper's knowledge_core.json).
 */
final class Answers {
    private Answers() {
    }

    record Step(String step, String source_quote) {
    }

    record ChainDraft(String process_name, String domain_context, String narrative_summary,
            List<String> preconditions, List<String> negative_constraints, List<Step> steps) {
    }

    record Chains(List<ChainDraft> chains) {
    }

    record StatementDraft(String subject, String predicate, String object, String source_quote, Integer chain_index) {
    }

    record Statements(List<StatementDraft> statements) {
    }

    record ConceptDraft(String term, List<String> aliases, String type, String definition,
            List<Integer> statement_indices) {
    }

    record Concepts(List<ConceptDraft> concepts) {
    }
}
