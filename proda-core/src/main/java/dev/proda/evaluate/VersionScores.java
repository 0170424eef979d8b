package dev.proda.evaluate;

import java.util.Map;

/**
 * Scores of one model version: per split ({@code dev}, {@code test}, {@code general}) and, for the domain
 * splits, per discipline; and the bits per token the version needs for the held-out general text (null when
 * not measured), which shows what fine-tuning costs the general language model beside the items.
 */
public record VersionScores(String name, Score dev, Score test, Score general,
        Map<String, Map<String, Score>> disciplines, Double generalBitsPerToken) {
    public VersionScores {
        disciplines = Map.copyOf(disciplines);
    }

    VersionScores withGeneralBitsPerToken(double bits) {
        return new VersionScores(name, dev, test, general, disciplines, bits);
    }
}
