package dev.proda.io;

import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * Finds a record by its id or a prefix of it, as {@code git} finds a commit: an exact id wins, a prefix must
 * name exactly one record. A prefix that several share is refused with a few of them listed, never resolved
 * to whichever came first.
 */
public final class IdPrefix {
    private static final int SHOWN = 5;

    private IdPrefix() {
    }

    /**
     * @param what what the records are, for the message ("item", "node")
     * @param where where they were looked for ("tests/", "kb/")
     */
    public static <T> T unique(Collection<T> records, Function<T, String> id, String prefix, String what,
            String where) {
        if (prefix == null || prefix.isBlank()) {
            throw new ProdaFileException("give a " + what + " id (or the start of one)");
        }
        List<T> matches = records.stream().filter(r -> id.apply(r).startsWith(prefix)).toList();
        for (T match : matches) {
            if (id.apply(match).equals(prefix)) {
                return match;
            }
        }
        if (matches.isEmpty()) {
            throw new ProdaFileException("no " + what + " " + prefix + " in " + where);
        }
        if (matches.size() > 1) {
            List<String> shown = matches.stream().limit(SHOWN).map(id).toList();
            throw new ProdaFileException(prefix + " is ambiguous: " + matches.size() + " " + what + "s start with it ("
                    + String.join(", ", shown) + (matches.size() > SHOWN ? ", …" : "") + "); give more of the id");
        }
        return matches.get(0);
    }
}
