package dev.proda.teacher.llm;

import dev.proda.endpoint.EndpointException;

/**
 * One chat exchange with a backend, and nothing else: no cache, no retries, no concurrency limit
 * (those are {@link ReliableChat}'s, the same for every backend).
 */
public interface ChatEndpoint {
    /** For logs and provenance, e.g. {@code "openai:gpt-4o-mini@https://api.openai.com/v1"}; never a key. */
    String name();

    /**
     * Sends the request once.
     *
     * @throws EndpointException when the exchange fails; {@link EndpointException#retriable()} says whether to retry
     */
    ChatAnswer send(ChatRequest request);
}
