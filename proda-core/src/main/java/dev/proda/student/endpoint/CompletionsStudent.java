package dev.proda.student.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proda.endpoint.EndpointException;
import dev.proda.endpoint.JsonEndpoint;
import dev.proda.endpoint.Throttle;
import dev.proda.io.Json;
import dev.proda.student.Continuation;
import dev.proda.student.LogLikelihood;
import dev.proda.student.StudentModel;
import java.util.List;

/**
 * A student behind an OpenAI-compatible completions endpoint (vLLM, llama.cpp's server, {@code proda serve}),
 * scored as lm-eval-harness's local-completions scores it: context and continuation are sent as one prompt with
 * {@code echo}, {@code logprobs} and one token to write, and the log-probabilities of the prompt's tokens that
 * start inside the continuation are summed. The server's own tokenizer decides the tokens; the character offsets
 * it returns say which belong to the continuation, so no tokenizer is needed here.
 */
public final class CompletionsStudent implements StudentModel {
    private final JsonEndpoint endpoint;
    private final String model;
    private final Fanout fanout;

    public CompletionsStudent(JsonEndpoint endpoint, String model, Throttle throttle) {
        this.endpoint = endpoint;
        this.model = model;
        this.fanout = new Fanout("proda-endpoint-student", throttle, endpoint.name());
    }

    public String name() {
        return endpoint.name();
    }

    @Override
    public List<LogLikelihood> logLikelihoods(List<Continuation> requests) {
        return fanout.map(requests, this::score);
    }

    /** One request scored from the echoed prompt. */
    LogLikelihood score(Continuation request) {
        String prompt = request.context() + request.continuation();
        ObjectNode body = Json.MAPPER.createObjectNode().put("model", model).put("prompt", prompt).put("echo", true)
                .put("max_tokens", 1).put("logprobs", 1).put("temperature", 0);
        JsonNode logprobs = endpoint.post("/completions", body).path("choices").path(0).path("logprobs");
        JsonNode tokens = logprobs.path("tokens");
        JsonNode values = logprobs.path("token_logprobs");
        JsonNode offsets = logprobs.path("text_offset");
        if (!tokens.isArray() || !values.isArray() || !offsets.isArray() || tokens.size() != values.size()
                || tokens.size() != offsets.size()) {
            throw new EndpointException(name() + " answered without choices[0].logprobs.tokens, token_logprobs and "
                    + "text_offset of equal length (does it support echo with logprobs on /v1/completions?)", 200,
                    false, null);
        }
        int start = request.context().length();
        double sum = 0;
        int scored = 0;
        for (int i = 0; i < tokens.size(); i++) {
            String text = tokens.get(i).asText("");
            int offset = offsets.get(i).asInt();
            // A token "starts" at its first non-space character: " Paris" after "is" belongs to the continuation.
            int begins = offset + text.length() - text.stripLeading().length();
            if (begins < start || offset >= prompt.length()) {
                continue; // the context's, or the token written after the prompt
            }
            JsonNode value = values.get(i);
            if (!value.isNumber()) {
                throw new EndpointException(name() + " gave no log-probability for the continuation token '" + text
                        + "' at offset " + offset, 200, false, null);
            }
            sum += value.asDouble();
            scored++;
        }
        // A whitespace-only continuation has no tokens: nothing to predict, probability 1 (as in process).
        return scored == 0 ? new LogLikelihood(0.0, 1) : new LogLikelihood(sum, scored);
    }

    /** Unknown behind an endpoint. */
    @Override
    public long parameterCount() {
        return -1;
    }

    @Override
    public void close() {
        fanout.close();
    }
}
