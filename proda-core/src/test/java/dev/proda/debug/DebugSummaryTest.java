package dev.proda.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.proda.model.Failure;
import dev.proda.model.TestItem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DebugSummaryTest {
    private static TestItem item(String id, String discipline, String form, String node) {
        return new TestItem(id, "dev", "Which term?", Map.of("A", "x", "B", "y"), "A", node, List.of(node), List.of(),
                discipline, List.of(), form, node, null, false);
    }

    private static Failure failure(String item, String kind, List<String> responsible) {
        return new Failure(item, "B", Map.of("A", -2.0, "B", -1.0), List.of(item), kind, responsible, Map.of());
    }

    @Test
    void countsFailuresPerKindDisciplineAndFormAndNamesTheMostBlamedNodes() {
        List<TestItem> dev = List.of(item("i1", "biology", "completion", "s1"), item("i2", "biology", "reverse", "s1"),
                item("i3", "physics", "completion", "s2"), item("i4", "physics", "completion", "s3"));
        List<Failure> failures = List.of(failure("i1", "concept_gap", List.of("s1", "c1")),
                failure("i2", "concept_gap", List.of("s1")), failure("i3", "chain_break", List.of("s2")));
        DebugSummary summary = DebugSummary.of("V1", dev, failures);
        assertEquals(3, summary.failures());
        assertEquals(Map.of("concept_gap", 2, "chain_break", 1), summary.by_kind());
        assertEquals(new DebugSummary.Share(2, 3), summary.by_form().get("completion"));
        assertEquals(new DebugSummary.Share(1, 1), summary.by_form().get("reverse"));
        assertEquals(new DebugSummary.Share(2, 2), summary.by_discipline().get("biology"));
        assertEquals(new DebugSummary.Share(1, 2), summary.by_discipline().get("physics"));
        assertEquals(List.of(new DebugSummary.Node("s1", 2), new DebugSummary.Node("c1", 1),
                new DebugSummary.Node("s2", 1)), summary.most_failed());
    }
}
