package dev.proda.teacher.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proda.TestCorpus;
import dev.proda.endpoint.RetryPolicy;
import dev.proda.extract.Extract;
import dev.proda.extract.KnowledgeBase;
import dev.proda.io.Json;
import dev.proda.model.Concept;
import dev.proda.model.TestItem;
import dev.proda.project.Log;
import dev.proda.project.ProdaConfig;
import dev.proda.project.ProjectLayout;
import dev.proda.tester.TestTools;
import dev.proda.tester.Tests;
import dev.proda.text.Terms;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The LLM teacher writing the Tester's items and the Debugger's worked patches, over HTTP to a scripted endpoint. */
class LlmTesterTest {
    @TempDir
    Path dir;

    @Test
    void theTeachersItemsKeepTheTestersTwinsAndChecksAndAreCached() throws Exception {
        ProjectLayout layout = TestCorpus.project(dir.resolve("p"), "statistics", "economics", "biology");
        KnowledgeBase kb = Extract.run(layout, ProdaConfig.defaults("t"), Log.SILENT, false);
        Tests.Benchmark embedded = Tests.run(layout, ProdaConfig.defaults("t"), TestTools.tools(), Log.SILENT, false);
        try (FakeOpenAiServer server = new FakeOpenAiServer()) {
            Files.writeString(layout.config(), "name: t\nteacher:\n  backend: openai\n  base_url: " + server.baseUrl()
                    + "\n  model: fake-model\n  concurrency: 2\n");
            ProdaConfig config = ProdaConfig.read(layout.config());
            Tests.Benchmark benchmark = Tests.run(layout, config, TestTools.tools(), Log.SILENT, false);
            JsonNode report = Json.MAPPER.readTree(layout.tests().resolve("report.json").toFile());
            assertTrue(report.get("passed").asBoolean(), report.toString());
            int written = 0;
            for (JsonNode n : report.get("teacher_items").get("written")) {
                written += n.asInt();
            }
            List<TestItem> byTeacher = benchmark.all().stream().filter(i -> i.question().startsWith("Regarding "))
                    .toList();
            assertTrue(written > 0, report.get("teacher_items").toString());
            assertEquals(written, byTeacher.size(), "the report counts the teacher's items");

            // Same nodes, forms and splits as the Tester's own benchmark: the teacher rewrites, it does not choose.
            assertEquals(signature(embedded.dev()), signature(benchmark.dev()));
            assertEquals(signature(embedded.test()), signature(benchmark.test()));

            Set<String> kbTexts = new HashSet<>();
            for (Concept c : kb.concepts()) {
                kbTexts.add(Terms.key(c.term()));
                if (c.definition() != null) {
                    kbTexts.add(Terms.key(c.definition()));
                }
            }
            kb.statements().forEach(s -> {
                kbTexts.add(Terms.key(s.subject()));
                kbTexts.add(Terms.key(s.object()));
            });
            Map<String, TestItem> byId = new java.util.HashMap<>();
            benchmark.all().forEach(i -> byId.put(i.id(), i));
            assertTrue(byTeacher.stream().anyMatch(i -> i.distractor_kinds().contains("misconception")));
            // Every option is a distractor three times per item it keys, within its form: frequency tells nothing.
            Map<String, Integer> balance = new java.util.HashMap<>();
            List<TestItem> domain = new ArrayList<>(benchmark.dev());
            domain.addAll(benchmark.test());
            Set<String> rewritable = Set.of("completion", "reverse", "definition", "reverse-definition", "composition",
                    "reverse-composition");
            for (TestItem item : domain.stream().filter(i -> rewritable.contains(i.form())).toList()) {
                item.options().forEach((letter, option) -> balance.merge(item.form() + "|" + option,
                        letter.equals(item.answer()) ? 3 : -1, Integer::sum));
            }
            balance.forEach((option, sum) -> assertEquals(0, sum, "unbalanced: " + option));
            for (TestItem item : byTeacher) {
                Set<String> stem = new HashSet<>(Terms.contentWords(item.question()).stream().map(Terms::singular)
                        .toList());
                for (String option : item.options().values()) {
                    assertTrue(kbTexts.contains(Terms.key(option)), "options are knowledge-base terms: " + option);
                    assertTrue(Terms.contentWords(option).stream().map(Terms::singular).noneMatch(stem::contains),
                            "the question gives no option away: " + item.question() + " / " + option);
                }
                TestItem twin = byId.get(item.twin_id());
                if (twin != null) {
                    Set<String> mine = new HashSet<>(item.options().values());
                    mine.remove(item.key());
                    List<String> theirs = new ArrayList<>(twin.options().values());
                    theirs.remove(twin.key());
                    assertTrue(theirs.stream().noneMatch(mine::contains), "twins' distractors are disjoint: " + item.id());
                }
            }
            int calls = server.calls.get();
            assertEquals(benchmark, Tests.run(layout, config, TestTools.tools(), Log.SILENT, true));
            assertEquals(calls, server.calls.get(), "a rerun is answered from the cache");
        }
    }

