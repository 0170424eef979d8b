package dev.proda.student;

import dev.proda.project.Log;
import dev.proda.project.ProdaConfig;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A kind of student, found by {@link ServiceLoader} so that core never names one: {@code student.backend} picks it
 * by {@link #name()}. The embedded DJL transformer ({@code djl}) lives in its own module; a model behind an
 * OpenAI-compatible endpoint ({@code openai}) comes with core.
 */
public interface StudentBackend {

    /** The value of {@code student.backend} that picks it. */
    String name();

    /**
     * The engine for these settings.
     *
     * @param environment where API keys are looked up ({@code System::getenv} outside tests)
     * @param log where retries and other notes go
     */
    StudentEngine engine(ProdaConfig.Student settings, Function<String, String> environment, Log log);

    /** The names of the backends on the class path. */
    static Set<String> available() {
        Set<String> names = new TreeSet<>();
        ServiceLoader.load(StudentBackend.class).forEach(b -> names.add(b.name()));
        return names;
    }

    /** The backend {@code student.backend} names. */
    static StudentBackend named(String name) {
        for (StudentBackend backend : ServiceLoader.load(StudentBackend.class)) {
            if (backend.name().equals(name)) {
                return backend;
            }
        }
        throw new IllegalArgumentException("student.backend '" + name + "' is not available (found: " + available() + ")");
    }
}
