package dev.proda.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** Helpers shared by the records: null-safe immutable lists and stable content-hash ids. */
public final class Records {
    private Records() {
    }

    static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : List.copyOf(values);
    }

    /** A stable id: {@code prefix} + the first 12 hex digits of SHA-256 over the parts. */
    public static String id(String prefix, String... parts) {
        return id(prefix, java.util.Arrays.asList(parts));
    }

    /** {@link #id(String, String...)} over parts given one at a time (a corpus read from disk need not be held). */
    public static String id(String prefix, Iterable<String> parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                digest.update(part.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return prefix + HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
