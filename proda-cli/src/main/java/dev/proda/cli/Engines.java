package dev.proda.cli;

import dev.proda.embeddings.MiniLmEmbedder;
import dev.proda.project.ProdaConfig;
import dev.proda.student.StudentBackend;
import dev.proda.student.StudentEngine;
import dev.proda.text.Embedder;

/** The one place where configuration picks backends. */
final class Engines {
    private Engines() {
    }

    /** The student {@code student.backend} names, found by {@link StudentBackend} (ServiceLoader). */
    static StudentEngine student(ProdaConfig config) {
        return StudentBackend.named(config.student().backend()).engine(config.student(), System::getenv,
                dev.proda.project.Log.SILENT);
    }

    /** The sentence embedder the Tester ranks distractors with (all-MiniLM-L6-v2, offline). */
    static Embedder embedder() {
        return new MiniLmEmbedder();
    }
}
