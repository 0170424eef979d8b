package dev.proda.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SelfContainedTest {
    @ParameterizedTest
    @ValueSource(strings = {"linear model", "Lasso", "IT department", "one-hot encoding", "the Hamiltonian",
        "Support vector machines", "n_jobs", "US dollar", "the first principal component", "k-means (Lloyd)",
        "Each node", "U.S."})
    void termsReadOnTheirOwn(String subject) {
        assertEquals(Optional.empty(), SelfContained.subjectProblem(subject), subject);
        assertTrue(SelfContained.isSelfContained(subject));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "It | pronoun",
        "Theirs | pronoun",
        "which | pronoun",
        "Its parameters | possessive",
        "This solver | demonstrative",
        "Such models | demonstrative",
        "The former | points back",
        "the same estimator | points back",
        "Both | quantifier",
        "each of them | quantifier",
        "However the model | connective",
        "Compared | connective",
        "Then | connective",
        "of the data | opens with 'of'",
        "is used | opens with 'is'",
        "the size of | ends with 'of'",
        "an | ends with 'an'",
        "--- | no words",
        "f(x | unbalanced",
        "\\ell | markup",
        "a b c d e f g h i j k l m | 13 words",
        "Double-click on the icon for the program. | a sentence"})
    void anaphoraFragmentsAndClausesAreNot(String subject, String reason) {
        Optional<String> problem = SelfContained.subjectProblem(subject.strip());
        assertTrue(problem.isPresent(), subject);
        boolean matches = false;
        for (String expected : reason.split("\\|")) {
            matches |= problem.get().contains(expected.strip());
        }
        assertTrue(matches, subject + ": " + problem.get());
    }

    @ParameterizedTest
    @ValueSource(strings = {"First, load the data.", "Then fit the model to the training set.", "2. Compile the code.",
        "Step 3: Measure the output.", "Finally, the estimator predicts labels."})
    void procedureStepsMayOpenWithTheirOrder(String step) {
        assertEquals(Optional.empty(), SelfContained.stepProblem(step), step);
    }

    @ParameterizedTest
    @ValueSource(strings = {"It is then heated.", "Then it is heated.", "This produces the tree.",
        "However, the loop ends."})
    void procedureStepsWithAnAnaphorAreNot(String step) {
        assertTrue(SelfContained.stepProblem(step).isPresent(), step);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"linear model | true", "multiple regression problems | true",
        "a kind of | false", "it | false", "the size of the | false", "(unclosed | false", "IT | true"})
    void objectsAreComplete(String object, boolean complete) {
        assertEquals(complete, SelfContained.objectProblem(object.strip()).isEmpty(), object);
    }
}
