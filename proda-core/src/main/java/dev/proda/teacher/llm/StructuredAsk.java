package dev.proda.teacher.llm;

import dev.proda.endpoint.EndpointException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Asks for an answer that must pass a schema (and optional checks the schema cannot express, such as
 * an index being in range). An invalid answer is followed by a re-ask: the conversation continued by
 * that answer and a user message listing the errors ({@code prompts/reask.txt}), at most
 * {@code reasks} times.
 */
public final class StructuredAsk {
    /** A valid answer and how many re-asks it took. */
    public record Answer(JsonNode value, int reasks) {
    }

    private StructuredAsk() {
    }

    /**
     * @param checks further errors of an answer that passed the schema (empty list if none)
     * @throws InvalidAnswerException when the answer and all re-asks are invalid
     * @throws EndpointException when the chat fails
     */
    public static Answer ask(ReliableChat chat, ChatRequest request, AnswerSchema schema, int reasks,
            Function<JsonNode, List<String>> checks) {
        ChatRequest conversation = request;
        for (int attempt = 0;; attempt++) {
            ChatAnswer answer = chat.chat(conversation);
            String content = answer.content();
            AnswerSchema.Check check = schema.check(content);
            List<String> errors = new ArrayList<>(check.errors());
            if (!errors.isEmpty() && "length".equals(answer.finishReason())) {
                errors.add(0, "the answer was cut off at the token limit (" + conversation.maxTokens()
                        + "); answer more briefly");
            }
            if (errors.isEmpty()) {
                errors.addAll(checks.apply(check.value()));
            }
            if (errors.isEmpty()) {
                return new Answer(check.value(), attempt);
            }
            if (attempt == reasks) {
                throw new InvalidAnswerException(schema.toString(), attempt + 1, errors);
            }
            chat.countReask();
            String list = errors.stream().map(e -> "- " + e).collect(Collectors.joining("\n"));
            conversation = conversation.followedBy(content, Prompts.render("reask", Map.of("errors", list)));
        }
    }
}
