package dev.proda.teacher.llm;

import java.util.Objects;

/**
 * The assistant's answer to one {@link ChatRequest}.
 *
 * @param content the message text (for the teacher's passes: a JSON object, not yet validated)
 * @param finishReason why generation stopped ({@code stop}, {@code length} …), null if not given
 * @param usage token counts if the server reported them, else null
 */
public record ChatAnswer(String content, String finishReason, Usage usage) {
    public ChatAnswer {
        Objects.requireNonNull(content, "content");
    }

    /** Token counts of one exchange, as the server's {@code usage} object gives them. */
    public record Usage(long promptTokens, long completionTokens) {
    }
}
