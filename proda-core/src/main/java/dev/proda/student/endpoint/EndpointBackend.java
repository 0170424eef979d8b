package dev.proda.student.endpoint;

import dev.proda.project.Log;
import dev.proda.project.ProdaConfig;
import dev.proda.student.StudentBackend;
import dev.proda.student.StudentEngine;
import java.util.function.Function;

/** {@code student.backend: openai}, registered for {@link java.util.ServiceLoader}. */
public final class EndpointBackend implements StudentBackend {
    @Override
    public String name() {
        return "openai";
    }

    @Override
    public StudentEngine engine(ProdaConfig.Student settings, Function<String, String> environment, Log log) {
        return new EndpointEngine(settings, environment, log);
    }
}
