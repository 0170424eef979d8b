package dev.proda.cli;

import dev.proda.project.Log;
import dev.proda.project.ProjectLayout;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Lay out a new project in DIR (proda.yaml, corpus/, general/, kb/, src/, tests/, target/).")
final class InitCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", description = "Project folder to create.")
    Path dir;

    @Option(names = "--corpus", paramLabel = "PATH",
            description = "Folder of documents (txt, md, tex, rst, html; sub-folders name disciplines). "
                    + "Default: the bundled textbook example.")
    Path corpus;

    @Option(names = "--general", paramLabel = "PATH",
            description = "Folder of general (non-domain) text, one passage per line. Default: the bundled "
                    + "WordNet glosses.")
    Path general;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        init(new ProjectLayout(dir), corpus, general, WriterOutputStream.log(spec));
        return 0;
    }

    static void init(ProjectLayout layout, Path corpus, Path general, Log log) {
        dev.proda.project.Init.create(layout, corpus != null ? corpus : BundledExample.corpus(),
                general != null ? general : BundledExample.general(), log);
    }
}
