package dev.proda.repair;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.proda.model.Message;
import dev.proda.model.Sample;
import dev.proda.model.Statement;
import dev.proda.model.TestItem;
import dev.proda.project.Corpus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContaminationGuardTest {
    private static final String TEXT = "A decision tree is a non-parametric supervised learning method. It splits the "
            + "data on the feature that best separates the classes at each node of the tree.";
    private final TestItem item = new TestItem("i-1", "dev",
            "According to Decision Trees (passage 1), which statement directly follows \"A decision tree is a "
                    + "non-parametric supervised learning method.\"?",
            Map.of("A", "It splits the data on the feature that best separates the classes at each node of the tree.",
                    "B", "Lasso shrinks coefficients toward zero.", "C", "Python is an interpreted language.",
                    "D", "Inflation erodes purchasing power over time."),
            "A", "ch-1", List.of("s-1"), List.of(), "statistics", List.of("x", "y", "z"), "order", "ch-1", null, false);
    private final TestItem statementItem = new TestItem("i-2", "test",
            "Complete the statement: Random number seed is used for …",
            Map.of("A", "reproducible results", "B", "faster training", "C", "smaller models", "D", "fewer bugs"),
            "A", "s-2", List.of("s-2"), List.of(), "statistics", List.of("x", "y", "z"), "completion", "s-2", null, false);
    private final ContaminationGuard guard = new ContaminationGuard(List.of(item, statementItem),
            List.of(new Corpus.Document("s/t.txt", "statistics", TEXT)),
            List.of(new Statement("s-2", null, "Random number seed", "used-for", "reproducible results", "q",
                    List.of(), List.of())));

    private static Sample sample(String question, String answer) {
        return new Sample("p", List.of(new Message("user", question), new Message("assistant", answer)), List.of(),
                "x", "patch", 1);
    }

    @Test
    void corpusTextAboutTheNodeIsAllowed() {
        assertNull(guard.problem(sample("What comes after this? A decision tree is a non-parametric supervised "
                + "learning method.", "It splits the data on the feature that best separates the classes at each node "
                + "of the tree.")));
    }

    @Test
    void theKnowledgeBasesOwnRenderingIsAllowed() {
        assertNull(guard.problem(sample("Recall: random number seed is used for …", "reproducible results")));
    }

    @Test
    void benchmarkWordingIsRefused() {
        assertNotNull(guard.problem(sample("According to Decision Trees (passage 1), which statement directly "
                + "follows?", "x")));
        assertNotNull(guard.problem(sample("Complete the statement: random number seed is …", "x")));
    }

    @Test
    void rehearsingAnItemsOptionsIsRefused() {
        assertNotNull(guard.problem(sample("Which is true?", "Lasso shrinks coefficients toward zero. Python is an "
                + "interpreted language.")));
    }
}
