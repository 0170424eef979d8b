package dev.proda.student.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChatLetterStudentTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {"B|B", "(C)|C", "D.|D", "Answer: A|A", "The answer is B, because…|B",
        "I think it is C) hash function|C", "A Bloom filter is D|D"})
    void readsTheFirstOptionLetterStandingAlone(String reply, String letter) {
        assertEquals(letter, ChatLetterStudent.letter(reply, Set.of("A", "B", "C", "D")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"none of them", "E", "Bloom filters", "''"})
    void noLetterMeansNoPick(String reply) {
        assertNull(ChatLetterStudent.letter(reply, Set.of("A", "B", "C", "D")));
    }
}
