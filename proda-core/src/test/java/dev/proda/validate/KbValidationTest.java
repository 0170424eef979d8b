package dev.proda.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proda.extract.KnowledgeBase;
import dev.proda.io.Json;
import dev.proda.model.Chain;
import dev.proda.model.Concept;
import dev.proda.model.Statement;
import dev.proda.project.Log;
import dev.proda.project.ProjectLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KbValidationTest {
    @TempDir
    Path dir;

    static Statement relation(String id, String subject, String predicate, String object, String... concepts) {
        return new Statement(id, null, subject, predicate, object, subject + " " + predicate + " " + object + ".",
                List.of(), List.of(concepts));
    }

    static Statement link(String id, String chain, String from, String to) {
        return new Statement(id, chain, from, Statement.NEXT_STEP, to, from + " " + to, List.of(), List.of());
    }

    static Chain chain(String id, String kind, List<String> steps, String... statements) {
        return new Chain(id, null, "process " + id, null, List.of(), List.of(), steps, List.of(statements), List.of(),
                "statistics", kind);
    }

    static Concept concept(String id, String term, String... statements) {
        return new Concept(id, term, List.of(), null, null, List.of(statements), "statistics", List.of());
    }

    /** A path lasso → linear model → model, and a three-step procedure. */
    static KnowledgeBase valid() {
        return new KnowledgeBase(
                List.of(chain("ch-path", Chain.PATH, List.of("lasso", "linear models", "model"), "s1", "s2"),
                        chain("ch-proc", Chain.PROCEDURE, List.of("Load the data.", "Fit the model.",
                                "Score the model."), "l1", "l2")),
                List.of(relation("s1", "Lasso", "is-a", "linear model", "c1", "c2"),
                        relation("s2", "linear model", "is-a", "model", "c2", "c3"),
                        link("l1", "ch-proc", "Load the data.", "Fit the model."),
                        link("l2", "ch-proc", "Fit the model.", "Score the model.")),
                List.of(concept("c1", "lasso", "s1"), concept("c2", "linear model", "s1", "s2"),
                        concept("c3", "model", "s2")));
    }

    @Test
    void aValidBaseIsReturnedUnchanged() {
        KbValidation.Validated validated = KbValidation.check(valid());
        assertEquals(List.of(), validated.problems());
        assertEquals(valid(), validated.kb());
    }

    @Test
    void aChainOfUnstatedKindGetsTheKindItsLinksFit() {
        KnowledgeBase kb = valid();
        List<Chain> unstated = kb.chains().stream().map(c -> new Chain(c.chain_id(), null, c.process_name(), null,
                List.of(), List.of(), c.steps(), c.statement_ids(), List.of(), c.discipline())).toList();
        KbValidation.Validated validated = KbValidation.check(new KnowledgeBase(unstated, kb.statements(),
                kb.concepts()));
        assertEquals(List.of(), validated.problems());
        assertEquals(Chain.PATH, validated.kb().chainsById().get("ch-path").kind());
        assertEquals(Chain.PROCEDURE, validated.kb().chainsById().get("ch-proc").kind());
    }

    @Test
    void badNodesAreDroppedWithTheirReasonAndDependantsFixedUp() {
        KnowledgeBase good = valid();
        List<Chain> chains = new ArrayList<>(good.chains());
        List<Statement> statements = new ArrayList<>(good.statements());
        List<Concept> concepts = new ArrayList<>(good.concepts());
        // The reference's shape: three steps, one statement (which is not a next-step link).
        chains.add(chain("ch-short", null, List.of("Light is absorbed.", "Water is split.", "Oxygen is released."),
                "s-light"));
        statements.add(new Statement("s-light", "ch-short", "light", "causes", "water splitting", "q", List.of(),
                List.of("c-light")));
        concepts.add(concept("c-light", "light", "s-light"));
        // A path whose link does not join its steps.
        chains.add(chain("ch-wrong", Chain.PATH, List.of("lasso", "model", "estimator"), "s1", "s2"));
        // A chain naming a statement that is not there.
        chains.add(chain("ch-dangling", Chain.PATH, List.of("lasso", "linear model", "model"), "s1", "s-gone"));
        // A procedure with an anaphoric step, and its two links.
        chains.add(chain("ch-it", Chain.PROCEDURE, List.of("Heat the oven.", "It is then baked.", "Cool the cake."),
                "l3", "l4"));
        statements.add(link("l3", "ch-it", "Heat the oven.", "It is then baked."));
        statements.add(link("l4", "ch-it", "It is then baked.", "Cool the cake."));
        // A pronoun subject, the only statement of its concept; a statement naming a missing concept.
        statements.add(relation("s-it", "It", "used-for", "regression", "c-regression"));
        concepts.add(concept("c-regression", "regression", "s-it"));
        statements.add(relation("s3", "ridge regression", "is-a", "linear model", "c-ridge", "c2", "c-missing"));
        concepts.add(concept("c-ridge", "ridge regression", "s3", "s-nowhere"));
        // A duplicate id, and a concept no statement mentions.
        statements.add(relation("s1", "Lasso", "is-a", "something else entirely"));
        concepts.add(concept("c-lonely", "entropy"));

        KbValidation.Validated validated = KbValidation.check(new KnowledgeBase(chains, statements, concepts));
        Map<String, KbValidation.Problem> byId = validated.problems().stream()
                .collect(Collectors.toMap(p -> p.layer() + " " + p.id() + " " + p.action().label(), p -> p,
                        (a, b) -> a));

        assertTrue(byId.get("chain ch-short dropped").reason().contains("3 steps but 1 link statements"),
                byId.toString());
        assertTrue(byId.get("chain ch-wrong dropped").reason().contains("statement_ids[0] s1"), byId.toString());
        assertTrue(byId.get("chain ch-dangling dropped").reason().contains("s-gone does not exist"), byId.toString());
        assertTrue(byId.get("chain ch-it dropped").reason().contains("steps[1]"), byId.toString());
        assertTrue(byId.get("statement l3 dropped").reason().contains("ch-it was dropped"), byId.toString());
        assertTrue(byId.get("statement l4 dropped").reason().contains("ch-it was dropped"), byId.toString());
        assertTrue(byId.get("statement s-light fixed").reason().contains("stand-alone"), byId.toString());
        assertTrue(byId.get("statement s-it dropped").reason().contains("pronoun"), byId.toString());
        assertTrue(byId.get("concept c-regression dropped").reason().contains("dropped"), byId.toString());
        assertTrue(byId.get("statement s3 fixed").reason().contains("c-missing"), byId.toString());
        assertTrue(byId.get("concept c-ridge fixed").reason().contains("s-nowhere"), byId.toString());
        assertTrue(byId.get("statement s1 dropped").reason().contains("duplicate"), byId.toString());
        assertTrue(byId.get("concept c-lonely dropped").reason().contains("no statement"), byId.toString());
        assertEquals(13, validated.problems().size(), validated.problems().toString());

        KnowledgeBase kb = validated.kb();
        assertEquals(List.of("ch-path", "ch-proc"), kb.chains().stream().map(Chain::chain_id).toList());
        assertEquals(List.of("s1", "s2", "l1", "l2", "s-light", "s3"),
                kb.statements().stream().map(Statement::statement_id).toList());
        assertNull(kb.statementsById().get("s-light").parent_chain_id());
        assertEquals("Lasso", kb.statementsById().get("s1").subject(), "the first of two duplicates is kept");
        assertEquals(List.of("c-ridge", "c2"), kb.statementsById().get("s3").concept_ids());
        assertEquals(List.of("s3"), kb.conceptsById().get("c-ridge").parent_statement_ids());
        assertEquals(List.of("c1", "c2", "c3", "c-light", "c-ridge"),
                kb.concepts().stream().map(Concept::concept_id).toList());
        assertEquals(new KbValidation.Counts(6, 10, 7), validated.checked());

        // What is left is valid.
        assertEquals(List.of(), KbValidation.check(kb).problems());
    }

    @Test
    void sentenceOrderIsNotAPath() {
        // The retired adjacency chains: steps that are short sentences, linked by "is-followed-by".
        KnowledgeBase kb = new KnowledgeBase(
                List.of(chain("ch-adj", null, List.of("Open the file", "Read a line", "Close it"), "a1", "a2")),
                List.of(relation("a1", "Open the file", KbValidation.ADJACENCY, "Read a line"),
                        relation("a2", "Read a line", KbValidation.ADJACENCY, "Close it"),
                        relation("a3", "Run the program.", KbValidation.ADJACENCY, "Read the output.")),
                List.of());
        KbValidation.Validated validated = KbValidation.check(kb);
        assertEquals(List.of(), validated.kb().chains());
        assertTrue(validated.problems().stream().anyMatch(p -> p.id().equals("ch-adj")
                && p.reason().contains("sentence order, not a relation")), validated.problems().toString());
        assertTrue(validated.problems().stream().anyMatch(p -> p.id().equals("a3")
                && p.reason().contains("a sentence, not a term")), validated.problems().toString());
    }

    @Test
    void theReportNamesEveryBadNodeInAFileAndAWarningLine() throws Exception {
        KnowledgeBase good = valid();
        List<Chain> chains = new ArrayList<>(good.chains());
        chains.add(chain("ch-short", null, List.of("a b", "c d", "e f"), "s1"));
        ProjectLayout layout = new ProjectLayout(dir);
        List<String> lines = new ArrayList<>();
        KbValidation.check(new KnowledgeBase(chains, good.statements(), good.concepts()))
                .report(layout, "import", Log.into(lines));
        assertTrue(lines.get(0).startsWith("warning: kb validation: dropped chain ch-short: 3 steps"), lines.toString());
        assertTrue(lines.get(1).contains("kept 2/3 chains"), lines.toString());
        JsonNode report = Json.MAPPER.readTree(layout.reports().resolve(KbValidation.REPORT_FILE).toFile());
        assertEquals("import", report.get("source").asText());
        assertEquals(1, report.get("dropped").asInt());
        assertEquals("ch-short", report.get("problems").get(0).get("id").asText());
        assertEquals("dropped", report.get("problems").get(0).get("action").asText());
    }
}