    /** Form, node, split and held-out flag of each item, in order. */
    private static List<String> signature(List<TestItem> items) {
        return items.stream().map(i -> i.form() + "|" + i.node() + "|" + i.split() + "|" + i.held_out()).toList();
    }

    @Test
    void anItemWhoseOptionsAreNotTheCandidatesIsRefused() {
        LlmItemWriter.Request request = new LlmItemWriter.Request("r", "completion", "the object", "\"heap\"",
                "Heap is a kind of priority queue", null, "priority queue", List.of("hash table", "stack", "deque",
                        "trie"));
        List<String> problems = new ArrayList<>();
        JsonNode answer = Json.MAPPER.valueToTree(Map.of("question", "What is a heap?", "distractors", List.of(
                Map.of("option", "Hash  Tables", "misconception", "both store keys"),
                Map.of("option", "priority queue", "misconception", "the key"),
                Map.of("option", "red herring", "misconception", "invented"))));
        LlmItemWriter.Written written = LlmItemWriter.read(request, answer, problems);
        assertEquals(List.of("hash table"), written.distractors(), "a candidate matches whatever its case and plural");
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("cannot be a distractor"));
        assertTrue(problems.get(1).contains("not one of the candidates"));
    }

    @Test
    void workedPatchesForChainBreaksAndCapabilityDeficitsUseTheChainAndGiveTheAnswer() throws Exception {
        try (FakeOpenAiServer server = new FakeOpenAiServer()) {
            OpenAiEndpoint endpoint = OpenAiEndpoint.create(server.baseUrl(), "fake-model", null, n -> null,
                    Duration.ofSeconds(10));
            LlmSampleWriter writer = new LlmSampleWriter(new ReliableChat(endpoint, new ResponseCache(dir), 1,
                    RetryPolicy.standard(0), Log.SILENT), new RequestDefaults("fake-model", 0.0, 512, true, 0), 1,
                    Log.SILENT);
            List<LlmSampleWriter.Exchange> worked = writer.workedChain("brewing tea", List.of("boil the water",
                    "warm the pot", "steep the leaves"), List.of("Boil the water, then warm the pot."));
            assertEquals(2, worked.size());
            assertTrue(worked.get(0).answer().contains("boil the water") && worked.get(0).answer().contains("warm the pot"));
            // A one-step chain cannot be composed: the scripted answer uses one step, and is refused.
            assertThrows(() -> writer.workedChain("nothing", List.of("only step"), List.of()));
            List<LlmSampleWriter.Exchange> form = writer.workedForm("completion", "Heap is a kind of ___.",
                    "priority queue", "A heap is a priority queue.");
            assertTrue(form.stream().allMatch(x -> x.answer().contains("priority queue")));
        }
    }

    private static void assertThrows(Runnable action) {
        try {
            action.run();
        } catch (InvalidAnswerException expected) {
            return;
        }
        throw new AssertionError("an invalid answer was accepted");
    }
}
