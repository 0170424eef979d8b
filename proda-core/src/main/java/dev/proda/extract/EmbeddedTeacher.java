package dev.proda.extract;

import dev.proda.project.Corpus;
import dev.proda.project.Log;
import dev.proda.teacher.Teacher;
import java.util.List;

/** The embedded, deterministic teacher: linguistic patterns over the corpus, no network. */
public final class EmbeddedTeacher implements Teacher {
    private final double minConfidence;

    /** With the default confidence threshold. */
    public EmbeddedTeacher() {
        this(Extract.DEFAULT_MIN_CONFIDENCE);
    }

    /** Keeps only statements whose confidence is at least {@code minConfidence}. */
    public EmbeddedTeacher(double minConfidence) {
        this.minConfidence = minConfidence;
    }

    @Override
    public String name() {
        return "embedded";
    }

    @Override
    public KnowledgeBase extract(List<Corpus.Document> documents, Log log) {
        return Extract.extract(documents, minConfidence, log);
    }
}
