package dev.proda.project;

import dev.proda.io.ProdaFileException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;

/**
 * The documents of a corpus folder, as the stages see them. Spans index {@link Document#text()}: the
 * file's own characters for plain-text formats, the extracted text for HTML. Binary and non-UTF-8
 * files are skipped with a warning; a corpus with no usable document is an error.
 */
public final class Corpus {
    static final Set<String> TEXT_FORMATS = Set.of("txt", "md", "markdown", "tex", "rst");
    static final Set<String> HTML_FORMATS = Set.of("html", "htm");

    /**
     * One document.
     *
     * @param path path relative to the corpus root, with '/' separators (the {@code doc} of spans)
     * @param discipline the first folder under the corpus root, or {@code defaultDiscipline}
     */
    public record Document(String path, String discipline, String text) {
    }

    private Corpus() {
    }

    public static List<Document> read(Path root, String defaultDiscipline, Log log) {
        if (!Files.isDirectory(root)) {
            throw new ProdaFileException("corpus folder " + root + " does not exist");
        }
        List<Path> files;
        try (var walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new ProdaFileException("cannot list corpus " + root + ": " + e.getMessage(), e);
        }
        List<Document> documents = new ArrayList<>();
        for (Path file : files) {
            String relative = root.relativize(file).toString().replace('\\', '/');
            String extension = extension(relative);
            if (relative.startsWith(".") || relative.contains("/.")) {
                continue;
            }
            if (!TEXT_FORMATS.contains(extension) && !HTML_FORMATS.contains(extension)) {
                log.warn("skipping " + relative + ": unsupported format '." + extension
                        + "' (supported: txt, md, tex, rst, html)");
                continue;
            }
            String text;
            try {
                text = decode(Files.readAllBytes(file));
            } catch (CharacterCodingException e) {
                log.warn("skipping " + relative + ": binary or not UTF-8 text");
                continue;
            } catch (IOException e) {
                log.warn("skipping " + relative + ": " + e.getMessage());
                continue;
            }
            if (HTML_FORMATS.contains(extension)) {
                text = htmlToText(text);
            }
            if (text.isBlank()) {
                log.warn("skipping " + relative + ": empty");
                continue;
            }
            documents.add(new Document(relative, disciplineOf(relative, defaultDiscipline), text));
        }
        if (documents.isEmpty()) {
            throw new ProdaFileException("corpus " + root + " has no usable document (txt, md, tex, rst or html)");
        }
        return List.copyOf(documents);
    }

    /** A document's discipline: the first folder of its path, or {@code defaultDiscipline} at the top level. */
    public static String disciplineOf(String path, String defaultDiscipline) {
        int slash = path.indexOf('/');
        return slash > 0 ? path.substring(0, slash) : defaultDiscipline;
    }

    /** The text of one document by its span path, exactly as {@link #read} produced it. */
    public static String textOf(Path root, String path) {
        Path file = root.resolve(path);
        try {
            String text = decode(Files.readAllBytes(file));
            return HTML_FORMATS.contains(extension(path)) ? htmlToText(text) : text;
        } catch (IOException e) {
            throw new ProdaFileException("cannot read corpus document " + file + ": " + e.getMessage(), e);
        }
    }

    /** Strict UTF-8 decoding that also refuses NUL bytes (a binary file that happens to be valid UTF-8). */
    static String decode(byte[] bytes) throws CharacterCodingException {
        for (byte b : bytes) {
            if (b == 0) {
                throw new CharacterCodingException();
            }
        }
        String text = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes)).toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** Paragraph-preserving HTML to text: block elements become blank-line separated paragraphs. */
    static String htmlToText(String html) {
        var document = Jsoup.parse(html);
        document.select("script, style, pre, table, nav").remove();
        StringBuilder text = new StringBuilder();
        for (var block : document.body() == null ? List.<org.jsoup.nodes.Element>of()
                : document.body().select("p, li, h1, h2, h3, h4, dd, dt")) {
            String paragraph = block.text().strip();
            if (!paragraph.isEmpty() && block.select("p, li").size() <= (block.is("p, li") ? 1 : 0)) {
                text.append(paragraph).append("\n\n");
            }
        }
        return text.toString();
    }

    static String extension(String path) {
        int dot = path.lastIndexOf('.');
        int slash = path.lastIndexOf('/');
        return dot > slash ? path.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
    }
}
