package dev.proda.teacher.llm;

import dev.proda.endpoint.EndpointException;
import dev.proda.text.QuoteLocator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.proda.io.Json;
import dev.proda.model.Span;
import dev.proda.text.TextUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The paper's three passes over one chunk: (1) text → L3 chains, (2) chains + text → L2 statements,
 * (3) statements → L1 concepts. Each pass sees only the nodes of the previous pass whose quotes were
 * found in the chunk, so indices in answers refer to grounded nodes.
 */
final class ChunkPasses {
    /** A pass that failed for a chunk: its answers stayed invalid, or the chat failed. */
    static final class PassFailedException extends RuntimeException {
        private final String pass;

        PassFailedException(String pass, RuntimeException cause) {
            super(pass + ": " + cause.getMessage(), cause);
            this.pass = pass;
        }

        String pass() {
            return pass;
        }
    }

    private final ReliableChat chat;
    private final RequestDefaults defaults;

    ChunkPasses(ReliableChat chat, RequestDefaults defaults) {
        this.chat = chat;
        this.defaults = defaults;
    }

    ChunkKnowledge run(Chunk chunk) {
        String text = chunk.text();
        Map<String, String> common = Map.of("doc", chunk.document().path(), "discipline",
                chunk.document().discipline(), "text", text);

        // Pass 1: chains from text
        Answers.Chains chainsAnswer = ask("chains", AnswerSchema.CHAINS, Answers.Chains.class, common,
                Map.of(), value -> List.of());
        int droppedSteps = 0;
        int droppedChains = 0;
        List<ChunkKnowledge.FoundChain> chains = new ArrayList<>();
        for (Answers.ChainDraft draft : chainsAnswer.chains()) {
            List<String> steps = new ArrayList<>();
            List<Span> spans = new ArrayList<>();
            for (Answers.Step step : draft.steps()) {
                Optional<TextUnit> found = QuoteLocator.locate(text, step.source_quote());
                if (found.isEmpty()) {
                    droppedSteps++;
                    continue;
                }
                steps.add(step.step().strip());
                spans.add(chunk.span(found.get()));
            }
            if (steps.size() < 2) {
                droppedChains++;
                continue;
            }
            chains.add(new ChunkKnowledge.FoundChain(draft, steps, spans));
        }

        // Pass 2: statements from chains + text
        int chainCount = chains.size();
        Answers.Statements statementsAnswer = ask("statements", AnswerSchema.STATEMENTS, Answers.Statements.class,
                common, Map.of("chains", chainsForPrompt(chains)), value -> indexErrors(value, "statements",
                        "chain_index", chainCount));
        int droppedStatements = 0;
        List<ChunkKnowledge.FoundStatement> statements = new ArrayList<>();
        for (Answers.StatementDraft draft : statementsAnswer.statements()) {
            Optional<TextUnit> found = QuoteLocator.locate(text, draft.source_quote());
            if (found.isEmpty()) {
                droppedStatements++;
                continue;
            }
            int chain = draft.chain_index() == null ? -1 : draft.chain_index();
            statements.add(new ChunkKnowledge.FoundStatement(draft, found.get().text(), chunk.span(found.get()), chain));
        }

        // Pass 3: concepts from statements
        List<ChunkKnowledge.FoundConcept> concepts = new ArrayList<>();
        int droppedConcepts = 0;
        if (!statements.isEmpty()) {
            int statementCount = statements.size();
            Answers.Concepts conceptsAnswer = ask("concepts", AnswerSchema.CONCEPTS, Answers.Concepts.class, common,
                    Map.of("statements", statementsForPrompt(statements)), value -> indexErrors(value, "concepts",
                            "statement_indices", statementCount));
            for (Answers.ConceptDraft draft : conceptsAnswer.concepts()) {
                Set<Span> spans = new LinkedHashSet<>();
                QuoteLocator.locateTerm(text, draft.term()).ifPresent(u -> spans.add(chunk.span(u)));
                for (String alias : draft.aliases()) {
                    QuoteLocator.locateTerm(text, alias).ifPresent(u -> spans.add(chunk.span(u)));
                }
                if (spans.isEmpty()) {
                    droppedConcepts++;
                    continue;
                }
                concepts.add(new ChunkKnowledge.FoundConcept(draft, List.copyOf(spans),
                        List.copyOf(new LinkedHashSet<>(draft.statement_indices()))));
            }
        }
        return new ChunkKnowledge(chunk, chains, statements, concepts,
                new ChunkKnowledge.Dropped(droppedSteps, droppedChains, droppedStatements, droppedConcepts));
    }

    private <T> T ask(String pass, AnswerSchema schema, Class<T> type, Map<String, String> common,
            Map<String, String> extra, Function<JsonNode, List<String>> checks) {
        Map<String, String> values = new java.util.HashMap<>(common);
        values.putAll(extra);
        values.put("schema", schema.text());
        ChatRequest request = defaults.request(Prompts.render(pass + ".system", values),
                Prompts.render(pass + ".user", values));
        try {
            JsonNode value = StructuredAsk.ask(chat, request, schema, defaults.reasks(), checks).value();
            return Json.MAPPER.treeToValue(value, type);
        } catch (EndpointException | InvalidAnswerException e) {
            throw new PassFailedException(pass, e);
        } catch (JsonProcessingException e) {
            // the schema admits only what the records read, so this is a mismatch between the two
            throw new IllegalStateException(schema + " admitted an answer its record cannot read: "
                    + e.getOriginalMessage(), e);
        }
    }

    /** Errors for indices (a number or a list of numbers under {@code field}) at or past {@code count}. */
    private static List<String> indexErrors(JsonNode value, String list, String field, int count) {
        List<String> errors = new ArrayList<>();
        JsonNode items = value.path(list);
        for (int i = 0; i < items.size(); i++) {
            JsonNode index = items.get(i).path(field);
            List<JsonNode> numbers = new ArrayList<>();
            if (index.isArray()) {
                index.forEach(numbers::add);
            } else if (index.isNumber()) {
                numbers.add(index);
            }
            for (JsonNode number : numbers) {
                if (number.asInt() >= count) {
                    errors.add("/" + list + "/" + i + "/" + field + ": " + number.asInt() + " is out of range ("
                            + (count == 0 ? "there are none, use null" : "0 to " + (count - 1)) + ")");
                }
            }
        }
        return errors;
    }

    private static String chainsForPrompt(List<ChunkKnowledge.FoundChain> chains) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        for (int i = 0; i < chains.size(); i++) {
            ChunkKnowledge.FoundChain chain = chains.get(i);
            var node = array.addObject();
            node.put("chain_index", i);
            node.put("process_name", chain.draft().process_name());
            ArrayNode steps = node.putArray("steps");
            chain.steps().forEach(steps::add);
        }
        return pretty(array);
    }

    private static String statementsForPrompt(List<ChunkKnowledge.FoundStatement> statements) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        for (int i = 0; i < statements.size(); i++) {
            ChunkKnowledge.FoundStatement statement = statements.get(i);
            Answers.StatementDraft draft = statement.draft();
            array.addObject().put("statement_index", i).put("subject", draft.subject())
                    .put("predicate", draft.predicate()).put("object", draft.object())
                    .put("source_quote", statement.quote());
        }
        return pretty(array);
    }

    private static String pretty(JsonNode node) {
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
