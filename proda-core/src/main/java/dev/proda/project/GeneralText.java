package dev.proda.project;

import dev.proda.io.ProdaFileException;
import dev.proda.model.Records;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The general (non-domain) text of a project, one passage per line, under {@code general/}. A fixed,
 * content-hashed 2% of lines is held out: those lines become {@code general} regression items and are
 * never used to pretrain the base model.
 */
public record GeneralText(List<String> pretraining, List<String> heldOut) {
    private static final int HOLD_OUT_EVERY = 50;

    public GeneralText {
        pretraining = List.copyOf(pretraining);
        heldOut = List.copyOf(heldOut);
    }

    public static GeneralText read(Path folder, Log log) {
        if (!Files.isDirectory(folder)) {
            throw new ProdaFileException("no general text folder " + folder
                    + " (put plain-text files there, one passage per line)");
        }
        List<String> pretraining = new ArrayList<>();
        List<String> heldOut = new ArrayList<>();
        try (var files = Files.list(folder)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                byte[] bytes = Files.readAllBytes(file);
                var binary = Corpus.binary(bytes);
                if (binary.isPresent()) {
                    log.warn("skipping " + file + ": binary, not text (" + binary.get() + ")");
                    continue;
                }
                var decoded = Corpus.decodeLenient(bytes);
                if (decoded.invalidBytes() > 0) {
                    log.warn(file + ": " + decoded.invalidBytes() + " bytes that are not UTF-8 text read as U+FFFD");
                }
                String text = decoded.text();
                text.lines().map(String::strip).filter(line -> !line.isEmpty()).forEach(line ->
                        (isHeldOut(line) ? heldOut : pretraining).add(line));
            }
        } catch (IOException e) {
            throw new ProdaFileException("cannot read general text in " + folder + ": " + e.getMessage(), e);
        }
        if (pretraining.isEmpty()) {
            throw new ProdaFileException("general text folder " + folder + " has no text lines");
        }
        return new GeneralText(pretraining, heldOut);
    }

    static boolean isHeldOut(String line) {
        return Integer.parseInt(Records.id("", line).substring(0, 6), 16) % HOLD_OUT_EVERY == 0;
    }
}
