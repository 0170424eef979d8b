package dev.proda.teacher.llm;

import dev.proda.project.Corpus;
import dev.proda.text.Segmenter;
import dev.proda.text.TextUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a document into chunks of consecutive paragraphs, each at most {@code maxChars} long, never
 * cutting a paragraph: a paragraph longer than {@code maxChars} is a chunk of its own.
 */
public final class Chunker {
    private Chunker() {
    }

    public static List<Chunk> chunks(Corpus.Document document, int maxChars) {
        List<Chunk> chunks = new ArrayList<>();
        int start = -1;
        int end = -1;
        for (TextUnit paragraph : Segmenter.paragraphs(document.text())) {
            if (start >= 0 && paragraph.end() - start > maxChars) {
                chunks.add(new Chunk(document, chunks.size(), start, end));
                start = -1;
            }
            if (start < 0) {
                start = paragraph.start();
            }
            end = paragraph.end();
        }
        if (start >= 0) {
            chunks.add(new Chunk(document, chunks.size(), start, end));
        }
        return chunks;
    }
}
