package dev.proda.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proda.extract.KnowledgeBase;
import dev.proda.io.Json;
import dev.proda.io.Jsonl;
import dev.proda.model.Chain;
import dev.proda.model.Failure;
import dev.proda.model.Patch;
import dev.proda.model.Sample;
import dev.proda.model.Statement;
import dev.proda.model.TestItem;
import dev.proda.project.ProjectLayout;
import dev.proda.validate.KbValidation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A knowledge_core.json in the reference implementation's field names, with bad nodes among good ones,
 * through the real stages: kb import → build → tests → repair. Every bad node is reported with its id and
 * left out, and no stage crashes (before validation, a chain of three steps and one statement passed
 * import and build and then broke {@code tests} with "toIndex = 2").
 */
class ImportedKbTest {
    @TempDir
    Path dir;

    static final String CONFIG = """
            name: imported
            seed: 5
            student:
              context: 64
              min_word_count: 1
            budgets:
              chains: 10
              statements: 40
              general_items: 4
            """;

    static final Map<String, String> CORPUS = Map.of(
            "statistics/regression.txt", """
                    Lasso is a linear model that estimates sparse coefficients.

                    A linear model is a kind of model. Ridge regression is a linear model with an L2 penalty.

                    Logistic regression is a classifier. A classifier is a kind of model.

                    Cross-validation is used for model selection.

                    K-means is a clustering algorithm. PCA is a decomposition method. DBSCAN is a density-based \
                    method. A Gaussian process is a kernel method.

                    It converges quickly. This solver handles sparse input.

                    The solver is used for finding the coefficients that minimise the penalised loss over every \
                    training sample in every fold of every split of the data that the user provides, whatever the \
                    size of the data, the number of features, the kind of penalty and the tolerance set for the \
                    stopping criterion.
                    """,
            "biology/cells.txt", """
                    A cell is a kind of organism. Mitochondria are part of the cell. A ribosome is part of the cell.

                    Photosynthesis is used for energy capture. Chlorophyll is a pigment.

                    Light is absorbed by chlorophyll. The energy splits water. Oxygen is released.
                    """,
            "cooking/bread.txt", """
                    Preheat the oven to 200 degrees.
                    Mix the flour with the butter.
                    Bake the dough for twenty minutes.
                    """);

    /** The reference's layer names and fields; no spans, no kinds; chains without statement_ids. */
    static final String KNOWLEDGE_CORE = """
            {"l3_chains": [
               {"chain_id": "ch-bake", "process_name": "baking bread", "domain_context": "cooking",
                "narrative_summary": "how bread is baked", "preconditions": [], "negative_constraints": [],
                "difficulty": "easy",
                "steps": ["Preheat the oven to 200 degrees.", "Mix the flour with the butter.",
                          "Bake the dough for twenty minutes."]},
               {"chain_id": "ch-path", "process_name": "what lasso is",
                "steps": ["lasso", "linear model", "model"], "statement_ids": ["s1", "s2"]},
               {"chain_id": "ch-ref", "process_name": "light reactions", "difficulty": "hard",
                "steps": ["Light is absorbed by chlorophyll.", "The energy splits water.", "Oxygen is released."]},
               {"chain_id": "ch-dangling", "process_name": "what ridge regression is",
                "steps": ["ridge regression", "linear model", "model"], "statement_ids": ["s3", "s-nothere"]}],
             "l2_statements": [
               %s,
               {"statement_id": "s-b1", "parent_chain_id": "ch-bake", "subject": "Preheat the oven to 200 degrees.",
                "predicate": "next-step", "object": "Mix the flour with the butter.",
                "source_quote": "Preheat the oven to 200 degrees. Mix the flour with the butter."},
               {"statement_id": "s-b2", "parent_chain_id": "ch-bake", "subject": "Mix the flour with the butter.",
                "predicate": "next-step", "object": "Bake the dough for twenty minutes.",
                "source_quote": "Mix the flour with the butter. Bake the dough for twenty minutes."},
               {"statement_id": "s-ref", "parent_chain_id": "ch-ref", "subject": "light", "predicate": "causes",
                "object": "water splitting", "source_quote": "Light is absorbed by chlorophyll. The energy splits water."},
               {"statement_id": "s-it", "parent_chain_id": null, "subject": "It", "predicate": "causes",
                "object": "fast convergence", "source_quote": "It converges quickly."},
               {"statement_id": "s-this", "parent_chain_id": null, "subject": "This solver", "predicate": "used-for",
                "object": "sparse input", "source_quote": "This solver handles sparse input."},
               {"statement_id": "s1", "parent_chain_id": null, "subject": "Lasso", "predicate": "is-a",
                "object": "something else", "source_quote": "Lasso is a linear model"},
               {"statement_id": "s-long", "parent_chain_id": null, "subject": "the solver", "predicate": "used-for",
                "object": "finding the coefficients that minimise the penalised loss over every training sample in every fold of every split of the data that the user provides, whatever the size of the data, the number of features, the kind of penalty and the tolerance set for the stopping criterion",
                "source_quote": "The solver is used for finding the coefficients"}],
             "l1_concepts": [
               %s,
               {"concept_id": "k-gone", "term": "penalty", "parent_statement_ids": ["s-missing"]},
               {"concept_id": "k-solver", "term": "solver", "parent_statement_ids": ["s-long"]}]}
            """;

