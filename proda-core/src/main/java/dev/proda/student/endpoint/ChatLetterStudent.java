package dev.proda.student.endpoint;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proda.endpoint.JsonEndpoint;
import dev.proda.endpoint.Throttle;
import dev.proda.io.Json;
import dev.proda.student.ChoiceModel;
import dev.proda.student.Continuation;
import dev.proda.student.LogLikelihood;
import dev.proda.student.StudentModel;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A student behind a chat-only endpoint ({@code /v1/chat/completions} without logprobs): each item is asked with its
 * options listed by letter, and the letter is read from the reply, as OpenCompass does for API models. It has no
 * log-likelihoods, so bits per token on general text are not measured for it.
 */
public final class ChatLetterStudent implements StudentModel, ChoiceModel {
    /**
     * Where a reply names its letter, surest first (after OpenCompass's option post-processing): "answer is B" /
     * "Answer: B"; the reply only a letter ("B", "(B)", "B."); a letter in parentheses or before ")" / "."; else the
     * last capital standing alone that is no article ("A Bloom filter is D" names D).
     */
    private static final List<Pattern> LETTER_PATTERNS = List.of(
            Pattern.compile("(?i:answer|option|choice)\\s*(?i:is|:)?\\s*\\(?([A-Z])(?![A-Za-z])"),
            Pattern.compile("^\\s*\\(?([A-Z])\\)?[.:]?\\s*$"),
            Pattern.compile("\\(([A-Z])\\)"),
            Pattern.compile("(?<![A-Za-z])([A-Z])[).](?![A-Za-z])"));
    /** A capital standing alone, the last one: "A" or "I" before a word is an article or a pronoun. */
    private static final Pattern LONE_LETTER = Pattern.compile("(?<![A-Za-z])([A-Z])(?![A-Za-z])");
    private static final Pattern WORD_AFTER = Pattern.compile("\\s+\\p{L}");

    private final JsonEndpoint endpoint;
    private final String model;
    private final Fanout fanout;

    public ChatLetterStudent(JsonEndpoint endpoint, String model, Throttle throttle) {
        this.endpoint = endpoint;
        this.model = model;
        this.fanout = new Fanout("proda-chat-student", throttle, endpoint.name());
    }

    @Override
    public List<String> choose(List<Question> questions) {
        return fanout.map(questions, this::ask);
    }

    private String ask(Question question) {
        StringBuilder prompt = new StringBuilder(question.prompt()).append('\n');
        question.options().forEach((letter, option) -> prompt.append(letter).append(". ").append(option).append('\n'));
        prompt.append("Answer with the letter of the right option only.");
        ObjectNode body = Json.MAPPER.createObjectNode().put("model", model).put("temperature", 0).put("max_tokens", 16);
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "user").put("content", prompt.toString());
        String reply = endpoint.post("/chat/completions", body).path("choices").path(0).path("message").path("content")
                .asText("");
        return letter(reply, question.options().keySet());
    }

    /** The letter of an option that {@code reply} names, by the surest pattern that finds one, or null. */
    static String letter(String reply, Set<String> letters) {
        for (Pattern pattern : LETTER_PATTERNS) {
            Matcher m = pattern.matcher(reply);
            while (m.find()) {
                if (letters.contains(m.group(1))) {
                    return m.group(1);
                }
            }
        }
        String last = null;
        Matcher m = LONE_LETTER.matcher(reply);
        while (m.find()) {
            boolean article = (m.group(1).equals("A") || m.group(1).equals("I"))
                    && WORD_AFTER.matcher(reply).region(m.end(), reply.length()).lookingAt();
            if (letters.contains(m.group(1)) && !article) {
                last = m.group(1);
            }
        }
        return last;
    }

    /** A chat-only endpoint gives no log-likelihoods. */
    @Override
    public List<LogLikelihood> logLikelihoods(List<Continuation> requests) {
        throw new UnsupportedOperationException(endpoint.name() + " is asked by chat (student.endpoint_api: chat) and "
                + "gives no log-likelihoods");
    }

    @Override
    public long parameterCount() {
        return -1;
    }

    @Override
    public void close() {
        fanout.close();
    }
}
