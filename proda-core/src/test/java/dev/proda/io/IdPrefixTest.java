package dev.proda.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class IdPrefixTest {
    private static final List<String> IDS = List.of("i-8a1", "i-8b2", "i-8b27", "i-93c");

    @Test
    void anExactIdOrAPrefixOfOneIdIsFoundAndASharedPrefixIsRefused() {
        assertEquals("i-93c", IdPrefix.unique(IDS, Function.identity(), "i-9", "item", "tests/"));
        assertEquals("i-8b2", IdPrefix.unique(IDS, Function.identity(), "i-8b2", "item", "tests/"),
                "the exact id wins over the longer one it prefixes");
        String ambiguous = assertThrows(ProdaFileException.class,
                () -> IdPrefix.unique(IDS, Function.identity(), "i-8", "item", "tests/")).getMessage();
        assertTrue(ambiguous.contains("i-8 is ambiguous: 3 items start with it (i-8a1, i-8b2, i-8b27)"), ambiguous);
        assertTrue(assertThrows(ProdaFileException.class,
                () -> IdPrefix.unique(IDS, Function.identity(), "x", "item", "tests/")).getMessage()
                .contains("no item x in tests/"));
        assertThrows(ProdaFileException.class, () -> IdPrefix.unique(IDS, Function.identity(), "", "item", "tests/"));
    }
}
