package dev.proda.debug;

import dev.proda.extract.KnowledgeBase;
import dev.proda.io.Jsonl;
import dev.proda.io.ProdaFileException;
import dev.proda.model.Chain;
import dev.proda.model.Concept;
import dev.proda.model.Failure;
import dev.proda.model.ItemResult;
import dev.proda.model.Span;
import dev.proda.model.Statement;
import dev.proda.model.TestItem;
import dev.proda.inspect.SourceExcerpts;
import dev.proda.project.ProjectLayout;
import dev.proda.tester.Tests;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code proda blame ITEM}: an item's trace printed like a stack trace, each frame with its source text. */
public final class Blame {
    private Blame() {
    }

    public static String render(ProjectLayout layout, String itemId) {
        TestItem item = dev.proda.io.IdPrefix.unique(Tests.Benchmark.read(layout).all(), TestItem::id, itemId, "item",
                "tests/");
        KnowledgeBase kb = KnowledgeBase.read(layout);
        SourceExcerpts excerpts = new SourceExcerpts(layout.corpus());
        StringBuilder out = new StringBuilder();
        out.append("item ").append(item.id()).append(" (").append(item.split()).append(", ")
                .append(item.discipline()).append(")\n");
        out.append("  question: ").append(item.question()).append('\n');
        for (String letter : item.letters()) {
            out.append("  ").append(item.answer().contains(letter) ? "*" : " ").append(letter).append(") ")
                    .append(item.options().get(letter)).append('\n');
        }
        latestResult(layout, item.id()).ifPresent(r -> out.append("  ").append(r.version()).append(" chose ")
                .append(r.result().chosen()).append(r.result().correct() ? " (correct)" : " (wrong)")
                .append(", option log-likelihoods ").append(r.result().scores()).append('\n'));
        Optional<Failure> failure = latestFailure(layout, item.id());
        failure.ifPresent(f -> out.append("  diagnosis: ").append(f.kind()).append(" at ")
                .append(f.responsible()).append(", probes ").append(f.probes()).append('\n'));

        Chain chain = kb.chainsById().get(item.chain_id());
        if (chain != null) {
            frame(out, "chain", chain.chain_id(), chain.process_name(), chain.spans(), excerpts);
        }
        Map<String, Statement> statements = kb.statementsById();
        for (String id : item.statement_ids()) {
            Statement s = statements.get(id);
            if (s != null) {
                frame(out, "statement", id, "[" + s.predicate() + "] " + abbreviate(s.subject()) + " → "
                        + abbreviate(s.object()), s.spans(), excerpts);
            }
        }
        Map<String, Concept> concepts = kb.conceptsById();
        for (String id : item.concept_ids()) {
            Concept c = concepts.get(id);
            if (c != null) {
                frame(out, "concept", id, c.term(), c.spans().isEmpty() ? List.of() : c.spans().subList(0, 1), excerpts);
            }
        }
        return out.toString();
    }

    private static void frame(StringBuilder out, String kind, String id, String label, List<Span> spans,
            SourceExcerpts excerpts) {
        out.append("    at ").append(kind).append(' ').append(id).append(' ').append(label).append('\n');
        spans.forEach(span -> out.append(excerpts.render(span, "       ")));
    }

    private record VersionResult(String version, ItemResult result) {
    }

    /** The item's result in the highest version that has one (results-Vn.jsonl, any n). */
    private static Optional<VersionResult> latestResult(ProjectLayout layout, String itemId) {
        for (int v : numbered(layout, "results-V(\\d+)\\.jsonl")) {
            var found = Jsonl.read(layout.results("V" + v), ItemResult.class).stream()
                    .filter(r -> r.item().equals(itemId)).findFirst();
            if (found.isPresent()) {
                return Optional.of(new VersionResult("V" + v, found.get()));
            }
        }
        return Optional.empty();
    }

    /** The item's diagnosis in the latest round that has one. */
    private static Optional<Failure> latestFailure(ProjectLayout layout, String itemId) {
        for (int round : numbered(layout, "failures-round-(\\d+)\\.jsonl")) {
            var found = Jsonl.read(layout.failures(round), Failure.class).stream()
                    .filter(f -> f.item().equals(itemId)).findFirst();
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** The numbers of the report files named by {@code pattern}, highest first. */
    private static List<Integer> numbered(ProjectLayout layout, String pattern) {
        if (!Files.isDirectory(layout.reports())) {
            return List.of();
        }
        java.util.regex.Pattern name = java.util.regex.Pattern.compile(pattern);
        try (var files = Files.list(layout.reports())) {
            return files.map(f -> name.matcher(f.getFileName().toString())).filter(java.util.regex.Matcher::matches)
                    .map(m -> Integer.parseInt(m.group(1))).sorted(java.util.Comparator.reverseOrder()).toList();
        } catch (java.io.IOException e) {
            throw new ProdaFileException("cannot list " + layout.reports() + ": " + e.getMessage(), e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 70 ? text : text.substring(0, 67) + "...";
    }
}
