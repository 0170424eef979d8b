package dev.proda.teacher.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.proda.io.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON schema (draft 2020-12) one kind of answer must pass, from {@code NAME.schema.json} beside
 * this class. {@link #check} parses strictly (one JSON value, nothing after it; a single surrounding
 * Markdown code fence is tolerated, as chat models add one) and lists every violation.
 */
public final class AnswerSchema {
    /** Pass 1: L3 chains. */
    public static final AnswerSchema CHAINS = load("chains");
    /** Pass 2: L2 statements. */
    public static final AnswerSchema STATEMENTS = load("statements");
    /** Pass 3: L1 concepts. */
    public static final AnswerSchema CONCEPTS = load("concepts");

    private static final int MAX_ERRORS = 20;
    private static final ObjectReader STRICT = Json.MAPPER.reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** An answer checked: its JSON (null if it did not parse) and what is wrong with it (empty if valid). */
    public record Check(JsonNode value, List<String> errors) {
        public Check {
            errors = List.copyOf(errors);
        }

        public boolean valid() {
            return errors.isEmpty();
        }
    }

    private final String name;
    private final String text;
    private final Schema schema;

    private AnswerSchema(String name, String text) {
        this.name = name;
        this.text = text;
        this.schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(text);
    }

    public static AnswerSchema load(String name) {
        return new AnswerSchema(name, Prompts.resource(name + ".schema.json"));
    }

    public String name() {
        return name;
    }

    /** The schema as written (for prompts). */
    public String text() {
        return text.strip();
    }

    public Check check(String answer) {
        JsonNode value;
        try {
            value = STRICT.readTree(unfenced(answer));
        } catch (JsonProcessingException e) {
            return new Check(null, List.of("not valid JSON: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")"));
        }
        if (value == null || value.isMissingNode()) {
            return new Check(null, List.of("not valid JSON: the answer is empty"));
        }
        List<String> errors = new ArrayList<>();
        for (Error error : schema.validate(value)) {
            if (errors.size() == MAX_ERRORS) {
                errors.add("… and more");
                break;
            }
            errors.add(error.toString());
        }
        return new Check(value, errors);
    }

    private static String unfenced(String answer) {
        String text = answer.strip();
        if (text.startsWith("```") && text.endsWith("```") && text.length() >= 6) {
            int firstLine = text.indexOf('\n');
            if (firstLine > 0) {
                return text.substring(firstLine + 1, text.length() - 3);
            }
        }
        return text;
    }

    @Override
    public String toString() {
        return name + ".schema.json";
    }
}
