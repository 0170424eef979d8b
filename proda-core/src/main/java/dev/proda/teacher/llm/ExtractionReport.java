package dev.proda.teacher.llm;

import java.util.List;

/**
 * How an LLM extraction went, written to {@code target/reports/extract-teacher.json}: which endpoint
 * and model (never a key), chunks done and failed (with the pass and reason), nodes dropped because
 * their quote was not in the text, and the chat counters (calls, cache hits, retries, tokens).
 */
public record ExtractionReport(String teacher, String endpoint, RequestDefaults parameters, int chunks,
        int chunksDone, List<ChunkFailure> failures, Dropped dropped, ChatStats.Snapshot chat, int chains,
        int statements, int concepts) {
    public ExtractionReport {
        failures = List.copyOf(failures);
    }

    /** One chunk whose pass failed; the chunk contributes nothing to the knowledge base. */
    public record ChunkFailure(String doc, int chunk, int start, int end, String pass, String reason) {
    }

    /** Nodes left out because their source quote (or term) is not in the chunk's text. */
    public record Dropped(int steps, int chains, int statements, int concepts) {
    }

    public int chunksFailed() {
        return failures.size();
    }
}
