package dev.proda.tester;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The Tester's own wording of relations and stems. It must not be the Builder's (whose samples ask
 * "X is what?", "Tell me about X.", "True or false: …", "What is X?", "Which term means: …?", "List the
 * steps of P."): an item answered by recalling a sample's wording would measure the template.
 */
final class Wording {
    /** How a relation reads inside a stem; predicates not listed are not asked about. */
    static final Map<String, String> RELATIONS = Map.of(
            "is-a", "is a kind of",
            "part-of", "is one part of",
            "has-part", "has as one of its parts",
            "used-for", "is employed for",
            "requires", "depends on",
            "causes", "brings about",
            "enables", "makes possible",
            "measured-in", "is expressed in units of",
            "defined-as", "is by definition");

    /**
     * Ordinals of the order form, by a step's position in its whole procedure (not among the steps shown: "the
     * third step" of a procedure whose second step is not shown is still its third); the final step is "last".
     */
    static final List<String> ORDINALS = List.of("first", "second", "third", "fourth", "fifth", "sixth", "seventh",
            "eighth", "ninth", "tenth", "last");

    /** The ordinal of the step at {@code position} among {@code steps}, or null past the tenth. */
    static String ordinal(int position, int steps) {
        return position == steps - 1 ? "last" : position < ORDINALS.size() - 1 ? ORDINALS.get(position) : null;
    }

    /** The option sets of the ordering form: every ordering item offers these four, so none stands out. */
    static final List<List<Integer>> ORDERINGS = List.of(List.of(1, 3, 2), List.of(2, 1, 3), List.of(2, 3, 1),
            List.of(3, 1, 2));

    /** Leading list markers and sequence words: they would give a step's position away. */
    private static final Pattern MARKER = Pattern.compile("^\\s*(?:(?:step\\s+)?\\d+\\s*[.):]\\s*|[-*•]\\s+|"
            + "(?:first(?:ly)?|second(?:ly)?|third(?:ly)?|then|next|finally|lastly|after that|afterwards|"
            + "to begin(?: with)?|to start|once (?:this|that) is done)\\s*,?\\s+)", Pattern.CASE_INSENSITIVE);

    private Wording() {
    }

    static boolean asked(String predicate) {
        return RELATIONS.containsKey(predicate);
    }

    static String relation(String predicate) {
        return RELATIONS.get(predicate);
    }

    static String completion(String subject, String predicate) {
        return capitalise(subject) + " " + relation(predicate) + " ___.";
    }

    static String reverse(String predicate, String object) {
        return "Which term " + relation(predicate) + " " + objectOf(predicate, object) + "?";
    }

    static String claim(String subject, String predicate, String object) {
        return capitalise(subject) + " " + relation(predicate) + " " + objectOf(predicate, object);
    }

    /** "a kind of languages" reads "a kind of language": the class of an is-a in the singular. */
    static String objectOf(String predicate, String object) {
        if (!predicate.equals("is-a")) {
            return object;
        }
        int space = object.lastIndexOf(' ');
        String last = object.substring(space + 1);
        String singular = dev.proda.text.Terms.singular(last.toLowerCase(Locale.ROOT));
        String rest = last.substring(1);
        if (singular.isEmpty() || !rest.equals(rest.toLowerCase(Locale.ROOT))) {
            return object; // "KFold", "PCA": a name keeps its form
        }
        String head = Character.isUpperCase(last.charAt(0))
                ? Character.toUpperCase(singular.charAt(0)) + singular.substring(1) : singular;
        return object.substring(0, space + 1) + head;
    }

    static String whichIsTrue() {
        return "Which of these holds?";
    }

    static String composition(String start, String first, String second) {
        return capitalise(start) + " " + relation(first) + " something that " + relation(second) + " ___.";
    }

    static String reverseComposition(String first, String second, String end) {
        return "Which term " + relation(first) + " something that " + relation(second) + " " + end + "?";
    }

    static String reverseDefinition(String definition) {
        return "Which term names " + definition + "?";
    }

    static String definition(String term) {
        return "Which description is right for " + term + "?";
    }

    static String order(String process, String ordinal) {
        return process == null ? "Which of these is the " + ordinal + " step?"
                : "In " + process + ", which of these is the " + ordinal + " step?";
    }

    static String notAStep(String process) {
        return "Which of these is not a step of " + process + "?";
    }

    /** The ordering stem: the three steps (in true order) shown under the labels {@code labels}. */
    static String ordering(String process, List<String> stepsInOrder, List<Integer> answer) {
        String[] shown = new String[3];
        for (int position = 0; position < 3; position++) {
            shown[answer.get(position) - 1] = stepsInOrder.get(position);
        }
        return "In " + process + ", in which order are these done? (1) " + shown[0] + " (2) " + shown[1] + " (3) "
                + shown[2];
    }

    static String orderingOption(List<Integer> labels) {
        return labels.get(0) + ", " + labels.get(1) + ", " + labels.get(2);
    }

    /** A procedure step as an option: without the list marker or sequence word that dates it. */
    static String step(String text) {
        String step = text.strip();
        for (String before = null; !step.equals(before); ) {
            before = step;
            step = MARKER.matcher(step).replaceFirst("");
        }
        return capitalise(step);
    }

    static String capitalise(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }
}
