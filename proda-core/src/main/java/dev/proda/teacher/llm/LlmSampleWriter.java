package dev.proda.teacher.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proda.build.Phrasing;
import dev.proda.endpoint.EndpointException;
import dev.proda.model.Concept;
import dev.proda.model.Message;
import dev.proda.model.Records;
import dev.proda.model.Sample;
import dev.proda.model.Statement;
import dev.proda.project.Log;
import dev.proda.project.ProdaConfig;
import dev.proda.project.ProjectLayout;
import dev.proda.text.Terms;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The Builder's samples written by the LLM teacher: for each statement, one question with its answer, one
 * multiple-choice question whose other options are misconceptions of the same kind, and one true/false sentence.
 * Every answer passes a schema ({@code samples.schema.json}) and checks the schema cannot express, which tie it to
 * the knowledge base: the answer names the statement's object, the keyed option is the object and no other option
 * is, and a "true" sentence names subject and object while a "false" one does not name the object. An invalid answer
 * is re-asked; a statement whose answers stay invalid, or whose exchange fails, gets no LLM samples (the Builder keeps
 * its own for it). Answers are cached like the teacher's extraction answers.
 */
public final class LlmSampleWriter {
    /** The skills of LLM-written samples, beside the Builder's own. */
    public static final List<String> SKILLS = List.of("llm-qa", "llm-multiple-choice", "llm-true-false");
    private static final AnswerSchema SCHEMA = AnswerSchema.load("samples");

    private final ReliableChat chat;
    private final RequestDefaults defaults;
    private final int concurrency;
    private final Log log;

    LlmSampleWriter(ReliableChat chat, RequestDefaults defaults, int concurrency, Log log) {
        this.chat = chat;
        this.defaults = defaults;
        this.concurrency = concurrency;
        this.log = log;
    }

    /** The writer {@code teacher.*} describes, sharing the teacher's answer cache. */
    public static LlmSampleWriter from(ProdaConfig.Teacher config, ProjectLayout layout,
            Function<String, String> environment, Log log) {
        return new LlmSampleWriter(ReliableChat.of(config, layout, environment, log), RequestDefaults.of(config),
                config.concurrency(), log);
    }

    /**
     * The samples written, the statements for which none could be, and how many of those the endpoint never
     * answered (it failed after its retries).
     */
    public record Written(List<Sample> samples, List<String> failedStatements, int unanswered) {
    }

    /** Samples for each statement (three per statement written), in statement order. */
    public Written write(List<Statement> statements) {
        return each(statements, Statement::statement_id, this::samples);
    }

    private <T> Written each(List<T> nodes, Function<T, String> id, Function<T, List<Sample>> ask) {
        EachNode.Outcome<List<Sample>> outcome = EachNode.ask(nodes, id, ask, concurrency, log, "build");
        List<Sample> samples = new ArrayList<>();
        outcome.answers().values().forEach(samples::addAll);
        return new Written(samples, outcome.failed(), outcome.unanswered());
    }

    /** Samples for each defined concept (three per concept written), in order: what it means, which term, true/false. */
    public Written writeConcepts(List<Concept> concepts) {
        return each(concepts, Concept::concept_id, this::conceptSamples);
    }

    private List<Sample> conceptSamples(Concept concept) {
        ChatRequest request = defaults.request(Prompts.render("concept-samples.system", Map.of()),
                Prompts.render("concept-samples.user", Map.of("term", concept.term(), "definition", concept.definition())));
        JsonNode answer = StructuredAsk.ask(chat, request, SCHEMA, defaults.reasks(), a -> conceptProblems(concept, a))
                .value();
        return threeSamples(concept.concept_id(), answer, concept.term() + ": " + concept.definition(),
                List.of(concept.concept_id()));
    }

    /**
     * The question, the multiple choice (options listed, answered with the keyed letter and option) and the
     * true/false sentence of a checked answer, as samples about {@code node}; a false sentence is answered with
     * {@code truth}.
     */
    private static List<Sample> threeSamples(String node, JsonNode answer, String truth, List<String> knowledge) {
        JsonNode qa = answer.path("qa");
        JsonNode mc = answer.path("multiple_choice");
        int key = mc.path("answer").asText().charAt(0) - 'A';
        JsonNode tf = answer.path("true_false");
        return List.of(
                sample(node, "llm-qa", qa.path("question").asText(), qa.path("answer").asText(), knowledge),
                sample(node, "llm-multiple-choice", choices(mc), mc.path("answer").asText() + ". "
                        + mc.path("options").path(key).asText(), knowledge),
                sample(node, "llm-true-false", "True or false: " + tf.path("statement").asText(),
                        tf.path("answer").asBoolean() ? "True." : "False. " + truth, knowledge));
    }

