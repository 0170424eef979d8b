package dev.proda.project;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where every stage reads and writes inside a project folder (the layout of docs/records.md). */
public record ProjectLayout(Path root) {
    public ProjectLayout {
        root = root.toAbsolutePath().normalize();
    }

    public Path config() { return root.resolve("proda.yaml"); }
    public Path lock() { return root.resolve("proda.lock"); }
    public Path corpus() { return root.resolve("corpus"); }
    public Path general() { return root.resolve("general"); }
    public Path kb() { return root.resolve("kb"); }
    public Path concepts() { return kb().resolve("concepts.jsonl"); }
    public Path statements() { return kb().resolve("statements.jsonl"); }
    public Path chains() { return kb().resolve("chains.jsonl"); }
    public Path buildSamples() { return root.resolve("src/build/samples.jsonl"); }
    public Path patchesDir() { return root.resolve("src/patches"); }
    public Path patchRound(int round) { return patchesDir().resolve("round-" + round); }
    public Path tests() { return root.resolve("tests"); }
    public Path split(String name) { return tests().resolve(name + ".jsonl"); }
    public Path target() { return root.resolve("target"); }
    public Path models() { return target().resolve("models"); }
    public Path model(String version) { return models().resolve(version); }
    public Path reports() { return target().resolve("reports"); }
    public Path results(String version) { return reports().resolve("results-" + version + ".jsonl"); }
    public Path failures(int round) { return reports().resolve("failures-round-" + round + ".jsonl"); }
    public Path cache() { return target().resolve("cache"); }
    public Path logs() { return target().resolve("logs"); }

    /** True when the folder looks like a proda project. */
    public boolean exists() {
        return Files.isRegularFile(config());
    }
}
