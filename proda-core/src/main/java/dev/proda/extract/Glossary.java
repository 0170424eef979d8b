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
            "defined", "made", "created", "written", "stored", "like", "or", "and", ",", ".", ";", ":", "(", "-",
            "inside", "within", "between", "across", "over", "under", "at", "into", "about", "without", "per", "via",
            "able", "capable", "usually", "typically", "often", "always");

    private static final Set<String> RELATIVES = Set.of("that", "which", "who", "whose", "where", "whereby", "when",
            "whom");
    private static final Set<String> FINITE = Set.of("is", "are", "was", "were", "has", "have", "had", "does", "do",
            "did", "can", "will", "may", "must", "should", "would", "could", "might");
    /** A document is read as a glossary when this many of its headings open entries, and this share of them. */
    static final int MIN_ENTRIES = 3;
    static final double MIN_ENTRY_SHARE = 0.4;

    /** Genus nouns too vague even for a dictionary entry ("A way to …", "Something that …"). */
    private static final Set<String> EMPTY_GENERA = Set.of("way", "thing", "one", "lot", "kind", "sort", "bit",
            "piece", "something", "anything", "everything", "nothing", "part", "case", "example", "fact", "idea",
            "concept", "notion", "term");

    private static final Set<String> RELATIONAL_GENERA = Set.of("plural", "abbreviation", "synonym", "extension",
            "generalization", "variant", "version",
            "part", "member", "component", "logarithm", "inverse", "complement", "opposite", "counterpart", "subset",
            "superset", "wrapper", "state", "difference", "ratio", "sum", "product");
    private static final Set<String> COLLECTIVES = Set.of("series", "set", "collection", "group", "number", "amount",
            "pair", "list", "sequence", "family", "range", "array", "bunch", "couple");

    private Glossary() {
    }

    /**
     * The genus of a definition whose head is a single common noun ("value", "function", "tool", "process"):
     * too vague as the object of a sentence in running prose, but in a dictionary entry it is what the
     * entry says the term is.
     */
    private static String genus(String group) {
        String[] words = group.strip().split("\\s+");
        String last = words[words.length - 1];
        String noun = last.toLowerCase(Locale.ROOT);
        return last.matches("\\p{L}{3,}") && !EMPTY_GENERA.contains(dev.proda.text.Terms.singular(noun)) ? noun : null;
    }

    /**
     * Whether a heading line can be a glossary term (short, no sentence punctuation). A line in title case
     * ("Sandwich Robust Covariances", "Custom Header Rows") is a section title: glossaries write their terms
     * as the text does ("abstract base class", "CPython", "Monte Carlo").
     */
    static boolean termLine(String line) {
        String text = line.strip();
        return !text.isEmpty() && text.split("\\s+").length <= MAX_TERM_WORDS && TERM_LINE.matcher(text).matches()
                && ".!?:;".indexOf(text.charAt(text.length() - 1)) < 0
                && !text.toLowerCase(Locale.ROOT).startsWith("see ") && !TITLE_CASE.matcher(text).matches();
    }

    /** Three or more words, each capitalised and then lower case (small function words aside). */
    private static final String TITLE_WORD = "\\p{Lu}\\p{Ll}+(?:[-’']\\p{L}+)?";
    private static final Pattern TITLE_CASE = Pattern.compile(TITLE_WORD
            + "(?:\\s+(?:(?:and|or|of|the|a|an|for|with|in|on|to|by)\\s+)*" + TITLE_WORD + "){2,}");

    /** A section number before a heading: "1.4 accent", "3.1. The URI Path", "14. Self-Tests". */
    private static final Pattern SECTION_NUMBER = Pattern.compile("^(?:\\d+(?:\\.\\d+)+\\.?|\\d+\\.)\\s+(?=\\S)");
    /**
     * Labelled values between a term and its definition, on one line or one per line: "ES: acento, I: accento,
     * F: accent, …", "US: long, longa,".
     */
    private static final Pattern LABELLED_VALUES = Pattern.compile("^\\p{Lu}{1,3}: ");

    /** A heading without its section number, its offsets moved past the number. */
    static dev.proda.text.TextUnit withoutSectionNumber(dev.proda.text.TextUnit heading) {
        var number = SECTION_NUMBER.matcher(heading.text());
        return number.find() ? new dev.proda.text.TextUnit(heading.text().substring(number.end()),
                heading.start() + number.end(), heading.end()) : heading;
    }

    /** Whether a paragraph after a term line is labelled values (translations, codes), not the definition. */
    static boolean labelledValues(String paragraph) {
        return paragraph.length() < 600 && LABELLED_VALUES.matcher(paragraph.strip()).find();
    }

    /**
     * Whether a term names the document it heads ("accent" in accent.html, "alto clef" in alto-clef.html): a
     * dictionary with one entry per page, whose title line is the entry's term.
     */
    static boolean namesDocument(String term, String path) {
        String name = path.substring(path.lastIndexOf('/') + 1).replaceFirst("\\.[^.]+$", "").replaceAll("[-_]+", " ");
        String key = dev.proda.text.Terms.key(term.strip());
        return !key.isEmpty() && key.equals(dev.proda.text.Terms.key(name));
    }

    /** The claim of a definition sentence following a term line, if it is written as a noun phrase. */
    static Optional<Claims.Claim> definition(String term, Tagger.Tagged t) {
        return shape(t).flatMap(head -> claim(term, t, head));
    }

    /**
     * The genus noun group of a sentence written as a noun-phrase definition ("A label associated with …"),
     * or empty for an ordinary sentence. A document is read as a glossary by how many of its entries have
     * this shape, whatever the genus turns out to be.
     */
    static Optional<RelationPatterns.Head> shape(Tagger.Tagged t) {
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
        int after = t.tokenAt(head.end());
        // "Music Glossary: note value, triplet.": a capitalised label before a colon introduces references
        if (after < t.size() && t.tokens().get(after).equals(":") && head.group().contains(" ")
                && java.util.Arrays.stream(head.group().split("\\s+"))
                        .allMatch(w -> Character.isUpperCase(w.charAt(0)))) {
            return Optional.empty();
        }
        // "A label associated with …" is a definition; "Abstract base classes complement duck-typing …" is a
        // sentence about the term (its own patterns read it).
        if (after < t.size() && !FRAGMENT_CONTINUATIONS.contains(t.lower(after))
                && !(t.is(after, "VERB") && (t.lower(after).endsWith("ed") || t.lower(after).endsWith("ing")))) {
            return Optional.empty();
        }
        // A finite verb before any relative word makes it a sentence: "The mechanism for X is embedded …".
        for (int i = after; i < t.size() && !RELATIVES.contains(t.lower(i)); i++) {
            boolean infinitive = i > 0 && t.lower(i - 1).equals("to"); // "intended to be modified"
            if (!infinitive && (FINITE.contains(t.lower(i)) || t.is(i, "AUX") || t.is(i, "VERB")
                    && t.lower(i).endsWith("s") && !t.lower(i).endsWith("ss"))) {
                return Optional.empty();
            }
        }
        return Optional.of(head);
    }

    private static Optional<Claims.Claim> claim(String term, Tagger.Tagged t, RelationPatterns.Head head) {
        int after = t.tokenAt(head.end());
        // "Two or more tones sounding simultaneously": a count of things defines, it names no class of them
        if (t.is(0, "NUM") && !t.lower(0).equals("one")
                || Set.of("two", "three", "four", "several", "many").contains(t.lower(0))) {
            return definitionOnly(term, t);
        }
        // "A series of statements …", "A set of files …": a collective says how many, the class is after "of".
        if (after < t.size() && t.lower(after).equals("of") && COLLECTIVES.contains(dev.proda.text.Terms.singular(
                head.noun().toLowerCase(Locale.ROOT)))) {
            return definitionOnly(term, t);
        }
        // "A function, class or an object which …": a genus offered among alternatives is none of them.
        for (int i = after; i < t.size() && i <= after + 6 && !RELATIVES.contains(t.lower(i)); i++) {
            if (t.lower(i).equals("or") && (i == after || t.tokens().get(after).equals(","))) {
                return definitionOnly(term, t);
            }
        }
        // "The natural logarithm of …", "An extension of …": a genus that needs its "of" relates, it does not class.
        if (after < t.size() && (t.lower(after).equals("of") || t.lower(after).equals("between"))
                && RELATIONAL_GENERA.contains(dev.proda.text.Terms.singular(head.noun().toLowerCase(Locale.ROOT)))) {
            return definitionOnly(term, t);
        }
        String object = Claims.term(head.group());
        if (object == null) {
            object = genus(head.group()); // "A value passed to a function …": in an entry the bare genus is the class
        }
        String subject = Claims.term(term.strip());
        if (subject == null && term.strip().matches("[\\p{L}_][\\p{L}\\p{N}_.-]*")) {
            subject = term.strip(); // "list", "__slots__": an entry's own term is a term, however common the word
        }
        if (object == null || subject == null) {
            return Optional.empty();
        }
        String objectKey = dev.proda.text.Terms.key(object);
        String subjectKey = dev.proda.text.Terms.key(subject);
        // "Abstract base classes complement duck-typing …" restates the term: a sentence about it, no genus.
        if (objectKey.equals(subjectKey) || objectKey.startsWith(subjectKey + " ")) {
            return Optional.empty();
        }
        // "1d array" / "One-dimensional array.": a bare noun phrase on the same head is a synonym, not a genus.
        String subjectHead = subjectKey.substring(subjectKey.lastIndexOf(' ') + 1);
        if (after >= t.size() - 1 && objectKey.substring(objectKey.lastIndexOf(' ') + 1).equals(subjectHead)) {
            return Optional.empty();
        }
        // "BDFL" / "Benevolent Dictator For Life": an acronym's expansion is its name, not its class.
        if (subject.matches("[A-Z][A-Z0-9]+") && java.util.Arrays.stream(object.split(" "))
                .allMatch(w -> Character.isUpperCase(w.charAt(0)))) {
            return Optional.empty();
        }
        // "Multivariate" / "Statistical functions for multivariate samples.": a singular heading over a plural
        // genus titles a section of many things; an entry's genus agrees with its term
        String objectHead = objectKey.substring(objectKey.lastIndexOf(' ') + 1);
        String objectLast = object.substring(object.lastIndexOf(' ') + 1).toLowerCase(Locale.ROOT);
        String subjectLast = subject.substring(subject.lastIndexOf(' ') + 1).toLowerCase(Locale.ROOT);
        if (!objectHead.equals(objectLast) && dev.proda.text.Terms.singular(subjectLast).equals(subjectLast)
                && !t.lower(0).equals("one")) { // ("One of the default meta path finders …" is one of them)
            return definitionOnly(term, t);
        }
        String definition = t.text().strip().replaceAll("[.]+$", "");
        return Optional.of(new Claims.Claim(subject, null, "is-a", object, definition, -1, -1,
                head.end() - object.length(), head.end(), false));
    }

    /**
     * "function: A series of statements which returns some value …": an entry whose genus classes nothing
     * still defines its term. The claim carries no object, so it only gives a definition to a concept that
     * has statements of its own.
     */
    private static Optional<Claims.Claim> definitionOnly(String term, Tagger.Tagged t) {
        String subject = Claims.term(term.strip());
        if (subject == null && term.strip().matches("[\\p{L}_][\\p{L}\\p{N}_.-]*")) {
            subject = term.strip();
        }
        return subject == null ? Optional.empty() : Optional.of(new Claims.Claim(subject, null, "defined-as", null,
                t.text().strip().replaceAll("[.]+$", ""), -1, -1, 0, 0, false));
    }
}
