package dev.proda.cli;

import dev.proda.TestCorpus;
import dev.proda.build.Build;
import dev.proda.extract.KnowledgeBase;
import dev.proda.io.AtomicFiles;
import dev.proda.io.Json;
import dev.proda.io.ProdaFileException;
import dev.proda.project.Lock;
import dev.proda.project.ProjectLayout;
import dev.proda.tester.Tests;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Kills a stage of the real CLI ({@link Proda} in a child JVM) with SIGKILL at a seeded random point, then
 * reruns it to completion and checks that nothing was lost and nothing mixed: right after the kill the
 * stage's outputs are either the old set, the new set, or marked unfinished in proda.lock (and refused);
 * after the rerun they are byte-identical to an uninterrupted run, no temp file is left anywhere in the
 * project, every JSONL line parses, and the lock entry is the uninterrupted run's.
 *
 * <p>Half the trials kill after a delay drawn from the uninterrupted run's wall time; the other half wait
 * until the stage starts writing its outputs (a window of milliseconds a uniform delay rarely hits) and
 * kill 0 to 14 ms later.
 */
final class KillHarness {
    /** A stage, the project state it starts from, and what it writes (paths relative to the project). */
    record Stage(String name, List<String> outputs, Consumer<Path> prepare) {
    }

    /** Where each kill landed, and what failed. */
    record Result(String stage, int trials, int passed, int beforeWriting, int whileWriting, int afterFinishing,
            int exitedFirst, int refusedAfterKill, long referenceMillis, List<String> failures) {
        @Override
        public String toString() {
            return String.format("%-8s %2d trials, %2d passed; killed before writing %2d, while writing %2d, after "
                    + "finishing %2d, exited before the kill %2d; refused as interrupted right after the kill %2d; "
                    + "uninterrupted run %d ms%s", stage, trials, passed, beforeWriting, whileWriting, afterFinishing,
                    exitedFirst, refusedAfterKill, referenceMillis, failures.isEmpty() ? "" : "; FAILURES: " + failures);
        }
    }

    private final Path work;
    private final Random random;
    private final PrintStream out;

    KillHarness(Path work, long seed, PrintStream out) {
        this.work = work;
        this.random = new Random(seed);
        this.out = out;
    }

