package dev.proda.inspect;

import dev.proda.extract.KbReferences;
import dev.proda.extract.KnowledgeBase;
import dev.proda.io.ProdaFileException;
import dev.proda.model.Statement;
import dev.proda.project.Lock;
import dev.proda.project.ProjectLayout;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** {@code proda kb stats}: sizes, links and coverage of the three layers. */
public final class KbStats {
    private KbStats() {
    }

    /** {@code kb/} as it is on disk: its dangling ids are counted, not refused (that is for the stages). */
    public static String render(ProjectLayout layout) {
        KbReferences.Lines lines = KnowledgeBase.readLines(layout);
        String stats = render(lines.kb(), KbReferences.find(lines).size());
        try {
            Lock.requireComplete(layout, layout.kb());
            return stats;
        } catch (ProdaFileException e) {
            return stats + "\nwarning: " + e.getMessage() + "\n";
        }
    }

    /** The statistics, with the number of ids that name no node. */
    public static String render(KnowledgeBase kb, int dangling) {
        StringBuilder out = new StringBuilder();
        long links = kb.statements().stream().filter(s -> s.parent_chain_id() != null).count();
        out.append(String.format("L3 chains      %7d  (%.1f steps on average)%n", kb.chains().size(),
                kb.chains().stream().mapToInt(c -> c.steps().size()).average().orElse(0)));
        out.append(String.format("L2 statements  %7d  (%d link chain steps, %d stand-alone)%n",
                kb.statements().size(), links, kb.statements().size() - links));
        out.append(String.format("L1 concepts    %7d  (%d with a definition, %d with aliases)%n", kb.concepts().size(),
                kb.concepts().stream().filter(c -> c.definition() != null).count(),
                kb.concepts().stream().filter(c -> !c.aliases().isEmpty()).count()));
        out.append(String.format("linked: %.0f%% of statements name a concept; %.0f%% of nodes have spans%n",
                percent(kb.statements().stream().filter(s -> !s.concept_ids().isEmpty()).count(),
                        kb.statements().size()),
                percent(kb.chains().stream().filter(c -> !c.spans().isEmpty()).count()
                        + kb.statements().stream().filter(s -> !s.spans().isEmpty()).count()
                        + kb.concepts().stream().filter(c -> !c.spans().isEmpty()).count(),
                        kb.chains().size() + kb.statements().size() + kb.concepts().size())));
        out.append(String.format("dangling ids   %7d  (chain statement_ids, statement parent_chain_id and concept_ids, "
                + "concept parent_statement_ids that name no node)%n", dangling));
        out.append("\nstatements by predicate\n");
        table(out, count(kb.statements().stream().collect(Collectors.groupingBy(Statement::predicate,
                Collectors.counting()))));
        out.append("\nchains by discipline\n");
        table(out, count(kb.chains().stream().collect(Collectors.groupingBy(c -> name(c.discipline()),
                Collectors.counting()))));
        out.append("\nconcepts by discipline\n");
        table(out, count(kb.concepts().stream().collect(Collectors.groupingBy(c -> name(c.discipline()),
                Collectors.counting()))));
        return out.toString();
    }

    private static Map<String, Long> count(Map<String, Long> counts) {
        return new TreeMap<>(counts);
    }

    private static void table(StringBuilder out, Map<String, Long> counts) {
        counts.forEach((key, n) -> out.append(String.format("  %-20s %7d%n", key, n)));
    }

    private static String name(String discipline) {
        return discipline == null ? "(none)" : discipline;
    }

    private static double percent(long part, long whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }
}
