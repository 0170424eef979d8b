package dev.proda.student.command;

import dev.proda.project.Log;
import dev.proda.project.ProdaConfig;
import dev.proda.student.StudentBackend;
import dev.proda.student.StudentEngine;
import java.util.function.Function;

/** {@code student.backend: command}, registered for {@link java.util.ServiceLoader}. */
public final class CommandBackend implements StudentBackend {
    @Override
    public String name() {
        return "command";
    }

    @Override
    public StudentEngine engine(ProdaConfig.Student settings, Function<String, String> environment, Log log) {
        return new CommandEngine(settings, environment, log);
    }
}
