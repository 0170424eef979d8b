package dev.proda.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HeadsTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a thermionic tube having two electrodes; used as a rectifier | thermionic tube
            a kind of tree that grows in swamps                          | tree
            any of various burrowing animals                             | burrowing animals
            a usually rhythmical song to accompany work                  | rhythmical song
            an area sufficiently large for a vehicle                     | area
            a payment larger than needed                                 | payment
            a tall building in the city                                  | tall building
            the branch of mechanics concerned with forces                | mechanics
            """)
    void readsTheNounGroup(String phrase, String group) {
        assertEquals(group, Heads.of(phrase));
    }
}
