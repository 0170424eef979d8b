package dev.proda.cli;

import dev.proda.io.ProdaFileException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The example shipped in the repository ({@code examples/textbooks}): found through the
 * {@code proda.home} system property that {@code bin/proda} sets, or next to the CLI jar.
 */
final class BundledExample {
    private BundledExample() {
    }

    static Path corpus() {
        return root().resolve("corpus");
    }

    static Path general() {
        return root().resolve("general");
    }

    static Path root() {
        String home = System.getProperty("proda.home");
        if (home != null) {
            return require(Path.of(home, "examples", "textbooks"));
        }
        try {
            Path jar = Path.of(BundledExample.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path dir = jar; dir != null; dir = dir.getParent()) {
                Path candidate = dir.resolve("examples").resolve("textbooks");
                if (Files.isDirectory(candidate)) {
                    return candidate;
                }
            }
        } catch (URISyntaxException | SecurityException e) {
            // fall through to the error below
        }
        throw new ProdaFileException("cannot find the bundled example (set -Dproda.home to the proda checkout)");
    }

    private static Path require(Path path) {
        if (!Files.isDirectory(path)) {
            throw new ProdaFileException("bundled example missing at " + path);
        }
        return path;
    }
}
