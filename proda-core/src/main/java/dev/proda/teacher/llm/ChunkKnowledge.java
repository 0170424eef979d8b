package dev.proda.teacher.llm;

import dev.proda.model.Span;
import java.util.List;

/**
 * What the three passes read from one chunk, every node already tied to the chunk's text: nodes whose
 * quote (or term) was not found there are not here, only counted in {@link #dropped()}.
 */
record ChunkKnowledge(Chunk chunk, List<FoundChain> chains, List<FoundStatement> statements,
        List<FoundConcept> concepts, Dropped dropped) {

    /** A chain with the steps whose quotes were found, and their spans (one per step). */
    record FoundChain(Answers.ChainDraft draft, List<String> steps, List<Span> spans) {
    }

    /**
     * A statement, its quote as it stands in the text (the model's quote may differ in case or white
     * space), the quote's span, and its chain's index in {@link #chains()} (or -1).
     */
    record FoundStatement(Answers.StatementDraft draft, String quote, Span span, int chain) {
    }

    /** A concept, where its term (or aliases) stand, and the indices of its statements in {@link #statements()}. */
    record FoundConcept(Answers.ConceptDraft draft, List<Span> spans, List<Integer> statements) {
    }

    /** Nodes dropped because their quote or term is not in the chunk's text. */
    record Dropped(int steps, int chains, int statements, int concepts) {
        static final Dropped NONE = new Dropped(0, 0, 0, 0);

        Dropped plus(Dropped other) {
            return new Dropped(steps + other.steps, chains + other.chains, statements + other.statements,
                    concepts + other.concepts);
        }

        int total() {
            return steps + chains + statements + concepts;
        }
    }
}
