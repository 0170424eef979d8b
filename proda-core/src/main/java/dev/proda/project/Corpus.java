package dev.proda.project;

import dev.proda.io.ProdaFileException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The documents of a corpus folder, as the stages see them. Spans index {@link Document#text()}: the
 * file's own characters for plain-text formats, the extracted text for HTML.
 *
 * <p>Hostile input is read or refused file by file, each with a one-line message naming the file, and the
 * rest of the corpus is read: invalid UTF-8 bytes become U+FFFD (with their count), binary files, empty
 * files, special files, files over {@link #MAX_FILE_BYTES}, names that could read as a path elsewhere
 * (backslash, control characters) and symbolic links that lead outside the corpus folder are skipped. A
 * corpus with no usable document is an error.
 */
public final class Corpus {
    static final Set<String> TEXT_FORMATS = Set.of("txt", "md", "markdown", "tex", "rst");
    /** Read through their markup (rendered, then read as HTML): code, tables and link targets are no prose. */
    static final Set<String> MARKDOWN_FORMATS = Set.of("md", "markdown");
    static final Set<String> HTML_FORMATS = Set.of("html", "htm");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    /** Parts of a web page that are no prose of the document. */
    private static final String NOT_PROSE = "script, style, pre, table, nav, noscript, template, header, footer, aside, "
            + "math, svg, div.math, a.headerlink, [role=navigation], [role=banner], [role=contentinfo], #footer, "
            + "div.footer";
    /** Where a page keeps its own content; pages without HTML5 landmarks often mark it by id ("div id=main"). */
    private static final String MAIN_CONTENT = "main, [role=main], article, #main, #content";
    /** A document is held whole in memory as a String: beyond this, split it into several files. */
    public static final long MAX_FILE_BYTES = 256L << 20;
    /** More NUL or control bytes than this share is a binary file, not text with a few stray bytes. */
    private static final double MAX_CONTROL_SHARE = 0.05;
    /** More invalid UTF-8 than this share is not UTF-8 text (a few Latin-1 accents stay well below it). */
    private static final double MAX_INVALID_SHARE = 0.30;

    /**
     * One document.
     *
     * @param path path relative to the corpus root, with '/' separators (the {@code doc} of spans)
     * @param discipline the first folder under the corpus root, or {@code defaultDiscipline}
     */
    public record Document(String path, String discipline, String text) {
    }

    /** A file's characters and how many bytes of it were not text (each run replaced by one U+FFFD). */
    public record Decoded(String text, long invalidBytes) {
    }

    private Corpus() {
    }

    public static List<Document> read(Path root, String defaultDiscipline, Log log) {
        return scan(root, defaultDiscipline, log, true).stream()
                .map(e -> new Document(e.path(), e.discipline(), e.text())).toList();
    }

    /**
     * The corpus's documents as {@link #read} finds them (same checks, same messages), but held on disk: each
     * {@code get} reads and decodes its file again, so memory holds one list of names however large the
     * corpus. For a stage that reads each document once or twice, one at a time.
     */
    public static OnDisk onDisk(Path root, String defaultDiscipline, Log log) {
        List<Entry> entries = scan(root, defaultDiscipline, log, false);
        return new OnDisk(root, entries, entries.stream().mapToLong(Entry::characters).sum());
    }

    /** A corpus read from its files at each {@link #get}; {@link #characters} is its size when it was checked. */
    public static final class OnDisk extends java.util.AbstractList<Document> implements java.util.RandomAccess {
        private final Path root;
        private final List<Entry> entries;
        private final long characters;

        private OnDisk(Path root, List<Entry> entries, long characters) {
            this.root = root;
            this.entries = List.copyOf(entries);
            this.characters = characters;
        }

        public long characters() {
            return characters;
        }

        @Override
        public Document get(int index) {
            Entry entry = entries.get(index);
            return new Document(entry.path(), entry.discipline(), textOf(root, entry.path()));
        }

        @Override
        public int size() {
            return entries.size();
        }
    }

    /** A usable document found by {@link #scan}: its text when kept, its length in characters always. */
    private record Entry(String path, String discipline, String text, long characters) {
    }

    private static List<Entry> scan(Path root, String defaultDiscipline, Log log, boolean keepText) {
        List<Entry> documents = new ArrayList<>();
        int hidden = 0;
        for (Path file : files(root)) {
            String relative = relative(root, file);
            Optional<String> refused = unsafe(root, file, relative);
            if (refused.isPresent()) {
                log.warn("skipping " + printable(relative) + ": " + refused.get());
                continue;
            }
            if (relative.startsWith(".") || relative.contains("/.")) {
                hidden++;
                continue;
            }
            if (Files.isDirectory(file)) {
                continue;
            }
            readDocument(file, relative, log).ifPresent(text -> documents.add(new Entry(relative,
                    disciplineOf(relative, defaultDiscipline), keepText ? text : null, text.length())));
        }
        if (hidden > 0) {
            log.info("corpus: " + hidden + " hidden files or folders (names starting with '.') not read");
        }
        if (documents.isEmpty()) {
            throw new ProdaFileException("corpus " + root + " has no usable document (txt, md, tex, rst or html)");
        }
        return documents;
    }

    /** Every path under {@code root} but the root itself, sorted; symbolic links are listed, never followed. */
    private static List<Path> files(Path root) {
        if (!Files.isDirectory(root)) {
            throw new ProdaFileException("corpus folder " + root + " does not exist");
        }
        try (var walk = Files.walk(root)) {
            return walk.filter(p -> !p.equals(root)).sorted().toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new ProdaFileException("cannot list corpus " + root + ": " + e.getMessage(), e);
        }
    }

    /** The text of one file, or empty with a warning naming it and why it is not read. */
    private static Optional<String> readDocument(Path file, String relative, Log log) {
        String name = printable(relative);
        if (!Files.isRegularFile(file)) {
            log.warn("skipping " + name + ": not a regular file");
            return Optional.empty();
        }
        String extension = extension(relative);
        if (!TEXT_FORMATS.contains(extension) && !HTML_FORMATS.contains(extension)) {
            log.warn("skipping " + name + ": unsupported format '." + printable(extension)
                    + "' (supported: txt, md, tex, rst, html)");
            return Optional.empty();
        }
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size == 0) {
                log.warn("skipping " + name + ": empty file");
                return Optional.empty();
            }
            if (size > MAX_FILE_BYTES) {
                log.warn("skipping " + name + ": " + (size >> 20) + " MB, over the " + (MAX_FILE_BYTES >> 20)
                        + " MB a document may have (split it into several files)");
                return Optional.empty();
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            log.warn("skipping " + name + ": cannot read it (" + e.getMessage() + ")");
            return Optional.empty();
        }
        Optional<String> binary = binary(bytes);
        if (binary.isPresent()) {
            log.warn("skipping " + name + ": binary, not text (" + binary.get() + ")");
            return Optional.empty();
        }
        Decoded decoded = decodeLenient(bytes);
        if (decoded.invalidBytes() > MAX_INVALID_SHARE * bytes.length) {
            log.warn("skipping " + name + ": not UTF-8 text (" + decoded.invalidBytes() + " of " + bytes.length
                    + " bytes invalid)");
            return Optional.empty();
        }
        if (decoded.invalidBytes() > 0) {
            log.warn(name + ": " + decoded.invalidBytes() + " bytes that are not UTF-8 text (invalid or NUL) read "
                    + "as U+FFFD; the rest of the file is read");
        }
        String text = plainText(extension, decoded.text());
        if (text.isBlank()) {
            log.warn("skipping " + name + ": no text (only blanks" + (HTML_FORMATS.contains(extension)
                    || MARKDOWN_FORMATS.contains(extension) ? " or markup)" : ")"));
            return Optional.empty();
        }
        return Optional.of(text);
    }

    /**
     * Why a corpus entry must not be read, if so: a name that another system (or a careless join) could take
     * for a path elsewhere, or a symbolic link that leads outside the corpus folder.
     */
    static Optional<String> unsafe(Path root, Path file, String relative) {
        for (int i = 0; i < relative.length(); i++) {
            char c = relative.charAt(i);
            if (c == '\\' || c < 0x20 || c == 0x7f) {
                return Optional.of("its name holds " + (c == '\\' ? "a backslash" : "a control character")
                        + ", which could read as a path outside the corpus; rename it");
            }
        }
        if (Files.isSymbolicLink(file) || !inside(root, file)) {
            try {
                if (!inside(root, file)) {
                    return Optional.of("symbolic link to " + file.toRealPath() + ", outside the corpus folder"
                            + " (not followed)");
                }
                if (Files.isDirectory(file)) {
                    return Optional.of("symbolic link to a folder (not followed; copy the folder in instead)");
                }
            } catch (IOException e) {
                return Optional.of("broken symbolic link");
            }
        }
        return Optional.empty();
    }

    /** Whether {@code file}, links resolved, lies inside {@code root}, links resolved. */
    private static boolean inside(Path root, Path file) {
        try {
            return file.toRealPath().startsWith(root.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }

    /** The path's names joined by '/', whatever the platform's separator (a '\' inside a name stays). */
    private static String relative(Path root, Path file) {
        return String.join("/", StreamSupport.stream(root.relativize(file).spliterator(), false)
                .map(Path::toString).toList());
    }

    /** A name fit for a one-line message: control characters shown as '?'. */
    static String printable(String name) {
        StringBuilder out = new StringBuilder(name.length());
        name.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return out.toString();
    }

    /** A document's discipline: the first folder of its path, or {@code defaultDiscipline} at the top level. */
    public static String disciplineOf(String path, String defaultDiscipline) {
        int slash = path.indexOf('/');
        return slash > 0 ? path.substring(0, slash) : defaultDiscipline;
    }

    /**
     * The text of one document by its span path, exactly as {@link #read} produced it. A path that leaves the
     * corpus folder (by '..', an absolute path or a link) is refused: spans come from files a user may edit.
     */
    public static String textOf(Path root, String path) {
        Path file = root.resolve(path).normalize();
        if (Path.of(path).isAbsolute() || !file.startsWith(root.normalize())
                || unsafe(root, file, path).isPresent()) {
            throw new ProdaFileException("corpus document " + printable(path) + " is not inside " + root);
        }
        try {
            return plainText(extension(path), decodeLenient(Files.readAllBytes(file)).text());
        } catch (IOException e) {
            throw new ProdaFileException("cannot read corpus document " + file + ": " + e.getMessage(), e);
        }
    }

    /** Why {@code bytes} are a binary file, if they are: NUL or other control bytes beyond a stray few. */
    static Optional<String> binary(byte[] bytes) {
        if (bytes.length >= 2 && (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE
                || bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)) {
            return Optional.empty(); // UTF-16 with its byte order mark: its NULs are text
        }
        long nul = 0;
        long control = 0;
        for (byte b : bytes) {
            if (b == 0) {
                nul++;
            } else if (b > 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x1b
                    || b == 0x7f) {
                control++;
            }
        }
        if (nul + control > MAX_CONTROL_SHARE * bytes.length) {
            return Optional.of(nul + " NUL and " + control + " other control bytes of " + bytes.length);
        }
        return Optional.empty();
    }

    /**
     * UTF-8 (or UTF-16 with a byte order mark) that never fails: each malformed sequence and each NUL becomes
     * one U+FFFD and is counted. A leading byte order mark is dropped.
     */
    public static Decoded decodeLenient(byte[] bytes) {
        Charset charset = StandardCharsets.UTF_8;
        int skip = 0;
        if (bytes.length >= 2 && (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)) {
            charset = StandardCharsets.UTF_16LE;
            skip = 2;
        } else if (bytes.length >= 2 && bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF) {
            charset = StandardCharsets.UTF_16BE;
            skip = 2;
        }
        if (skip == 0) {
            // the common case in one allocation (compact when Latin-1): clean UTF-8 decodes to no U+FFFD and no NUL
            String text = new String(bytes, StandardCharsets.UTF_8);
            if (text.indexOf('\uFFFD') < 0 && text.indexOf('\0') < 0) {
                return new Decoded(text.startsWith("\uFEFF") ? text.substring(1) : text, 0);
            }
        }
        var decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, skip, bytes.length - skip);
        // no encoding here yields more characters than it has bytes, and a bad run yields one
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        long invalid = 0;
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                invalid += result.length();
                out.put('\uFFFD');
                in.position(in.position() + result.length());
            } else if (result.isUnderflow()) {
                decoder.flush(out);
                break;
            } else {
                throw new IllegalStateException("decoder overflow"); // cannot happen, see the allocation
            }
        }
        out.flip();
        for (int i = 0; i < out.limit(); i++) {
            if (out.get(i) == 0) {
                out.put(i, '\uFFFD');
                invalid++;
            }
        }
        String text = out.toString();
        return new Decoded(text.startsWith("\uFEFF") ? text.substring(1) : text, invalid);
    }

    /** The text a document's spans index: its prose, markup read through. */
    static String plainText(String extension, String decoded) {
        if (HTML_FORMATS.contains(extension)) {
            return htmlToText(decoded);
        }
        if (MARKDOWN_FORMATS.contains(extension)) {
            return htmlToText(HtmlRenderer.builder().build().render(Parser.builder().build().parse(decoded)));
        }
        return decoded;
    }

    /**
     * Paragraph-preserving HTML to text: the text between two block boundaries (the start or end of a
     * {@code p}, {@code div}, {@code li}, heading …) is one paragraph, so prose in {@code <div class="para">}
     * (DocBook), in bare {@code <div>}s or beside a nested list is read as well as prose in {@code <p>}.
     * Only the page's main content is read when it is marked ({@code <main>}, {@code role="main"},
     * {@code <article>}, an element with id {@code main} or {@code content}), so site menus and footers stay
     * out; code, tables, display math, navigation and scripts are dropped. The walk is iterative: nesting depth
     * costs no stack.
     */
    static String htmlToText(String html) {
        var document = Jsoup.parse(html);
        document.select(NOT_PROSE).remove();
        Element content = document.selectFirst(MAIN_CONTENT);
        StringBuilder text = new StringBuilder();
        StringBuilder paragraph = new StringBuilder();
        StringBuilder pendingNumber = new StringBuilder(); // waits for the item's first text ("<li><p>…")
        java.util.Map<Element, Integer> itemsSeen = new java.util.IdentityHashMap<>();
        Runnable flush = () -> {
            String done = WHITESPACE.matcher(paragraph).replaceAll(" ").strip();
            if (!done.isEmpty()) {
                text.append(pendingNumber).append(done).append("\n\n");
                pendingNumber.setLength(0);
            }
            paragraph.setLength(0);
        };
        if (content == null) {
            content = document.body();
        }
        if (content != null) {
            NodeTraversor.traverse(new NodeVisitor() {
                @Override
                public void head(Node node, int depth) {
                    if (node instanceof TextNode words) {
                        paragraph.append(words.getWholeText());
                    } else if (node instanceof Element element) {
                        if (element.isBlock()) {
                            flush.run();
                            if (element.nameIs("li") && element.parent() != null && element.parent().nameIs("ol")) {
                                Element list = element.parent();
                                int number = itemsSeen.merge(list, 1, Integer::sum) - 1 + start(list);
                                pendingNumber.setLength(0);
                                pendingNumber.append(number).append(". "); // as the page shows it
                            }
                        } else if (element.nameIs("br")) {
                            paragraph.append(' ');
                        } else if (element.hasClass("classifier")) {
                            paragraph.append(" : "); // Sphinx's "name : type", whose colon only the style sheet writes
                        }
                    }
                }

                @Override
                public void tail(Node node, int depth) {
                    if (node instanceof Element element && element.isBlock()) {
                        flush.run();
                        if (element.nameIs("li")) {
                            pendingNumber.setLength(0);
                        }
                    }
                }
            }, content);
        }
        flush.run();
        return text.toString();
    }

    /** The number a browser shows before the first item of an ordered list. */
    private static int start(Element list) {
        return list.attr("start").matches("-?\\d{1,6}") ? Integer.parseInt(list.attr("start")) : 1;
    }

    static String extension(String path) {
        int dot = path.lastIndexOf('.');
        int slash = path.lastIndexOf('/');
        return dot > slash ? path.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
    }
}
