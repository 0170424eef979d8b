package dev.proda.repair;

import dev.proda.io.AtomicFiles;
import dev.proda.io.ProdaFileException;
import dev.proda.model.Span;
import dev.proda.project.Corpus;
import dev.proda.text.Segmenter;
import dev.proda.text.TextUnit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LogDocMergePolicy;
import org.apache.lucene.index.SerialMergeScheduler;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.NIOFSDirectory;

/**
 * BM25 retrieval of corpus sentences: a Lucene index built once per repair run, in memory for a list of documents
 * or, for a project's corpus, in a folder on disk (read through file channels, not mapped), so that memory does not
 * grow with the corpus: in memory, the index of a 2 GB corpus held its text and postings, more than the corpus.
 * Segments merge in order, one at a time, so the same corpus gives the same document order and the same ties.
 */
public final class Bm25Grounding implements AutoCloseable {

    /** A retrieved sentence with its place in the corpus. */
    public record Passage(Span span, String text) {
    }

    private final Directory directory;
    private final Path folder;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final EnglishAnalyzer analyzer = new EnglishAnalyzer();

    /** An index in memory: for a few documents. */
    public Bm25Grounding(List<Corpus.Document> documents) {
        this(documents, null);
    }

    /**
     * An index of {@code documents} in {@code folder} (replaced if a killed run left one; deleted on close), or in
     * memory when {@code folder} is null.
     */
    public Bm25Grounding(List<Corpus.Document> documents, Path folder) {
        this.folder = folder;
        try {
            if (folder != null) {
                AtomicFiles.deleteTree(folder);
                Files.createDirectories(folder);
            }
            directory = folder == null ? new ByteBuffersDirectory() : new NIOFSDirectory(folder);
        } catch (IOException e) {
            throw new ProdaFileException("cannot make the search index in " + folder + ": " + e.getMessage(), e);
        }
        IndexWriterConfig config = new IndexWriterConfig(analyzer).setMergePolicy(new LogDocMergePolicy())
                .setMergeScheduler(new SerialMergeScheduler());
        try (IndexWriter writer = new IndexWriter(directory, config)) {
            for (Corpus.Document document : documents) {
                for (TextUnit paragraph : Segmenter.paragraphs(document.text())) {
                    for (TextUnit sentence : Segmenter.sentences(document.text(), paragraph)) {
                        Document doc = new Document();
                        doc.add(new StringField("doc", document.path(), Field.Store.YES));
                        doc.add(new StoredField("start", sentence.start()));
                        doc.add(new StoredField("end", sentence.end()));
                        doc.add(new TextField("text", sentence.text(), Field.Store.YES));
                        writer.addDocument(doc);
                    }
                }
            }
            writer.commit();
            reader = DirectoryReader.open(directory);
            searcher = new IndexSearcher(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Words of a query that count: more say nothing BM25 can rank by, and past Lucene's 1,024 clauses a long
     * definition or chain used as a query threw instead of grounding.
     */
    static final int MAX_QUERY_WORDS = 64;

    /** The best {@code k} sentences for a free-text query (its first {@value #MAX_QUERY_WORDS} words). */
    public List<Passage> search(String query, int k) {
        String[] words = query.strip().split("\\s+");
        if (words.length > MAX_QUERY_WORDS) {
            query = String.join(" ", java.util.Arrays.copyOf(words, MAX_QUERY_WORDS));
        }
        if (query.isBlank() || k <= 0) {
            return List.of();
        }
        try {
            // the words as terms, any of which may match: "AND", "(" or a quote in a concept's name is text, not
            // query syntax
            var builder = new org.apache.lucene.search.BooleanQuery.Builder();
            java.util.Set<String> terms = new java.util.LinkedHashSet<>();
            try (var tokens = analyzer.tokenStream("text", query)) {
                var term = tokens.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
                tokens.reset();
                while (tokens.incrementToken()) {
                    terms.add(term.toString());
                }
                tokens.end();
            }
            if (terms.isEmpty()) {
                return List.of();
            }
            terms.forEach(t -> builder.add(new org.apache.lucene.search.TermQuery(new org.apache.lucene.index.Term(
                    "text", t)), org.apache.lucene.search.BooleanClause.Occur.SHOULD));
            var parsed = builder.build();
            List<Passage> passages = new ArrayList<>();
            var stored = searcher.storedFields();
            for (ScoreDoc hit : searcher.search(parsed, k).scoreDocs) {
                Document doc = stored.document(hit.doc);
                passages.add(new Passage(new Span(doc.get("doc"), doc.getField("start").numericValue().intValue(),
                        doc.getField("end").numericValue().intValue()), doc.get("text")));
            }
            return passages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            reader.close();
            directory.close();
            if (folder != null) {
                AtomicFiles.deleteTree(folder);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