    /**
     * A concept's answer is tied to its definition by the definition's content words: the answer to "what is it"
     * holds most of them, the keyed option is the term and no other option is, a true sentence names the term and
     * most of the definition's words.
     */
    static List<String> conceptProblems(Concept concept, JsonNode answer) {
        List<String> problems = new ArrayList<>();
        String term = Terms.key(concept.term());
        if (overlap(answer.path("qa").path("answer").asText(), concept.definition()) < HALF) {
            problems.add("qa.answer must give the definition \"" + concept.definition() + "\"");
        }
        keyedOption(answer, option -> Terms.key(option).equals(term), "the term \"" + concept.term() + "\"",
                "is the term too", problems);
        String sentence = answer.path("true_false").path("statement").asText();
        if (!Terms.containsKey(sentence, term)) {
            problems.add("true_false: the sentence must name the term \"" + concept.term() + "\"");
        } else if (answer.path("true_false").path("answer").asBoolean() && overlap(sentence, concept.definition()) < HALF) {
            problems.add("true_false: a true sentence must say what the definition says");
        }
        return problems;
    }

    private static final double HALF = 0.5;

    /** The share of the reference's content words that {@code text} holds. */
    private static double overlap(String text, String reference) {
        java.util.Set<String> words = new java.util.HashSet<>();
        Terms.contentWords(reference).forEach(w -> words.add(Terms.singular(w)));
        if (words.isEmpty()) {
            return 1;
        }
        java.util.Set<String> held = new java.util.HashSet<>();
        Terms.contentWords(text).forEach(w -> held.add(Terms.singular(w)));
        return words.stream().filter(held::contains).count() / (double) words.size();
    }

    private static String choices(JsonNode mc) {
        StringBuilder question = new StringBuilder(mc.path("question").asText());
        for (int i = 0; i < 4; i++) {
            question.append('\n').append((char) ('A' + i)).append(". ").append(mc.path("options").path(i).asText());
        }
        return question.toString();
    }

    private static final AnswerSchema PATCH_SCHEMA = AnswerSchema.load("patch");

    /** A question and its answer, for the caller to make a sample of. */
    public record Exchange(String question, String answer) {
    }

    /**
     * Repair samples for a statement the student failed, grounded in {@code passages}: contrasts, both directions,
     * explanations in the passages' words. Every answer names the subject or the object, and one names the object.
     *
     * @throws InvalidAnswerException when the answers stay invalid after the re-asks
     * @throws EndpointException when the endpoint fails
     */
    public List<Exchange> patch(Statement statement, List<String> passages) {
        ChatRequest request = defaults.request(Prompts.render("patch.system", Map.of()),
                Prompts.render("patch.user", Map.of("subject", statement.subject(), "relation", statement.predicate(),
                        "object", statement.object(), "passages", String.join("\n---\n", passages))));
        String object = Terms.key(statement.object());
        String subject = Terms.key(statement.subject());
        return exchanges(request, a -> {
            List<String> problems = new ArrayList<>();
            boolean objectNamed = false;
            for (JsonNode sample : a.path("samples")) {
                String text = sample.path("answer").asText();
                objectNamed |= Terms.containsKey(text, object);
                if (!Terms.containsKey(text, object) && !Terms.containsKey(text, subject)) {
                    problems.add("an answer names neither \"" + statement.subject() + "\" nor \""
                            + statement.object() + "\": " + text);
                }
            }
            if (!objectNamed) {
                problems.add("no answer names the object \"" + statement.object() + "\"");
            }
            return problems;
        });
    }

    /**
     * Contrastive definitions for a concept the student does not know, grounded in {@code passages}: every answer
     * names the term, and one holds at least half of its definition's content words (when it has a definition).
     *
     * @throws InvalidAnswerException when the answers stay invalid after the re-asks
     * @throws EndpointException when the endpoint fails
     */
    public List<Exchange> patch(Concept concept, List<String> passages) {
        String definition = concept.definition() == null ? "(none given)" : concept.definition();
        ChatRequest request = defaults.request(Prompts.render("concept-patch.system", Map.of()),
                Prompts.render("concept-patch.user", Map.of("term", concept.term(), "definition", definition,
                        "passages", String.join("\n---\n", passages))));
        String term = Terms.key(concept.term());
        return exchanges(request, a -> {
            List<String> problems = new ArrayList<>();
            boolean defined = concept.definition() == null;
            for (JsonNode sample : a.path("samples")) {
                String text = sample.path("answer").asText();
                if (!Terms.containsKey(text, term)) {
                    problems.add("an answer does not name the term \"" + concept.term() + "\": " + text);
                }
                defined |= overlap(text, concept.definition() == null ? "" : concept.definition()) >= HALF;
            }
            if (!defined) {
                problems.add("no answer gives the definition \"" + concept.definition() + "\"");
            }
            return problems;
        });
    }

