package dev.proda.student;

/** How many tokens a text is for one student's tokenizer. */
@FunctionalInterface
public interface TokenCounter {
    int count(String text);
}
