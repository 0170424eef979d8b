package dev.proda.project;

import dev.proda.io.ProdaFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code proda init}: lays out a new project and copies its corpus and general text in. */
public final class Init {
    private Init() {
    }

    /**
     * Creates the project at {@code layout.root()}. Refuses to touch a folder that already holds a
     * project. The corpus is checked (at least one usable document) before anything is written.
     */
    public static void create(ProjectLayout layout, Path corpusSource, Path generalSource, Log log) {
        if (layout.exists()) {
            throw new ProdaFileException(layout.root() + " already holds a proda project (proda.yaml); "
                    + "nothing was changed");
        }
        if (Files.isRegularFile(layout.root())) {
            throw new ProdaFileException(layout.root() + " is a file, not a folder");
        }
        // checked file by file with its messages, but not held: the corpus may be larger than memory
        int documents = Corpus.onDisk(corpusSource, "domain", log).size();
        if (generalSource != null && !Files.isDirectory(generalSource)) {
            throw new ProdaFileException("general text folder " + generalSource + " does not exist");
        }
        try {
            for (Path dir : List.of(layout.kb(), layout.root().resolve("src/build"), layout.patchesDir(),
                    layout.tests(), layout.models(), layout.reports(), layout.cache(), layout.logs())) {
                Files.createDirectories(dir);
            }
            copyTree(corpusSource, layout.corpus());
            if (generalSource != null) {
                copyTree(generalSource, layout.general());
            } else {
                Files.createDirectories(layout.general());
            }
        } catch (IOException e) {
            throw new ProdaFileException("cannot lay out " + layout.root() + ": " + e.getMessage(), e);
        }
        ProdaConfig.defaults(layout.root().getFileName().toString()).write(layout.config());
        log.info("init: " + layout.root() + " with " + documents + " corpus documents");
    }

    /**
     * Copies the folder's files in. A link that leads outside the source, a special file (a FIFO would block
     * the copy) or a linked folder is not copied: {@link Corpus#read} already said why.
     */
    private static void copyTree(Path source, Path target) throws IOException {
        try (var files = Files.walk(source)) {
            for (Path file : files.sorted().toList()) {
                Path destination = target.resolve(source.relativize(file).toString());
                if (Files.isSymbolicLink(file) && Corpus.unsafe(source, file, "").isPresent()
                        || !Files.isDirectory(file) && !Files.isRegularFile(file)) {
                    continue;
                }
                if (Files.isDirectory(file)) {
                    Files.createDirectories(destination);
                } else if (!Files.exists(destination)) {
                    Files.copy(file, destination);
                }
            }
        }
    }
}
