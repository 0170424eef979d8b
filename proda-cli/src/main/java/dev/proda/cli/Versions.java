package dev.proda.cli;

/** Model version names: V0 (base), V1 (Builder data), V2… (after each repair round). */
final class Versions {
    private Versions() {
    }

    static int number(String version) {
        if (version == null || !version.matches("V\\d{1,2}")) {
            throw new UsageError("--model must be a version like V0, V1, V2 …, not " + version);
        }
        return Integer.parseInt(version.substring(1));
    }
}
