package dev.proda.student.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proda.student.Continuation;
import dev.proda.student.TextModel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@code proda serve} reads from a model: echoed tokens that score as in process, and written text. */
class TextModelTest {
    @Test
    void echoedTokensJoinIntoThePromptAndScoreTheContinuationAsInProcess() {
        List<String> texts = Corpus.texts();
        WordTokenizer tokenizer = WordTokenizer.train(texts, 600, 1);
        ModelShape shape = new ModelShape(2, 32, 4, 16, tokenizer.size());
        try (DjlStudentModel model = DjlStudentModel.create(shape, tokenizer, 7, 1)) {
            for (Continuation c : List.of(new Continuation("Which animal sat?", " the cat"),
                    new Continuation("one  two", " three, four"), new Continuation("the cat", " zyxw"))) {
                String prompt = c.context() + c.continuation();
                List<TextModel.TokenLogprob> echo = model.echo(prompt);
                assertEquals(echo.size(), model.promptTokens(prompt), "counted without running the model");
                assertEquals(prompt, String.join("", echo.stream().map(TextModel.TokenLogprob::text).toList()));
                double sum = 0;
                int tokens = 0;
                for (TextModel.TokenLogprob token : echo) {
                    assertEquals(token.offset(), prompt.indexOf(token.text(), token.offset()), "offset is where it starts");
                    assertTrue(token.topLogprob() >= token.logprob());
                    if (token.offset() + token.text().length() - token.text().stripLeading().length() >= c.context().length()) {
                        sum += token.logprob();
                        tokens++;
                    }
                }
                var inProcess = model.logLikelihoods(List.of(c)).get(0);
                assertEquals(inProcess.tokens(), tokens, prompt);
                assertEquals(inProcess.sum(), sum, 1e-4, prompt);
            }
        }
    }

    @Test
    void greedyWritingIsRepeatableAndFollowsTheMostLikelyToken() {
        List<String> texts = Corpus.texts();
        WordTokenizer tokenizer = WordTokenizer.train(texts, 600, 1);
        ModelShape shape = new ModelShape(2, 32, 4, 16, tokenizer.size());
        try (DjlStudentModel model = DjlStudentModel.create(shape, tokenizer, 7, 1)) {
            String longPrompt = "the cat sat on the mat ".repeat(10); // longer than the context of 16
            assertEquals(model.echo(longPrompt).size(), model.promptTokens(longPrompt));
            List<TextModel.TokenLogprob> streamed = new ArrayList<>();
            TextModel.Generation first = model.generate("the cat", 5, 0, 1, streamed::add);
            TextModel.Generation second = model.generate("the cat", 5, 0, 99, t -> { });
            assertEquals(first.text(), second.text(), "temperature 0 ignores the seed");
            assertEquals(first.tokens(), streamed, "each token is passed on as it is chosen");
            for (TextModel.TokenLogprob token : first.tokens()) {
                assertEquals(token.top(), token.text(), "greedy takes the top token");
            }
            assertTrue(first.finishReason().equals("length") ? first.tokens().size() == 5 : first.tokens().size() < 5);
        }
    }
}
