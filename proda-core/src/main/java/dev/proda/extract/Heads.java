package dev.proda.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The head of a noun phrase such as the object of an is-a statement: "a thermionic tube having two
 * electrodes" → "thermionic tube", "a kind of tree that grows …" → "tree", "any of various burrowing
 * animals" → "burrowing animals". The result is the noun group the phrase is about, without determiners
 * and post-modifiers; its last word is the head noun. Plain string rules (no tags), so that the extractor
 * and the bench read heads the same way from the stored object text.
 */
public final class Heads {
    private static final Set<String> DETERMINERS = Set.of("a", "an", "the", "one", "any", "some", "this", "that",
            "each", "every", "various", "several", "many", "certain", "either", "all", "both", "its", "their",
            "his", "her", "our", "your", "no", "two", "three", "four", "other", "another", "such");
    /**
     * Type nouns and quantifiers that stand for the noun after "of": "a kind of tree" is about trees (the
     * same list as the tagged reading's; collective, partitive and measure nouns are heads of their own).
     */
    private static final Set<String> SHELLS = Set.of("kind", "kinds", "type", "types", "form", "forms", "sort",
            "sorts", "variety", "varieties", "species", "category", "example", "examples", "instance",
            "instances", "one", "any", "some", "version", "subclass", "subtype", "style", "class", "branch", "piece");
    private static final Set<String> BOUNDARIES = Set.of("of", "in", "on", "at", "to", "for", "with", "by", "from",
            "as", "into", "onto", "within", "without", "between", "among", "about", "like", "than", "through",
            "during", "over", "under", "after", "before", "against", "across", "along", "around", "upon", "via",
            "per", "worth", "near", "that", "which", "who", "whom", "whose", "where", "when", "whereby", "while", "if", "and", "or",
            "but", "nor", "is", "are", "was", "were", "be", "been", "being", "can", "could", "may", "might",
            "will", "would", "should", "must", "has", "have", "had", "does", "do", "not", "e.g", "i.e", "etc", "so",
            "because", "whether");
    /** Adverbs that may open a noun group ("a very large plane") but end one after its start. */
    private static final Set<String> ADVERBS = Set.of("usually", "especially", "typically", "often", "also", "only",
            "very", "most", "more", "less", "rather", "quite", "fairly", "relatively", "sometimes", "generally",
            "mainly", "mostly", "chiefly", "normally", "commonly", "originally", "formerly", "now");
    private static final Set<String> PARTICIPLES = Set.of("made", "found", "known", "grown", "given", "taken",
            "worn", "held", "born", "kept", "built", "drawn", "seen", "shown", "written", "spoken", "done", "sold",
            "left", "set", "put", "brought", "bought", "caught", "thought", "sent", "spent", "won", "laid", "led",
            "met", "paid", "said", "told", "run", "cut", "bred", "fed", "spread", "having", "containing",
            "consisting", "resembling", "using", "producing", "living", "growing", "used", "characterized",
            "characterised", "marked", "based", "related", "associated", "caused", "derived", "formed", "composed",
            "covered", "occurring", "belonging", "including", "involving", "relating", "resulting", "being",
            "designed", "intended", "obtained", "prepared", "served", "cooked", "filled");

    private static final Set<String> ED_NOUNS = Set.of("hundred", "kindred", "sacred");
    /** Nouns in -ing that head noun groups ("a tall building in …"), not participles. */
    private static final Set<String> ING_NOUNS = Set.of("building", "meeting", "feeling", "painting", "clothing",
            "morning", "evening", "wedding", "ceiling", "setting", "string", "spring", "thing", "king", "ring",
            "wing", "being", "beginning", "ending", "opening", "learning", "training", "processing", "reasoning",
            "understanding", "engineering", "planning", "warning", "offering", "gathering", "recording", "drawing",
            "writing", "reading", "singing", "spelling", "housing", "bedding", "stuffing", "filling", "frosting",
            "icing", "coating", "seasoning", "dressing", "lining", "padding", "netting", "railing", "siding",
            "fencing", "flooring", "roofing", "plumbing", "wiring", "heating", "lighting", "shipping", "pudding",
            "sibling", "seedling", "duckling", "herring", "shilling", "farthing", "sapling", "dumpling", "darling",
            "earring", "outing", "landing", "crossing", "carving", "molding", "moulding", "binding", "casing",
            "covering", "fitting", "mapping", "encoding", "rating", "ranking", "sampling", "smoothing", "scaling",
            "clustering", "boosting", "bagging", "pruning", "testing", "modeling", "modelling", "indexing",
            "slicing", "hashing", "logging", "sorting", "parsing", "typing", "threading", "matching", "pooling",
            // rarely a participle in technical prose ("accounting for", "trading in" are, and stay out)
            "programming", "computing", "networking", "scripting", "caching", "profiling", "debugging",
            "formatting", "tuning", "banking", "manufacturing", "mining", "shipbuilding", "bootstrapping",
            "resampling", "preprocessing", "labeling", "labelling");

