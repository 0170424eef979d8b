package dev.proda.cli;

import dev.proda.project.Log;
import dev.proda.project.ProdaConfig;
import dev.proda.project.ProjectLayout;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** The options every project command shares: which project, and where output goes. */
final class ProjectOption {
    @Option(names = {"-C", "--project"}, paramLabel = "DIR", defaultValue = ".",
            description = "Project folder (default: the current folder).")
    Path project;

    @Option(names = {"-q", "--quiet"}, description = "Print warnings and errors only.")
    boolean quiet;

    @Option(names = "--json", description = "Messages and progress as JSON events on stderr, one per line "
            + "({\"event\":\"info\"|\"warning\"|\"progress\",…}); stdout keeps only the command's result.")
    boolean json;

    @Option(names = "--strict", description = "A stage whose output is empty (no statement, sample or item) is an "
            + "error (exit 1), not a warning.")
    boolean strict;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    ProjectLayout layout() {
        return new ProjectLayout(project);
    }

    ProdaConfig config() {
        return ProdaConfig.read(layout().config());
    }

    /**
     * The stage log: progress with rate and time left on a terminal, none when output is redirected, warnings only
     * under --quiet, JSON events under --json.
     */
    Log log() {
        Log log = new ConsoleLog(spec.commandLine().getOut(), spec.commandLine().getErr(),
                ConsoleLog.mode(quiet, json, ConsoleLog.terminal()), System::nanoTime);
        return strict ? Log.strict(log) : log;
    }
}
