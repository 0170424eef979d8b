package dev.proda.extract;

import dev.proda.io.Jsonl;
import dev.proda.model.Chain;
import dev.proda.model.Concept;
import dev.proda.model.Statement;
import dev.proda.project.ProjectLayout;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The three layers as read from (or written to) {@code kb/}, with lookups by id. */
public record KnowledgeBase(List<Chain> chains, List<Statement> statements, List<Concept> concepts) {
    public KnowledgeBase {
        chains = List.copyOf(chains);
        statements = List.copyOf(statements);
        concepts = List.copyOf(concepts);
    }

    public static KnowledgeBase read(ProjectLayout layout) {
        return new KnowledgeBase(Jsonl.read(layout.chains(), Chain.class),
                Jsonl.read(layout.statements(), Statement.class), Jsonl.read(layout.concepts(), Concept.class));
    }

    public void write(ProjectLayout layout) {
        Jsonl.write(layout.chains(), chains);
        Jsonl.write(layout.statements(), statements);
        Jsonl.write(layout.concepts(), concepts);
    }

    public Map<String, Chain> chainsById() {
        return chains.stream().collect(Collectors.toMap(Chain::chain_id, Function.identity()));
    }

    public Map<String, Statement> statementsById() {
        return statements.stream().collect(Collectors.toMap(Statement::statement_id, Function.identity()));
    }

    public Map<String, Concept> conceptsById() {
        return concepts.stream().collect(Collectors.toMap(Concept::concept_id, Function.identity()));
    }
}
