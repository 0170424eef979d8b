package dev.proda.cli;

import dev.proda.project.ProdaConfig;
import dev.proda.student.StudentEngine;
import dev.proda.student.djl.DjlStudentEngine;

/** The one place where configuration picks backends. */
final class Engines {
    private Engines() {
    }

    static StudentEngine student(ProdaConfig config) {
        return new DjlStudentEngine(config.student().threads());
    }
}
