package dev.proda.extract;

import dev.proda.io.Jsonl;
import dev.proda.io.ProdaFileException;
import dev.proda.model.Chain;
import dev.proda.model.Concept;
import dev.proda.model.Statement;
import dev.proda.project.Lock;
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

    /**
     * {@code kb/} as one whole base: refused (one line naming the file and line) when the run that wrote it
     * did not finish, or when an id in it names no node ({@link KbReferences}).
     */
    public static KnowledgeBase read(ProjectLayout layout) {
        Lock.requireComplete(layout, layout.kb());
        KbReferences.Lines lines = readLines(layout);
        List<KbReferences.Dangling> dangling = KbReferences.find(lines);
        if (!dangling.isEmpty()) {
            throw new ProdaFileException(dangling.get(0) + (dangling.size() > 1 ? " (and " + (dangling.size() - 1)
                    + " more dangling ids)" : "") + "; kb/ is not one consistent base: run `proda extract` again "
                    + "(or `proda kb import`)");
        }
        return lines.kb();
    }

    /** {@code kb/} as it is on disk, dangling ids and all, for inspection ({@code proda kb stats}). */
    public static KbReferences.Lines readLines(ProjectLayout layout) {
        return new KbReferences.Lines(layout.chains(), Jsonl.readLines(layout.chains(), Chain.class),
                layout.statements(), Jsonl.readLines(layout.statements(), Statement.class),
                layout.concepts(), Jsonl.readLines(layout.concepts(), Concept.class));
    }

    /**
     * Writes the three files, one at a time: the caller brackets this with {@link Lock#begin} and
     * {@link Lock#record}, so that a set cut short is known as such.
     */
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
