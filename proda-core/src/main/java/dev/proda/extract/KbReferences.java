package dev.proda.extract;

import dev.proda.io.Jsonl;
import dev.proda.model.Chain;
import dev.proda.model.Concept;
import dev.proda.model.Statement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The ids in {@code kb/} that name no node: a chain's {@code statement_ids}, a statement's
 * {@code parent_chain_id} and {@code concept_ids}, a concept's {@code parent_statement_ids}. A base an
 * extract or an import wrote has none (imports are validated, bad nodes dropped); one edited by hand, or
 * the three files of different runs, has them, and no stage should read it as if it were whole.
 */
public final class KbReferences {
    private KbReferences() {
    }

    /** One id that does not resolve, where it is. */
    public record Dangling(Path file, int line, String node, String field, String id) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + node + " " + field + " names " + id + ", which kb/ does not hold";
        }
    }

    /** The three files as read, each record with its line. */
    public record Lines(Path chainsFile, List<Jsonl.Line<Chain>> chains, Path statementsFile,
            List<Jsonl.Line<Statement>> statements, Path conceptsFile, List<Jsonl.Line<Concept>> concepts) {
        public KnowledgeBase kb() {
            return new KnowledgeBase(chains.stream().map(Jsonl.Line::record).toList(),
                    statements.stream().map(Jsonl.Line::record).toList(),
                    concepts.stream().map(Jsonl.Line::record).toList());
        }
    }

    /** Every dangling id, in file order (chains, statements, concepts). */
    public static List<Dangling> find(Lines kb) {
        Set<String> chainIds = new HashSet<>();
        kb.chains().forEach(l -> chainIds.add(l.record().chain_id()));
        Set<String> statementIds = new HashSet<>();
        kb.statements().forEach(l -> statementIds.add(l.record().statement_id()));
        Set<String> conceptIds = new HashSet<>();
        kb.concepts().forEach(l -> conceptIds.add(l.record().concept_id()));
        List<Dangling> dangling = new ArrayList<>();
        for (var line : kb.chains()) {
            Chain c = line.record();
            missing(c.statement_ids(), statementIds).forEach(id -> dangling.add(new Dangling(kb.chainsFile(),
                    line.number(), "chain " + c.chain_id(), "statement_ids", id)));
        }
        for (var line : kb.statements()) {
            Statement s = line.record();
            if (s.parent_chain_id() != null && !chainIds.contains(s.parent_chain_id())) {
                dangling.add(new Dangling(kb.statementsFile(), line.number(), "statement " + s.statement_id(),
                        "parent_chain_id", s.parent_chain_id()));
            }
            missing(s.concept_ids(), conceptIds).forEach(id -> dangling.add(new Dangling(kb.statementsFile(),
                    line.number(), "statement " + s.statement_id(), "concept_ids", id)));
        }
        for (var line : kb.concepts()) {
            Concept c = line.record();
            missing(c.parent_statement_ids(), statementIds).forEach(id -> dangling.add(new Dangling(kb.conceptsFile(),
                    line.number(), "concept " + c.concept_id(), "parent_statement_ids", id)));
        }
        return dangling;
    }

    private static List<String> missing(List<String> ids, Set<String> present) {
        return ids.stream().filter(id -> !present.contains(id)).toList();
    }
}
