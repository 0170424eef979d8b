package dev.proda.teacher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proda.TestCorpus;
import dev.proda.extract.KnowledgeBase;
import dev.proda.model.Chain;
import dev.proda.model.Concept;
import dev.proda.model.Span;
import dev.proda.model.Statement;
import dev.proda.project.Corpus;
import dev.proda.project.Log;
import dev.proda.project.ProjectLayout;
import dev.proda.text.Terms;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link Teacher} must do, whatever its backend: spans that point at their own text, layers
 * linked both ways, unique ids, disciplines from the documents, the same base from the same corpus.
 * Each backend's test extends this and says how to build its teacher.
 */
public abstract class TeacherContract {
    @TempDir
    protected Path dir;

    /** The teacher under test, for a project at {@code layout} whose corpus is already in place. */
    protected abstract Teacher teacher(ProjectLayout layout) throws Exception;

    private ProjectLayout layout;
    private List<Corpus.Document> documents;

    private KnowledgeBase extract() throws Exception {
        if (layout == null) {
            layout = new ProjectLayout(dir.resolve("contract"));
            for (String path : List.of("physics/qutip-basics.txt", "biology/phylip-clique.txt")) {
                Path target = layout.corpus().resolve(path);
                Files.createDirectories(target.getParent());
                Files.copy(TestCorpus.EXAMPLE.resolve("corpus").resolve(path), target);
            }
            documents = Corpus.read(layout.corpus(), "contract", Log.SILENT);
        }
        return teacher(layout).extract(documents, Log.SILENT);
    }

    @Test
    void everySpanPointsAtTextOfItsNode() throws Exception {
        KnowledgeBase kb = extract();
        // Chains only where the text states a procedure or statements link up: two documents may have none.
        assertFalse(kb.statements().isEmpty() || kb.concepts().isEmpty(), "statements and concepts");
        Map<String, String> texts = new HashMap<>();
        documents.forEach(d -> texts.put(d.path(), d.text()));
        for (Statement s : kb.statements()) {
            assertFalse(s.spans().isEmpty(), s.statement_id());
            for (Span span : s.spans()) {
                assertTrue(s.source_quote().contains(slice(texts, span)), s.statement_id() + ": " + slice(texts, span));
            }
        }
        for (Chain c : kb.chains()) {
            assertTrue(c.steps().size() >= 2 && !c.spans().isEmpty(), c.chain_id());
            c.spans().forEach(span -> assertFalse(slice(texts, span).isBlank(), c.chain_id()));
        }
        for (Concept c : kb.concepts()) {
            assertTrue(c.spans().stream().anyMatch(span -> slice(texts, span).equalsIgnoreCase(c.term())
                    || c.aliases().stream().anyMatch(slice(texts, span)::equalsIgnoreCase)), c.term());
        }
    }

    @Test
    void layersAreLinkedBothWaysWithUniqueIds() throws Exception {
        KnowledgeBase kb = extract();
        Set<String> ids = new HashSet<>();
        kb.chains().forEach(c -> assertTrue(ids.add(c.chain_id()), c.chain_id()));
        kb.statements().forEach(s -> assertTrue(ids.add(s.statement_id()), s.statement_id()));
        kb.concepts().forEach(c -> assertTrue(ids.add(c.concept_id()), c.concept_id()));
        Map<String, Chain> chains = kb.chainsById();
        Map<String, Statement> statements = kb.statementsById();
        Map<String, Concept> concepts = kb.conceptsById();
        for (Chain c : kb.chains()) {
            assertEquals(c.steps().size() - 1, c.statement_ids().size(), c.chain_id());
            for (int i = 0; i < c.statement_ids().size(); i++) {
                Statement link = statements.get(c.statement_ids().get(i));
                if (Chain.PATH.equals(c.kind())) {
                    // a path reuses stand-alone statements: step i is the subject's term, step i + 1 the object's
                    assertEquals(Terms.key(c.steps().get(i)), Terms.key(link.subject()), c.chain_id());
                    assertEquals(Terms.key(c.steps().get(i + 1)), Terms.key(link.object()), c.chain_id());
                } else {
                    assertEquals(c.chain_id(), link.parent_chain_id());
                }
            }
        }
        for (Statement s : kb.statements()) {
            if (s.parent_chain_id() != null) {
                assertTrue(chains.get(s.parent_chain_id()).statement_ids().contains(s.statement_id()));
            }
            s.concept_ids().forEach(id -> assertTrue(concepts.get(id).parent_statement_ids().contains(s.statement_id())));
        }
        for (Concept c : kb.concepts()) {
            assertFalse(c.parent_statement_ids().isEmpty(), c.term());
            c.parent_statement_ids().forEach(id -> assertTrue(statements.get(id).concept_ids().contains(c.concept_id())));
        }
    }

    @Test
    void disciplinesComeFromTheDocumentsAndRerunningGivesTheSameBase() throws Exception {
        KnowledgeBase kb = extract();
        for (Chain c : kb.chains()) {
            String doc = c.spans().get(0).doc();
            assertEquals(doc.substring(0, doc.indexOf('/')), c.discipline(), c.chain_id());
        }
        kb.concepts().forEach(c -> assertTrue(Set.of("physics", "biology").contains(c.discipline()), c.term()));
        assertEquals(kb, extract());
    }

    private static String slice(Map<String, String> texts, Span span) {
        String text = texts.get(span.doc());
        assertTrue(span.end() <= text.length(), span.toString());
        return text.substring(span.start(), span.end());
    }
}
