package dev.proda.validate;

import dev.proda.extract.KnowledgeBase;
import dev.proda.io.Jsonl;
import dev.proda.io.ProdaFileException;
import dev.proda.model.Chain;
import dev.proda.model.Concept;
import dev.proda.model.Failure;
import dev.proda.model.ItemResult;
import dev.proda.model.Statement;
import dev.proda.model.TestItem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The ids that {@code debug} and {@code repair} follow from one file to another: a dev item's nodes in {@code kb/},
 * a result's item in {@code tests/}, a failure's item and responsible nodes. Files of different runs (the results of
 * an older benchmark, items of an older knowledge base) have ids that resolve nowhere; such a read fails with the
 * first one's file and line, never goes on with what happens to match ({@link dev.proda.extract.KbReferences} does
 * the same within {@code kb/}).
 */
public final class References {
    private References() {
    }

    /** Every id each domain item names (its node, statements, concepts and trace root) is a node of {@code kb}. */
    public static void requireItems(Path file, List<Jsonl.Line<TestItem>> items, KnowledgeBase kb) {
        Nodes nodes = new Nodes(kb);
        List<String> dangling = new ArrayList<>();
        for (var line : items) {
            TestItem item = line.record();
            String where = file + ":" + line.number() + ": item " + item.id();
            if (!nodes.any(item.node())) {
                dangling.add(where + " node names " + item.node() + ", which kb/ does not hold");
            }
            item.statement_ids().stream().filter(id -> !nodes.statements.contains(id)).forEach(id -> dangling.add(
                    where + " statement_ids names " + id + ", which kb/ does not hold"));
            item.concept_ids().stream().filter(id -> !nodes.concepts.contains(id)).forEach(id -> dangling.add(
                    where + " concept_ids names " + id + ", which kb/ does not hold"));
            // the trace's root: a chain, or for an item about one statement or concept that node itself
            if (item.chain_id() != null && !nodes.any(item.chain_id())) {
                dangling.add(where + " chain_id names " + item.chain_id() + ", which kb/ does not hold");
            }
        }
        fail(dangling, "the benchmark was written from another knowledge base: run `proda tests` again");
    }

    /** Every result names an item of the benchmark ({@code itemIds}). */
    public static void requireResults(Path file, List<Jsonl.Line<ItemResult>> results, Set<String> itemIds,
            String version) {
        List<String> dangling = new ArrayList<>();
        for (var line : results) {
            if (!itemIds.contains(line.record().item())) {
                dangling.add(file + ":" + line.number() + ": result names item " + line.record().item()
                        + ", which tests/ does not hold");
            }
        }
        fail(dangling, "the results are of another benchmark: run `proda test --model " + version + "` again");
    }

    /**
     * Every failure names a dev item ({@code devIds}) and responsible nodes of {@code kb} (or a form, for a
     * capability deficit).
     */
    public static void requireFailures(Path file, List<Jsonl.Line<Failure>> failures, Set<String> devIds,
            KnowledgeBase kb) {
        Nodes nodes = new Nodes(kb);
        List<String> dangling = new ArrayList<>();
        for (var line : failures) {
            Failure failure = line.record();
            String where = file + ":" + line.number() + ": failure of " + failure.item();
            if (!devIds.contains(failure.item())) {
                dangling.add(where + " names an item tests/dev.jsonl does not hold");
            }
            failure.responsible().stream().filter(id -> !id.startsWith(Failure.FORM_PREFIX) && !nodes.any(id))
                    .forEach(id -> dangling.add(where + " responsible names " + id + ", which kb/ does not hold"));
        }
        fail(dangling, "the failures are of another benchmark or knowledge base: run `proda debug` again");
    }

    private static void fail(List<String> dangling, String remedy) {
        if (!dangling.isEmpty()) {
            throw new ProdaFileException(dangling.get(0) + (dangling.size() > 1 ? " (and " + (dangling.size() - 1)
                    + " more dangling ids)" : "") + "; " + remedy);
        }
    }

    /** The ids of a knowledge base, by kind. */
    private static final class Nodes {
        final Set<String> statements = new HashSet<>();
        final Set<String> concepts = new HashSet<>();
        final Set<String> chains = new HashSet<>();

        Nodes(KnowledgeBase kb) {
            kb.statements().stream().map(Statement::statement_id).forEach(statements::add);
            kb.concepts().stream().map(Concept::concept_id).forEach(concepts::add);
            kb.chains().stream().map(Chain::chain_id).forEach(chains::add);
        }

        boolean any(String id) {
            return statements.contains(id) || concepts.contains(id) || chains.contains(id);
        }
    }
}
