package dev.proda.teacher;

import dev.proda.endpoint.RetryPolicy;
import dev.proda.extract.EmbeddedTeacher;
import dev.proda.project.ProdaConfig;
import dev.proda.project.ProjectLayout;
import dev.proda.teacher.llm.LlmTeacher;
import java.util.function.Function;

/** Picks the teacher the configuration names. */
public final class Teachers {
    private Teachers() {
    }

    public static Teacher from(ProdaConfig config, ProjectLayout layout) {
        return from(config, layout, System::getenv);
    }

    /**
     * @param environment where {@code teacher.api_key_env} is looked up ({@code System::getenv} but in
     *     tests, as Java cannot set environment variables)
     */
    public static Teacher from(ProdaConfig config, ProjectLayout layout, Function<String, String> environment) {
        return switch (config.teacher().backend()) {
            case "embedded" -> new EmbeddedTeacher(config.extract().minConfidence());
            case "openai" -> LlmTeacher.from(config.teacher(), layout, environment,
                    RetryPolicy.standard(config.teacher().maxRetries()));
            default -> throw new IllegalArgumentException("teacher.backend '" + config.teacher().backend()
                    + "' is not available");
        };
    }
}
