package dev.proda.cli;

import dev.proda.io.ProdaFileException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: {@code proda <command> …}. */
@Command(name = "proda", mixinStandardHelpOptions = true, version = "proda 0.1.0",
        description = "Test-driven data engineering for language models: corpus → knowledge base → "
                + "training data and benchmark → model → failures traced to missing knowledge → patches.",
        subcommands = {InitCommand.class, ExtractCommand.class, BuildCommand.class, TestsCommand.class,
            CompileCommand.class, TestCommand.class, DebugCommand.class, RepairCommand.class, CycleCommand.class,
            BlameCommand.class, KbCommand.class, DemoCommand.class, BenchCommand.class, ServeCommand.class,
            ExportCommand.class, TrainCommand.class,
            CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:failure (bad input, missing files, a stage error)", "2:usage error",
            "3:test accuracy below --fail-under"})
public final class Proda {
    static final int BELOW_THRESHOLD = 3;

    public static void main(String[] args) {
        int code;
        try {
            code = commandLine().execute(args);
        } catch (OutOfMemoryError e) {
            // a stage's outputs are committed as one set, so nothing half-written is left: say what to change
            long heapMb = Runtime.getRuntime().maxMemory() / (1 << 20);
            System.err.println("proda: error: out of memory (Java heap of " + heapMb + " MB); give the stage more "
                    + "with PRODA_JAVA_OPTS=-Xmx4g (bench/README.md, \"Memory\")");
            code = 1;
        }
        System.exit(code);
    }

    /** The configured command line (also used by tests). */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Proda());
        helpOnly(cli.getSubcommands().values());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            err.println("proda: error: " + oneLine(e));
            if (e instanceof UsageError) {
                err.println("see 'proda " + commandLine.getCommandName() + " --help'");
                err.flush();
                return commandLine.getCommandSpec().exitCodeOnInvalidInput();
            }
            err.flush();
            if (!(e instanceof ProdaFileException) && !(e instanceof IllegalArgumentException)) {
                if (Boolean.getBoolean("proda.debug")) {
                    e.printStackTrace(err);
                }
            }
            return 1;
        });
        return cli;
    }

    /**
     * {@code -V/--version} belongs to {@code proda} alone: on a subcommand it printed nothing and exited 0, so
     * {@code proda test -V V2} silently did nothing. Subcommands keep {@code -h/--help}, and {@code -V} there is an
     * unknown option (exit 2).
     */
    private static void helpOnly(java.util.Collection<CommandLine> commands) {
        for (CommandLine sub : new java.util.LinkedHashSet<>(commands)) {
            CommandLine.Model.CommandSpec spec = sub.getCommandSpec();
            if (spec.mixinStandardHelpOptions()) {
                spec.mixinStandardHelpOptions(false);
                spec.addOption(CommandLine.Model.OptionSpec.builder("-h", "--help").usageHelp(true)
                        .description("Show this help message and exit.").build());
            }
            helpOnly(sub.getSubcommands().values());
        }
    }

    static String oneLine(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            message = e.getClass().getSimpleName();
        }
        return message.lines().findFirst().orElse(message);
    }
}
