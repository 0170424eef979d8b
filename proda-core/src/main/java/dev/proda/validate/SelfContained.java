package dev.proda.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a statement's subject (or a concept's term, or a procedure's step) can be read on its own.
 * A claim whose subject is "It", "This solver", "However the model" or "of the data" means nothing
 * outside its sentence's neighbours, so it is not knowledge a sample or an item may state.
 *
 * <p>The rules, in order, each with its word list below (all compared in lower case):
 * <ol>
 *   <li>no letters at all, unbalanced brackets or quotes, or markup characters ({@link #MARKUP}): a fragment;
 *   <li>the first word is a pronoun ({@link #PRONOUNS}; an all-capitals acronym such as "IT" is not);
 *   <li>the first word is a possessive determiner ({@link #POSSESSIVES}: "its parameters");
 *   <li>the first word is a demonstrative ({@link #DEMONSTRATIVES}: "this solver", "such models");
 *   <li>an article followed by a word that points back ({@link #BACK_REFERENCES}: "the former", "the same");
 *   <li>a quantifier standing for a noun ({@link #QUANTIFIERS}: "both", "each of them");
 *   <li>the first word is a connective ({@link #CONNECTIVES}: "however", "then", "because");
 *   <li>the first word is a preposition or an auxiliary verb ({@link #FRAGMENT_STARTS}: "of the data");
 *   <li>the last word is an article, preposition, conjunction or determiner ({@link #FRAGMENT_ENDS}: "the
 *       size of");
 *   <li>more than {@value #MAX_TERM_WORDS} words, or several words ending in '.', '!' or '?': a clause or
 *       a sentence, not a term.
 * </ol>
 * Procedure steps are whole sentences: {@link #stepProblem} first removes a leading sequence marker
 * ({@link #SEQUENCE_MARKERS}: "First,", "Then", "Step 2:") and applies rules 1 to 7 only.
 */
public final class SelfContained {
    /** Personal, reflexive, relative, interrogative and indefinite pronouns. */
    public static final Set<String> PRONOUNS = Set.of("i", "me", "you", "he", "him", "she", "her", "it", "we",
            "us", "they", "them", "myself", "yourself", "yourselves", "himself", "herself", "itself", "ourselves",
            "themselves", "mine", "yours", "hers", "ours", "theirs", "one", "ones", "someone", "something",
            "somebody", "anyone", "anything", "anybody", "everyone", "everything", "everybody", "nobody",
            "nothing", "who", "whom", "whose", "which", "what", "whatever", "whichever", "whoever");
    /** Possessive determiners: the noun they qualify belongs to something named elsewhere. */
    public static final Set<String> POSSESSIVES = Set.of("its", "their", "his", "our", "your", "my");
    /** Demonstratives and pointing adverbs. */
    public static final Set<String> DEMONSTRATIVES = Set.of("this", "that", "these", "those", "such", "here",
            "there", "thereof", "said");
    /** Words that, after "the", refer to something already mentioned. */
    public static final Set<String> BACK_REFERENCES = Set.of("former", "latter", "same", "above", "aforementioned",
            "preceding", "previous", "other", "others", "rest", "remainder");
    /** Quantifiers that stand for a noun when alone or followed by "of". */
    public static final Set<String> QUANTIFIERS = Set.of("both", "each", "either", "neither", "another", "all",
            "none", "some", "many", "most", "few", "several", "other", "others", "any");
    /** Discourse connectives and subordinators: a subject opening with one is cut from a larger sentence. */
    public static final Set<String> CONNECTIVES = Set.of("however", "therefore", "thus", "hence", "moreover",
            "furthermore", "also", "so", "but", "and", "or", "nor", "yet", "because", "since", "although", "though",
            "while", "whereas", "instead", "otherwise", "consequently", "additionally", "accordingly", "meanwhile",
            "nevertheless", "nonetheless", "likewise", "similarly", "indeed", "besides", "then", "finally",
            "firstly", "secondly", "next", "lastly", "afterwards", "alternatively", "conversely", "namely",
            "notably", "overall", "thereby", "therein", "if", "when", "whenever", "where", "wherever", "unless",
            "until", "as", "once", "whether", "compared", "unlike", "like");
    /** Prepositions and auxiliary verbs: no noun group starts with one. */
    public static final Set<String> FRAGMENT_STARTS = Set.of("of", "in", "on", "at", "by", "for", "with", "from",
            "to", "into", "onto", "about", "than", "via", "over", "under", "between", "through", "during",
            "without", "within", "upon", "among", "against", "towards", "toward", "is", "are", "was", "were", "be",
            "been", "being", "has", "have", "had", "do", "does", "did", "can", "could", "may", "might", "will",
            "would", "should", "shall", "must", "not");
    /** Words a complete noun group does not end with. */
    public static final Set<String> FRAGMENT_ENDS = Set.of("the", "a", "an", "of", "in", "on", "at", "by", "for",
            "with", "from", "to", "into", "about", "than", "via", "and", "or", "but", "nor", "as", "that", "which",
            "who", "whose", "is", "are", "was", "were", "be", "its", "their", "this", "these", "those", "such",
            "very", "more", "most", "less");
    /** Markers of order that may open a procedure step: they are the procedure's, not an anaphor. */
    public static final Set<String> SEQUENCE_MARKERS = Set.of("first", "firstly", "second", "secondly", "third",
            "thirdly", "then", "next", "finally", "lastly", "afterwards", "subsequently", "now");
    /** Characters of markup or code, which a term of prose does not hold. */
    public static final String MARKUP = "\\{}<>=`$|";
    /** Longest term accepted, in words. */
    public static final int MAX_TERM_WORDS = 12;

    private static final Pattern STEP_PREFIX = Pattern.compile(
            "^\\s*(?:(?:step\\s*)?\\d+\\s*[.):]|step\\s*\\d*\\s*:|[-*•]|after\\s+that\\s*,?)\\s*",
            Pattern.CASE_INSENSITIVE);

    private SelfContained() {
    }

    /** True when {@code subject} can be read on its own (no rule above applies). */
    public static boolean isSelfContained(String subject) {
        return subjectProblem(subject).isEmpty();
    }

    /** Why {@code subject} cannot stand on its own, or empty when it can. */
    public static Optional<String> subjectProblem(String subject) {
        List<Word> words = words(subject);
        Optional<String> opening = openingProblem(subject, words);
        if (opening.isPresent()) {
            return opening;
        }
        String first = words.get(0).lower();
        if (FRAGMENT_STARTS.contains(first)) {
            return Optional.of("a fragment: opens with '" + words.get(0).text() + "'");
        }
        String last = words.get(words.size() - 1).lower();
        if (FRAGMENT_ENDS.contains(last)) {
            return Optional.of("a fragment: ends with '" + words.get(words.size() - 1).text() + "'");
        }
        if (words.size() > MAX_TERM_WORDS) {
            return Optional.of("a clause, not a term: " + words.size() + " words");
        }
        if (words.size() > 1 && subject.strip().matches("(?s).*[.!?]")) {
            return Optional.of("a sentence, not a term");
        }
        return Optional.empty();
    }

    /**
     * Why a relation's object is incomplete, or empty when it is complete: no words, unbalanced brackets
     * or quotes, a lone pronoun or demonstrative, or a last word from {@link #FRAGMENT_ENDS} ("the size of").
     */
    public static Optional<String> objectProblem(String object) {
        List<Word> words = words(object);
        if (words.stream().noneMatch(w -> w.lower().chars().anyMatch(Character::isLetter))) {
            return Optional.of("no words");
        }
        if (!balanced(object)) {
            return Optional.of("unbalanced brackets or quotes");
        }
        Word first = words.get(0);
        if (words.size() == 1 && (PRONOUNS.contains(first.lower()) || DEMONSTRATIVES.contains(first.lower()))
                && !first.isAcronym()) {
            return Optional.of("a lone pronoun: '" + first.text() + "'");
        }
        Word last = words.get(words.size() - 1);
        if (FRAGMENT_ENDS.contains(last.lower())) {
            return Optional.of("ends with '" + last.text() + "'");
        }
        return Optional.empty();
    }

    /** Why a procedure step (a sentence) cannot stand on its own, or empty when it can. */
    public static Optional<String> stepProblem(String step) {
        String rest = STEP_PREFIX.matcher(step).replaceFirst("");
        List<Word> words = words(rest);
        if (!words.isEmpty() && SEQUENCE_MARKERS.contains(words.get(0).lower())) {
            int cut = rest.toLowerCase(Locale.ROOT).indexOf(words.get(0).lower()) + words.get(0).lower().length();
            rest = rest.substring(cut).replaceFirst("^\\s*,?\\s*", "");
            words = words(rest);
        }
        return openingProblem(rest, words);
    }

    /** Rules 1 to 7. */
    private static Optional<String> openingProblem(String text, List<Word> words) {
        if (words.stream().noneMatch(w -> w.lower().chars().anyMatch(Character::isLetter))) {
            return Optional.of("a fragment: no words");
        }
        if (!balanced(text)) {
            return Optional.of("a fragment: unbalanced brackets or quotes");
        }
        for (char c : MARKUP.toCharArray()) {
            if (text.indexOf(c) >= 0) {
                return Optional.of("markup or code: '" + c + "'");
            }
        }
        Word first = words.get(0);
        String lower = first.lower();
        String second = words.size() > 1 ? words.get(1).lower() : null;
        if (PRONOUNS.contains(lower) && !first.isAcronym()) {
            return Optional.of("a pronoun: '" + first.text() + "'");
        }
        if (POSSESSIVES.contains(lower)) {
            return Optional.of("a possessive that points back: '" + first.text() + "'");
        }
        if (DEMONSTRATIVES.contains(lower)) {
            return Optional.of("a demonstrative: '" + first.text() + "'");
        }
        if (Set.of("the", "a", "an").contains(lower) && second != null && BACK_REFERENCES.contains(second)) {
            return Optional.of("points back: '" + first.text() + " " + words.get(1).text() + "'");
        }
        if (QUANTIFIERS.contains(lower) && (second == null || second.equals("of"))) {
            return Optional.of("a quantifier without its noun: '" + first.text() + "'");
        }
        if (CONNECTIVES.contains(lower)) {
            return Optional.of("opens with a connective: '" + first.text() + "'");
        }
        return Optional.empty();
    }

    private static boolean balanced(String text) {
        int round = 0;
        int square = 0;
        int quotes = 0;
        for (char c : text.toCharArray()) {
            switch (c) {
                case '(' -> round++;
                case ')' -> round--;
                case '[' -> square++;
                case ']' -> square--;
                case '"', '“', '”' -> quotes++;
                default -> { }
            }
            if (round < 0 || square < 0) {
                return false;
            }
        }
        return round == 0 && square == 0 && quotes % 2 == 0;
    }

    private record Word(String text) {
        String lower() {
            return text.toLowerCase(Locale.ROOT);
        }

        boolean isAcronym() {
            return text.length() >= 2 && text.chars().allMatch(Character::isUpperCase);
        }
    }

    /** Whitespace-separated words with the punctuation around them removed (hyphens inside kept). */
    private static List<Word> words(String text) {
        List<Word> words = new ArrayList<>();
        for (String raw : text.strip().split("\\s+")) {
            String word = raw.replaceAll("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$", "");
            if (!word.isEmpty()) {
                words.add(new Word(word));
            }
        }
        return words;
    }
}
