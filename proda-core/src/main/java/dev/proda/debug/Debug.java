package dev.proda.debug;

import dev.proda.compile.Compile;
import dev.proda.curriculum.CorpusEvidence;
import dev.proda.evaluate.Evaluate;
import dev.proda.extract.KnowledgeBase;
import dev.proda.io.AtomicFiles;
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
import dev.proda.tester.FormExemplars;
import dev.proda.tester.Tests;
import dev.proda.validate.References;
import java.nio.file.Path;
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
        // Items, results and kb/ must be of one lineage: an id that resolves nowhere fails here with its file:line.
        Set<String> itemIds = Tests.Benchmark.read(layout).all().stream().map(TestItem::id)
                .collect(Collectors.toSet());
        List<Jsonl.Line<TestItem>> devLines = Jsonl.readLines(layout.split("dev"), TestItem.class);
        References.requireItems(layout.split("dev"), devLines, kb);
        Lock.requireComplete(layout, layout.results(version));
        List<Jsonl.Line<ItemResult>> resultLines = Jsonl.readLines(layout.results(version), ItemResult.class);
        References.requireResults(layout.results(version), resultLines, itemIds, version);
        Map<String, TestItem> dev = devLines.stream().map(Jsonl.Line::record)
                .collect(Collectors.toMap(TestItem::id, Function.identity(), (a, b) -> a));
        // Only dev results are read: test items never drive a repair.
        List<ItemResult> failed = resultLines.stream().map(Jsonl.Line::record)
                .filter(r -> r.split().equals("dev") && !r.correct() && dev.containsKey(r.item())).toList();
        Map<String, Statement> statements = kb.statementsById();
        Map<String, Concept> concepts = kb.conceptsById();

        NodeProbes probes = new NodeProbes(kb, CorpusEvidence.read(layout, config, kb, log, "debug " + version),
                config.seed() + round);
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
        try (StudentModel model = engine.load(Compile.requireModel(layout, version))) {
            List<TestItem> probeItems = List.copyOf(probeByNode.values());
            List<ItemResult> answers;
            try (var progress = log.progress("debug " + version, probeItems.size(), "probes")) {
                answers = Evaluate.answer(model, probeItems, progress);
            }
            for (int k = 0; k < probeItems.size(); k++) {
                passed.put(probeItems.get(k).node(), answers.get(k).correct());
            }
        }

        Set<String> failedIds = failed.stream().map(ItemResult::item).collect(Collectors.toSet());
        Set<String> deficits = deficits(dev.values(), failedIds, statements);
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
            List<String> trace = new ArrayList<>();
            trace.add(item.id());
            trace.add(item.chain_id());
            trace.addAll(nodes(item));
            String kind;
            List<String> responsible;
            if (!gaps.isEmpty()) {
                kind = "concept_gap";
                responsible = withItemNode(item, gaps, statements);
            } else {
                // The student knows every node yet fails the item: a form it cannot do, if most items of the
                // form (or of the form and relation) fail; else the composition of the chain.
                String deficit = groups(item, statements).stream().filter(deficits::contains).findFirst().orElse(null);
                kind = deficit != null ? "capability_deficit" : "chain_break";
                responsible = List.of(deficit != null ? deficit : item.chain_id());
            }
            failures.add(new Failure(item.id(), result.chosen(), result.scores(), List.copyOf(new LinkedHashSet<>(trace)),
                    kind, responsible, probed));
        }
        DebugSummary summary = DebugSummary.of(version, dev.values(), failures);
        Path summaryFile = layout.reports().resolve("debug-round-" + round + ".json");
        // Two files, one set: marked in progress until both are written, so a kill between them is refused.
        Lock.begin(layout, "debug round " + round, List.of(layout.failures(round), summaryFile));
        Jsonl.write(layout.failures(round), failures);
        AtomicFiles.writeJson(summaryFile, summary);
        Lock.record(layout, "debug round " + round, config.seed(), List.of(layout.results(version), layout.kb(),
                layout.corpus(), layout.split("dev"), layout.model(version)), List.of(layout.failures(round),
                summaryFile));
        long gaps = failures.stream().filter(f -> f.kind().equals("concept_gap")).count();
        long capability = failures.stream().filter(f -> f.kind().equals("capability_deficit")).count();
        log.info("debug " + version + ": " + failures.size() + " dev failures (" + gaps + " concept gaps, "
                + (failures.size() - gaps - capability) + " chain breaks, " + capability + " capability deficits"
                + (deficits.isEmpty() ? "" : " in " + deficits) + ") from " + probeByNode.size() + " node probes");
        summary.lines().forEach(log::info);
        return failures;
    }

    /**
     * The gaps, with the failed item's own statement first when its probe passed: one probe is as noisy as the
     * item was (over four cycles a node's probe did not predict its test twin: 65% of twins passed after a
     * passed probe, 67% after a failed one), and a patch reaches only the nodes it names (the twins of patched
     * nodes rose from 67% to 83%, those of unpatched ones not at all).
     */
    static List<String> withItemNode(TestItem item, List<String> gaps, Map<String, Statement> statements) {
        if (item.node() == null || gaps.contains(item.node()) || !statements.containsKey(item.node())) {
            return gaps;
        }
        List<String> responsible = new ArrayList<>();
        responsible.add(item.node());
        responsible.addAll(gaps);
        return List.copyOf(responsible);
    }

    /** Fewest dev items a form (or form and relation) needs before its failure rate can name a deficit. */
    static final int DEFICIT_MIN_ITEMS = 6;

    /** The groups an item belongs to for capability deficits: its form, then its form and relation. */
    static List<String> groups(TestItem item, Map<String, Statement> statements) {
        List<String> groups = new ArrayList<>();
        if (item.form() == null) {
            return groups;
        }
        groups.add(Failure.FORM_PREFIX + item.form());
        Statement s = item.statement_ids().size() == 1 ? statements.get(item.statement_ids().get(0)) : null;
        if (s != null && s.parent_chain_id() == null) {
            groups.add(Failure.FORM_PREFIX + item.form() + ":" + s.predicate());
        }
        return groups;
    }

    /**
     * The groups (see {@link #groups}) that most of their dev items fail, among those with at least
     * {@link #DEFICIT_MIN_ITEMS} items and whose form can be taught by exemplars on other nodes.
     */
    static Set<String> deficits(java.util.Collection<TestItem> dev, Set<String> failed, Map<String, Statement> statements) {
        Map<String, int[]> counts = new java.util.TreeMap<>();
        for (TestItem item : dev) {
            for (String group : groups(item, statements)) {
                int[] c = counts.computeIfAbsent(group, k -> new int[2]);
                c[0] += failed.contains(item.id()) ? 1 : 0;
                c[1]++;
            }
        }
        Set<String> deficits = new LinkedHashSet<>();
        counts.forEach((group, c) -> {
            String form = group.substring(Failure.FORM_PREFIX.length()).split(":")[0];
            if (c[1] >= DEFICIT_MIN_ITEMS && 2 * c[0] > c[1] && FormExemplars.writable(form)) {
                deficits.add(group);
            }
        });
        return deficits;
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
