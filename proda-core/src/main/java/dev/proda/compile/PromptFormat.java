package dev.proda.compile;

import dev.proda.model.Message;
import dev.proda.model.Sample;
import dev.proda.model.TestItem;
import dev.proda.student.Continuation;
import dev.proda.student.TrainingExample;

/**
 * How samples, items and probes are turned into model text: "question: …\nanswer: …". General items
 * are plain text continuations (their question is the start of a passage), as a base model reads text.
 */
public final class PromptFormat {
    private PromptFormat() {
    }

    public static TrainingExample example(Sample sample) {
        String question = sample.messages().stream().filter(m -> m.role().equals("user")).map(Message::content)
                .reduce((a, b) -> a + "\n" + b).orElse("");
        String answer = sample.messages().stream().filter(m -> m.role().equals("assistant"))
                .map(Message::content).reduce((a, b) -> a + "\n" + b).orElse("");
        return new TrainingExample(prompt(question), " " + answer);
    }

    public static String prompt(String question) {
        return "question: " + question + "\nanswer:";
    }

    public static Continuation option(TestItem item, String letter) {
        String context = item.split().equals("general") ? item.question() : prompt(item.question());
        return new Continuation(context, " " + item.options().get(letter));
    }
}
