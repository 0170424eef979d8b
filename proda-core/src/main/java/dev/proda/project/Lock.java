package dev.proda.project;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.proda.io.AtomicFiles;
import dev.proda.io.Json;
import dev.proda.io.ProdaFileException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code proda.lock}: per stage, the content hashes of what it read and wrote, the code that ran it, its
 * seed and when it ran, so that every artefact says how it was made, and a stage whose inputs did not
 * change can be skipped ({@link #unchanged}). Paths are relative to the project root; a folder is hashed
 * file by file.
 *
 * <p>A stage writes its outputs between {@link #begin} and {@link #record}: meanwhile its entry is an
 * in-progress one (no {@code finished} time), so a run killed half-way leaves a lock that says so, and
 * {@link #requireComplete} refuses outputs that are not one finished set.
 *
 * @see Entry
 */
public final class Lock {
    /**
     * One stage's entry.
     *
     * @param finished when the stage finished; null while it runs (see {@link Lock#begin})
     * @param code SHA-256 of the proda code that ran the stage (the proda-core jar, or its class folder in a
     *     development build), so that a new build never reuses what an older one wrote
     * @param partial true when the stage finished with parts missing that another run may get (an LLM endpoint
     *     that failed after its retries): its outputs are one set and may be read, but it is never up to date
     */
    public record Entry(Map<String, String> inputs, Map<String, String> outputs, long seed, String finished,
            String code, Boolean partial) {
        public Entry(Map<String, String> inputs, Map<String, String> outputs, long seed, String finished,
                String code) {
            this(inputs, outputs, seed, finished, code, null);
        }
    }

    private Lock() {
    }

    /** The value of every output of an in-progress entry (never a hash). */
    static final String IN_PROGRESS = "in progress";

    /**
     * Marks {@code stage} as running, before it writes {@code outputs} (files or folders): its entry
     * becomes an in-progress one until {@link #record}, and any other unfinished run that wrote the same
     * outputs is forgotten (this run replaces them). Deletes the temp files a killed run left in the
     * outputs, beside proda.lock and in {@code target/reports}.
     */
    public static void begin(ProjectLayout layout, String stage, List<Path> outputs) {
        removeStaleTemps(layout, outputs);
        Map<String, String> marked = new TreeMap<>();
        outputs.forEach(output -> marked.put(relative(layout, output), IN_PROGRESS));
        Map<String, Entry> entries = read(layout);
        entries.values().removeIf(e -> e.finished() == null && e.outputs().keySet().stream().anyMatch(
                marked::containsKey));
        entries.put(stage, new Entry(Map.of(), marked, 0, null, CodeHash.VALUE));
        AtomicFiles.writeJson(layout.lock(), entries);
    }

    /** Deletes what a writer killed before its rename left: in the outputs, beside proda.lock, in target/reports. */
    private static void removeStaleTemps(ProjectLayout layout, List<Path> outputs) {
        outputs.forEach(AtomicFiles::removeStaleTemps);
        AtomicFiles.removeStaleTemps(layout.lock());
        if (Files.isDirectory(layout.reports())) {
            try (var files = Files.list(layout.reports())) {
                for (Path file : files.filter(AtomicFiles::isTemp).toList()) {
                    Files.deleteIfExists(file);
                }
            } catch (IOException e) {
                throw new ProdaFileException("cannot clean up " + layout.reports() + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * Fails with a one-line message when {@code output} (a file or folder {@link #begin} was given) was
     * written by a run that did not finish: what is there may be part old, part new.
     */
    public static void requireComplete(ProjectLayout layout, Path output) {
        String key = relative(layout, output);
        for (var entry : read(layout).entrySet()) {
            if (entry.getValue().finished() == null && entry.getValue().outputs().containsKey(key)) {
                throw new ProdaFileException(key + (Files.isDirectory(output) ? "/" : "") + " is from an interrupted "
                        + entry.getKey() + " (it did not finish, so its files may not belong together); run `proda "
                        + entry.getKey() + "` again");
            }
        }
    }

    private static String relative(ProjectLayout layout, Path path) {
        return layout.root().relativize(path.toAbsolutePath().normalize()).toString();
    }

    /** Records that {@code stage} read {@code inputs} and wrote {@code outputs} (files or folders). */
    public static void record(ProjectLayout layout, String stage, long seed, List<Path> inputs, List<Path> outputs) {
        record(layout, stage, seed, inputs, outputs, false);
    }

    /**
     * The same; {@code partial}: the stage finished with parts missing that another run may get, so its outputs
     * are one set but the next run does the stage again (asking only for what is missing, the rest cached).
     */
    public static void record(ProjectLayout layout, String stage, long seed, List<Path> inputs, List<Path> outputs,
            boolean partial) {
        Map<String, Entry> entries = read(layout);
        entries.put(stage, new Entry(hashes(layout, inputs), hashes(layout, outputs), seed, Instant.now().toString(),
                CodeHash.VALUE, partial ? Boolean.TRUE : null));
        AtomicFiles.writeJson(layout.lock(), entries);
    }

    /**
     * The entry of {@code stage} if running it again would redo the same work: it ran with this code, its
     * inputs hash as recorded, and its outputs are still there as it wrote them (none edited or deleted).
     */
    public static Optional<Entry> unchanged(ProjectLayout layout, String stage, List<Path> inputs,
            List<Path> outputs) {
        Entry entry = read(layout).get(stage);
        if (entry == null || entry.finished() == null || Boolean.TRUE.equals(entry.partial())
                || CodeHash.VALUE.equals(CodeHash.UNKNOWN)
                || !CodeHash.VALUE.equals(entry.code()) || entry.outputs().isEmpty()
                || !entry.inputs().equals(hashes(layout, inputs)) || !entry.outputs().equals(hashes(layout, outputs))) {
            return Optional.empty();
        }
        return Optional.of(entry);
    }

    /** SHA-256 (hex) of a file, or of a folder: its files' relative paths and contents, in sorted order. */
    public static String contentHash(Path path) {
        if (!Files.isDirectory(path)) {
            return sha256(path);
        }
        try (var walk = Files.walk(path)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path file : walk.filter(f -> Files.isRegularFile(f) && !AtomicFiles.isTemp(f)).sorted().toList()) {
                digest.update(path.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(sha256(file).getBytes(StandardCharsets.US_ASCII));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new ProdaFileException("cannot hash " + path + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Whether {@code stage} can be skipped: not {@code force}d and {@link #unchanged}. A skip is logged with
     * when the stage last ran. Called as a stage starts, it first deletes the temp files a killed run left
     * (a kill while proda.lock itself was being written leaves one even if the stage is then skipped).
     */
    public static boolean upToDate(ProjectLayout layout, String stage, List<Path> inputs, List<Path> outputs,
            boolean force, Log log) {
        removeStaleTemps(layout, outputs);
        if (force) {
            return false;
        }
        Entry last = read(layout).get(stage);
        if (last != null && last.finished() == null) {
            log.info(stage + ": the last run did not finish (proda.lock marks it in progress); running it again");
            return false;
        }
        var entry = unchanged(layout, stage, inputs, outputs);
        entry.ifPresent(e -> log.info(stage + ": up to date (inputs and outputs as recorded in proda.lock at "
                + e.finished() + "), skipped; --force runs it again"));
        return entry.isPresent();
    }

    /** The hash of the running proda-core code, computed once. */
    private static final class CodeHash {
        static final String UNKNOWN = "unknown";
        static final String VALUE = compute();

        private static String compute() {
            try {
                return contentHash(Path.of(Lock.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
            } catch (URISyntaxException | RuntimeException e) {
                return UNKNOWN; // then nothing is skipped
            }
        }
    }

    public static Map<String, Entry> read(ProjectLayout layout) {
        if (!Files.isRegularFile(layout.lock())) {
            return new TreeMap<>();
        }
        try {
            return new TreeMap<>(Json.MAPPER.readValue(layout.lock().toFile(), new TypeReference<Map<String, Entry>>() {
            }));
        } catch (IOException e) {
            throw new ProdaFileException(layout.lock() + ": not a valid lock file (" + e.getMessage()
                    .lines().findFirst().orElse("") + "); delete it to start afresh", e);
        }
    }

    private static Map<String, String> hashes(ProjectLayout layout, List<Path> paths) {
        Map<String, String> hashes = new TreeMap<>();
        for (Path path : paths) {
            List<Path> files = new ArrayList<>();
            if (Files.isDirectory(path)) {
                try (var walk = Files.walk(path)) {
                    // a writer's temp file is not (yet) an output: a concurrent or killed write does not count
                    walk.filter(f -> Files.isRegularFile(f) && !AtomicFiles.isTemp(f)).sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new ProdaFileException("cannot list " + path + ": " + e.getMessage(), e);
                }
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            }
            for (Path file : files) {
                hashes.put(relative(layout, file), sha256(file));
            }
        }
        return hashes;
    }

    static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new ProdaFileException("cannot hash " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
