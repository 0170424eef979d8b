package dev.proda.evaluate;

import java.util.Map;

/**
 * Scores of one model version: per split ({@code dev}, {@code test}, {@code general}) and, for the domain
 * splits, per discipline.
 */
public record VersionScores(String name, Score dev, Score test, Score general,
        Map<String, Map<String, Score>> disciplines) {
    public VersionScores {
        disciplines = Map.copyOf(disciplines);
    }
}
