package dev.proda.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RelationPatternsTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            A decision tree is a supervised learning method.          | decision tree | is-a         | a supervised learning method
            Ice cream is frozen dessert containing cream and sugar.   | Ice cream     | is-a         | frozen dessert containing cream and sugar
            Yellowwood is any of various trees having yellowish wood. | Yellowwood    | is-a         | any of various trees having yellowish wood
            A decision tree is simple to understand.                  | decision tree | has-property | simple to understand
            Prediction is the act of predicting.                      | Prediction    | defined-as   | the act of predicting
            Storeria is a genus of Colubridae.                        | Storeria      | part-of      | a genus of Colubridae
            A senator is a member of the senate.                      | senator       | part-of      | a member of the senate
            The nucleus is part of the cell.                          | nucleus       | part-of      | the cell
            A molecule consists of two or more atoms.                 | molecule      | has-part     | two or more atoms
            Water is composed of hydrogen and oxygen.                 | Water         | has-part     | hydrogen and oxygen
            Regularization is used to reduce overfitting.             | Regularization | used-for    | reduce overfitting
            Friction can cause wear on the surfaces.                  | Friction      | causes       | wear on the surfaces
            Inflation leads to higher prices for consumers.           | Inflation     | causes       | higher prices for consumers
            Photosynthesis requires light and water.                  | Photosynthesis | requires    | light and water
            Gradient descent depends on the learning rate.            | Gradient descent | requires  | the learning rate
            Energy is measured in joules.                             | Energy        | measured-in  | joules
            A hash table allows fast lookup of keys.                  | hash table    | enables      | fast lookup of keys
            Entropy is defined as the expected information content.   | Entropy       | is-a         | the expected information content
            Overfitting refers to a model that memorises noise.       | Overfitting   | defined-as   | a model that memorises noise
            """)
    void readsEachRelation(String sentence, String subject, String predicate, String object) {
        RelationPatterns.Relation r = RelationPatterns.match(sentence).orElseThrow();
        assertEquals(subject, r.subject());
        assertEquals(predicate, r.predicate());
        assertEquals(object, r.object());
        assertEquals(subject, sentence.substring(r.subjectStart(), r.subjectEnd()));
        assertEquals(object, sentence.substring(r.objectStart(), r.objectStart() + object.length()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            A diode is a thermionic tube having two electrodes.          | thermionic tube
            A dog is a kind of domestic animal that barks.               | domestic animal
            Yellowwood is any of various trees having yellowish wood.    | trees
            Inspection is a formal or official examination.             | formal or official examination
            Calash is a woman's large folded hooped hood.                | large folded hooped hood
            Monophony is music consisting of a single vocal part.        | music
            Frost is United States poet (1874-1963).                     | United States poet
            Thrushes are Old World songbirds.                            | Old World songbirds
            A kilowatt is a unit of power equal to 1000 watts.           | unit
            A herd is a group of animals that feed together.             | group
            A finch is any of a group of small songbirds.                | small songbirds
            The femur is the longest of the leg bones.                   | leg bones
            Dermatology is a branch of medicine.                         | medicine
            A sofa is a piece of furniture for sitting.                  | furniture
            """)
    void findsTheHeadOfAnIsAObject(String sentence, String group) {
        RelationPatterns.Relation r = RelationPatterns.match(sentence).orElseThrow();
        assertEquals("is-a", r.predicate());
        assertEquals(group, r.head().group());
        assertEquals(group, sentence.substring(r.head().start(), r.head().end()));
    }

    @Test
    void readsAliases() {
        RelationPatterns.Relation paren = RelationPatterns.match(
                "Decision Trees (DTs) are a non-parametric supervised learning method.").orElseThrow();
        assertEquals("Decision Trees", paren.subject());
        assertEquals("DTs", paren.alias());
        RelationPatterns.Relation comma = RelationPatterns.match(
                "Principal component analysis, or PCA, is a linear dimensionality reduction technique.")
                .orElseThrow();
        assertEquals("Principal component analysis", comma.subject());
        assertEquals("PCA", comma.alias());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            It is a supervised learning method.
            This is a good idea for most users.
            The result is a tree with many leaves.
            Cats and dogs are popular pets in many homes.
            A decision tree is not a linear model.
            In this case the model is a tree.
            Scab is someone who works during a strike.
            A canteen is sells food to soldiers.
            An armadillo is having nine bands of plates.
            """)
    void refusesNonDefinitions(String sentence) {
        assertTrue(RelationPatterns.match(sentence).isEmpty(), () -> RelationPatterns.match(sentence).toString());
    }

    @Test
    void onlyCueSentencesAreTagged() {
        assertTrue(RelationPatterns.cueEnd("A decision tree is a method.") > 0);
        assertEquals(-1, RelationPatterns.cueEnd("In the first step of the method the data is split."));
        assertEquals(-1, RelationPatterns.cueEnd("Trees grow slowly in winter."));
        assertNull(Heads.of("one who deals in candles"));
    }
}
