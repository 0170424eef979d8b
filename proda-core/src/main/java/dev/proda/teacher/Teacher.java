package dev.proda.teacher;

import dev.proda.extract.KnowledgeBase;
import dev.proda.project.Corpus;
import dev.proda.project.Log;
import java.util.List;

/** Writes the knowledge base from corpus documents. Every node's spans index its document's text. */
public interface Teacher {

    /** A short name for logs and provenance, e.g. {@code "embedded"} or {@code "openai:gpt-4o-mini"}. */
    String name();

    /** Reads L3 chains, L2 statements and L1 concepts from the documents. */
    KnowledgeBase extract(List<Corpus.Document> documents, Log log);

    /**
     * How many parts of the last extraction failed (an LLM teacher's chunks whose exchanges gave up): the stage then
     * keeps what it got but is not recorded as done, so that the next run retries exactly those parts.
     */
    default int failedParts() {
        return 0;
    }
}
