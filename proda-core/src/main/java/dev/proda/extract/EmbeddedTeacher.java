package dev.proda.extract;

import dev.proda.project.Corpus;
import dev.proda.project.Log;
import dev.proda.teacher.Teacher;
import java.util.List;

/** The embedded, deterministic teacher: linguistic patterns over the corpus, no network. */
public final class EmbeddedTeacher implements Teacher {
    @Override
    public String name() {
        return "embedded";
    }

    @Override
    public KnowledgeBase extract(List<Corpus.Document> documents, Log log) {
        return Extract.extract(documents);
    }
}
