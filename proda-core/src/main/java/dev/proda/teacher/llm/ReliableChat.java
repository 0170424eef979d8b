package dev.proda.teacher.llm;

import dev.proda.endpoint.EndpointException;
import dev.proda.endpoint.RetryPolicy;
import dev.proda.endpoint.Throttle;
import dev.proda.project.Log;
import java.util.Objects;

/**
 * What every chat backend shares, in one place around a {@link ChatEndpoint}: a response cache (a hit
 * makes no call), at most {@code concurrency} exchanges in flight, retries with backoff on retriable
 * failures (honouring {@code Retry-After}; the shared {@link Throttle}), immediate failure otherwise, and
 * counts of calls, hits, retries and tokens. Safe to call from many threads; a caller waiting to retry holds no slot.
 */
public final class ReliableChat {
    private final ChatEndpoint endpoint;
    private final ResponseCache cache;
    private final Throttle throttle;
    private final ChatStats stats = new ChatStats();

    /**
     * @param cache where answers are kept, or null for none
     * @param log where retries are reported (never with request text or keys)
     */
    /** The chat {@code teacher.*} describes, answering from the teacher's cache in the project. */
    static ReliableChat of(dev.proda.project.ProdaConfig.Teacher config, dev.proda.project.ProjectLayout layout,
            java.util.function.Function<String, String> environment, Log log) {
        return new ReliableChat(OpenAiEndpoint.of(config, environment),
                new ResponseCache(layout.cache().resolve(LlmTeacher.CACHE_FOLDER)), config.concurrency(),
                RetryPolicy.standard(config.maxRetries()), log);
    }

    public ReliableChat(ChatEndpoint endpoint, ResponseCache cache, int concurrency, RetryPolicy retries, Log log) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.cache = cache;
        this.throttle = new Throttle("teacher", concurrency, retries, log);
    }

    public String name() {
        return endpoint.name();
    }

    public int concurrency() {
        return throttle.concurrency();
    }

    /** One answer was invalid and is asked again ({@link StructuredAsk}). */
    void countReask() {
        stats.reasks.incrementAndGet();
    }

    public ChatStats.Snapshot stats() {
        return stats.snapshot(throttle);
    }

    /**
     * The answer to {@code request}: from the cache, or from the endpoint (then cached).
     *
     * @throws EndpointException when the endpoint fails with a non-retriable error, or retries run out
     */
    public ChatAnswer chat(ChatRequest request) {
        stats.requests.incrementAndGet();
        if (cache != null) {
            var hit = cache.get(request);
            if (hit.isPresent()) {
                stats.cacheHits.incrementAndGet();
                return hit.get();
            }
        }
        ChatAnswer answer = throttle.call(() -> endpoint.send(request));
        if (answer.usage() != null) {
            stats.promptTokens.addAndGet(answer.usage().promptTokens());
            stats.completionTokens.addAndGet(answer.usage().completionTokens());
        }
        if (cache != null) {
            cache.put(request, answer);
        }
        return answer;
    }
}
