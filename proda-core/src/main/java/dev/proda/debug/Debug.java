package dev.proda.debug;

import dev.proda.evaluate.Evaluate;
import dev.proda.extract.KnowledgeBase;
import dev.proda.io.AtomicFiles;
import dev.proda.io.Json;
import dev.proda.io.Jsonl;
import dev.proda.model.Concept;
import dev.proda.model.Failure;
import dev.proda.model.ItemResult;
import dev.proda.model.Statement;
import dev.proda.model.TestItem;
import dev.proda.project.Lock;
import dev.proda.project.Log;
import dev.proda.project.ProdaConfig;
import dev.proda.project.ProjectLayout;
import dev.proda.student.StudentEngine;
import dev.proda.student.StudentModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Stage {@code debug}: dev failures of a version → localised {@link Failure}s for a repair round. */
public final class Debug {
    private Debug() {
    }

    public static List<Failure> run(ProjectLayout layout, ProdaConfig config, StudentEngine engine, String version,
            int round, Log log) {
        KnowledgeBase kb = KnowledgeBase.read(layout);
        Map<String, TestItem> dev = Jsonl.read(layout.split("dev"), TestItem.class).stream()
                .collect(Collectors.toMap(TestItem::id, Function.identity(), (a, b) -> a));
        // Only dev results are read: test items never drive a repair.
        List<ItemResult> failed = Jsonl.read(layout.results(version), ItemResult.class).stream()
                .filter(r -> r.split().equals("dev") && !r.correct() && dev.containsKey(r.item())).toList();
        Map<String, Statement> statements = kb.statementsById();
        Map<String, Concept> concepts = kb.conceptsById();

        NodeProbes probes = new NodeProbes(kb, config.seed() + round);
        Map<String, TestItem> probeByNode = new LinkedHashMap<>();
        for (ItemResult result : failed) {
            for (String node : nodes(dev.get(result.item()))) {
                if (!probeByNode.containsKey(node)) {
                    var probe = statements.containsKey(node) ? probes.statement(statements.get(node))
                            : concepts.containsKey(node) ? probes.concept(concepts.get(node))
                            : java.util.Optional.<TestItem>empty();
                    probe.ifPresent(p -> probeByNode.put(node, p));
                }
            }
        }
        Map<String, Boolean> passed = new LinkedHashMap<>();
        try (StudentModel model = engine.load(layout.model(version))) {
            List<TestItem> probeItems = List.copyOf(probeByNode.values());
            List<ItemResult> answers = Evaluate.answer(model, probeItems);
            for (int k = 0; k < probeItems.size(); k++) {
                passed.put(probeItems.get(k).node(), answers.get(k).correct());
            }
        }

        List<Failure> failures = new ArrayList<>();
        for (ItemResult result : failed) {
            TestItem item = dev.get(result.item());
            Map<String, Boolean> probed = new LinkedHashMap<>();
            for (String node : nodes(item)) {
                if (passed.containsKey(node)) {
                    probed.put(node, passed.get(node));
                }
            }
            List<String> gaps = probed.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).toList();
            boolean chainBreak = gaps.isEmpty();
            List<String> trace = new ArrayList<>();
            trace.add(item.id());
            trace.add(item.chain_id());
            trace.addAll(nodes(item));
            failures.add(new Failure(item.id(), result.chosen(), result.scores(), List.copyOf(new LinkedHashSet<>(trace)),
                    chainBreak ? "chain_break" : "concept_gap", chainBreak ? List.of(item.chain_id()) : gaps, probed));
        }
        Jsonl.write(layout.failures(round), failures);
        Lock.record(layout, "debug round " + round, config.seed(), List.of(layout.results(version), layout.kb(),
                layout.split("dev"), layout.model(version)), List.of(layout.failures(round)));
        long gaps = failures.stream().filter(f -> f.kind().equals("concept_gap")).count();
        log.info("debug " + version + ": " + failures.size() + " dev failures (" + gaps + " concept gaps, "
                + (failures.size() - gaps) + " chain breaks) from " + probeByNode.size() + " node probes");
        DebugSummary summary = DebugSummary.of(version, dev.values(), failures);
        summary.lines().forEach(log::info);
        try {
            AtomicFiles.writeString(layout.reports().resolve("debug-round-" + round + ".json"),
                    Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(summary) + "\n");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return failures;
    }

    /**
     * The item's knowledge nodes below the chain: statements, then concepts. (A stand-alone statement
     * item carries its statement as chain id; that statement is still probed.)
     */
    static Set<String> nodes(TestItem item) {
        Set<String> nodes = new LinkedHashSet<>(item.statement_ids());
        nodes.addAll(item.concept_ids());
        return nodes;
    }
}
