package dev.proda.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proda.inspect.KbStats;
import dev.proda.io.Jsonl;
import dev.proda.io.ProdaFileException;
import dev.proda.model.Chain;
import dev.proda.model.Concept;
import dev.proda.model.Statement;
import dev.proda.project.Lock;
import dev.proda.project.ProjectLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kb/ is read as one whole base or not at all: no interrupted set, no id that names nothing. */
class KnowledgeBaseTest {
    @TempDir
    Path dir;

    private static Statement statement(String id, String chain, List<String> concepts) {
        return new Statement(id, chain, "lasso", "is-a", "linear model", "Lasso is a linear model.", List.of(),
                concepts);
    }

    private static Concept concept(String id, List<String> statements) {
        return new Concept(id, "lasso", List.of(), null, null, statements, "statistics", List.of());
    }

    private static KnowledgeBase base(String suffix) {
        return new KnowledgeBase(List.of(), List.of(statement("s" + suffix, null, List.of("c" + suffix))),
                List.of(concept("c" + suffix, List.of("s" + suffix))));
    }

    @Test
    void aWholeBaseReadsBack() {
        ProjectLayout layout = new ProjectLayout(dir);
        base("1").write(layout);
        assertEquals(base("1"), KnowledgeBase.read(layout));
        assertTrue(KbStats.render(layout).contains("dangling ids         0"), KbStats.render(layout));
    }

    @Test
    void filesOfTwoRunsAreRefusedWithFileAndLineButStatsCountThem() {
        ProjectLayout layout = new ProjectLayout(dir);
        base("1").write(layout);
        // A new statements file beside the old concepts: what a killed rerun of extract could leave.
        Jsonl.write(layout.statements(), base("2").statements());
        var e = assertThrows(ProdaFileException.class, () -> KnowledgeBase.read(layout));
        assertTrue(e.getMessage().startsWith(layout.statements() + ":1: statement s2 concept_ids names c2"),
                e.getMessage());
        assertTrue(e.getMessage().contains("(and 1 more dangling ids)"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
        assertTrue(KbStats.render(layout).contains("dangling ids         2"), KbStats.render(layout));
    }

    @Test
    void everyKindOfReferenceIsChecked() {
        ProjectLayout layout = new ProjectLayout(dir);
        Chain chain = new Chain("ch1", null, "p", null, List.of(), List.of(), List.of("a", "b"), List.of("s-gone"),
                List.of(), null, Chain.PATH);
        new KnowledgeBase(List.of(chain), List.of(statement("s1", "ch-gone", List.of())),
                List.of(concept("c1", List.of("s1", "s-other")))).write(layout);
        List<String> found = KbReferences.find(KnowledgeBase.readLines(layout)).stream()
                .map(d -> d.file().getFileName() + ":" + d.line() + " " + d.field() + " " + d.id()).toList();
        assertEquals(List.of("chains.jsonl:1 statement_ids s-gone", "statements.jsonl:1 parent_chain_id ch-gone",
                "concepts.jsonl:1 parent_statement_ids s-other"), found);
    }

    @Test
    void aBaseFromAnInterruptedRunIsRefusedUntilTheStageFinishes() throws Exception {
        ProjectLayout layout = new ProjectLayout(dir);
        Files.createDirectories(layout.corpus());
        base("1").write(layout);
        Lock.record(layout, "extract", 42, List.of(layout.corpus()), List.of(layout.kb()));
        Lock.begin(layout, "extract", List.of(layout.kb()));
        var e = assertThrows(ProdaFileException.class, () -> KnowledgeBase.read(layout));
        assertEquals("kb/ is from an interrupted extract (it did not finish, so its files may not belong together); "
                + "run `proda extract` again", e.getMessage());
        assertTrue(KbStats.render(layout).contains("warning: kb/ is from an interrupted extract"));
        Lock.record(layout, "extract", 42, List.of(layout.corpus()), List.of(layout.kb()));
        assertEquals(base("1"), KnowledgeBase.read(layout));
    }
}
