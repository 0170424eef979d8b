package dev.proda.inspect;

import dev.proda.extract.KnowledgeBase;
import dev.proda.io.Json;
import dev.proda.io.Jsonl;
import dev.proda.io.ProdaFileException;
import dev.proda.model.Chain;
import dev.proda.model.Concept;
import dev.proda.model.Patch;
import dev.proda.model.Sample;
import dev.proda.model.Span;
import dev.proda.model.Statement;
import dev.proda.model.TestItem;
import dev.proda.project.ProjectLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** {@code proda kb show ID}: one node, its spans with the surrounding text, and what uses it. */
public final class NodeView {
    private static final int MAX_LISTED = 10;

    private NodeView() {
    }

    public static String render(ProjectLayout layout, String idOrPrefix) {
        KnowledgeBase kb = KnowledgeBase.read(layout);
        List<Object> nodes = Stream.of(kb.chains().stream(), kb.statements().stream(), kb.concepts().stream())
                .flatMap(s -> s.map(Object.class::cast)).toList();
        Object node = dev.proda.io.IdPrefix.unique(nodes, NodeView::id, idOrPrefix, "node", "kb/");
        StringBuilder out = new StringBuilder();
        try {
            out.append(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node)).append("\n\nsource\n");
        } catch (IOException e) {
            throw new ProdaFileException("cannot render node " + idOrPrefix, e);
        }
        SourceExcerpts excerpts = new SourceExcerpts(layout.corpus());
        spans(node).forEach(span -> out.append(excerpts.render(span, "  ")));
        String id = id(node);
        out.append("\nused by\n");
        List<String> uses = new ArrayList<>();
        switch (node) {
            case Chain c -> c.statement_ids().forEach(s -> uses.add("statement " + s));
            case Statement s -> {
                if (s.parent_chain_id() != null) {
                    uses.add("chain " + s.parent_chain_id());
                }
                s.concept_ids().forEach(c -> uses.add("concept " + c));
            }
            case Concept c -> c.parent_statement_ids().forEach(s -> uses.add("statement " + s));
            default -> { }
        }
        list(out, "knowledge", uses);
        list(out, "samples", samples(layout).stream().filter(s -> s.knowledge().contains(id))
                .map(s -> s.origin() + " " + s.skill() + " " + s.id()).toList());
        list(out, "items", items(layout).stream().filter(i -> i.chain_id().equals(id) || i.statement_ids().contains(id)
                || i.concept_ids().contains(id)).map(i -> i.split() + " " + i.id()).toList());
        return out.toString();
    }

    private static void list(StringBuilder out, String title, List<String> entries) {
        out.append("  ").append(title).append(": ").append(entries.size()).append('\n');
        entries.stream().limit(MAX_LISTED).forEach(e -> out.append("    ").append(e).append('\n'));
        if (entries.size() > MAX_LISTED) {
            out.append("    … ").append(entries.size() - MAX_LISTED).append(" more\n");
        }
    }

    private static List<Sample> samples(ProjectLayout layout) {
        List<Sample> samples = new ArrayList<>();
        if (Files.isRegularFile(layout.buildSamples())) {
            samples.addAll(Jsonl.read(layout.buildSamples(), Sample.class));
        }
        Jsonl.readAll(layout.patchesDir(), Patch.class).forEach(p -> samples.addAll(p.samples()));
        return samples;
    }

    private static List<TestItem> items(ProjectLayout layout) {
        List<TestItem> items = new ArrayList<>();
        for (String split : List.of("dev", "test", "general")) {
            if (Files.isRegularFile(layout.split(split))) {
                items.addAll(Jsonl.read(layout.split(split), TestItem.class));
            }
        }
        return items;
    }

    private static String id(Object node) {
        return switch (node) {
            case Chain c -> c.chain_id();
            case Statement s -> s.statement_id();
            case Concept c -> c.concept_id();
            default -> throw new IllegalArgumentException(String.valueOf(node));
        };
    }

    private static List<Span> spans(Object node) {
        return switch (node) {
            case Chain c -> c.spans();
            case Statement s -> s.spans();
            case Concept c -> c.spans();
            default -> List.of();
        };
    }
}
