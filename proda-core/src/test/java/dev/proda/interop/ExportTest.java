package dev.proda.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proda.io.Json;
import dev.proda.io.Jsonl;
import dev.proda.model.Message;
import dev.proda.model.Patch;
import dev.proda.model.Sample;
import dev.proda.model.TestItem;
import dev.proda.project.ProjectLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exported files carry every sample and item, in the fields each trainer and harness documents. */
class ExportTest {
    @TempDir
    Path dir;

    private static Sample sample(String id, String origin, int round, String question, String answer) {
        return new Sample(id, List.of(new Message("user", question), new Message("assistant", answer)), List.of("s-1"),
                "fact", origin, round);
    }

    @Test
    void trainingSetInEveryFormat() throws Exception {
        ProjectLayout layout = new ProjectLayout(dir);
        Jsonl.write(layout.buildSamples(), List.of(sample("b-1", "build", 0, "Tell me a fact about Raft.",
                "Raft is a kind of consensus algorithm.")));
        Sample patched = new Sample("p-1", List.of(new Message("system", "Be brief."),
                new Message("user", "What is Paxos?"),
                new Message("assistant", "A consensus algorithm."), new Message("user", "And Raft?"),
                new Message("assistant", "One too.")), List.of("s-2"), "contrast", "patch", 1);
        Jsonl.write(layout.patchRound(1).resolve("patches.jsonl"), List.of(new Patch("patch-1", List.of("i-1"), "s-2",
                List.of(patched), List.of(), 1)));

        assertEquals(2, SftExport.samples(layout, null).size());
        assertEquals(List.of(patched), SftExport.samples(layout, 1), "one round: its patches only");

        Path openai = dir.resolve("out/openai.jsonl");
        SftExport.write(SftExport.samples(layout, null), "openai", openai);
        List<String> lines = Files.readAllLines(openai);
        assertEquals(2, lines.size());
        assertEquals("system", Json.MAPPER.readTree(lines.get(1)).path("messages").path(0).path("role").asText());

        Path alpaca = dir.resolve("out/alpaca.json");
        SftExport.write(SftExport.samples(layout, null), "alpaca", alpaca);
        JsonNode last = Json.MAPPER.readTree(alpaca.toFile()).path(1);
        assertEquals("And Raft?", last.path("instruction").asText());
        assertEquals("One too.", last.path("output").asText());
        assertEquals("Be brief.", last.path("system").asText());
        assertEquals("What is Paxos?", last.path("history").path(0).path(0).asText(), "earlier turns are history");

        Path factory = dir.resolve("out/lf");
        SftExport.write(SftExport.samples(layout, null), "llamafactory", factory);
        JsonNode info = Json.MAPPER.readTree(factory.resolve("dataset_info.json").toFile()).path(SftExport.DATASET);
        assertEquals("sharegpt", info.path("formatting").asText());
        JsonNode data = Json.MAPPER.readTree(factory.resolve(info.path("file_name").asText()).toFile());
        assertEquals(2, data.size());
        JsonNode turns = data.path(1).path(info.path("columns").path("messages").asText());
        assertEquals(List.of("human", "gpt", "human", "gpt"),
                java.util.stream.IntStream.range(0, 4).mapToObj(i -> turns.path(i).path("from").asText()).toList());
        String yaml = Files.readString(factory.resolve("train_lora_sft.yaml"));
        for (String setting : List.of("finetuning_type: lora", "bf16: true", "cutoff_len: 2048", "num_train_epochs: 1.0",
                "dataset: " + SftExport.DATASET, "dataset_dir: " + factory.toAbsolutePath())) {
            assertTrue(yaml.contains(setting), setting);
        }
    }

    @Test
    void benchmarkForLmEvalAndOpenCompass() throws Exception {
        ProjectLayout layout = new ProjectLayout(dir);
        Map<String, String> options = new LinkedHashMap<>();
        options.put("A", "sorting algorithm");
        options.put("B", "consensus algorithm");
        options.put("C", "hash function");
        options.put("D", "file format");
        TestItem dev = new TestItem("i-1", "dev", "Raft is a kind of ___.", options, "B", null, List.of("s-1"),
                List.of("c-1"), "computing", List.of("sibling", "sibling", "sibling"), "completion", "s-1", "i-2", null);
        TestItem test = new TestItem("i-2", "test", "Which term is a kind of consensus algorithm?", options, "B", null,
                List.of("s-1"), List.of("c-1"), "computing", List.of("sibling", "sibling", "sibling"), "reverse", "s-1",
                "i-1", null);
        Jsonl.write(layout.split("dev"), List.of(dev));
        Jsonl.write(layout.split("test"), List.of(test));
        Jsonl.write(layout.split("general"), List.of());

        Path lmEval = dir.resolve("lm");
        assertEquals(2, BenchExport.write(layout, "lm-eval", lmEval));
        JsonNode doc = Json.MAPPER.readTree(Files.readAllLines(lmEval.resolve("test.jsonl")).get(0));
        assertEquals(1, doc.path("answer").asInt(), "the key's index among the choices");
        assertEquals("consensus algorithm", doc.path("choices").path(doc.path("answer").asInt()).asText());
        String task = Files.readString(lmEval.resolve(BenchExport.TASK + ".yaml"));
        for (String key : List.of("task: proda", "output_type: multiple_choice", "doc_to_choice: choices",
                "doc_to_target: answer", "test_split: test", "doc_to_text: \"question: {{question}}\\nanswer:\"")) {
            assertTrue(task.contains(key), key);
        }

        // Every key is a field of lm-evaluation-harness's TaskConfig (lm_eval/api/task.py).
        List<String> taskConfigFields = List.of("task", "task_alias", "tag", "dataset_path", "dataset_name",
                "dataset_kwargs", "training_split", "validation_split", "test_split", "fewshot_split", "doc_to_text",
                "doc_to_target", "doc_to_choice", "target_delimiter", "fewshot_delimiter", "num_fewshot", "metric_list",
                "output_type", "generation_kwargs", "repeats", "metadata", "description");
        JsonNode parsed = new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree(task);
        parsed.fieldNames().forEachRemaining(key -> assertTrue(taskConfigFields.contains(key), key));
        assertEquals("question: {{question}}\nanswer:", parsed.path("doc_to_text").asText());
        assertTrue(Files.isRegularFile(Path.of(parsed.path("dataset_kwargs").path("data_files").path("test").asText())));

        Path openCompass = dir.resolve("oc");
        BenchExport.write(layout, "opencompass", openCompass);
        JsonNode mcq = Json.MAPPER.readTree(Files.readAllLines(openCompass.resolve("dev.jsonl")).get(0));
        assertEquals("B", mcq.path("answer").asText());
        assertEquals("consensus algorithm", mcq.path("B").asText());
    }
}
