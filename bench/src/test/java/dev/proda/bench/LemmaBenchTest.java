package dev.proda.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LemmaBenchTest {
    private static final WordNetGold GOLD = WordNetGold.bundled();

    @Test
    void morphyFindsEveryBaseForm() {
        assertEquals(Set.of("ax", "axe"), GOLD.baseForms("axes")); // ambiguous: not scored
        assertEquals(Set.of("larva"), GOLD.baseForms("larvae"));
        assertEquals(Set.of("tree"), GOLD.baseForms("trees"));
        assertEquals(Set.of(), GOLD.baseForms("xyzzys"));
    }

    @Test
    void scoresBothLemmatisersAndPrintsTheJsonLineLast() {
        StringWriter out = new StringWriter();
        LemmaBench.run(GOLD.first(200), new PrintWriter(out));
        List<String> lines = out.toString().lines().toList();
        Matcher m = Pattern.compile("\\{\"noun_tokens\":(\\d+),\"singular_accuracy\":([0-9.]+),"
                + "\"opennlp_lemmatizer_accuracy\":([0-9.]+)}").matcher(lines.get(lines.size() - 1));
        assertTrue(m.matches(), lines.get(lines.size() - 1));
        assertTrue(Integer.parseInt(m.group(1)) > 300, m.group(1));
        // Both are real lemmatisers: far above leaving every word as it is, which is right only for singulars.
        assertTrue(Double.parseDouble(m.group(2)) > 0.9 && Double.parseDouble(m.group(3)) > 0.9, out.toString());
    }
}
