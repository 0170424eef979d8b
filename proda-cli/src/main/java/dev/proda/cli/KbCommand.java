package dev.proda.cli;

import dev.proda.extract.KnowledgeBase;
import dev.proda.inspect.KbStats;
import dev.proda.inspect.NodeView;
import dev.proda.interop.KnowledgeCore;
import dev.proda.io.ProdaFileException;
import dev.proda.project.Corpus;
import dev.proda.project.Lock;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "kb", mixinStandardHelpOptions = true,
        description = "Inspect the knowledge base, or exchange it with the reference implementation's "
                + "knowledge_core.json.",
        subcommands = {KbCommand.Stats.class, KbCommand.Show.class, KbCommand.Export.class, KbCommand.Import.class})
final class KbCommand {

    @Command(name = "stats", mixinStandardHelpOptions = true, description = "Sizes, links and coverage of kb/.")
    static final class Stats implements Callable<Integer> {
        @Mixin
        ProjectOption project;

        @Override
        public Integer call() {
            print(project, KbStats.render(project.layout()));
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "One node (chain, statement or concept): its fields, its spans with the surrounding "
                    + "text, and the nodes, samples and items that use it.")
    static final class Show implements Callable<Integer> {
        @Mixin
        ProjectOption project;

        @Parameters(paramLabel = "ID", description = "Node id or a unique prefix.")
        String id;

        @Override
        public Integer call() {
            print(project, NodeView.render(project.layout(), id));
            return 0;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write kb/ as knowledge_core.json (l3_chains, l2_statements, l1_concepts).")
    static final class Export implements Callable<Integer> {
        @Mixin
        ProjectOption project;

        @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Output file (default: "
                + "target/knowledge_core.json).")
        Path out;

        @Override
        public Integer call() {
            Path file = out != null ? out : project.layout().target().resolve("knowledge_core.json");
            KnowledgeCore.export(KnowledgeBase.read(project.layout()), file);
            project.log().info("kb export: " + file);
            return 0;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Read a knowledge_core.json into kb/, locating each quote in corpus/ to give it spans.",
                "Nodes that cannot be read or fail validation (chain shape, self-contained statements, ids that "
                        + "resolve) are left out and listed in target/reports/kb-validation.json."})
    static final class Import implements Callable<Integer> {
        @Mixin
        ProjectOption project;

        @Parameters(paramLabel = "FILE", description = "A knowledge_core.json.")
        Path file;

        @Option(names = "--force", description = "Replace an existing kb/.")
        boolean force;

        @Override
        public Integer call() {
            var layout = project.layout();
            var config = project.config();
            if (!force && Files.exists(layout.statements())) {
                throw new ProdaFileException(layout.kb() + " already holds a knowledge base; use --force to replace it");
            }
            var imported = KnowledgeCore.importFrom(file, Corpus.read(layout.corpus(), config.name(), project.log()));
            var log = project.log();
            imported.validation().report(layout, "import " + file.getFileName(), log);
            // Like extract, the three files are one set: proda.lock marks them in progress until all are written.
            Lock.begin(layout, "kb import", List.of(layout.kb()));
            imported.kb().write(layout);
            Lock.record(layout, "kb import", config.seed(), List.of(file), List.of(layout.kb()));
            log.info("kb import: " + imported.kb().chains().size() + " chains, " + imported.kb().statements().size()
                    + " statements, " + imported.kb().concepts().size() + " concepts; " + imported.located()
                    + " quotes located in the corpus, " + imported.unlocated() + " not found (those nodes have no spans)");
            if (!imported.ignoredFields().isEmpty()) {
                log.warn("kb import: ignored fields " + imported.ignoredFields());
            }
            return 0;
        }
    }

    private static void print(ProjectOption project, String text) {
        PrintWriter out = project.spec.commandLine().getOut();
        out.print(text);
        out.flush();
    }
}
