package dev.proda.repair;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proda.TestCorpus;
import dev.proda.build.Build;
import dev.proda.curriculum.Curriculum;
import dev.proda.extract.Extract;
import dev.proda.extract.KnowledgeBase;
import dev.proda.io.Jsonl;
import dev.proda.model.Chain;
import dev.proda.model.Failure;
import dev.proda.model.ItemResult;
import dev.proda.model.Message;
import dev.proda.model.Patch;
import dev.proda.model.Sample;
import dev.proda.model.Span;
import dev.proda.model.TestItem;
import dev.proda.project.Corpus;
import dev.proda.project.Log;
import dev.proda.project.ProdaConfig;
import dev.proda.project.ProjectLayout;
import dev.proda.tester.Tests;
import dev.proda.validate.References;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Repair on a real extracted KB, with failures written as a debug round would write them. */
class RepairTest {
    @TempDir
    Path dir;

    @Test
    void patchesTargetTheResponsibleNodesAndStayAwayFromTheBenchmark() {
        ProjectLayout layout = TestCorpus.project(dir, "statistics", "economics", "computing");
        ProdaConfig config = ProdaConfig.defaults("t");
        KnowledgeBase kb = Extract.run(layout, config, Log.SILENT, false);
        Build.run(layout, config, Log.SILENT, false);
        Tests.Benchmark benchmark = Tests.run(layout, config, dev.proda.tester.TestTools.tools(), Log.SILENT, false);

        // One concept gap at a statement, one at a concept, one chain break.
        // Items that test a statement and its concepts (the extractor of this KB gives no path chains yet).
        List<TestItem> chainItems = benchmark.dev().stream().filter(i -> !i.statement_ids().isEmpty()
                && !i.concept_ids().isEmpty()).toList();
        // The gap item's link must be patchable at all: the guard refuses any sample holding two options of
        // one item, and every sample about a link holds both of its steps.
        List<TestItem> allItems = new ArrayList<>(benchmark.dev());
        allItems.addAll(benchmark.test());
        Map<String, dev.proda.model.Statement> byId = kb.statementsById();
        TestItem gapItem = chainItems.stream().filter(i -> {
            dev.proda.model.Statement link = byId.get(i.statement_ids().get(0));
            return allItems.stream().noneMatch(other -> other.options().containsValue(link.subject())
                    && other.options().containsValue(link.object()));
        }).findFirst().orElseThrow();
        TestItem breakItem = chainItems.stream().filter(i -> !i.chain_id().equals(gapItem.chain_id())).findFirst()
                .orElseThrow();
        String statement = gapItem.statement_ids().get(0);
        String concept = gapItem.concept_ids().get(0);
        List<Failure> failures = List.of(
                new Failure(gapItem.id(), "A", Map.of("A", -1.0), List.of(gapItem.id(), gapItem.chain_id(), statement),
                        "concept_gap", List.of(statement, concept), Map.of(statement, false, concept, false)),
                new Failure(breakItem.id(), "B", Map.of("B", -1.0), List.of(breakItem.id(), breakItem.chain_id()),
                        "chain_break", List.of(breakItem.chain_id()), Map.of()),
                new Failure(breakItem.id(), "C", Map.of("C", -1.0), List.of(breakItem.id(), breakItem.chain_id()),
                        "capability_deficit", List.of("form:completion"), Map.of()));
        Jsonl.write(layout.failures(1), failures);

        Repair.Outcome outcome = Repair.run(layout, config, 1, Log.SILENT);
        List<Patch> patches = Jsonl.read(layout.patchRound(1).resolve("patches.jsonl"), Patch.class);
        assertEquals(outcome.patches(), patches);
        assertEquals(Set.of(statement, concept, breakItem.chain_id(), "form:completion"),
                patches.stream().map(Patch::target).collect(Collectors.toSet()));
        Set<String> tested = new java.util.HashSet<>();
        allItems.forEach(i -> {
            tested.add(i.node());
            tested.addAll(i.statement_ids());
            tested.addAll(i.concept_ids());
        });

        Map<String, String> texts = Corpus.read(layout.corpus(), "t", Log.SILENT).stream()
                .collect(Collectors.toMap(Corpus.Document::path, Corpus.Document::text));
        Set<String> benchmarkChains = Curriculum.select(kb, config.budgets(), config.seed()).chains().stream()
                .map(Chain::chain_id).collect(Collectors.toSet());
        List<String> questions = new ArrayList<>();
        benchmark.dev().forEach(i -> questions.add(i.question()));
        benchmark.test().forEach(i -> questions.add(i.question()));
        for (Patch patch : patches) {
            assertFalse(patch.samples().isEmpty());
            if (patch.target().startsWith(Failure.FORM_PREFIX)) {
                // A capability deficit: the item's form worked on nodes no benchmark item tests.
                assertTrue(patch.samples().size() <= 2 * config.budgets().patchSamplesPerNode());
                for (Sample sample : patch.samples()) {
                    assertEquals("exemplar-completion", sample.skill());
                    assertTrue(sample.messages().get(0).content().endsWith("___."), sample.messages().get(0).content());
                    assertTrue(sample.knowledge().stream().noneMatch(tested::contains), sample.knowledge().toString());
                    assertTrue(questions.stream().noneMatch(sample.messages().get(0).content()::equals),
                            "never an item's own stem");
                }
                continue;
            }
            assertTrue(patch.samples().size() <= config.budgets().patchSamplesPerNode());
            for (Span span : patch.grounding()) {
                assertTrue(span.end() <= texts.get(span.doc()).length(), "grounding spans point into the corpus");
            }
            for (Sample sample : patch.samples()) {
                assertEquals("patch", sample.origin());
                assertTrue(sample.knowledge().contains(patch.target()));
                for (Message m : sample.messages()) {
                    assertTrue(questions.stream().noneMatch(m.content()::contains), "never copies an item");
                }
                // Grounded samples quote text that states what they ask about, and no sample answers itself.
                String question = sample.messages().get(0).content();
                String answer = sample.messages().get(1).content();
                if (sample.skill().equals("grounded-mention")) {
                    String term = question.substring("What does the text say about ".length(), question.length() - 1);
                    assertTrue(Repair.PatchWriter.mentions(answer, term), term + " not in: " + answer);
                }
                if (sample.skill().equals("grounded-state")) {
                    dev.proda.model.Statement s = byId.get(patch.target());
                    assertTrue(Repair.PatchWriter.mentions(question, s.subject())
                            && Repair.PatchWriter.mentions(question, s.object()), question);
                }
                if (sample.skill().equals("term-recall")) {
                    assertFalse(dev.proda.text.Terms.key(question).contains(dev.proda.text.Terms.key(answer)), question);
                }
                if (patch.target().equals(breakItem.chain_id())) {
                    String exemplarChain = sample.knowledge().get(0);
                    assertFalse(benchmarkChains.contains(exemplarChain),
                            "composition exemplars come from chains outside the benchmark");
                }
            }
        }
        assertEquals(patches.stream().mapToInt(p -> p.samples().size()).sum(),
                Repair.samplesUpTo(layout, 1).size());

        // The untargeted control has exactly the patches' number of samples, about other nodes.
        List<Sample> control = Repair.untargetedControl(layout, config, 1, 1, Log.SILENT);
        assertEquals(patches.stream().mapToInt(p -> p.samples().size()).sum(), control.size());
        assertTrue(control.stream().allMatch(x -> x.origin().equals("patch")));
        // ... drawn only from nodes a dev item tests: what the repair itself could see.
        Set<String> devVisible = new java.util.HashSet<>();
        for (dev.proda.model.TestItem item : dev.proda.tester.Tests.Benchmark.read(layout).dev()) {
            devVisible.add(item.node());
            devVisible.add(item.chain_id());
            devVisible.addAll(item.statement_ids());
            devVisible.addAll(item.concept_ids());
        }
        assertTrue(control.stream().allMatch(x -> x.knowledge().stream().anyMatch(devVisible::contains)),
                "every untargeted sample is about a dev-visible node");
        List<Sample> fourfold = Repair.untargetedControl(layout, config, 1, 4, Log.SILENT);
        assertTrue(fourfold.size() > control.size() && fourfold.size() <= 4 * control.size(),
                "the 4× control has more samples, at most four times as many: " + fourfold.size());

        // A concept gap is patched with what the KB states about the concept, before anything else.
        dev.proda.model.Concept gap = kb.conceptsById().get(concept);
        Patch conceptPatch = patches.stream().filter(p -> p.target().equals(concept)).findFirst().orElseThrow();
        Set<String> taught = conceptPatch.samples().stream().flatMap(x -> x.knowledge().stream())
                .filter(id -> id.startsWith("s-")).collect(Collectors.toSet());
        assertFalse(taught.isEmpty(), "no statement of " + gap.term() + " taught: " + conceptPatch.samples());
        assertTrue(gap.parent_statement_ids().containsAll(taught));
        for (Sample sample : conceptPatch.samples()) {
            if (sample.skill().equals("concept-fact") || sample.skill().equals("concept-step")) {
                dev.proda.model.Statement fact = byId.get(sample.knowledge().get(1));
                String key = dev.proda.text.Terms.key(gap.term());
                boolean asObject = sample.skill().equals("concept-fact")
                        && !dev.proda.text.Terms.key(fact.subject()).equals(key)
                        && dev.proda.text.Terms.key(fact.object()).equals(key);
                assertEquals(asObject ? fact.subject() : fact.object(), sample.messages().get(1).content(),
                        "a concept that is the object is asked for the subject");
            }
        }
        // A statement gap is taught in both directions: its object from its subject, and its subject back.
        dev.proda.model.Statement gapStatement = byId.get(statement);
        Patch statementPatch = patches.stream().filter(p -> p.target().equals(statement)).findFirst().orElseThrow();
        assertTrue(statementPatch.samples().stream().anyMatch(x -> x.skill().equals("example")
                && x.messages().get(1).content().equals(gapStatement.subject())
                && x.messages().get(0).content().contains(gapStatement.object())), statementPatch.samples().toString());

        // Files of different runs are refused with the file and line of the first id that resolves nowhere.
        // The benchmark's own items resolve in the KB they were written from ...
        References.requireItems(layout.split("dev"), Jsonl.readLines(layout.split("dev"), TestItem.class), kb);
        // ... not in one without their node (a KB extracted again from other documents)
        KnowledgeBase other = new KnowledgeBase(kb.chains().stream().filter(c -> !c.chain_id().equals(gapItem.node()))
                .toList(), kb.statements().stream().filter(x -> !x.statement_id().equals(gapItem.node())).toList(),
                kb.concepts().stream().filter(c -> !c.concept_id().equals(gapItem.node())).toList());
        String items = org.junit.jupiter.api.Assertions.assertThrows(dev.proda.io.ProdaFileException.class,
                () -> References.requireItems(layout.split("dev"), Jsonl.readLines(layout.split("dev"),
                        TestItem.class), other)).getMessage();
        assertTrue(items.startsWith(layout.split("dev") + ":") && items.contains(" names " + gapItem.node()
                + ", which kb/ does not hold") && items.endsWith("run `proda tests` again"), items);
        // results of an older benchmark
        Jsonl.write(layout.results("V1"), List.of(
                new ItemResult(gapItem.id(), "dev", "A", gapItem.answer(), false, "A", false, Map.of("A", -1.0), "x"),
                new ItemResult("i-older", "dev", "A", "B", false, "A", false, Map.of("A", -1.0), "x")));
        Set<String> itemIds = allItems.stream().map(TestItem::id).collect(Collectors.toSet());
        String results = org.junit.jupiter.api.Assertions.assertThrows(dev.proda.io.ProdaFileException.class,
                () -> References.requireResults(layout.results("V1"), Jsonl.readLines(layout.results("V1"),
                        ItemResult.class), itemIds, "V1")).getMessage();
        assertEquals(layout.results("V1") + ":2: result names item i-older, which tests/ does not hold; the results "
                + "are of another benchmark: run `proda test --model V1` again", results);
        // failures naming a node or an item that is not there: the round is refused and writes nothing
        Jsonl.write(layout.failures(2), List.of(failures.get(2),
                new Failure(gapItem.id(), "A", Map.of("A", -1.0), List.of(gapItem.id()), "concept_gap",
                        List.of("s-gone"), Map.of("s-gone", false)),
                new Failure("i-gone", "A", Map.of("A", -1.0), List.of("i-gone"), "chain_break",
                        List.of(breakItem.chain_id()), Map.of())));
        String refused = org.junit.jupiter.api.Assertions.assertThrows(dev.proda.io.ProdaFileException.class,
                () -> Repair.run(layout, config, 2, Log.SILENT)).getMessage();
        assertTrue(refused.startsWith(layout.failures(2) + ":2: failure of " + gapItem.id() + " responsible names "
                + "s-gone, which kb/ does not hold (and 1 more dangling ids)"), refused);
        assertFalse(java.nio.file.Files.exists(layout.patchRound(2).resolve("patches.jsonl")));

        // A round that patches nothing (order is no form single nodes can show) warns; under --strict it fails.
        Jsonl.write(layout.failures(3), List.of(new Failure(breakItem.id(), "A", Map.of("A", -1.0),
                List.of(breakItem.id()), "capability_deficit", List.of("form:order"), Map.of())));
        List<String> lines = new ArrayList<>();
        assertEquals(List.of(), Repair.run(layout, config, 3, Log.into(lines)).patches());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("warning: repair round 3: no patch was written for 1 "
                + "responsible nodes")), lines.toString());
        String strict = org.junit.jupiter.api.Assertions.assertThrows(dev.proda.io.ProdaFileException.class,
                () -> Repair.run(layout, config, 3, Log.strict(Log.SILENT))).getMessage();
        assertTrue(strict.startsWith("repair round 3: no patch was written") && strict.endsWith("(an error under "
                + "--strict)"), strict);
    }
}