    /**
     * A project of {@code perDiscipline} documents each of statistics and computing whose corpus changed
     * (every other document added) after {@code stage} last ran: extract, or extract then {@code stage}, ran
     * on the smaller corpus; for a later stage, extract ran again on the whole one. So the stage's old
     * outputs are there, and its new ones differ: the case that used to leave a new chains.jsonl beside old
     * statements and concepts.
     */
    static Consumer<Path> corpusChangedSince(String stage, int perDiscipline) {
        return project -> {
            init(project, perDiscipline, true);
            cli("extract", "-C", project.toString());
            if (!stage.equals("extract")) {
                cli(stage, "-C", project.toString());
            }
            Path held = project.resolveSibling(project.getFileName() + "-held");
            try (var files = Files.walk(held)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Path target = project.resolve("corpus").resolve(held.relativize(file).toString());
                    Files.createDirectories(target.getParent());
                    Files.copy(file, target);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (!stage.equals("extract")) {
                cli("extract", "-C", project.toString());
            }
        };
    }

    /** Inits {@code project}; with {@code holdBack}, every other document waits beside it, for a later change. */
    private static void init(Path project, int perDiscipline, boolean holdBack) {
        Path corpus = project.resolveSibling(project.getFileName() + "-corpus");
        TestCorpus.copy(corpus, List.of("statistics", "computing"), perDiscipline);
        Path general = TestCorpus.general(project.resolveSibling(project.getFileName() + "-general"), 3000);
        try (var files = Files.walk(corpus)) {
            List<Path> documents = files.filter(Files::isRegularFile).sorted().toList();
            for (int i = 1; holdBack && i < documents.size(); i += 2) {
                Path document = documents.get(i);
                Path target = project.resolveSibling(project.getFileName() + "-held")
                        .resolve(corpus.relativize(document).toString());
                Files.createDirectories(target.getParent());
                Files.move(document, target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        cli("init", project.toString(), "--corpus", corpus.toString(), "--general", general.toString());
    }

    /** The CLI in this JVM, for preparing projects; its output is captured. */
    private static void cli(String... args) {
        StringWriter err = new StringWriter();
        var cli = Proda.commandLine();
        cli.setOut(new PrintWriter(new StringWriter(), true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        if (exit != 0) {
            throw new IllegalStateException("proda " + String.join(" ", args) + " exited " + exit + ": " + err);
        }
    }

    /** Runs {@code trials} kill trials of {@code stage}. */
    Result run(Stage stage, int trials) throws Exception {
        Path template = work.resolve(stage.name() + "-template");
        stage.prepare().accept(template);
        Map<String, String> before = snapshot(template, stage);

        Path reference = copy(template, work.resolve(stage.name() + "-reference"));
        long start = System.nanoTime();
        Child uninterrupted = Child.start(reference, stage.name(), work.resolve(stage.name() + "-reference.log"));
        int exit = uninterrupted.process.waitFor();
        long referenceMillis = (System.nanoTime() - start) / 1_000_000;
        if (exit != 0) {
            throw new IllegalStateException(stage.name() + " failed uninterrupted: " + uninterrupted.output());
        }
        Map<String, String> after = snapshot(reference, stage);
        if (after.equals(before)) {
            throw new IllegalStateException(stage.name() + ": the uninterrupted run changed nothing, so a kill "
                    + "could not mix old and new");
        }
        Lock.Entry expected = Lock.read(new ProjectLayout(reference)).get(stage.name());

        int passed = 0;
        int beforeWriting = 0;
        int whileWriting = 0;
        int afterFinishing = 0;
        int exitedFirst = 0;
        int refused = 0;
        List<String> failures = new ArrayList<>();
        for (int trial = 0; trial < trials; trial++) {
            Path project = copy(template, work.resolve(stage.name() + "-trial-" + trial));
            ProjectLayout layout = new ProjectLayout(project);
            boolean atWrite = trial % 2 == 1;
            long delay = atWrite ? random.nextInt(15) : (long) (random.nextDouble() * referenceMillis);
            Map<String, String> untouched = listing(project, stage);
            Child child = Child.start(project, stage.name(), work.resolve(stage.name() + "-trial-" + trial + ".log"));
            boolean exited = atWrite ? !waitForWriting(child.process, project, stage, untouched)
                    : child.process.waitFor(delay, TimeUnit.MILLISECONDS);
            if (atWrite && !exited) {
                exited = child.process.waitFor(delay, TimeUnit.MILLISECONDS);
            }
            child.process.destroyForcibly(); // SIGKILL on Linux
            child.process.waitFor();
            List<String> problems = new ArrayList<>();
            Lock.Entry entry = Lock.read(layout).get(stage.name());
            if (exited) {
                exitedFirst++;
            } else if (entry != null && entry.finished() == null) {
                whileWriting++;
            } else if (entry != null && sameRun(entry, expected)) {
                afterFinishing++;
            } else {
                beforeWriting++;
            }
            // Nothing mixed: the old set, the new set, or a set proda.lock marks unfinished (and readers refuse).
            Map<String, String> killed = snapshot(project, stage);
            if (refusedAsInterrupted(layout, stage)) {
                refused++;
            } else if (!killed.equals(before) && !killed.equals(after)) {
                problems.add("after the kill the outputs are neither the old nor the new set and not marked "
                        + "unfinished: " + killed.keySet());
            }
            Child rerun = Child.start(project, stage.name(), work.resolve(stage.name() + "-trial-" + trial
                    + "-rerun.log"));
            if (rerun.process.waitFor() != 0) {
                problems.add("the rerun failed: " + rerun.output().strip());
            }
            problems.addAll(check(project, stage, after, expected));
            String at = atWrite ? "at write +" + delay + " ms" : "after " + delay + " ms";
            if (problems.isEmpty()) {
                passed++;
            } else {
                failures.add("trial " + trial + " (" + at + "): " + problems);
            }
            out.println("  " + stage.name() + " trial " + trial + " killed " + at + (exited ? " (had exited)" : "")
                    + ": " + (problems.isEmpty() ? "ok" : "FAILED " + problems));
            AtomicFiles.deleteTree(project); // a long run would fill the disk
        }
        Result result = new Result(stage.name(), trials, passed, beforeWriting, whileWriting, afterFinishing,
                exitedFirst, refused, referenceMillis, failures);
        out.println(result);
        return result;
    }

    /**
     * Waits until the child starts writing: an output file or a temp file among them appears or changes (seen
     * by size and modification time, not through proda.lock, so a stage that forgot to mark itself is caught
     * too). False if the child exited first.
     */
    private static boolean waitForWriting(Process process, Path project, Stage stage, Map<String, String> start)
            throws InterruptedException {
        while (process.isAlive()) {
            if (!listing(project, stage).equals(start)) {
                return true;
            }
            Thread.sleep(1);
        }
        return false;
    }

    /** Size and modification time of every file under the stage's outputs, temp files included. */
    private static Map<String, String> listing(Path project, Stage stage) {
        Map<String, String> files = new TreeMap<>();
        for (String output : stage.outputs()) {
            Path path = project.resolve(output);
            Path dir = Files.isDirectory(path) ? path : path.getParent();
            try (var list = Files.list(dir)) {
                for (Path file : list.toList()) {
                    try {
                        files.put(file.toString(), Files.size(file) + "@" + Files.getLastModifiedTime(file).toMillis());
                    } catch (IOException e) {
                        files.put(file.toString(), "gone"); // renamed away while we looked
                    }
                }
            } catch (IOException e) {
                // the folder does not exist yet
            }
        }
        return files;
    }

    private static boolean sameRun(Lock.Entry entry, Lock.Entry expected) {
        return entry.finished() != null && entry.inputs().equals(expected.inputs())
                && entry.outputs().equals(expected.outputs()) && entry.seed() == expected.seed()
                && entry.code().equals(expected.code());
    }

    /** Whether the stage's readers refuse its outputs as those of an unfinished run. */
    private static boolean refusedAsInterrupted(ProjectLayout layout, Stage stage) {
        try {
            switch (stage.name()) {
                case "extract" -> KnowledgeBase.read(layout);
                case "build" -> Build.readSamples(layout);
                case "tests" -> Tests.Benchmark.read(layout);
                default -> throw new IllegalArgumentException(stage.name());
            }
            return false;
        } catch (ProdaFileException e) {
            if (e.getMessage().startsWith("missing file ")) {
                return false; // killed before its first output: nothing to refuse
            }
            if (!e.getMessage().contains("is from an interrupted " + stage.name())) {
                throw e;
            }
            return true;
        }
    }

    /** What must hold after the rerun. */
    private static List<String> check(Path project, Stage stage, Map<String, String> after, Lock.Entry expected)
            throws IOException {
        List<String> problems = new ArrayList<>();
        Map<String, String> outputs = snapshot(project, stage);
        if (!outputs.equals(after)) {
            List<String> differ = new ArrayList<>();
            for (String file : new java.util.TreeSet<>(outputs.keySet())) {
                if (!outputs.get(file).equals(after.get(file))) {
                    differ.add(file);
                }
            }
            after.keySet().stream().filter(f -> !outputs.containsKey(f)).forEach(f -> differ.add(f + " (missing)"));
            problems.add("outputs differ from the uninterrupted run: " + differ);
        }
        try (var files = Files.walk(project)) {
            List<Path> all = files.filter(Files::isRegularFile).toList();
            all.stream().filter(f -> f.getFileName().toString().endsWith(".tmp"))
                    .forEach(f -> problems.add("temp file left: " + project.relativize(f)));
            for (Path file : all.stream().filter(f -> f.toString().endsWith(".jsonl")).toList()) {
                int number = 0;
                for (String line : Files.readAllLines(file)) {
                    number++;
                    try {
                        if (!line.isBlank()) {
                            Json.MAPPER.readTree(line);
                        }
                    } catch (IOException e) {
                        problems.add("torn line " + project.relativize(file) + ":" + number);
                    }
                }
            }
        }
        Lock.Entry entry = Lock.read(new ProjectLayout(project)).get(stage.name());
        if (entry == null || !sameRun(entry, expected)) {
            problems.add("the lock entry is not the uninterrupted run's: " + entry);
        }
        if (refusedAsInterrupted(new ProjectLayout(project), stage)) {
            problems.add("still refused as interrupted after the rerun");
        }
        return problems;
    }

    /** SHA-256 of every file of the stage's outputs, by path relative to the project. */
    private static Map<String, String> snapshot(Path project, Stage stage) {
        Map<String, String> hashes = new TreeMap<>();
        for (String output : stage.outputs()) {
            Path path = project.resolve(output);
            if (!Files.exists(path)) {
                continue;
            }
            try (var files = Files.walk(path)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    hashes.put(project.relativize(file).toString(), Lock.contentHash(file));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return hashes;
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
        return to;
    }

    /** A stage of the CLI in its own JVM, with the classpath of this one; its output goes to a log beside the project. */
    private record Child(Process process, Path logFile) {
        static Child start(Path project, String stage, Path log) throws IOException {
            String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "--enable-native-access=ALL-UNNAMED", "-Dai.djl.offline=true", "-Xmx1g", "-cp", classpath,
                    Proda.class.getName(), stage, "-C", project.toString());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("MKL_CBWR", "AUTO");
            builder.environment().put("MKL_DYNAMIC", "FALSE");
            return new Child(builder.start(), log);
        }

        String output() throws IOException {
            return Files.readString(logFile);
        }
    }
}
