package dev.proda.extract;

import dev.proda.text.Segmenter;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Definitional and taxonomic sentence patterns: "X is a Y", "X consists of Y", "X is used for Y" … The
 * subject must open the sentence and be a short noun phrase; the object is the rest of the clause.
 */
final class RelationPatterns {

    /** A relation read from one sentence; offsets are relative to the sentence. */
    record Relation(String subject, String alias, String predicate, String object, int subjectStart,
            int subjectEnd) {
    }

    private record Rule(String predicate, Pattern verb) {
    }

    // Ordered: the first verb phrase that matches right after the subject wins.
    private static final List<Rule> RULES = List.of(
            // The article stays with the object: "is | a supervised method" reads right in every phrasing.
            new Rule("is-a", Pattern.compile("(?:is|are) (?=(?:a|an|one of the|a kind of|a type of|a form of)\\s)")),
            new Rule("defined-as", Pattern.compile("(?:is|are) defined as\\s|refers? to\\s|means?\\s")),
            new Rule("part-of", Pattern.compile("(?:is|are) (?:a )?part of\\s")),
            new Rule("has-part", Pattern.compile("(?:consists?|is composed|are composed) of\\s|contains?\\s")),
            new Rule("used-for", Pattern.compile("(?:is|are|can be) used (?:to|for|in)\\s")),
            new Rule("causes", Pattern.compile("(?:causes?|leads? to|results? in|produces?)\\s")),
            new Rule("requires", Pattern.compile("(?:requires?|depends? on|needs?)\\s")),
            new Rule("measured-in", Pattern.compile("(?:is|are) measured in\\s")),
            new Rule("enables", Pattern.compile("(?:allows?|enables?|lets?)\\s")));

    private static final Pattern SUBJECT = Pattern.compile(
            "^(?:(?:A|An|The)\\s+)?((?:[\\p{L}][\\p{L}\\p{N}'-]*)(?:\\s+[\\p{L}\\p{N}][\\p{L}\\p{N}'-]*){0,4})"
                    + "(?:\\s+\\(([^()]{1,40})\\))?\\s+");
    private static final Set<String> BAD_SUBJECT_START = Set.of("it", "this", "these", "those", "they", "we",
            "you", "there", "here", "that", "which", "such", "each", "one", "he", "she", "i", "if", "when", "in",
            "for", "to", "on", "at", "by", "as", "with", "however", "thus", "so", "also", "then", "all", "some",
            "many", "most", "both", "other", "another", "our", "its", "their", "his", "her", "what", "how", "why",
            "where", "see", "note", "because", "although", "while", "since", "after", "before", "once", "using",
            "unlike", "like", "here's", "let", "now", "only", "any", "no", "not", "every", "either", "neither");
    // Discourse nouns that open sentences but name no domain concept ("The result is a tree …").
    private static final Set<String> DISCOURSE_NOUNS = Set.of("result", "results", "problem", "problems",
            "statement", "example", "examples", "reason", "answer", "idea", "goal", "aim", "purpose", "point",
            "way", "thing", "things", "case", "cases", "difference", "advantage", "disadvantage", "drawback",
            "solution", "approach", "option", "options", "default", "output", "input", "step", "first", "last",
            "next", "following", "latter", "former", "rest", "main", "key", "question", "issue", "fact",
            "part", "use", "method", "function", "value", "values", "number", "name", "end", "trick", "catch");
    private static final Set<String> VERBISH = Set.of("is", "are", "was", "were", "be", "can", "may", "will",
            "has", "have", "does", "do", "should", "must", "would", "could", "might");
    private static final Pattern CLAUSE_END = Pattern.compile("[;:]|,\\s(?:which|and|but|so|while|whereas|although)\\s"
            + "|\\.$|\\s\\(");

    private RelationPatterns() {
    }

    static Optional<Relation> match(String sentence) {
        Matcher subject = SUBJECT.matcher(sentence);
        if (!subject.lookingAt()) {
            return Optional.empty();
        }
        String words = subject.group(1);
        // The subject group is greedy; back off word by word until a rule's verb follows it.
        String[] tokens = words.split("\\s+");
        int offset = subject.start(1);
        for (int count = tokens.length; count >= 1; count--) {
            String candidate = String.join(" ", java.util.Arrays.copyOf(tokens, count));
            int candidateEnd = offset + candidate.length();
            String alias = null;
            int restStart = candidateEnd;
            if (count == tokens.length && subject.group(2) != null) {
                alias = subject.group(2).strip();
                restStart = subject.end(2) + 1;
            }
            while (restStart < sentence.length() && sentence.charAt(restStart) == ' ') {
                restStart++;
            }
            if (!acceptableSubject(candidate)) {
                continue;
            }
            String rest = sentence.substring(restStart);
            for (Rule rule : RULES) {
                Matcher verb = rule.verb().matcher(rest);
                if (verb.lookingAt()) {
                    String object = clause(rest.substring(verb.end()));
                    if (object != null) {
                        return Optional.of(new Relation(candidate, acceptableAlias(alias), rule.predicate(), object,
                                offset, candidateEnd));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static boolean acceptableSubject(String subject) {
        List<String> words = Segmenter.words(subject);
        if (words.isEmpty() || BAD_SUBJECT_START.contains(words.get(0))) {
            return false;
        }
        if (words.size() == 1 && DISCOURSE_NOUNS.contains(words.get(0))) {
            return false;
        }
        return words.stream().noneMatch(VERBISH::contains) && subject.chars().anyMatch(Character::isLetter)
                && !subject.endsWith("ly");
    }

    private static String acceptableAlias(String alias) {
        if (alias == null || alias.split("\\s+").length > 4 || !Character.isLetter(alias.charAt(0))
                || alias.startsWith("e.g") || alias.startsWith("i.e") || alias.startsWith("see")) {
            return null;
        }
        return alias;
    }

    /** The object: the clause up to a clause boundary, 2–18 words, ending without a dangling comma. */
    private static String clause(String rest) {
        Matcher end = CLAUSE_END.matcher(rest);
        String object = end.find() ? rest.substring(0, end.start()) : rest;
        object = object.strip().replaceAll("[,.]+$", "").strip();
        int words = object.isEmpty() ? 0 : object.split("\\s+").length;
        if (words < 2 || words > 18 || !Character.isLetterOrDigit(object.charAt(0))) {
            return null;
        }
        return object;
    }
}
