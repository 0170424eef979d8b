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
    void htmlProseIsReadWhateverBlockHoldsItAndOnlyTheMainContentWhenMarked() {
        // DocBook writes paragraphs as <div class="para">; a list inside a paragraph ends it
        String docBook = "<html><body><div class=\"section\"><h2>6.2. apt-get</h2><div class=\"para\">"
                + "<span class=\"command\">apt-get</span> is a <em>front end</em> for APT.<div class=\"itemizedlist\">"
                + "<ul><li><div class=\"para\">It installs packages.</div></li></ul></div></div></div></body></html>";
        assertEquals("6.2. apt-get\n\napt-get is a front end for APT.\n\nIt installs packages.\n\n",
                Corpus.htmlToText(docBook));
        // a Sphinx page: menus, footer and display math around the main block stay out; "name : type" keeps
        // its colon, which only the style sheet writes
        String sphinx = "<html><body><div class=\"sphinxsidebar\"><p>Navigation menu</p></div>"
                + "<div class=\"body\" role=\"main\"><p>A kernel is a <b>similarity</b> function.</p>"
                + "<div class=\"math\">\\[k(x, y)\\]</div><dl><dt><strong>gamma</strong><span class=\"classifier\">"
                + "float</span></dt><dd><p>Kernel coefficient.</p></dd></dl></div>"
                + "<footer><p>Created using Sphinx.</p></footer></body></html>";
        assertEquals("A kernel is a similarity function.\n\ngamma : float\n\nKernel coefficient.\n\n",
                Corpus.htmlToText(sphinx));
        // a page without HTML5 landmarks marks its content by id; its footer is no prose either
        String texinfo = "<html><body><div id=\"main\"><h2>1.4 accent</h2><p>The stress of one tone over others.</p>"
                + "<div id=\"footer\"><p>This page is for version 2.24.</p></div></div><div id=\"tocframe\">"
                + "<ul><li>1.1 A</li><li>1.2 a due</li></ul></div></body></html>";
        assertEquals("1.4 accent\n\nThe stress of one tone over others.\n\n", Corpus.htmlToText(texinfo));
        // an ordered list's items carry the numbers the page shows, so a numbered procedure reads as one
        assertEquals("Install it.\n\n3. Run it.\n\n4. Stop it.\n\n", Corpus.htmlToText("<p>Install it.</p><ol start=\"3\">"
                + "<li>Run it.</li><li><p>Stop it.</p></li></ol>"));
    }

    @Test
    void markdownIsReadThroughItsMarkup() {
        String markdown = "# Decision trees\n\n**Decision trees** are a [supervised](https://example.org/sl) "
                + "learning method.\n\n```python\nclf = DecisionTreeClassifier()\n```\n\n1. Fit the `tree`.\n"
                + "2. Prune it.\n";
        assertEquals("Decision trees\n\nDecision trees are a supervised learning method.\n\n1. Fit the tree.\n\n"
                + "2. Prune it.\n\n", Corpus.plainText("md", markdown));
        assertEquals(markdown, Corpus.plainText("txt", markdown), "plain text is read as it is");
    }

    @Test
    void binaryFilesAreSkippedAndInvalidBytesReplacedWithAWarning() throws Exception {
        Files.createDirectories(dir.resolve("physics"));
        Files.writeString(dir.resolve("physics/good.txt"), "Energy is the capacity to do work.\n");
        Files.write(dir.resolve("physics/latin1.txt"), "caf\u00e9 cr\u00e8me is a food".getBytes("ISO-8859-1"));
        Files.write(dir.resolve("physics/binary.txt"), new byte[] {1, 0, 2, 0, 3});
        Files.write(dir.resolve("physics/image.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        Files.writeString(dir.resolve("physics/page.html"),
                "<html><body><nav>menu</nav><p>Work is force times distance.</p><pre>x=1</pre></body></html>");
        List<Corpus.Document> documents = Corpus.read(dir, "d", log);
        assertEquals(List.of("physics/good.txt", "physics/latin1.txt", "physics/page.html"),
                documents.stream().map(Corpus.Document::path).toList());
        assertEquals("physics", documents.get(0).discipline());
        assertEquals("caf\uFFFD cr\uFFFDme is a food", documents.get(1).text(), "one bad byte loses one character");
        assertEquals("Work is force times distance.\n\n", documents.get(2).text());
        assertEquals(3, warnings.size(), warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith("physics/latin1.txt: 2 bytes")), warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.contains("binary.txt: binary")), warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.contains("image.png")));
        assertEquals(documents.get(1).text(), Corpus.textOf(dir, "physics/latin1.txt"), "spans index the same text");
        assertEquals(documents.get(2).text(), Corpus.textOf(dir, "physics/page.html"));
        Corpus.OnDisk onDisk = Corpus.onDisk(dir, "d", Log.SILENT);
        assertEquals(documents, List.copyOf(onDisk), "held on disk, read the same");
        assertEquals(documents.stream().mapToLong(d -> d.text().length()).sum(), onDisk.characters());
    }

    @Test
    void emptyFilesLinksOutsideAndPathLikeNamesAreSkippedByName() throws Exception {
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        Files.writeString(corpus.resolve("good.txt"), "Energy is the capacity to do work.\n");
        Files.writeString(corpus.resolve("empty.txt"), "");
        Files.writeString(corpus.resolve("blank.md"), " \n\n ");
        Path secret = Files.writeString(dir.resolve("secret.txt"), "A password is a secret word.\n").toRealPath();
        Files.createSymbolicLink(corpus.resolve("leak.txt"), secret);
        Files.createSymbolicLink(corpus.resolve("same.txt"), corpus.resolve("good.txt"));
        Files.writeString(corpus.resolve("..\\..\\secret.txt"), "A name is a label.\n");
        List<Corpus.Document> documents = Corpus.read(corpus, "d", log);
        assertEquals(List.of("good.txt", "same.txt"), documents.stream().map(Corpus.Document::path).toList(),
                "a link inside the corpus is read");
        assertTrue(warnings.contains("skipping empty.txt: empty file"), warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith("skipping blank.md: no text")), warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith("skipping leak.txt: symbolic link to " + secret)
                && w.contains("outside the corpus")), warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith("skipping ..\\..\\secret.txt: its name holds a backslash")),
                warnings.toString());
        assertEquals(4, warnings.size(), warnings.toString());
        assertThrows(ProdaFileException.class, () -> Corpus.textOf(corpus, "../secret.txt"));
        assertThrows(ProdaFileException.class, () -> Corpus.textOf(corpus, "leak.txt"));
        assertThrows(ProdaFileException.class, () -> Corpus.textOf(corpus, secret.toString()));
    }

    @Test
    void aFifoIsNamedAndSkippedNotReadForever() throws Exception {
        Files.writeString(dir.resolve("good.txt"), "Energy is the capacity to do work.\n");
        Process mkfifo = new ProcessBuilder("mkfifo", dir.resolve("pipe.txt").toString()).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo is not available");
        assertEquals(1, Corpus.read(dir, "d", log).size());
        assertEquals(List.of("skipping pipe.txt: not a regular file"), warnings);
    }

    @Test
    void deeplyNestedHtmlIsReadWithoutRecursion() throws Exception {
        String html = "<html><body>" + "<div>".repeat(10_000) + "<p>A deep page is a page.</p>"
                + "</div>".repeat(10_000) + "</body></html>";
        Files.writeString(dir.resolve("deep.html"), html);
        assertEquals("A deep page is a page.\n\n", Corpus.read(dir, "d", log).get(0).text());
    }

    @Test
    void utf16WithItsByteOrderMarkIsText() throws Exception {
        byte[] text = "Heat is energy in transit.".getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
        byte[] bytes = new byte[text.length + 2];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xFE;
        System.arraycopy(text, 0, bytes, 2, text.length);
        Files.write(dir.resolve("utf16.txt"), bytes);
        assertEquals("Heat is energy in transit.", Corpus.read(dir, "d", log).get(0).text());
        assertEquals(List.of(), warnings);
    }
}
