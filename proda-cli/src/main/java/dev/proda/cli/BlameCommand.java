package dev.proda.cli;

import dev.proda.debug.Blame;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "blame", mixinStandardHelpOptions = true,
        description = "Print an item's trace like a stack trace: item → chain → statements → concepts, each "
                + "with its source span and text, plus the latest answer and diagnosis.")
final class BlameCommand implements Callable<Integer> {
    @Mixin
    ProjectOption project;

    @Parameters(paramLabel = "ITEM", description = "Item id (or a unique prefix).")
    String item;

    @Override
    public Integer call() {
        project.spec.commandLine().getOut().print(Blame.render(project.layout(), item));
        project.spec.commandLine().getOut().flush();
        return 0;
    }
}
