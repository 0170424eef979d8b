package dev.proda.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.proda.model.Statement;
import dev.proda.model.TestItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A capability deficit is a form (or form and relation) that most of its dev items fail. */
class DeficitTest {
    private static TestItem item(String id, String form, String statement) {
        return new TestItem(id, "dev", "q " + id, Map.of("A", "a", "B", "b", "C", "c", "D", "d"), "A", statement,
                List.of(statement), List.of(), "x", List.of(), form, statement, null, false);
    }

    private static Statement statement(String id, String predicate) {
        return new Statement(id, null, "s", predicate, "o", "s o", List.of(), List.of());
    }

    @Test
    void mostItemsOfAWritableFormFailingMakeADeficit() {
        Map<String, Statement> statements = Map.of("is", statement("is", "is-a"), "uses", statement("uses", "used-for"));
        List<TestItem> dev = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            dev.add(item("c" + i, "completion", i < 4 ? "is" : "uses"));
            dev.add(item("r" + i, "reverse", "is"));
            dev.add(item("o" + i, "order", "uses"));
            failed.add("o" + i); // every order item fails, but order is not taught by single-node exemplars
            if (i < 5) {
                failed.add("c" + i); // 5 of 8 completion items: most
            }
            if (i < 4) {
                failed.add("r" + i); // 4 of 8 reverse items: not most
            }
        }
        for (int i = 0; i < 12; i++) {
            dev.add(item("w" + i, "which-is-true", i < 6 ? "is" : "uses"));
            if (i < 6) {
                failed.add("w" + i); // all six is-a items fail, none of the used-for ones: 6 of 12 overall
            }
        }
        Set<String> deficits = Debug.deficits(dev, Set.copyOf(failed), statements);
        assertEquals(Set.of("form:completion", "form:which-is-true:is-a"), deficits,
                "completion fails 5 of 8 (its is-a part, 4 items, is too small to judge); which-is-true fails half "
                        + "overall but all 6 of its is-a items");
        assertEquals(Set.of(), Debug.deficits(dev.subList(0, 6), Set.of("c0", "c1"), statements),
                "too few items of any form");
    }

    @Test
    void aConceptGapAlsoNamesTheFailedItemsOwnStatement() {
        Map<String, Statement> statements = Map.of("is", statement("is", "is-a"));
        TestItem failed = item("c1", "completion", "is");
        assertEquals(List.of("is", "c-term"), Debug.withItemNode(failed, List.of("c-term"), statements),
                "its probe passed, the item failed: the item's statement is patched too, first");
        assertEquals(List.of("c-term", "is"), Debug.withItemNode(failed, List.of("c-term", "is"), statements),
                "already a gap: named once");
        assertEquals(List.of("c-term"), Debug.withItemNode(item("c2", "completion", "chain-9"), List.of("c-term"),
                statements), "a node that is no statement (a chain) is not added");
    }
}
