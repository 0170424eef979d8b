package dev.proda.teacher.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proda.project.Log;
import dev.proda.project.ProdaConfig;
import dev.proda.project.ProjectLayout;
import dev.proda.text.Terms;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Benchmark items written by the LLM teacher: for one fact and one form, a question in the teacher's words and three
 * misconception distractors chosen among candidates the Tester has already vetted (false by the knowledge base,
 * possibly-true by the corpus excluded, fitting the student's context). Distractors stay concept terms or definitions
 * of the knowledge base, so the option-only baselines keep measuring what they measure for the embedded items. Each
 * answer passes {@code items.schema.json}, the candidate check here and the caller's checks (the question gives no
 * option away, names what it must, fits the context); an invalid answer is re-asked, and a fact whose answers stay
 * invalid is listed for the caller to keep its embedded item. Answers are cached like the teacher's others.
 */
public final class LlmItemWriter {
    private static final AnswerSchema SCHEMA = AnswerSchema.load("items");

    private final ReliableChat chat;
    private final RequestDefaults defaults;
    private final int concurrency;
    private final Log log;

    LlmItemWriter(ReliableChat chat, RequestDefaults defaults, int concurrency, Log log) {
        this.chat = chat;
        this.defaults = defaults;
        this.concurrency = concurrency;
        this.log = log;
    }

    /** The writer {@code teacher.*} describes, sharing the teacher's answer cache. */
    public static LlmItemWriter from(ProdaConfig.Teacher config, ProjectLayout layout,
            Function<String, String> environment, Log log) {
        return new LlmItemWriter(ReliableChat.of(config, layout, environment, log), RequestDefaults.of(config),
                config.concurrency(), log);
    }

    /**
     * One item to write. {@code asks} says what the question asks for ("the object of the fact"), {@code mustName}
     * what it must name (the subject, the term), {@code candidates} the vetted wrong options to choose from.
     */
    public record Request(String id, String form, String asks, String mustName, String fact, String quote, String key,
            List<String> candidates) {
        public Request {
            candidates = List.copyOf(candidates);
        }
    }

    /** A checked answer: the question, and three candidates (as the candidates spell them) with their misconception. */
    public record Written(String question, List<String> distractors, List<String> misconceptions) {
    }

    /** The items written by request id, and the requests left without one. */
    /** @param unanswered requests the endpoint never answered (it failed after its retries) */
    public record Result(Map<String, Written> written, List<String> failed, int unanswered) {
    }

    /** Writes every request side by side; {@code checks} gives the caller's problems with a written item. */
    public Result write(List<Request> requests, Function<Request, Function<Written, List<String>>> checks) {
        EachNode.Outcome<Written> outcome = EachNode.ask(requests, Request::id, r -> write(r, checks.apply(r)),
                concurrency, log, "tests");
        return new Result(outcome.answers(), outcome.failed(), outcome.unanswered());
    }

    private Written write(Request request, Function<Written, List<String>> checks) {
        ChatRequest ask = defaults.request(Prompts.render("items.system", Map.of()), Prompts.render("items.user",
                Map.of("form", request.form(), "asks", request.asks(), "must_name", request.mustName(), "fact",
                        request.fact(), "quote", request.quote() == null ? "(none)" : request.quote(), "key",
                        request.key(), "candidates", request.candidates().stream().map(c -> "- " + c)
                                .collect(Collectors.joining("\n")))));
        JsonNode answer = StructuredAsk.ask(chat, ask, SCHEMA, defaults.reasks(), a -> {
            List<String> problems = new ArrayList<>();
            Written written = read(request, a, problems);
            if (problems.isEmpty()) {
                problems.addAll(checks.apply(written));
            }
            return problems;
        }).value();
        return read(request, answer, new ArrayList<>());
    }

    /** The answer with its options spelled as the candidates are; what does not match a candidate is a problem. */
    static Written read(Request request, JsonNode answer, List<String> problems) {
        Map<String, String> byKey = new LinkedHashMap<>();
        request.candidates().forEach(c -> byKey.putIfAbsent(Terms.key(c), c));
        List<String> distractors = new ArrayList<>();
        List<String> misconceptions = new ArrayList<>();
        for (JsonNode d : answer.path("distractors")) {
            String option = d.path("option").asText();
            String candidate = byKey.get(Terms.key(option));
            if (Terms.key(option).equals(Terms.key(request.key()))) {
                problems.add("the key \"" + request.key() + "\" cannot be a distractor");
            } else if (candidate == null) {
                problems.add("\"" + option + "\" is not one of the candidates; copy three of them exactly");
            } else if (distractors.contains(candidate)) {
                problems.add("\"" + option + "\" is chosen twice");
            } else {
                distractors.add(candidate);
                misconceptions.add(d.path("misconception").asText());
            }
        }
        return new Written(answer.path("question").asText().strip(), distractors, misconceptions);
    }
}
