package dev.proda.inspect;

import dev.proda.model.Span;
import dev.proda.project.Corpus;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Renders spans as «marked» excerpts of their documents, reading each document once. */
public final class SourceExcerpts {
    private static final int CONTEXT_CHARS = 60;

    private final Path corpus;
    private final Map<String, String> texts = new HashMap<>();

    public SourceExcerpts(Path corpus) {
        this.corpus = corpus;
    }

    /** Two lines: where the span is, then the text around it with the span marked «…». */
    public String render(Span span, String indent) {
        String text = texts.computeIfAbsent(span.doc(), doc -> Corpus.textOf(corpus, doc));
        String where = indent + "(" + span.doc() + ":" + span.start() + "-" + span.end() + ")\n";
        if (span.end() > text.length()) {
            return where + indent + "  (span beyond the end of the document: the corpus changed since extraction)\n";
        }
        int from = Math.max(0, span.start() - CONTEXT_CHARS);
        int to = Math.min(text.length(), span.end() + CONTEXT_CHARS);
        return where + indent + "  …" + flat(text.substring(from, span.start())) + "«"
                + flat(text.substring(span.start(), span.end())) + "»" + flat(text.substring(span.end(), to)) + "…\n";
    }

    private static String flat(String text) {
        return text.replaceAll("\\s+", " ");
    }
}
