package dev.proda.model;

import java.util.List;
import java.util.Objects;

/**
 * A training sample. {@code knowledge} (which nodes) is kept apart from {@code skill} (which reasoning
 * form), so one fact appears in several forms and one form serves many facts.
 */
public record Sample(String id, List<Message> messages, List<String> knowledge, String skill, String origin,
        int round) {
    public Sample {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(skill, "skill");
        Objects.requireNonNull(origin, "origin");
        messages = Records.list(messages);
        knowledge = Records.list(knowledge);
        if (messages.size() < 2) {
            throw new IllegalArgumentException("sample " + id + " needs a user and an assistant message");
        }
        if (!origin.equals("build") && !origin.equals("patch")) {
            throw new IllegalArgumentException("origin must be build or patch: " + origin);
        }
    }
}
