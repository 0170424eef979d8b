package dev.proda.student.djl;

import dev.proda.project.Log;
import dev.proda.project.ProdaConfig;
import dev.proda.student.StudentBackend;
import dev.proda.student.StudentEngine;
import java.util.function.Function;

/** {@code student.backend: djl} (the default), registered for {@link java.util.ServiceLoader}. */
public final class DjlBackend implements StudentBackend {
    @Override
    public String name() {
        return "djl";
    }

    @Override
    public StudentEngine engine(ProdaConfig.Student settings, Function<String, String> environment, Log log) {
        return new DjlStudentEngine(settings.threads());
    }
}
