package dev.proda.extract;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Glossary and dictionary layouts: a term standing alone (a short line without final punctuation)
 * followed by a paragraph whose first sentence is its definition written as a noun phrase — "annotation"
 * / "A label associated with a variable, … used by convention as a type hint." The definition's head
 * noun group is the term's genus ({@code annotation is-a label}); the sentence is its definition. A
 * heading followed by an ordinary sentence ("Decision Trees" / "DecisionTreeClassifier is a class …")
 * is a section title, not an entry.
 */
final class Glossary {
    private static final int MAX_TERM_WORDS = 6;
    private static final Pattern TERM_LINE = Pattern.compile("[\\p{L}\\p{N}_][\\p{L}\\p{N} _.\\-'’()/]*");
    /** What may follow the defining noun group in a noun-phrase definition. */
    private static final Set<String> FRAGMENT_CONTINUATIONS = Set.of("that", "which", "who", "whose", "where",
            "in", "of", "for", "with", "to", "from", "on", "by", "used", "as", "whereby", "when", "containing",
            "having", "consisting", "representing", "describing", "providing", "returned", "passed", "associated",
            "defined", "made", "created", "written", "stored", "like", "or", "and", ",", ".", ";", ":", "(", "-");

    private static final Set<String> RELATIVES = Set.of("that", "which", "who", "whose", "where", "whereby", "when",
            "whom");
    private static final Set<String> FINITE = Set.of("is", "are", "was", "were", "has", "have", "had", "does", "do",
            "did", "can", "will", "may", "must", "should", "would", "could", "might");
    /** A document is read as a glossary when this many of its headings open entries, and this share of them. */
    static final int MIN_ENTRIES = 3;
    static final double MIN_ENTRY_SHARE = 0.4;

    private Glossary() {
    }

    /** Whether a heading line can be a glossary term (short, no sentence punctuation). */
    static boolean termLine(String line) {
        String text = line.strip();
        return !text.isEmpty() && text.split("\\s+").length <= MAX_TERM_WORDS && TERM_LINE.matcher(text).matches()
                && ".!?:;".indexOf(text.charAt(text.length() - 1)) < 0
                && !text.toLowerCase(Locale.ROOT).startsWith("see ");
    }

    /** The claim of a definition sentence following a term line, if it is written as a noun phrase. */
    static Optional<Claims.Claim> definition(String term, Tagger.Tagged t) {
        if (t.size() < 3 || !Character.isUpperCase(t.tokens().get(0).charAt(0))) {
            return Optional.empty();
        }
        String first = t.lower(0);
        if (!(first.equals("a") || first.equals("an") || first.equals("the") || first.equals("one") || first.equals("any")
                || t.is(0, "ADJ") || t.is(0, "NOUN") || t.is(0, "PROPN") || t.is(0, "NUM"))) {
            return Optional.empty();
        }
        RelationPatterns.Head head = RelationPatterns.head(t, 0, t.text().length(), 0);
        if (head == null) {
            return Optional.empty();
        }
        int after = 0;
        while (after < t.size() && t.starts()[after] < head.end()) {
            after++;
        }
        // "A label associated with …" is a definition; "Abstract base classes complement duck-typing …" is a
        // sentence about the term (its own patterns read it).
        if (after < t.size() && !FRAGMENT_CONTINUATIONS.contains(t.lower(after))
                && !(t.is(after, "VERB") && (t.lower(after).endsWith("ed") || t.lower(after).endsWith("ing")))) {
            return Optional.empty();
        }
        // A finite verb before any relative word makes it a sentence: "The mechanism for X is embedded …".
        for (int i = after; i < t.size() && !RELATIVES.contains(t.lower(i)); i++) {
            if (FINITE.contains(t.lower(i)) || t.is(i, "AUX") || t.is(i, "VERB") && t.lower(i).endsWith("s")
                    && !t.lower(i).endsWith("ss")) {
                return Optional.empty();
            }
        }
        String object = Claims.term(head.group());
        String subject = Claims.term(term.strip());
        if (object == null || subject == null || dev.proda.text.Terms.key(object).equals(dev.proda.text.Terms.key(subject))) {
            return Optional.empty();
        }
        String definition = t.text().strip().replaceAll("[.]+$", "");
        return Optional.of(new Claims.Claim(subject, null, "is-a", object, definition, -1, -1,
                head.end() - object.length(), head.end(), false));
    }
}
