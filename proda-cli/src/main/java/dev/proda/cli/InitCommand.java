package dev.proda.cli;

import dev.proda.project.Log;
import dev.proda.project.ProjectLayout;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Lay out a new project in DIR (proda.yaml, corpus/, general/, kb/, src/, tests/, target/).")
final class InitCommand implements Callable<Integer> {
    @Mixin
    ProjectOption project;

    @Parameters(paramLabel = "DIR", arity = "0..1", description = "Project folder to create (or give it with -C).")
    Path dir;

    @Option(names = "--corpus", paramLabel = "PATH",
            description = "Folder of documents (txt, md, tex, rst, html; sub-folders name disciplines). "
                    + "Default: the bundled textbook example.")
    Path corpus;

    @Option(names = "--general", paramLabel = "PATH",
            description = "Folder of general (non-domain) text, one passage per line. Default: the bundled "
                    + "WordNet glosses.")
    Path general;

    @Override
    public Integer call() {
        // -C DIR as every other command takes it; init never lays out the current folder unasked
        if (dir == null && project.project.equals(Path.of("."))) {
            throw new UsageError("give the new project folder: proda init DIR (or -C DIR)");
        }
        init(new ProjectLayout(CycleCommand.projectFolder(project, dir)), corpus, general, project.log());
        return 0;
    }

    static void init(ProjectLayout layout, Path corpus, Path general, Log log) {
        dev.proda.project.Init.create(layout, corpus != null ? corpus : BundledExample.corpus(),
                general != null ? general : BundledExample.general(), log);
    }
}
