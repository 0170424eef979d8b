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
 * <p>Half the trials kill after a delay drawn from the wall time of the faster of two uninterrupted runs (which
 * must write the same outputs); the other half wait until the stage starts writing its outputs, or, every other
 * time, its memo (a window of milliseconds a uniform delay rarely hits) and kill 0 to 14 ms later.
 *
 * <p>Byte-identical means byte-identical, with one documented exception: a model folder's {@code config.json}
 * records the wall-clock seconds of each training run ({@code training[*].seconds}, the DJL engine's
 * {@code TrainingProvenance.seconds}), which no two runs share. For those files alone the comparison is of the
 * JSON with that one field removed (every other byte of the model, its parameters included, must match), and
 * the lock entry must then hash the file as it is on disk. A compile's {@code memo} (the content-addressed
 * model cache) is not one of its outputs, but after the rerun it must hold exactly the uninterrupted run's
 * entries, with nothing staged half-way.
 */
final class KillHarness {
    /**
     * A stage: its name, its CLI arguments, its key in proda.lock, what it writes (paths relative to the
     * project), what else it leaves that must match after the rerun ({@code memo}: the model cache), how the
     * next stage reads its outputs (throwing {@link ProdaFileException} to refuse them), and the project state
     * it starts from.
     */
    record Stage(String name, List<String> args, String lockKey, List<String> outputs, List<String> memo,
            Consumer<ProjectLayout> read, Consumer<Path> prepare) {
        Stage {
            args = List.copyOf(args);
            outputs = List.copyOf(outputs);
            memo = List.copyOf(memo);
        }

        /** A stage before the student: run as {@code proda NAME}, locked and read under its name. */
        Stage(String name, List<String> outputs, Consumer<Path> prepare) {
            this(name, List.of(name), name, outputs, List.of(), layout -> {
                switch (name) {
                    case "extract" -> KnowledgeBase.read(layout);
                    case "build" -> Build.readSamples(layout);
                    case "tests" -> Tests.Benchmark.read(layout);
                    default -> throw new IllegalArgumentException(name);
                }
            }, prepare);
        }
    }

    /** The tiny student of the kill trials (FullLoopIT's): compile takes seconds, the wiring is under test. */
    static final String TINY = FullLoopIT.TINY;

    /** The stages in cycle order, as CLI arguments (without {@code -C}). */
    private static final List<List<String>> PIPELINE = List.of(List.of("extract"), List.of("build"), List.of("tests"),
            List.of("compile", "--model", "V0"), List.of("compile", "--model", "V1"), List.of("test", "--model", "V1"),
            List.of("debug", "--model", "V1"), List.of("repair", "--round", "1"));

    /** {@code compile --model V1}: the model, its learning curve; the cache must match after the rerun. */
    static Stage compile(int perDiscipline) {
        return new Stage("compile", List.of("compile", "--model", "V1"), "compile V1",
                List.of("target/models/V1", "target/reports/learning-curve-V1.json"), List.of("target/cache"),
                layout -> dev.proda.compile.Compile.requireModel(layout, "V1"),
                pipelineChangedSince(List.of("compile", "--model", "V1"), perDiscipline));
    }

    /** {@code test --model V1}: one results file. */
    static Stage test(int perDiscipline) {
        return new Stage("test", List.of("test", "--model", "V1"), "test V1",
                List.of("target/reports/results-V1.jsonl"), List.of(),
                layout -> readRecords(layout, layout.results("V1")),
                pipelineChangedSince(List.of("test", "--model", "V1"), perDiscipline));
    }

    /** {@code debug --model V1}: the failures of round 1 and their summary, read by repair. */
    static Stage debug(int perDiscipline) {
        return new Stage("debug", List.of("debug", "--model", "V1"), "debug round 1",
                List.of("target/reports/failures-round-1.jsonl", "target/reports/debug-round-1.json"), List.of(),
                layout -> readRecords(layout, layout.failures(1)),
                pipelineChangedSince(List.of("debug", "--model", "V1"), perDiscipline));
    }

