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

    /**
     * A chat as the student reads it: a system message as a plain line, then each user turn as a question and
     * each assistant turn as its answer, ending on "answer:" for the next one to be written.
     */
    public static String conversation(java.util.List<Message> messages) {
        StringBuilder text = new StringBuilder();
        for (Message message : messages) {
            switch (message.role()) {
                case "system", "developer" -> text.append(message.content()).append('\n');
                case "user" -> text.append(prompt(message.content()));
                case "assistant" -> text.append(' ').append(message.content()).append('\n');
                default -> throw new IllegalArgumentException("unknown message role '" + message.role()
                        + "' (system, user or assistant)");
            }
        }
        return text.toString();
    }

    public static String prompt(String question) {
        return "question: " + question + "\nanswer:";
    }

    public static Continuation option(TestItem item, String letter) {
        String context = item.split().equals("general") ? item.question() : prompt(item.question());
        return new Continuation(context, " " + item.options().get(letter));
    }
}
