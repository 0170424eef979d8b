package dev.proda.bench;

import dev.proda.io.ProdaFileException;
import dev.proda.project.Corpus;
import dev.proda.text.Segmenter;
import dev.proda.text.Terms;
import dev.proda.text.TextUnit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The glossaries of {@code bench/data/glossaries} ({@code <discipline>/<name>.txt}; {@code licenses/} is
 * not read) and the terms they define.
 *
 * <p>An entry is a <em>heading</em> followed by its definition. A heading is a paragraph (blank-line
 * separated) of one line, at most {@value #MAX_HEADING_WORDS} words and {@value #MAX_HEADING_CHARS}
 * characters, without final punctuation, and the paragraph right after it ends like a sentence ('.', '?',
 * '!' or ':', maybe with a closing quote or bracket). Its definition is every paragraph up to the next
 * heading. The document's first paragraph (the page title, "Glossary") is no heading. Headings that are no
 * term end the entry before them but give no entry: lines whose first word is a function word
 * ({@link Terms#STOPWORDS}: "An integer", a value listed under a parameter; "As documented", a sub-heading of
 * a policy), and API identifiers and other code (a line with '_', '.', '(', ')', '/',
 * '=', '&lt;' or '&gt;': "fit_transform", "utils.check_estimator"). Section titles followed by a heading
 * ("General Concepts" → "1d array") fail the sentence test. A few
 * sub-headings of a long entry ("Keyword arguments", "Bug fixes and enhancements" under the scikit-learn
 * API policy) still pass; they are defined terms of a sort, and rarely occur in other documents.
 */
final class Glossary {
    static final int MAX_HEADING_WORDS = 6;
    static final int MAX_HEADING_CHARS = 60;
    private static final Pattern FINAL_PUNCTUATION = Pattern.compile(".*[.?!:;,]$");
    private static final Pattern SENTENCE_END = Pattern.compile("(?s).*[.?!:][\"'\u201d\u2019)\\]]*$");
    private static final Pattern CODE = Pattern.compile(".*[_.()/=<>].*");

    /** One defined term: {@code [start, end)} covers its heading and its definition in {@code doc}. */
    record Entry(String term, String doc, String discipline, String definition, int start, int end) {
    }

    private Glossary() {
    }

    /** The glossary documents under {@code dir}, as a corpus: paths {@code <discipline>/<name>.txt}. */
    static List<Corpus.Document> documents(Path dir) {
        List<Corpus.Document> documents = new ArrayList<>();
        try (var walk = Files.walk(dir, 2)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                String relative = dir.relativize(file).toString().replace('\\', '/');
                String[] parts = relative.split("/");
                if (parts.length == 2 && relative.endsWith(".txt") && !parts[0].equals("licenses")) {
                    documents.add(new Corpus.Document(relative, parts[0],
                            Files.readString(file, StandardCharsets.UTF_8)));
                }
            }
        } catch (IOException e) {
            throw new ProdaFileException("cannot read the glossaries in " + dir + ": " + e.getMessage(), e);
        }
        if (documents.isEmpty()) {
            throw new ProdaFileException("no glossary (<discipline>/<name>.txt) in " + dir);
        }
        return List.copyOf(documents);
    }

    static List<Entry> entries(List<Corpus.Document> documents) {
        List<Entry> entries = new ArrayList<>();
        documents.forEach(d -> entries.addAll(entries(d)));
        return List.copyOf(entries);
    }

    static List<Entry> entries(Corpus.Document document) {
        List<TextUnit> paragraphs = Segmenter.paragraphs(document.text());
        List<Integer> headings = new ArrayList<>();
        for (int i = 1; i + 1 < paragraphs.size(); i++) {
            if (looksLikeHeading(paragraphs.get(i).text())
                    && SENTENCE_END.matcher(paragraphs.get(i + 1).text()).matches()) {
                headings.add(i);
            }
        }
        List<Entry> entries = new ArrayList<>();
        for (int h = 0; h < headings.size(); h++) {
            int first = headings.get(h) + 1;
            int last = h + 1 < headings.size() ? headings.get(h + 1) - 1 : paragraphs.size() - 1;
            TextUnit heading = paragraphs.get(headings.get(h));
            if (!isTerm(heading.text())) {
                continue;
            }
            String definition = document.text().substring(paragraphs.get(first).start(), paragraphs.get(last).end());
            entries.add(new Entry(heading.text(), document.path(), document.discipline(), definition, heading.start(),
                    paragraphs.get(last).end()));
        }
        return entries;
    }

    /** One short line without final punctuation. */
    static boolean looksLikeHeading(String paragraph) {
        return !paragraph.contains("\n") && paragraph.length() <= MAX_HEADING_CHARS
                && paragraph.split("\\s+").length <= MAX_HEADING_WORDS
                && !FINAL_PUNCTUATION.matcher(paragraph).matches();
    }

    /** A heading that names a term: it neither starts with a function word ("An integer") nor is code. */
    static boolean isTerm(String heading) {
        List<String> words = Segmenter.words(heading);
        return !words.isEmpty() && !Terms.STOPWORDS.contains(words.get(0)) && !CODE.matcher(heading).matches();
    }
}