    /** {@code repair --round 1}: the patches of round 1, read by compile V2. */
    static Stage repair(int perDiscipline) {
        return new Stage("repair", List.of("repair", "--round", "1"), "repair round 1", List.of("src/patches/round-1"),
                List.of(), layout -> dev.proda.repair.Repair.samplesUpTo(layout, 1),
                pipelineChangedSince(List.of("repair", "--round", "1"), perDiscipline));
    }

    /** Reads a JSONL output as its readers do: refused while proda.lock marks it in progress, then parsed. */
    private static void readRecords(ProjectLayout layout, Path file) {
        Lock.requireComplete(layout, file);
        dev.proda.io.Jsonl.read(file, com.fasterxml.jackson.databind.JsonNode.class);
    }

    /**
     * A project with the tiny student in which {@code stage} ran on half the corpus, then the other half
     * arrived and every stage before it ran again: its old outputs are there, and its new ones differ.
     */
    static Consumer<Path> pipelineChangedSince(List<String> stage, int perDiscipline) {
        return project -> {
            init(project, perDiscipline, true);
            try {
                Files.writeString(project.resolve("proda.yaml"), TINY);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            int at = PIPELINE.indexOf(stage);
            for (List<String> step : PIPELINE.subList(0, at + 1)) {
                cli(project, step);
            }
            addHeldBack(project);
            for (List<String> step : PIPELINE.subList(0, at)) {
                cli(project, step);
            }
        };
    }

    private static void cli(Path project, List<String> args) {
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of("-C", project.toString()));
        cli(all.toArray(String[]::new));
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
            addHeldBack(project);
            if (!stage.equals("extract")) {
                cli("extract", "-C", project.toString());
            }
        };
    }

    /** Adds the documents {@link #init} held back to the project's corpus. */
    private static void addHeldBack(Path project) {
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
        Map<String, String> before = snapshot(template, stage.outputs());

        // Two uninterrupted runs: they must agree (else no rerun could match), and the faster one times the kills
        // (a run slowed by other jobs on the machine would put most uniform kills after the stage exited).
        long referenceMillis = Long.MAX_VALUE;
        Path reference = null;
        Map<String, String> after = null;
        Map<String, String> memo = null;
        for (int run = 1; run <= 2; run++) {
            Path copy = copy(template, work.resolve(stage.name() + "-reference-" + run));
            long start = System.nanoTime();
            Child uninterrupted = Child.start(copy, stage.args(), work.resolve(stage.name() + "-reference-" + run
                    + ".log"));
            int exit = uninterrupted.process.waitFor();
            referenceMillis = Math.min(referenceMillis, (System.nanoTime() - start) / 1_000_000);
            if (exit != 0) {
                throw new IllegalStateException(stage.name() + " failed uninterrupted: " + uninterrupted.output());
            }
            if (reference == null) {
                reference = copy;
                after = snapshot(reference, stage.outputs());
                memo = snapshot(reference, stage.memo());
            } else if (!snapshot(copy, stage.outputs()).equals(after) || !snapshot(copy, stage.memo()).equals(memo)) {
                throw new IllegalStateException(stage.name() + " is not deterministic: two uninterrupted runs wrote "
                        + "different outputs");
            }
        }
        if (after.equals(before)) {
            throw new IllegalStateException(stage.name() + ": the uninterrupted run changed nothing, so a kill "
                    + "could not mix old and new");
        }
        Lock.Entry expected = Lock.read(new ProjectLayout(reference)).get(stage.lockKey());

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
            // Every other at-write trial watches the outputs alone: a compile first writes its cache entry, and a
            // kill timed from that would never land while it places the model.
            boolean outputsOnly = trial % 4 == 3;
            Map<String, String> untouched = listing(project, stage, outputsOnly);
            Child child = Child.start(project, stage.args(), work.resolve(stage.name() + "-trial-" + trial + ".log"));
            boolean exited = atWrite ? !waitForWriting(child.process, project, stage, outputsOnly, untouched)
                    : child.process.waitFor(delay, TimeUnit.MILLISECONDS);
            if (atWrite && !exited) {
                exited = child.process.waitFor(delay, TimeUnit.MILLISECONDS);
            }
            child.process.destroyForcibly(); // SIGKILL on Linux
            child.process.waitFor();
            List<String> problems = new ArrayList<>();
            Lock.Entry entry = Lock.read(layout).get(stage.lockKey());
            if (exited) {
                exitedFirst++;
            } else if (entry != null && entry.finished() == null) {
                whileWriting++;
            } else if (entry != null && sameRun(entry, expected, project)) {
                afterFinishing++;
            } else {
                beforeWriting++;
            }
            // Nothing mixed: the old set, the new set, or a set proda.lock marks unfinished (and readers refuse).
            Map<String, String> killed = snapshot(project, stage.outputs());
            if (refusedAsInterrupted(layout, stage)) {
                refused++;
            } else if (!killed.equals(before) && !killed.equals(after)) {
                problems.add("after the kill the outputs are neither the old nor the new set and not marked "
                        + "unfinished: " + killed.keySet());
            }
            Child rerun = Child.start(project, stage.args(), work.resolve(stage.name() + "-trial-" + trial
                    + "-rerun.log"));
            if (rerun.process.waitFor() != 0) {
                problems.add("the rerun failed: " + rerun.output().strip());
            }
            problems.addAll(check(project, stage, after, memo, expected));
            String at = atWrite ? "at write" + (outputsOnly && !stage.memo().isEmpty() ? " (outputs)" : "") + " +"
                    + delay + " ms" : "after " + delay + " ms";
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
    private static boolean waitForWriting(Process process, Path project, Stage stage, boolean outputsOnly,
            Map<String, String> start) throws InterruptedException {
        while (process.isAlive()) {
            if (!listing(project, stage, outputsOnly).equals(start)) {
                return true;
            }
            Thread.sleep(1);
        }
        return false;
    }

    /**
     * Size and modification time of every file under the stage's outputs and memo, temp files included, and of
     * the temp folders beside an output folder (".V1.tmp" beside target/models/V1).
     */
    private static Map<String, String> listing(Path project, Stage stage, boolean outputsOnly) {
        Map<String, String> files = new TreeMap<>();
        List<String> watched = new ArrayList<>(stage.outputs());
        if (!outputsOnly) {
            watched.addAll(stage.memo());
        }
        for (String output : watched) {
            Path path = project.resolve(output);
            Path dir = Files.isDirectory(path) ? path : path.getParent();
            try (var list = Files.list(path.getParent())) {
                String name = path.getFileName().toString();
                for (Path file : list.filter(f -> Files.isDirectory(path) && f.getFileName().toString()
                        .startsWith("." + name)).toList()) {
                    files.put(file.toString(), "temp folder");
                }
            } catch (IOException e) {
                // the parent does not exist yet
            }
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

    /**
     * Whether {@code entry} records the run {@code expected} records: the same inputs, seed, code and output
     * files, each with the same hash, or, for a file whose only difference may be a wall-clock field
     * ({@link #timed}), the hash of that file as it now is in {@code project} (its content is compared apart).
     */
    private static boolean sameRun(Lock.Entry entry, Lock.Entry expected, Path project) {
        if (entry.finished() == null || !entry.inputs().equals(expected.inputs()) || entry.seed() != expected.seed()
                || !entry.code().equals(expected.code())
                || !entry.outputs().keySet().equals(expected.outputs().keySet())) {
            return false;
        }
        for (var output : entry.outputs().entrySet()) {
            String file = output.getKey();
            if (!output.getValue().equals(expected.outputs().get(file)) && !(timed(file)
                    && Files.isRegularFile(project.resolve(file))
                    && output.getValue().equals(Lock.contentHash(project.resolve(file))))) {
                return false;
            }
        }
        return true;
    }

    /** Whether the stage's reader refuses its outputs as those of an unfinished run. */
    private static boolean refusedAsInterrupted(ProjectLayout layout, Stage stage) {
        try {
            stage.read().accept(layout);
            return false;
        } catch (ProdaFileException e) {
            if (e.getMessage().startsWith("missing file ") || e.getMessage().startsWith("no model ")) {
                return false; // killed before its first output: nothing to refuse
            }
            if (!e.getMessage().contains("is from an interrupted " + stage.lockKey())) {
                throw e;
            }
            return true;
        }
    }

    /** What must hold after the rerun. */
    private static List<String> check(Path project, Stage stage, Map<String, String> after, Map<String, String> memo,
            Lock.Entry expected) throws IOException {
        List<String> problems = new ArrayList<>();
        Map<String, String> outputs = snapshot(project, stage.outputs());
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
        Map<String, String> cached = snapshot(project, stage.memo());
        if (!cached.equals(memo)) {
            problems.add("the model cache differs from the uninterrupted run's: " + cached.keySet() + " vs "
                    + memo.keySet());
        }
        try (var files = Files.walk(project)) {
            List<Path> everything = files.toList();
            everything.stream().filter(KillHarness::temp)
                    .forEach(f -> problems.add("temp file left: " + project.relativize(f)));
            List<Path> all = everything.stream().filter(Files::isRegularFile).toList();
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
        Lock.Entry entry = Lock.read(new ProjectLayout(project)).get(stage.lockKey());
        if (entry == null || !sameRun(entry, expected, project)) {
            problems.add("the lock entry is not the uninterrupted run's: " + entry);
        }
        if (refusedAsInterrupted(new ProjectLayout(project), stage)) {
            problems.add("still refused as interrupted after the rerun");
        }
        return problems;
    }

    /**
     * A writer's leftover: a file or folder named like proda's temp files (".NAME.….tmp"), the model cache's
     * staging folders (".KEY.tmp") or the engine's (".NAME.tmp-UUID", ".NAME.old-UUID").
     */
    private static boolean temp(Path path) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString();
        return name.startsWith(".") && (name.endsWith(".tmp") || name.contains(".tmp-") || name.contains(".old-"));
    }

    /**
     * A model folder's config.json, whose training runs carry their wall-clock seconds (see the class comment);
     * nothing else is compared leniently.
     */
    private static boolean timed(String file) {
        return file.matches("target/(models/V\\d+|cache/[^/]+)/config\\.json");
    }

    /**
     * SHA-256 of every file under {@code paths} (outputs or memo), by path relative to the project; for a
     * {@link #timed} file, of its JSON without {@code training[*].seconds}.
     */
    private static Map<String, String> snapshot(Path project, List<String> paths) {
        Map<String, String> hashes = new TreeMap<>();
        for (String output : paths) {
            Path path = project.resolve(output);
            if (!Files.exists(path)) {
                continue;
            }
            try (var files = Files.walk(path)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    String relative = project.relativize(file).toString();
                    hashes.put(relative, timed(relative) ? untimedHash(file) : Lock.contentHash(file));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return hashes;
    }

    private static String untimedHash(Path config) throws IOException {
        var json = (com.fasterxml.jackson.databind.node.ObjectNode) Json.MAPPER.readTree(config.toFile());
        if (!json.has("training") || !json.get("training").isArray()) {
            throw new IllegalStateException(config + " has no training history to compare");
        }
        json.get("training").forEach(run -> ((com.fasterxml.jackson.databind.node.ObjectNode) run).remove("seconds"));
        return "untimed " + java.util.HexFormat.of().formatHex(sha256(json.toString()));
    }

    private static byte[] sha256(String text) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(
                    text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
        static Child start(Path project, List<String> args, Path log) throws IOException {
            String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "--enable-native-access=ALL-UNNAMED", "-Dai.djl.offline=true", "-Xmx1g", "-cp",
                    classpath, Proda.class.getName()));
            command.addAll(args);
            command.addAll(List.of("-C", project.toString()));
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