    /** Good statements: subject, predicate, object, quote, concept ids (the first is the subject's). */
    static final String[][] STATEMENTS = {
        {"s1", "lasso", "is-a", "linear model", "Lasso is a linear model", "k-lasso", "k-lm"},
        {"s2", "linear model", "is-a", "model", "A linear model is a kind of model", "k-lm", "k-model"},
        {"s3", "ridge regression", "is-a", "linear model", "Ridge regression is a linear model", "k-ridge", "k-lm"},
        {"s4", "logistic regression", "is-a", "classifier", "Logistic regression is a classifier", "k-logit", "k-clf"},
        {"s5", "classifier", "is-a", "model", "A classifier is a kind of model", "k-clf", "k-model"},
        {"s6", "cross-validation", "used-for", "model selection", "Cross-validation is used for model selection",
            "k-cv", "k-nope"},
        {"s7", "cell", "is-a", "organism", "A cell is a kind of organism", "k-cell", "k-org"},
        {"s8", "mitochondria", "part-of", "cell", "Mitochondria are part of the cell", "k-mito", "k-cell"},
        {"s9", "ribosome", "part-of", "cell", "A ribosome is part of the cell", "k-ribo", "k-cell"},
        {"s10", "photosynthesis", "used-for", "energy capture", "Photosynthesis is used for energy capture",
            "k-photo", "k-energy"},
        {"s11", "chlorophyll", "is-a", "pigment", "Chlorophyll is a pigment", "k-chl", "k-pig"},
        // enough is-a statements of one discipline with distinct objects for the Tester's blocks of four
        {"s12", "k-means", "is-a", "clustering algorithm", "K-means is a clustering algorithm", "k-km", "k-clu"},
        {"s13", "PCA", "is-a", "decomposition method", "PCA is a decomposition method", "k-pca", "k-dec"},
        {"s14", "DBSCAN", "is-a", "density-based method", "DBSCAN is a density-based method", "k-db", "k-dens"},
        {"s15", "Gaussian process", "is-a", "kernel method", "A Gaussian process is a kernel method", "k-gp", "k-ker"},
    };

    static String knowledgeCore() {
        List<String> statements = new ArrayList<>();
        Map<String, List<String>> statementsOf = new java.util.LinkedHashMap<>();
        Map<String, String> terms = new HashMap<>();
        for (String[] s : STATEMENTS) {
            statements.add("{\"statement_id\": \"" + s[0] + "\", \"parent_chain_id\": null, \"subject\": \"" + s[1]
                    + "\", \"predicate\": \"" + s[2] + "\", \"object\": \"" + s[3] + "\", \"source_quote\": \"" + s[4]
                    + "\", \"concept_ids\": [\"" + s[5] + "\", \"" + s[6] + "\"]}");
            statementsOf.computeIfAbsent(s[5], k -> new ArrayList<>()).add(s[0]);
            terms.put(s[5], s[1]);
            if (!s[6].equals("k-nope")) {
                statementsOf.computeIfAbsent(s[6], k -> new ArrayList<>()).add(s[0]);
                terms.put(s[6], s[3]);
            }
        }
        List<String> concepts = new ArrayList<>();
        statementsOf.forEach((id, ids) -> concepts.add("{\"concept_id\": \"" + id + "\", \"term\": \"" + terms.get(id)
                + "\", \"parent_statement_ids\": " + Json.MAPPER.valueToTree(ids) + (id.equals("k-lasso")
                ? ", \"definition\": \"a linear model that estimates sparse coefficients\"" : "") + "}"));
        return KNOWLEDGE_CORE.formatted(String.join(",\n", statements), String.join(",\n", concepts));
    }

