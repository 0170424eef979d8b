package dev.proda.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proda.io.ProdaFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusTest {
    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();
    private final Log log = new Log() {
        @Override
        public void info(String message) {
        }

        @Override
        public void warn(String message) {
            warnings.add(message);
        }
    };

    @Test
    void missingAndEmptyCorpusAreErrors() throws Exception {
        assertTrue(assertThrows(ProdaFileException.class, () -> Corpus.read(dir.resolve("nope"), "d", log))
                .getMessage().contains("does not exist"));
        Files.createDirectories(dir.resolve("empty"));
        assertTrue(assertThrows(ProdaFileException.class, () -> Corpus.read(dir.resolve("empty"), "d", log))
                .getMessage().contains("no usable document"));
    }

    @Test
    void binaryAndNonUtf8FilesAreSkippedWithAWarning() throws Exception {
        Files.createDirectories(dir.resolve("physics"));
        Files.writeString(dir.resolve("physics/good.txt"), "Energy is the capacity to do work.\n");
        Files.write(dir.resolve("physics/latin1.txt"), "caf\u00e9 cr\u00e8me".getBytes("ISO-8859-1"));
        Files.write(dir.resolve("physics/binary.txt"), new byte[] {1, 0, 2, 0, 3});
        Files.write(dir.resolve("physics/image.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        Files.writeString(dir.resolve("physics/page.html"),
                "<html><body><nav>menu</nav><p>Work is force times distance.</p><pre>x=1</pre></body></html>");
        List<Corpus.Document> documents = Corpus.read(dir, "d", log);
        assertEquals(List.of("physics/good.txt", "physics/page.html"),
                documents.stream().map(Corpus.Document::path).toList());
        assertEquals("physics", documents.get(0).discipline());
        assertEquals("Work is force times distance.\n\n", documents.get(1).text());
        assertEquals(3, warnings.size(), warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.contains("latin1.txt") && w.contains("UTF-8")));
        assertTrue(warnings.stream().anyMatch(w -> w.contains("binary.txt")));
        assertTrue(warnings.stream().anyMatch(w -> w.contains("image.png")));
        assertEquals(documents.get(1).text(), Corpus.textOf(dir, "physics/page.html"));
    }
}
