package dev.proda.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proda.extract.KnowledgeBase;
import dev.proda.io.AtomicFiles;
import dev.proda.io.Json;
import dev.proda.io.ProdaFileException;
import dev.proda.model.Chain;
import dev.proda.model.Concept;
import dev.proda.model.Records;
import dev.proda.model.Span;
import dev.proda.model.Statement;
import dev.proda.project.Corpus;
import dev.proda.text.QuoteLocator;
import dev.proda.text.Terms;
import dev.proda.text.TextUnit;
import dev.proda.validate.KbValidation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;

/** Reads and writes {@code knowledge_core.json}. */
public final class KnowledgeCore {
    static final String CHAINS = "l3_chains";
    static final String STATEMENTS = "l2_statements";
    static final String CONCEPTS = "l1_concepts";

    private KnowledgeCore() {
    }

    /**
     * What an import found: the knowledge base after {@link KbValidation} ({@code validation.kb()}), with
     * the nodes that could not be read or did not validate reported there.
     */
    public record Imported(KbValidation.Validated validation, int located, int unlocated, Set<String> ignoredFields) {
        public KnowledgeBase kb() {
            return validation.kb();
        }
    }

    /** Writes the three layers under the reference's keys (proda's spans and links ride along). */
    public static void export(KnowledgeBase kb, Path file) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.set(CHAINS, Json.MAPPER.valueToTree(kb.chains()));
        root.set(STATEMENTS, Json.MAPPER.valueToTree(kb.statements()));
        root.set(CONCEPTS, Json.MAPPER.valueToTree(kb.concepts()));
        AtomicFiles.writeJson(file, root);
    }

    /**
     * Reads a knowledge_core.json. Fields proda does not know are ignored and reported; missing ids are
     * made from content; missing spans are found by locating quotes (statements), steps (chains) and
     * terms (concepts) in {@code corpus}; links missing on one side are restored from the other. A node
     * that cannot be read (no subject, one step, bad spans …) is left out, and the rest goes through
     * {@link KbValidation}: both kinds of bad node are in {@link Imported#validation()}. Only a file that
     * is not a knowledge_core.json at all is an error.
     */
    public static Imported importFrom(Path file, List<Corpus.Document> corpus) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new ProdaFileException(file + ": not valid JSON (" + e.getMessage().lines().findFirst().orElse("")
                    + ")", e);
        }
        if (root == null || !root.isObject() || !(root.has(CHAINS) || root.has(STATEMENTS) || root.has(CONCEPTS))) {
            throw new ProdaFileException(file + ": expected an object with " + CHAINS + ", " + STATEMENTS + " and "
                    + CONCEPTS);
        }
        Reader reader = new Reader(file, corpus);
        List<Chain> chains = reader.all(array(root, CHAINS, file), CHAINS, "chain", reader::chain);
        List<Statement> statements = reader.all(array(root, STATEMENTS, file), STATEMENTS, "statement",
                reader::statement);
        List<Concept> concepts = reader.all(array(root, CONCEPTS, file), CONCEPTS, "concept", reader::concept);
        KnowledgeBase kb = link(chains, statements, concepts);
        KbValidation.Counts read = new KbValidation.Counts(reader.count(CHAINS), reader.count(STATEMENTS),
                reader.count(CONCEPTS));
        return new Imported(KbValidation.check(kb).after(reader.unreadable, read), reader.located, reader.unlocated,
                reader.ignored);
    }

    private static Iterable<JsonNode> array(JsonNode root, String key, Path file) {
        JsonNode node = root.get(key);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new ProdaFileException(file + ": " + key + " must be an array");
        }
        return (ArrayNode) node;
    }

    /** Restores both directions of every link: chain ↔ statements, statement ↔ concepts. */
    static KnowledgeBase link(List<Chain> chains, List<Statement> statements, List<Concept> concepts) {
        Map<String, Set<String>> statementsOfChain = new HashMap<>();
        Map<String, Set<String>> conceptsOfStatement = new HashMap<>();
        for (Statement s : statements) {
            if (s.parent_chain_id() != null) {
                statementsOfChain.computeIfAbsent(s.parent_chain_id(), k -> new LinkedHashSet<>()).add(s.statement_id());
            }
            conceptsOfStatement.computeIfAbsent(s.statement_id(), k -> new LinkedHashSet<>()).addAll(s.concept_ids());
        }
        for (Concept c : concepts) {
            for (String statementId : c.parent_statement_ids()) {
                conceptsOfStatement.computeIfAbsent(statementId, k -> new LinkedHashSet<>()).add(c.concept_id());
            }
        }
        // Each side keeps its own order first, then gains what only the other side named.
        Map<String, Set<String>> statementsOfConcept = new HashMap<>();
        for (Concept c : concepts) {
            statementsOfConcept.computeIfAbsent(c.concept_id(), k -> new LinkedHashSet<>()).addAll(c.parent_statement_ids());
        }
        for (Statement s : statements) {
            for (String conceptId : conceptsOfStatement.get(s.statement_id())) {
                statementsOfConcept.computeIfAbsent(conceptId, k -> new LinkedHashSet<>()).add(s.statement_id());
            }
        }
        List<Chain> linkedChains = chains.stream().map(c -> {
            Set<String> ids = new LinkedHashSet<>(c.statement_ids());
            ids.addAll(statementsOfChain.getOrDefault(c.chain_id(), Set.of()));
            return new Chain(c.chain_id(), c.domain_context(), c.process_name(), c.narrative_summary(),
                    c.preconditions(), c.negative_constraints(), c.steps(), List.copyOf(ids), c.spans(), c.discipline(),
                    c.kind());
        }).toList();
        List<Statement> linkedStatements = statements.stream().map(s -> s.withConcepts(
                List.copyOf(conceptsOfStatement.getOrDefault(s.statement_id(), Set.of())))).toList();
        List<Concept> linkedConcepts = concepts.stream().map(c -> new Concept(c.concept_id(), c.term(), c.aliases(),
                c.type(), c.definition(), List.copyOf(statementsOfConcept.getOrDefault(c.concept_id(), Set.of())),
                c.discipline(), c.spans())).toList();
        return new KnowledgeBase(linkedChains, linkedStatements, linkedConcepts);
    }

    /** Reads one node at a time, leniently, counting what it could and could not ground. */
    private static final class Reader {
        private static final Set<String> CHAIN_FIELDS = Set.of("chain_id", "domain_context", "process_name",
                "narrative_summary", "preconditions", "negative_constraints", "steps", "statement_ids", "spans",
                "discipline", "kind");
        private static final Set<String> STATEMENT_FIELDS = Set.of("statement_id", "parent_chain_id", "subject",
                "predicate", "object", "source_quote", "spans", "concept_ids", "confidence");
        private static final Set<String> CONCEPT_FIELDS = Set.of("concept_id", "term", "aliases", "type",
                "definition", "parent_statement_ids", "discipline", "spans");

        private final Path file;
        private final List<Corpus.Document> corpus;
        private final Map<String, String> disciplines = new LinkedHashMap<>();
        final Set<String> ignored = new TreeSet<>();
        /** Nodes that could not be read, by their id or, without one, their place in the file. */
        final List<KbValidation.Problem> unreadable = new ArrayList<>();
        private final Map<String, Integer> counts = new HashMap<>();
        int located;
        int unlocated;

        Reader(Path file, List<Corpus.Document> corpus) {
            this.file = file;
            this.corpus = corpus;
            corpus.forEach(d -> disciplines.put(d.path(), d.discipline()));
        }

        /** A node that cannot be read: why, for the report. */
        private static final class Unreadable extends RuntimeException {
            Unreadable(String message) {
                super(message, null, false, false);
            }
        }

        int count(String layer) {
            return counts.getOrDefault(layer, 0);
        }

        /** Every node of one layer that can be read; the others are reported in {@link #unreadable}. */
        <T> List<T> all(Iterable<JsonNode> nodes, String layer, String kind,
                java.util.function.Function<JsonNode, T> read) {
            List<T> out = new ArrayList<>();
            int index = 0;
            for (JsonNode node : nodes) {
                noteIgnored(node, layer);
                counts.merge(layer, 1, Integer::sum);
                String where = text(node, kind + "_id", layer + "[" + index + "]");
                try {
                    out.add(read.apply(node));
                } catch (Unreadable | IllegalArgumentException | NullPointerException e) {
                    unreadable.add(new KbValidation.Problem(kind, where, "cannot be read: " + e.getMessage(),
                            KbValidation.Action.DROPPED));
                }
                index++;
            }
            return out;
        }

        Chain chain(JsonNode node) {
            List<String> steps = strings(node, "steps");
            String id = text(node, "chain_id", Records.id("ch-", String.join("\n", steps)));
            List<Span> spans = spans(node);
            if (spans.isEmpty()) {
                steps.stream().map(step -> find(step, QuoteLocator::locate)).flatMap(Optional::stream).forEach(spans::add);
            }
            String discipline = text(node, "discipline", spans.isEmpty() ? null : disciplines.get(spans.get(0).doc()));
            return new Chain(id, text(node, "domain_context", null), text(node, "process_name", id),
                    text(node, "narrative_summary", null), strings(node, "preconditions"),
                    strings(node, "negative_constraints"), steps, strings(node, "statement_ids"), spans, discipline,
                    text(node, "kind", null));
        }

        Statement statement(JsonNode node) {
            String subject = required(node, "subject");
            String predicate = required(node, "predicate");
            String object = required(node, "object");
            String quote = text(node, "source_quote", "");
            String id = text(node, "statement_id", Records.id("s-", subject, predicate, object));
            List<Span> spans = spans(node);
            if (spans.isEmpty()) {
                find(quote, QuoteLocator::locate).ifPresent(spans::add);
            }
            JsonNode confidence = node.get("confidence");
            return new Statement(id, text(node, "parent_chain_id", null), subject, predicate, object, quote, spans,
                    strings(node, "concept_ids"), confidence == null || confidence.isNull() ? null
                            : confidence.asDouble());
        }

        Concept concept(JsonNode node) {
            String term = required(node, "term");
            String id = text(node, "concept_id", Records.id("c-", Terms.key(term)));
            List<Span> spans = spans(node);
            if (spans.isEmpty()) {
                find(term, QuoteLocator::locateTerm).ifPresent(spans::add);
            }
            String discipline = text(node, "discipline", spans.isEmpty() ? null : disciplines.get(spans.get(0).doc()));
            return new Concept(id, term, strings(node, "aliases"), text(node, "type", null),
                    text(node, "definition", null), strings(node, "parent_statement_ids"), discipline, spans);
        }

        private Optional<Span> find(String quote, BiFunction<String, String, Optional<TextUnit>> locator) {
            for (Corpus.Document document : corpus) {
                Optional<TextUnit> unit = locator.apply(document.text(), quote);
                if (unit.isPresent()) {
                    located++;
                    return Optional.of(new Span(document.path(), unit.get().start(), unit.get().end()));
                }
            }
            unlocated++;
            return Optional.empty();
        }

        private List<Span> spans(JsonNode node) {
            JsonNode spans = node.get("spans");
            if (spans == null || spans.isNull()) {
                return new ArrayList<>();
            }
            try {
                return new ArrayList<>(List.of(Json.MAPPER.treeToValue(spans, Span[].class)));
            } catch (IOException | IllegalArgumentException e) {
                throw new Unreadable("bad spans " + spans + ": " + e.getMessage().lines().findFirst().orElse(""));
            }
        }

        private void noteIgnored(JsonNode node, String layer) {
            if (!node.isObject()) {
                throw new ProdaFileException(file + ": every entry of " + layer + " must be an object");
            }
            Set<String> known = switch (layer) {
                case CHAINS -> CHAIN_FIELDS;
                case STATEMENTS -> STATEMENT_FIELDS;
                default -> CONCEPT_FIELDS;
            };
            node.fieldNames().forEachRemaining(name -> {
                if (!known.contains(name)) {
                    ignored.add(layer + "." + name);
                }
            });
        }

        private static String required(JsonNode node, String field) {
            String value = text(node, field, null);
            if (value == null || value.isBlank()) {
                throw new Unreadable("no " + field);
            }
            return value;
        }

        private static String text(JsonNode node, String field, String fallback) {
            JsonNode value = node.get(field);
            return value == null || value.isNull() ? fallback : value.asText();
        }

        private static List<String> strings(JsonNode node, String field) {
            JsonNode value = node.get(field);
            List<String> strings = new ArrayList<>();
            if (value != null && value.isArray()) {
                value.forEach(v -> strings.add(v.asText()));
            } else if (value != null && !value.isNull()) {
                strings.add(value.asText());
            }
            return strings;
        }
    }
}