    @Test
    void badNodesAreReportedAndDroppedAndEveryStageRuns() throws Exception {
        Path corpus = dir.resolve("corpus-in");
        for (var doc : CORPUS.entrySet()) {
            Files.createDirectories(corpus.resolve(doc.getKey()).getParent());
            Files.writeString(corpus.resolve(doc.getKey()), doc.getValue());
        }
        Path general = Files.createDirectories(dir.resolve("general-in"));
        try (var lines = Files.lines(FullLoopIT.EXAMPLE.resolve("general/wordnet-glosses.txt"))) {
            Files.write(general.resolve("general.txt"), lines.limit(300).toList());
        }
        Path project = dir.resolve("p");
        CliTest.Run init = CliTest.run("init", project.toString(), "--corpus", corpus.toString(), "--general",
                general.toString());
        assertEquals(0, init.exit(), init.err());
        Files.writeString(project.resolve("proda.yaml"), CONFIG);
        Path file = Files.writeString(dir.resolve("knowledge_core.json"), knowledgeCore());
        ProjectLayout layout = new ProjectLayout(project);

        CliTest.Run imported = CliTest.run("kb", "import", "-C", project.toString(), file.toString());
        assertEquals(0, imported.exit(), imported.err() + imported.out());
        JsonNode report = Json.MAPPER.readTree(layout.reports().resolve(KbValidation.REPORT_FILE).toFile());
        Map<String, String> actions = new HashMap<>();
        for (JsonNode problem : report.get("problems")) {
            String key = problem.get("layer").asText() + " " + problem.get("id").asText();
            actions.put(key, problem.get("action").asText());
            // One warning line per node, naming it.
            assertTrue(imported.err().contains(key + ": "), key + " in " + imported.err());
        }
        assertEquals(Map.of("chain ch-ref", "dropped", "chain ch-dangling", "dropped", "statement s-it", "dropped",
                "statement s-this", "dropped", "statement s1", "dropped", "statement s-ref", "fixed",
                "statement s6", "fixed", "concept k-gone", "dropped"), actions, report.toPrettyString());
        assertTrue(report.toString().contains("3 steps but 1 link statements"), report.toString());
        assertTrue(report.toString().contains("duplicate id"), report.toString());
        KnowledgeBase kb = KnowledgeBase.read(layout);
        assertEquals(List.of("ch-bake", "ch-path"), kb.chains().stream().map(Chain::chain_id).toList());
        assertEquals(List.of(Chain.PROCEDURE, Chain.PATH), kb.chains().stream().map(Chain::kind).toList());
        assertEquals("Lasso is a linear model", kb.statementsById().get("s1").source_quote(), "the first s1 is kept");
        assertTrue(kb.statements().stream().allMatch(s -> !s.spans().isEmpty()), "every quote found in the corpus");
        Set<String> dropped = Set.of("ch-ref", "ch-dangling", "s-it", "s-this", "k-gone");

        CliTest.Run build = CliTest.run("build", "-C", project.toString());
        assertEquals(0, build.exit(), build.err() + build.out());
        List<Sample> samples = Jsonl.read(layout.buildSamples(), Sample.class);
        assertFalse(samples.isEmpty());
        samples.forEach(s -> assertTrue(s.knowledge().stream().noneMatch(dropped::contains), s.toString()));
        // Counted with the student's tokenizer: the long statement's samples do not fit, and are named.
        JsonNode built = Json.MAPPER.readTree(layout.reports().resolve("build.json").toFile());
        assertEquals(64, built.get("context").asInt());
        assertTrue(built.get("longest").get("tokens").asInt() <= 64, built.toString());
        assertFalse(built.get("too_long_dropped").isEmpty(), built.toString());
        assertTrue(build.err().contains("longer than the context of 64 tokens"), build.err());
        Set<String> tooLong = new HashSet<>(built.get("too_long_dropped").findValuesAsText("id"));
        samples.forEach(s -> assertFalse(tooLong.contains(s.id()), s.id()));
        assertTrue(samples.stream().anyMatch(s -> s.skill().equals("procedure")), built.toString());

        CliTest.Run tests = CliTest.run("tests", "-C", project.toString());
        assertEquals(0, tests.exit(), tests.err() + tests.out());
        List<TestItem> dev = Jsonl.read(layout.split("dev"), TestItem.class);
        List<TestItem> all = new ArrayList<>(dev);
        all.addAll(Jsonl.read(layout.split("test"), TestItem.class));
        assertFalse(dev.isEmpty(), "dev items to fail");
        for (TestItem item : all) {
            assertFalse(dropped.contains(item.chain_id()), item.toString());
            item.statement_ids().forEach(id -> assertFalse(dropped.contains(id), item.toString()));
        }

        // Repair needs failures: every dev item failed, blamed on its own nodes.
        Map<String, Statement> statements = kb.statementsById();
        List<Failure> failures = new ArrayList<>();
        for (TestItem item : dev) {
            List<String> responsible = item.statement_ids().stream().filter(statements::containsKey).toList();
            String kind = responsible.isEmpty() ? "chain_break" : "concept_gap";
            List<String> trace = new ArrayList<>(List.of(item.id()));
            if (item.chain_id() != null) {
                trace.add(item.chain_id());
            }
            failures.add(new Failure(item.id(), "A", Map.of("A", -1.0), trace, kind,
                    responsible.isEmpty() ? List.of(item.chain_id()) : responsible, Map.of()));
        }
        Jsonl.write(layout.failures(1), failures);
        CliTest.Run repair = CliTest.run("repair", "-C", project.toString(), "--round", "1");
        assertEquals(0, repair.exit(), repair.err() + repair.out());
        List<Patch> patches = Jsonl.read(layout.patchRound(1).resolve("patches.jsonl"), Patch.class);
        assertFalse(patches.isEmpty(), repair.out());
        patches.forEach(p -> assertFalse(dropped.contains(p.target()), p.target()));
    }
}