    /** Whether a word in -ing is a noun of its own ("a programming language", "the sampling distribution"). */
    static boolean ingNoun(String word) {
        return ING_NOUNS.contains(word.toLowerCase(Locale.ROOT));
    }

    private Heads() {
    }

    /** The noun group of {@code phrase}, or null when none is found. */
    public static String of(String phrase) {
        String[] tokens = phrase.strip().split("\\s+");
        return from(tokens, 0, 0);
    }

    private static String from(String[] tokens, int at, int depth) {
        List<String> group = new ArrayList<>();
        int i = at;
        for (; i < tokens.length; i++) {
            String token = tokens[i];
            if (token.startsWith("(") || token.startsWith("[")) {
                break;
            }
            String word = token.replaceAll("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$", "");
            String lower = word.toLowerCase(Locale.ROOT);
            if (word.isEmpty()) {
                break;
            }
            if (group.isEmpty() && (DETERMINERS.contains(lower) || lower.equals("of"))) {
                if (!token.equals(word) && !token.endsWith("'s")) {
                    break;
                }
                continue;
            }
            if (ADVERBS.contains(lower)) {
                if (group.isEmpty()) {
                    continue;
                }
                break;
            }
            if (BOUNDARIES.contains(lower)) {
                if (lower.equals("than") && group.size() > 1) {
                    group.remove(group.size() - 1); // "a payment larger than …": the comparative is no head
                }
                break;
            }
            if (!group.isEmpty() && lower.endsWith("ly") && lower.length() > 4) {
                break; // "an area sufficiently large …"
            }
            if (!group.isEmpty() && !group.get(group.size() - 1).endsWith("ly")
                    && isParticiple(lower, token, i + 1 < tokens.length ? tokens[i + 1] : "")) {
                break;
            }
            group.add(word);
            if (!token.equals(word)) {
                i++;
                break; // punctuation after the word closes the group
            }
        }
        if (group.isEmpty()) {
            return null;
        }
        String last = group.get(group.size() - 1).toLowerCase(Locale.ROOT);
        if (depth < 2 && SHELLS.contains(last) && i < tokens.length && tokens[i].equalsIgnoreCase("of")
                && tokens[i - 1].equals(group.get(group.size() - 1))) {
            String inner = from(tokens, i + 1, depth + 1);
            if (inner != null) {
                return inner;
            }
        }
        return String.join(" ", group);
    }

    /** Whether a word after a noun starts a post-modifying participle clause ("… consisting of", "… worn in"). */
    static boolean postModifier(String word, String nextWord) {
        String lower = word.toLowerCase(Locale.ROOT);
        return isParticiple(lower, lower, nextWord) || ADVERBS.contains(lower)
                || lower.length() > 4 && lower.endsWith("ly");
    }

    /**
     * Whether a word after the start of the group begins a participle clause ("a tube having two
     * electrodes", "a drug used in …") rather than being the head itself ("a tall building").
     */
    private static boolean isParticiple(String word, String token, String nextToken) {
        if (PARTICIPLES.contains(word)) {
            return true;
        }
        if (word.indexOf('-') > 0) {
            return false; // "plant-eating", "close-fitting": compound adjectives
        }
        if (word.length() > 4 && word.endsWith("ed") && !word.endsWith("eed") && !ED_NOUNS.contains(word)) {
            return true;
        }
        if (word.length() > 5 && word.endsWith("ing") && !ING_NOUNS.contains(word)) {
            boolean last = nextToken.isEmpty() || !token.equals(token.replaceAll("[^\\p{L}\\p{N}]+$", ""));
            return !last;
        }
        return false;
    }


}
