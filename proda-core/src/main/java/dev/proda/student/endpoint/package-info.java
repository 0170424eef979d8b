/**
 * Students behind OpenAI-compatible endpoints: {@link dev.proda.student.endpoint.CompletionsStudent} scores
 * options through {@code /v1/completions} with {@code echo} and {@code logprobs}, on the shared
 * {@link dev.proda.endpoint} client, so a model that proda did not train can be tested, probed and blamed.
 */
package dev.proda.student.endpoint;
