package dev.proda.curriculum;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.proda.model.Span;
import dev.proda.model.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CurriculumTest {
    private static Statement s(int i, String discipline, String predicate) {
        return new Statement("s-" + i, null, "a" + i, predicate, "b" + i, "q", List.of(new Span(discipline + "/d.txt", 0,
                1)), List.of("c-" + i));
    }

    @Test
    void statementsComeInFoursOfOneDisciplineAndPredicateThenTheRest() {
        List<Statement> shuffled = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            shuffled.add(s(i, "biology", "is-a"));
            shuffled.add(s(10 + i, "economics", "used-for"));
        }
        shuffled.add(s(20, "biology", "used-for"));
        List<Statement> ordered = Curriculum.inFours(shuffled);
        assertEquals(shuffled.size(), ordered.size());
        assertEquals(List.of("s-0", "s-1", "s-2", "s-3", "s-10", "s-11", "s-12", "s-13", "s-4", "s-14", "s-20"),
                ordered.stream().map(Statement::statement_id).toList());
    }
}
