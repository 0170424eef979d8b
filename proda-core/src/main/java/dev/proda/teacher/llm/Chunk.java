package dev.proda.teacher.llm;

import dev.proda.model.Span;
import dev.proda.project.Corpus;
import dev.proda.text.TextUnit;

/**
 * Consecutive whole paragraphs of one document, sent to the teacher together.
 *
 * @param index position of the chunk in its document (0-based)
 * @param start offset of the first paragraph in the document
 * @param end end offset of the last paragraph
 */
public record Chunk(Corpus.Document document, int index, int start, int end) {
    public Chunk {
        if (start < 0 || end <= start || end > document.text().length()) {
            throw new IllegalArgumentException("bad chunk [" + start + ", " + end + ") of " + document.path());
        }
    }

    public String text() {
        return document.text().substring(start, end);
    }

    /** A span of the document from offsets relative to this chunk's text. */
    public Span span(TextUnit inChunk) {
        return new Span(document.path(), start + inChunk.start(), start + inChunk.end());
    }

    /** For messages: {@code doc#index}. */
    public String label() {
        return document.path() + "#" + index;
    }
}
