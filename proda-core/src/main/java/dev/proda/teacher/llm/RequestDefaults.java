package dev.proda.teacher.llm;

import dev.proda.model.Message;
import java.util.List;

/**
 * What every request of one teacher shares: model and sampling parameters (all part of the cache
 * key), and how many re-asks an invalid answer gets.
 */
public record RequestDefaults(String model, double temperature, int maxTokens, boolean jsonMode, int reasks) {
    /** The defaults {@code teacher.*} sets. */
    static RequestDefaults of(dev.proda.project.ProdaConfig.Teacher config) {
        return new RequestDefaults(config.model(), config.temperature(), config.maxTokens(), config.jsonMode(),
                config.reasks());
    }

    /** A two-message conversation: system prompt, user message. */
    public ChatRequest request(String system, String user) {
        return new ChatRequest(model, List.of(new Message("system", system), new Message("user", user)), temperature,
                maxTokens, jsonMode);
    }
}
