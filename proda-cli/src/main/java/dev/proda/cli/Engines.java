package dev.proda.cli;

import dev.proda.embeddings.MiniLmEmbedder;
import dev.proda.project.ProdaConfig;
import dev.proda.student.StudentEngine;
import dev.proda.student.djl.DjlStudentEngine;
import dev.proda.text.Embedder;

/** The one place where configuration picks backends. */
final class Engines {
    private Engines() {
    }

    static StudentEngine student(ProdaConfig config) {
        return new DjlStudentEngine(config.student().threads());
    }

    /** The sentence embedder the Tester ranks distractors with (all-MiniLM-L6-v2, offline). */
    static Embedder embedder() {
        return new MiniLmEmbedder();
    }
}
