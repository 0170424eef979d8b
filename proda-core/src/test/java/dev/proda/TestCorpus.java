package dev.proda;

import dev.proda.project.ProjectLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Copies slices of the bundled example (real text, not written for the tests) into a test folder. */
public final class TestCorpus {
    public static final Path EXAMPLE = Path.of("..", "examples", "textbooks").toAbsolutePath().normalize();

    private TestCorpus() {
    }

    /** A project folder with four documents of each discipline and 3,000 lines of general text. */
    public static ProjectLayout project(Path dir, String... disciplines) {
        ProjectLayout layout = new ProjectLayout(dir);
        copy(layout.corpus(), List.of(disciplines), 4);
        general(layout.general(), 3000);
        return layout;
    }

    public static Path copy(Path into, List<String> disciplines, int filesPerDiscipline) {
        try {
            for (String discipline : disciplines) {
                Path source = EXAMPLE.resolve("corpus").resolve(discipline);
                try (var files = Files.list(source)) {
                    for (Path file : files.sorted().limit(filesPerDiscipline).toList()) {
                        Path target = into.resolve(discipline).resolve(file.getFileName().toString());
                        Files.createDirectories(target.getParent());
                        Files.copy(file, target);
                    }
                }
            }
            return into;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first {@code lines} lines of the bundled general text. */
    public static Path general(Path into, int lines) {
        try {
            Files.createDirectories(into);
            try (var all = Files.lines(EXAMPLE.resolve("general").resolve("wordnet-glosses.txt"))) {
                Files.write(into.resolve("general.txt"), all.limit(lines).toList());
            }
            return into;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
