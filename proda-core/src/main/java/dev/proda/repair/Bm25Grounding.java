package dev.proda.repair;

import dev.proda.model.Span;
import dev.proda.project.Corpus;
import dev.proda.text.Segmenter;
import dev.proda.text.TextUnit;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;

/** BM25 retrieval of corpus sentences (an in-memory Lucene index built once per repair run). */
public final class Bm25Grounding implements AutoCloseable {

    /** A retrieved sentence with its place in the corpus. */
    public record Passage(Span span, String text) {
    }

    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final EnglishAnalyzer analyzer = new EnglishAnalyzer();

    public Bm25Grounding(List<Corpus.Document> documents) {
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
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

    /** The best {@code k} sentences for a free-text query. */
    public List<Passage> search(String query, int k) {
        try {
            QueryParser parser = new QueryParser("text", analyzer);
            var parsed = parser.parse(QueryParser.escape(query));
            List<Passage> passages = new ArrayList<>();
            var stored = searcher.storedFields();
            for (ScoreDoc hit : searcher.search(parsed, k).scoreDocs) {
                Document doc = stored.document(hit.doc);
                passages.add(new Passage(new Span(doc.get("doc"), doc.getField("start").numericValue().intValue(),
                        doc.getField("end").numericValue().intValue()), doc.get("text")));
            }
            return passages;
        } catch (ParseException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            reader.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
