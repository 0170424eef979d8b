/**
 * OpenAI-compatible endpoints as both sides use them: {@link dev.proda.endpoint.JsonEndpoint} (one JSON
 * exchange, keys, time-outs, errors that say whether a retry may help) and {@link dev.proda.endpoint.Throttle}
 * (concurrency limit and retries with backoff). The LLM teacher's chat and the endpoint student's scoring are
 * built on them, so neither copies the other.
 */
package dev.proda.endpoint;
