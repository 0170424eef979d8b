package dev.proda.student;

import java.util.List;
import java.util.Map;

/**
 * A student that only answers multiple-choice questions with a letter (a chat-only endpoint): it has no
 * log-likelihoods, so items are asked as OpenCompass asks them, options listed and one letter parsed from the
 * reply.
 */
public interface ChoiceModel {

    /** One question: the prompt and its options by letter, in letter order. */
    record Question(String prompt, Map<String, String> options) {
    }

    /** The letter picked for each question, in order; null where no letter could be read from the reply. */
    List<String> choose(List<Question> questions);
}