    /**
     * Worked multi-hop examples over a chain (a path of linked facts or a procedure's steps), for a student that fails
     * to compose what it knows, grounded in {@code passages}: every answer uses at least two of the chain's steps
     * (a step is used when the answer holds at least half of its content words).
     *
     * @throws InvalidAnswerException when the answers stay invalid after the re-asks
     * @throws EndpointException when the endpoint fails
     */
    public List<Exchange> workedChain(String process, List<String> steps, List<String> passages) {
        StringBuilder listed = new StringBuilder();
        for (int i = 0; i < steps.size(); i++) {
            listed.append(i + 1).append(". ").append(steps.get(i)).append('\n');
        }
        ChatRequest request = defaults.request(Prompts.render("chain-patch.system", Map.of()),
                Prompts.render("chain-patch.user", Map.of("process", process, "steps", listed.toString().strip(),
                        "passages", passages.isEmpty() ? "(none)" : String.join("\n---\n", passages))));
        return exchanges(request, a -> {
            List<String> problems = new ArrayList<>();
            for (JsonNode sample : a.path("samples")) {
                String text = sample.path("answer").asText();
                long used = steps.stream().filter(step -> overlap(text, step) >= HALF).count();
                if (used < 2) {
                    problems.add("an answer uses fewer than two of the chain's steps in their words: " + text);
                }
            }
            return problems;
        });
    }

    /**
     * Worked examples of one benchmark form about a fact no benchmark item tests, for a capability deficit: every
     * answer gives the exemplar's answer (all its content words when it is a term of up to four, else half).
     *
     * @throws InvalidAnswerException when the answers stay invalid after the re-asks
     * @throws EndpointException when the endpoint fails
     */
    public List<Exchange> workedForm(String form, String question, String answer, String quote) {
        ChatRequest request = defaults.request(Prompts.render("exemplar.system", Map.of()),
                Prompts.render("exemplar.user", Map.of("form", form, "question", question, "answer", answer,
                        "quote", quote == null ? "(none)" : quote)));
        double needed = Terms.contentWords(answer).size() <= 4 ? 1.0 : HALF;
        return exchanges(request, a -> {
            List<String> problems = new ArrayList<>();
            for (JsonNode sample : a.path("samples")) {
                String text = sample.path("answer").asText();
                if (overlap(text, answer) < needed) {
                    problems.add("an answer does not give the answer \"" + answer + "\": " + text);
                }
            }
            return problems;
        });
    }

    /** The patch exchanges of a valid answer to {@code request}, re-asked while {@code checks} find problems. */
    private List<Exchange> exchanges(ChatRequest request, Function<JsonNode, List<String>> checks) {
        JsonNode answer = StructuredAsk.ask(chat, request, PATCH_SCHEMA, defaults.reasks(), checks).value();
        List<Exchange> exchanges = new ArrayList<>();
        answer.path("samples").forEach(x -> exchanges.add(new Exchange(x.path("question").asText(),
                x.path("answer").asText())));
        return exchanges;
    }

    private List<Sample> samples(Statement statement) {
        ChatRequest request = defaults.request(Prompts.render("samples.system", Map.of()),
                Prompts.render("samples.user", Map.of("subject", statement.subject(), "relation",
                        statement.predicate(), "object", statement.object(), "quote", statement.source_quote())));
        JsonNode answer = StructuredAsk.ask(chat, request, SCHEMA, defaults.reasks(), a -> problems(statement, a)).value();
        List<String> knowledge = new ArrayList<>(List.of(statement.statement_id()));
        knowledge.addAll(statement.concept_ids());
        return threeSamples(statement.statement_id(), answer, Phrasing.sentence(statement.subject(),
                statement.predicate(), statement.object()), knowledge);
    }

    private static Sample sample(String node, String skill, String question, String answer, List<String> knowledge) {
        return new Sample(Records.id("b-", node, skill, question),
                List.of(new Message("user", question), new Message("assistant", answer)), knowledge, skill, "build", 0);
    }

    /** What ties an answer to the statement, beyond the schema. */
    static List<String> problems(Statement statement, JsonNode answer) {
        List<String> problems = new ArrayList<>();
        String object = Terms.key(statement.object());
        String subject = Terms.key(statement.subject());
        if (!Terms.containsKey(answer.path("qa").path("answer").asText(), object)) {
            problems.add("qa.answer must name the object \"" + statement.object() + "\"");
        }
        keyedOption(answer, option -> Terms.containsKey(option, object),
                "the object \"" + statement.object() + "\"", "names the object too, so two are right", problems);
        String sentence = answer.path("true_false").path("statement").asText();
        boolean claimsTrue = answer.path("true_false").path("answer").asBoolean();
        if (claimsTrue && !(Terms.containsKey(sentence, object) && Terms.containsKey(sentence, subject))) {
            problems.add("true_false: a true sentence must name the subject and the object");
        }
        if (!claimsTrue && Terms.containsKey(sentence, object)) {
            problems.add("true_false: a false sentence must not name the object, which the quote makes true");
        }
        return problems;
    }

    /** The keyed option must be {@code right} ({@code what}), and no other option may be. */
    private static void keyedOption(JsonNode answer, java.util.function.Predicate<String> right, String what,
            String alsoRight, List<String> problems) {
        JsonNode options = answer.path("multiple_choice").path("options");
        int key = answer.path("multiple_choice").path("answer").asText("A").charAt(0) - 'A';
        for (int i = 0; i < options.size(); i++) {
            boolean isRight = right.test(options.get(i).asText());
            if (i == key && !isRight) {
                problems.add("multiple_choice: the keyed option must be " + what);
            } else if (i != key && isRight) {
                problems.add("multiple_choice: option " + (char) ('A' + i) + " " + alsoRight);
            }
        }
    }

}
