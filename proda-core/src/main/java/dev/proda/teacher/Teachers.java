package dev.proda.teacher;

import dev.proda.extract.EmbeddedTeacher;
import dev.proda.project.ProdaConfig;
import dev.proda.project.ProjectLayout;

/** Picks the teacher the configuration names. */
public final class Teachers {
    private Teachers() {
    }

    public static Teacher from(ProdaConfig config, ProjectLayout layout) {
        return switch (config.teacher().backend()) {
            case "embedded" -> new EmbeddedTeacher();
            default -> throw new IllegalArgumentException("teacher.backend '" + config.teacher().backend()
                    + "' is not available");
        };
    }
}
