package dev.proda.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Lexico-syntactic hyponym patterns (Hearst, COLING 1992) over the tags of one sentence: "Y such as A,
 * B and C", "Y, including A and B", "A, B and other Y" each state that A, B and C are kinds of Y. The
 * class Y is the noun group next to the cue; the members are short noun groups joined by commas and
 * "and" / "or". Every member and the class must be concept terms ({@link Claims#term}).
 */
final class Hearst {
    private static final int MAX_MEMBER_WORDS = 4;
    private static final Set<String> JOINERS = Set.of(",", "and", "or");

    private Hearst() {
    }

    /** Whether the sentence may hold a pattern (cheap test before tagging). */
    static boolean candidate(String sentence) {
        return sentence.contains("such as") || sentence.contains("including") || sentence.contains(" other ")
                || sentence.contains(", namely") || sentence.contains(" called ") || sentence.contains(" named ")
                || sentence.contains(", a ") || sentence.contains(", an ") || sentence.contains(", which is a")
                || sentence.contains("s (") || sentence.startsWith("Like other") || sentence.startsWith("Unlike other")
                || sentence.contains(" like ") || sentence.contains(" include ");
    }

    /** Words before a member that leave it unnamed ("other rows or other tables"). */
    private static final Set<String> UNNAMED = Set.of("other", "another", "more", "some", "any");
    private static final Set<String> TEXT_POINTERS = Set.of("following", "above", "previous", "preceding", "next",
            "below");

    static List<Claims.Claim> match(Tagger.Tagged t) {
        List<Claims.Claim> claims = new ArrayList<>();
        int n = t.tagged();
        for (int i = 1; i + 1 < n; i++) {
            String w = t.lower(i);
            if (w.equals("such") && t.lower(i + 1).equals("as")) {
                forward(t, i - 1, i + 2, claims);
            } else if (w.equals("including") && i >= 2 && (t.tokens().get(i - 1).equals(",") && (plural(t, i - 2)
                    || MASS_CLASSES.contains(t.lower(i - 2))) || plural(t, i - 1))) {
                // "many Unix variants including Linux and macOS"; a singular whole includes parts, not kinds
                // ("the energy sector, including electricity")
                forward(t, i - 1, i + 1, claims);
            } else if (w.equals("include") && plural(t, i - 1) && opensSentence(t, i - 1)) {
                forward(t, i - 1, i + 1, claims); // "Well-known functional languages include ML and Haskell"
            } else if (w.equals("other") && (t.lower(i - 1).equals("and") || t.lower(i - 1).equals("or"))) {
                backward(t, i - 2, i + 1, claims);
            } else if (w.equals("other") && i == 1 && (t.lower(0).equals("like") || t.lower(0).equals("unlike"))) {
                likeOther(t, i + 1, claims);
            } else if (w.equals("like") && likeClass(t, i - 1)) {
                forward(t, i - 1, i + 1, claims); // "a language like Autolev", "languages like C"
            } else if (w.equals("namely") && t.tokens().get(i - 1).equals(",")) {
                forward(t, i - 1, i + 1, claims);
            } else if (w.equals("(") && plural(t, i - 1)) {
                parenthesised(t, i, claims);
            } else if ((w.equals("called") || w.equals("named")) && i >= 2) {
                called(t, i, claims);
            } else if (w.equals(",") && (t.lower(i + 1).equals("a") || t.lower(i + 1).equals("an"))) {
                appositive(t, i - 1, i + 2, claims);
            } else if (w.equals(",") && i + 3 < n && t.lower(i + 1).equals("which") && t.lower(i + 2).equals("is")
                    && (t.lower(i + 3).equals("a") || t.lower(i + 3).equals("an"))) {
                appositive(t, i - 1, i + 4, claims);
            }
        }
        return claims;
    }

    /** "Y [,] such as A, B and C": the class ends at {@code classEnd}, the members start at {@code from}. */
    private static void forward(Tagger.Tagged t, int classEnd, int from, List<Claims.Claim> into) {
        boolean comma = classEnd >= 0 && t.tokens().get(classEnd).equals(",");
        if (comma) {
            classEnd--;
        }
        int[] cls = groupEndingAt(t, classEnd);
        // "the clauses discussed in following sections, such as LIMIT": a class that points into the text
        // ("following", "above", "previous" sections) is where the text goes on, not a kind of thing
        for (int k = cls == null ? 0 : Math.max(0, cls[0] - 1); cls != null && k < cls[1]; k++) {
            if (TEXT_POINTERS.contains(t.lower(k))) {
                return;
            }
        }
        // "distributions for sampling parameters, such as expon": after a comma the list belongs to the plural
        // noun before the preposition when there is one ("many useful distributions"), else it is not trusted.
        if (comma && cls != null && cls[0] > 0 && t.is(cls[0] - 1, "ADP") && !t.lower(cls[0] - 1).equals("of")) {
            int[] outer = groupEndingAt(t, cls[0] - 2);
            if (outer == null || !plural(t, outer[1] - 1) || !"for".equals(t.lower(cls[0] - 1))) {
                return;
            }
            cls = afterVerb(t, outer);
        }
        // "Python libraries for phylogenetics such as DendroPy": a one-word class that names no plural of things
        // after "for" / "in" is a field, and the list belongs to the noun before it
        if (cls != null && cls[0] > 0 && cls[1] - cls[0] == 1 && t.is(cls[0] - 1, "ADP")
                && !t.lower(cls[0] - 1).equals("of") && !plural(t, cls[0])) {
            return;
        }
        // "the frame of interest, such as right ascension": after "of" only a plural class lists its kinds
        // ("exploitation of natural resources, including petroleum"); so after "about" ("general information
        // about the vendor, such as Company Name").
        // ("of the biological system, such as the cell, the organism …" does list kinds: a definite class
        // after "of" is the thing the list divides)
        int before = cls == null ? -1 : cls[0] > 0 && ARTICLES.contains(t.lower(cls[0] - 1)) ? cls[0] - 2 : cls[0] - 1;
        if (comma && cls != null && (cls[0] > 0 && t.lower(cls[0] - 1).equals("of")
                || before >= 0 && t.lower(before).equals("about"))) {
            String last = t.lower(cls[1] - 1);
            if (dev.proda.text.Terms.singular(last).equals(last)) {
                return;
            }
        }
        // "non-oil sources of revenues, such as gold mining": after "of" under a noun that names a role (sources,
        // means, uses) the list names kinds of that role, not of the class after "of"
        if (cls != null && cls[0] >= 2 && t.lower(cls[0] - 1).equals("of")
                && Set.of("sources", "forms", "means", "ways", "areas", "uses", "causes", "drivers", "channels")
                        .contains(t.lower(cls[0] - 2))) {
            return;
        }
        // "(containing functions such as abs(), …)": a class opened by a participle is a clause, not a kind.
        if (cls != null && cls[1] - cls[0] > 1 && t.lower(cls[0]).endsWith("ing") && !Heads.ingNoun(t.lower(cls[0]))) {
            return;
        }
        // "fruits and vegetables, including citrus": a member may belong to either class.
        boolean coordinated = cls != null && cls[0] > 0 && (t.lower(cls[0] - 1).equals("and") || t.lower(cls[0] - 1).equals("or"));
        if (cls == null || coordinated || insidePhrase(t, cls[0])) {
            return;
        }
        List<int[]> members = new ArrayList<>();
        int i = from;
        while (i < t.tagged()) {
            boolean lastMember = i > from && (t.lower(i - 1).equals("and") || t.lower(i - 1).equals("or"));
            // "such as the kernel density estimate", "such as 'iterative-gmres'": an article or a quote opens
            // the member without being part of it.
            int start = i;
            boolean quoted = false;
            while (start < t.tagged() && (ARTICLES.contains(t.lower(start)) || QUOTES.contains(t.tokens().get(start)))) {
                quoted |= QUOTES.contains(t.tokens().get(start));
                start++;
            }
            int end = groupFrom(t, start);
            if (end == start && quoted && start + 1 < t.size() && QUOTES.contains(t.tokens().get(start + 1))
                    && Character.isLetter(t.tokens().get(start).charAt(0))) {
                end = start + 1; // "'iterative-lgmres'": a quoted name is one, whatever the tagger made of it
            }
            if (end == start && lastMember && start < t.tagged() && t.is(start, "ADJ") && !quoted
                    && (start + 1 >= t.size() || t.is(start + 1, "PUNCT"))) {
                end = start + 1; // "lead, zinc, nickel, and gold.": the tagger reads a list's last noun as an adjective
            }
            if (end == start || quoted && !(end < t.size() && QUOTES.contains(t.tokens().get(end))) || cut(t, end)) {
                break; // "'BAD OUTGROUP NUMBER: '" is a message, not a name; "Spectral Co-Clustering …" was cut
            }
            members.add(new int[] {start, end});
            end = afterMember(t, end);
            if (lastMember) {
                i = end; // "A, B and C": the member after "and" / "or" closes the list
                break;
            }
            if (end < t.tagged() && JOINERS.contains(t.lower(end))) {
                i = end + 1;
                while (i < t.tagged() && JOINERS.contains(t.lower(i))) {
                    i++;
                }
            } else {
                i = end;
                break;
            }
        }
        // "… programs such as ClustalW and sequence format conversion programs such as Readseq": the last
        // "member" is the class of the next list, not a member of this one
        if (members.size() > 1 && i + 1 < t.size() && t.lower(i).equals("such") && t.lower(i + 1).equals("as")) {
            members.remove(members.size() - 1);
            emit(t, members, cls, into);
            return;
        }
        // "such as the 'iterative-gmres' and 'iterative-bicgstab' methods": the class named again after quoted
        // names closes the list
        if (!members.isEmpty() && i < t.tagged() && i > 0 && QUOTES.contains(t.tokens().get(i - 1))
                && dev.proda.text.Terms.singular(t.lower(i)).equals(dev.proda.text.Terms.singular(t.lower(cls[1] - 1)))) {
            i++;
        }
        // The list must end the clause: a member followed by more words may be part of a longer phrase.
        if (members.isEmpty() || i < t.size() && !(t.is(i, "PUNCT") || t.is(i, "ADP") || t.is(i, "VERB")
                || !comma && t.lower(i).equals("to") && i + 1 < t.tagged() && t.is(i + 1, "VERB")
                || t.is(i, "AUX") || t.is(i, "SCONJ") || t.is(i, "PRON") || t.is(i, "DET")
                || t.is(i, "ADV") && t.lower(i).endsWith("ly") && !JOINERS.contains(t.lower(i - 1)))) {
            return; // "such as Bernoulli Naive Bayes explicitly model …": an -ly adverb starts the predicate
        }
        // "such as decision trees, support negative weights": without a closing "and" / "or" / "etc." the
        // words after a comma may be the clause going on, so only the first member is sure.
        int last = members.get(members.size() - 1)[0];
        while (last > from && (ARTICLES.contains(t.lower(last - 1)) || QUOTES.contains(t.tokens().get(last - 1)))) {
            last--; // "… and 'lbfgs'", "… and the learning rate": the joiner stands before the quote or article
        }
        boolean closed = last > from && (t.lower(last - 1).equals("and") || t.lower(last - 1).equals("or"))
                || i < t.size() && t.lower(i).startsWith("etc");
        if (members.size() > 1 && !closed) {
            members = List.of(members.get(0));
        }
        emit(t, members, cls, into);
    }

    /**
     * "internet protocols (HTTP, FTP, SMTP)", "scalers (e.g. StandardScaler and MinMaxScaler)": a plural
     * class, then a parenthesis that holds nothing but a list of two or more names.
     */
    private static void parenthesised(Tagger.Tagged t, int open, List<Claims.Claim> into) {
        int[] cls = groupEndingAt(t, open - 1);
        if (cls == null) {
            return;
        }
        cls = afterVerb(t, cls);
        // "three parameters (r, theta and phi)" counts slots, "the criterion of the decision trees (Gini, …)"
        // may gloss the noun before "of": neither lists kinds of the class.
        int before = cls[0] - 1;
        while (before >= 0 && t.is(before, "DET")) {
            before--;
        }
        boolean counted = java.util.stream.IntStream.range(cls[0], cls[1]).anyMatch(k -> t.is(k, "NUM")
                || NUMBER_WORDS.contains(t.lower(k))); // "the first two constants (A and B)" counts slots too
        if (insidePhrase(t, cls[0]) || counted || before >= 0 && t.lower(before).equals("of")) {
            return;
        }
        int i = open + 1;
        if (i + 1 < t.size() && t.lower(i).matches("e\\.g\\.?")) {
            i += t.tokens().get(i + 1).equals(",") ? 2 : 1;
        }
        if (i + 1 < t.size() && Character.isLowerCase(t.tokens().get(i).charAt(0)) && plural(t, i)
                && Character.isUpperCase(t.tokens().get(i + 1).charAt(0))) {
            i++; // "(programs Dollop and Dolpenny)": the label is no part of the first name
        }
        List<int[]> members = new ArrayList<>();
        while (i < t.tagged()) {
            int end = groupFrom(t, i);
            if (end == i && i + 1 < t.size() && t.tokens().get(i).matches("[A-Z][\\w.+#-]*")
                    && (t.tokens().get(i + 1).equals(",") || t.tokens().get(i + 1).equals(")")
                            || JOINERS.contains(t.lower(i + 1)))) {
                end = i + 1; // a capitalised name the tagger did not read as a noun
            }
            // "(xk, pk)", "(upper or lower case)": variable names and modifiers are no kinds
            if (end == i || end - i > 3 || end - i == 1 && t.tokens().get(i).length() < 3
                    || end - i == 1 && !t.nounLike(i) && !Character.isUpperCase(t.tokens().get(i).charAt(0))) {
                return;
            }
            members.add(new int[] {i, end});
            if (end < t.size() && t.tokens().get(end).equals(")")) {
                break;
            }
            if (end >= t.size() || !JOINERS.contains(t.lower(end))) {
                return; // anything but a list of names: a gloss, a citation, a formula
            }
            i = end + 1;
            while (i < t.size() && JOINERS.contains(t.lower(i))) {
                i++;
            }
        }
        // "bounding boxes (longitude and latitude)", "relations (dependency and order)": a pair of everyday words
        // glosses what the class is made of; names, compounds and longer lists name kinds
        boolean everydayPair = members.size() == 2 && members.stream().allMatch(m -> m[1] - m[0] == 1
                && t.tokens().get(m[0]).matches("[a-z]+") && Termhood.inGeneralEnglish(t.lower(m[0])));
        if (members.size() >= 2 && !everydayPair) {
            emit(t, members, cls, into);
        }
    }

    /**
     * "The library covers internet protocols (…)": an -s word between a singular noun and the class is the
     * verb, so the class starts after it.
     */
    private static int[] afterVerb(Tagger.Tagged t, int[] cls) {
        for (int k = cls[1] - 2; k > cls[0]; k--) {
            if (t.lower(k).endsWith("s") && !t.lower(k).endsWith("ss") && (t.nounLike(k - 1) || t.is(k - 1, "ADJ"))
                    && dev.proda.text.Terms.singular(t.lower(k - 1)).equals(t.lower(k - 1))) {
                return new int[] {k + 1, cls[1]};
            }
        }
        return cls;
    }

    /**
     * "an input file called infile": the name after "called" / "named" is a kind of the indefinite noun group
     * before it.
     */
    private static void called(Tagger.Tagged t, int cue, List<Claims.Claim> into) {
        // "If you want to slice an NDData object called ndd …", "a file named invalid.fits:" in an example: a
        // name chosen for the occasion, not a kind the domain has.
        String text = t.text();
        int clauseEnd = text.substring(t.ends()[cue]).replaceFirst("[,;].*", "").length() + t.ends()[cue];
        if (EXAMPLE_CUE.matcher(text.substring(0, clauseEnd)).find()) {
            return; // only the clause that names: "…, they then ask you to type …" comes after it
        }
        int[] cls = groupEndingAt(t, cue - 1);
        if (cls == null || cls[0] == 0 || !(t.lower(cls[0] - 1).equals("a") || t.lower(cls[0] - 1).equals("an"))) {
            return;
        }
        // "a special reference point called the ‘origin’": a quoted name may take an article
        int first = cue + 1;
        if (first + 2 < t.size() && t.lower(first).equals("the") && QUOTES.contains(t.tokens().get(first + 1))) {
            first += 2;
            int close = first + 1;
            if (close < t.size() && QUOTES.contains(t.tokens().get(close)) && t.nounLike(first)) {
                emit(t, List.of(new int[] {first, first + 1}), cls, into);
            }
            return;
        }
        int end = groupFrom(t, cue + 1);
        if (end == cue + 1 && cue + 1 < t.size() && t.tokens().get(cue + 1).matches("[\\w.]+")
                && (cue + 2 >= t.size() || t.is(cue + 2, "PUNCT"))) {
            end = cue + 2; // a file or program name the tagger does not read as a noun
        }
        if (end == cue + 1 || end - cue - 1 > 2) {
            return;
        }
        emit(t, List.of(new int[] {cue + 1, end}), cls, into);
    }

    /**
     * "a virtual environment, a self-contained directory tree that …" / "DBSCAN, which is a density-based
     * algorithm, …": the noun group before the comma is a kind of the indefinite group after it, when that
     * group ends the apposition (a relative word or punctuation follows) and the first group is no list item.
     */
    private static void appositive(Tagger.Tagged t, int memberEnd, int classStart, List<Claims.Claim> into) {
        int[] member = groupEndingAt(t, memberEnd);
        // "the Georgian Co-Investment Fund, a $6 billion private equity fund that …": an amount sizes the
        // thing, it is no part of its class
        int amount = classStart;
        while (amount < t.tagged() && (t.tokens().get(amount).matches("(?:US)?\\$|€|£") || t.is(amount, "NUM"))) {
            amount++;
        }
        if (amount > classStart && amount - classStart <= 3 && t.tokens().get(classStart).matches("(?:US)?\\$|€|£")) {
            classStart = amount;
        }
        int classEnd = groupFrom(t, classStart);
        if (member == null || classEnd == classStart || classEnd >= t.size()) {
            return;
        }
        // The apposition must go on to say what makes the class ("… tree that contains …"); a bare ", a Y," may
        // be the next item of a list ("a vibrant private sector, a large state sector, and …").
        String after = t.lower(classEnd);
        if (!Set.of("that", "which", "who", "whose", "used").contains(after)) {
            return;
        }
        int before = member[0] - 1;
        if (before >= 0 && ARTICLES.contains(t.lower(before))) {
            before--; // ("a text-oriented tool, a graphical application, a web server that …": still a list)
        }
        if (before >= 0 && (t.is(before, "ADP") || t.tokens().get(before).equals(",") || t.is(before, "CCONJ")
                || t.lower(before).equals("'s") || t.lower(before).equals("’s") || t.lower(before).equals("no"))) {
            return; // "For large datasets, a better approach …", "A, B, a C …", "with no triggers, an …": not one
        }
        emit(t, List.of(member), new int[] {classStart, classEnd}, into);
    }

    /**
     * Whether a member group stops inside a longer name: a capitalised word goes on ("the Spectral
     * Co-Clustering algorithm" tagged with a verb inside), or a verb is directly followed by a noun.
     */
    private static boolean cut(Tagger.Tagged t, int end) {
        if (end >= t.tagged() || !Character.isLetter(t.tokens().get(end).charAt(0)) || JOINERS.contains(t.lower(end))) {
            return false;
        }
        return Character.isUpperCase(t.tokens().get(end).charAt(0))
                || t.is(end, "VERB") && end + 1 < t.tagged() && t.nounLike(end + 1);
    }

    /**
     * Whether the noun group ending at {@code end} can be the class of a "like" list: plural ("languages like
     * C") or opened by "a" / "an" ("a command like cp"), and not the thing a verb compares ("looks like a
     * tree", "something like").
     */
    private static boolean likeClass(Tagger.Tagged t, int end) {
        int[] cls = groupEndingAt(t, end);
        if (cls == null || cls[0] == 0 || NOT_LIKE_CLASSES.contains(t.lower(end))) {
            return false;
        }
        for (int i = cls[0]; i <= end; i++) {
            if (LIKE_VERBS.contains(t.lower(i)) || t.lower(i).equals("same") || t.lower(i).equals("similar")) {
                return false; // "a CCDData object behaves like a numpy array", "the same arguments like …"
            }
        }
        String before = t.lower(cls[0] - 1);
        if (Set.of("the", "this", "these", "those", "its", "their", "of").contains(before)) {
            return false; // "the variables like zero" points at the text; "a string of letters like …" lists letters
        }
        String next = end + 2 < t.size() ? t.tokens().get(end + 2) : "";
        if (next.equalsIgnoreCase("the")) {
            return false; // "detailed sections like the other packages": as the others have, not a kind
        }
        if (plural(t, end)) {
            return true;
        }
        // "a command like cp", "an identifier like a GI number"; but "a dictionary like object" is one word
        // split, and "a reference like journal, title and authors" lists parts: an everyday word is no name
        return (before.equals("a") || before.equals("an"))
                && (next.equalsIgnoreCase("a") || next.equalsIgnoreCase("an") || QUOTES.contains(next)
                        || next.matches(".*[A-Z0-9._].*") || !Termhood.inGeneralEnglish(next));
    }

    private static final Set<String> NOT_LIKE_CLASSES = Set.of("something", "anything", "nothing", "everything",
            "one", "ones", "things", "stuff");
    /** Verbs that compare with "like": "acts like", "looks like". */
    private static final Set<String> LIKE_VERBS = Set.of("behaves", "behave", "acts", "act", "looks", "look",
            "seems", "seem", "works", "work", "feels", "feel", "sounds", "sound");

    /** A plural noun: "variants", not "data" or "analysis". */
    /**
     * The plural class ending at {@code end} is the sentence's subject ("Mineral resources include …",
     * "The standard modules include …"), and names no case of the text ("Key exports", "Long-term challenges").
     */
    private static boolean opensSentence(Tagger.Tagged t, int end) {
        int[] cls = groupEndingAt(t, end);
        return cls != null && (cls[0] == 0 || cls[0] == 1 && t.lower(0).equals("the"))
                && !CASE_CLASSES.contains(dev.proda.text.Terms.singular(t.lower(end)));
    }

    /** Plural heads that list what the text is about at that point, not kinds of a thing. */
    private static final Set<String> CASE_CLASSES = Set.of("challenge", "export", "import", "move", "priority",
            "measure", "step", "reform", "service", "activity", "partner", "source", "risk", "problem", "example",
            "change", "effort", "plan", "goal", "option", "advantage", "benefit", "drawback", "use", "result");

    private static boolean plural(Tagger.Tagged t, int i) {
        String w = t.lower(i);
        String token = t.tokens().get(i);
        // "PyFITS" ends in a capital S: a name, not the plural of "PyFIT" ("GPs" is one)
        boolean capitalS = token.length() > 1 && token.endsWith("S")
                && Character.isUpperCase(token.charAt(token.length() - 2));
        return t.nounLike(i) && !capitalS && !dev.proda.text.Terms.singular(w).equals(w);
    }

    /** A past participle ("balanced"), not a verb that merely ends in -ed ("need", "exceed"). */
    private static final java.util.regex.Pattern PARTICIPLE = java.util.regex.Pattern.compile(
            "(?!(?:need|feed|seed|speed|breed|bleed|proceed|exceed|succeed)$)[a-z-]{3,}ed");
    private static final java.util.regex.Pattern EXAMPLE_CUE = java.util.regex.Pattern.compile(
            "(?i)\\b(?:if|you|your|suppose|example|let|say|here|below|above|following)\\b|^to\\b|:\\s*$");
    private static final java.util.regex.Pattern ADJECTIVE_ENDING = java.util.regex.Pattern.compile(
            "[a-z-]+(?:al|ic|ive|ous|ary|ime)");
    /** Singular class nouns whose kinds come in the plural ("input data such as DNA sequences"). */
    private static final Set<String> MASS_CLASSES = Set.of("data", "infrastructure", "type", "equipment", "software",
            "hardware", "machinery", "material", "food", "produce");
    private static final Set<String> ARTICLES = Set.of("the", "a", "an");
    private static final Set<String> NUMBER_WORDS = Set.of("two", "three", "four", "five", "six", "seven", "eight",
            "nine", "ten", "both", "several", "multiple");
    private static final Set<String> QUOTES = Set.of("'", "\"", "‘", "’", "“", "”", "`");

    /**
     * Past what closes a member: its closing quote and a short parenthesised alias ("Gaussian Mixtures
     * (GaussianMixture), and …").
     */
    private static int afterMember(Tagger.Tagged t, int end) {
        while (end < t.size() && QUOTES.contains(t.tokens().get(end))) {
            end++;
        }
        if (end < t.size() && t.tokens().get(end).equals("(")) {
            for (int k = end + 1; k < t.size() && k <= end + 4; k++) {
                if (t.tokens().get(k).equals(")")) {
                    return k + 1;
                }
            }
        }
        return end;
    }

    /**
     * "Like other tourist destinations in the Caribbean, St. Kitts and Nevis is vulnerable …": the subject
     * of the main clause is one more of the class ("Unlike other …" says so too: it differs as one of them).
     */
    private static void likeOther(Tagger.Tagged t, int classStart, List<Claims.Claim> into) {
        int classEnd = groupFrom(t, classStart);
        if (classEnd == classStart || !plural(t, classEnd - 1)) {
            return;
        }
        int comma = classEnd;
        while (comma < t.size() && !t.tokens().get(comma).equals(",") && comma - classEnd < 8) {
            comma++;
        }
        if (comma >= t.size() || !t.tokens().get(comma).equals(",")) {
            return;
        }
        int start = comma + 1;
        if (start < t.size() && ARTICLES.contains(t.lower(start))) {
            start++;
        }
        int end = start;
        while (end < t.tagged() && end - start < MAX_MEMBER_WORDS && (groupWord(t, end)
                || t.lower(end).equals("and") && end + 1 < t.size() && Character.isUpperCase(t.tokens().get(end + 1).charAt(0))
                        && Character.isUpperCase(t.tokens().get(start).charAt(0)))) {
            end++; // "St. Kitts and Nevis": a name may hold "and"
        }
        // the subject must be followed by its verb, so that the group is the whole subject
        if (end == start || end >= t.tagged() || !(t.is(end, "AUX") || t.is(end, "VERB")) || !t.nounLike(end - 1)) {
            return;
        }
        emit(t, List.<int[]>of(new int[] {start, end}), new int[] {classStart, classEnd}, into);
    }

    /** "A, B and other Y": the members end at {@code membersEnd}, the class starts at {@code classStart}. */
    private static void backward(Tagger.Tagged t, int membersEnd, int classStart, List<Claims.Claim> into) {
        int classEnd = groupFrom(t, classStart);
        if (classEnd == classStart || classEnd < t.tagged() && (t.is(classEnd, "NUM") || t.is(classEnd, "X"))) {
            return; // "other RFC 2822-based message documents": the class goes on past the group
        }
        // "other laws restrict foreign ownership": the class after "other" is plural, and its last plural noun
        // ends it (the tagger may read the verb after it as one more noun; "other least squares criteria")
        for (int k = classEnd - 1; k > classStart; k--) {
            if (plural(t, k)) {
                break;
            }
            if (plural(t, k - 1)) {
                classEnd = k;
                break;
            }
        }
        // "such as logging misconfiguration, network or other similar errors": the members belong to the
        // list that "such as" opened, and "network" modifies "errors".
        for (int k = Math.max(0, membersEnd - 10); k < membersEnd; k++) {
            if (t.lower(k).equals("such") && t.lower(k + 1).equals("as") || t.lower(k).equals("including")) {
                return;
            }
        }
        List<int[]> members = new ArrayList<>();
        int i = membersEnd;
        while (i >= 0) {
            int[] group = groupEndingAt(t, i);
            if (group == null) {
                break;
            }
            members.add(0, group);
            i = group[0] - 1;
            if (i >= 0 && t.tokens().get(i).equals(",")) {
                i--;
            } else {
                break;
            }
        }
        // "to upgrade hotels and other services": after "to" the first word may be a verb the tagger took for a noun.
        if (!members.isEmpty() && members.get(0)[0] > 0 && t.lower(members.get(0)[0] - 1).equals("to")) {
            return;
        }
        // "for understanding GnuCash and other double entry accounting systems": a gerund with its object is an
        // action, no kind of thing
        for (int[] member : members) {
            if (member[1] > member[0] && t.lower(member[0]).endsWith("ing")
                    && Character.isLowerCase(t.tokens().get(member[0]).charAt(0))
                    && (!Heads.ingNoun(t.lower(member[0]))
                            || Character.isUpperCase(t.tokens().get(member[0] + 1).charAt(0)))) {
                return;
            }
        }
        // "The Philippine Constitution and other laws": an article may open the first member's phrase
        int opening = members.isEmpty() ? 0 : members.get(0)[0];
        if (opening > 0 && ARTICLES.contains(t.lower(opening - 1)) && members.size() == 1) {
            opening--;
        }
        // "consult other rows or other tables": a member that is itself "other" something names no kind
        if (!members.isEmpty() && (UNNAMED.contains(t.lower(members.get(0)[0]))
                || members.get(0)[0] > 0 && UNNAMED.contains(t.lower(members.get(0)[0] - 1)))) {
            return;
        }
        // "discusses these types: land, buildings, …, vehicles and other equipment": a list a colon announced
        // enumerates what the lead-in names; "other equipment" may widen its last item only
        if (members.size() >= 3 && opening > 0 && t.tokens().get(opening - 1).equals(":")) {
            return;
        }
        if (members.isEmpty() || opening > 0 && !t.is(opening - 1, "ADP")
                && !t.is(opening - 1, "VERB") && !t.is(opening - 1, "PUNCT")) {
            return; // the first member must start the noun phrase
        }
        emit(t, members, new int[] {classStart, classEnd}, into);
    }

    /**
     * "identifiers (column or table names)", "the vi and emacs editors": of two members, a bare singular word
     * before a last member whose head is plural shares that head ("column names"), so it names no kind by
     * itself; "rivers and mountain ranges" are both plural and stand alone.
     */
    private static boolean sharedHead(Tagger.Tagged t, List<int[]> members) {
        if (members.size() != 2) {
            return false; // "phosphates, bauxite, and mineral sands": a longer list names each on its own
        }
        int[] last = members.get(members.size() - 1);
        String head = t.lower(last[1] - 1);
        if (last[1] - last[0] < 2 || dev.proda.text.Terms.singular(head).equals(head)) {
            return false;
        }
        for (int[] member : members.subList(0, members.size() - 1)) {
            String token = t.tokens().get(member[0]);
            boolean article = member[0] > 0 && ARTICLES.contains(t.lower(member[0] - 1)); // "a subquery, a JOIN …"
            if (member[1] - member[0] == 1 && !article && token.matches("[a-z]+")
                    && dev.proda.text.Terms.singular(token).equals(token)) {
                return true;
            }
        }
        return false;
    }

    private static void emit(Tagger.Tagged t, List<int[]> members, int[] cls, List<Claims.Claim> into) {
        if (sharedHead(t, members)) {
            return;
        }
        String classText = t.text().substring(t.starts()[cls[0]], t.ends()[cls[1] - 1]);
        // "EFetch for Sequence and other Molecular Biology Databases": a title, not a class.
        if (cls[1] - cls[0] >= 2 && java.util.stream.IntStream.range(cls[0], cls[1])
                .allMatch(k -> Character.isUpperCase(t.tokens().get(k).charAt(0))) && cls[0] > 0) {
            return;
        }
        String object = Claims.term(classText);
        String objectHead = object == null ? null : dev.proda.text.Terms.singular(
                object.substring(object.lastIndexOf(' ') + 1).toLowerCase(java.util.Locale.ROOT));
        if (object == null || ABSTRACT_CLASSES.contains(objectHead)) {
            return;
        }
        for (int k = cls[0]; k < cls[1]; k++) {
            if (Claims.POINTING.contains(t.lower(k))) {
                return; // "functions of such density matrix": the class is one the text named before
            }
        }
        int objectEnd = t.ends()[cls[1] - 1];
        for (int[] member : members) {
            String memberText = t.text().substring(t.starts()[member[0]], t.ends()[member[1] - 1]);
            String subject = Claims.term(memberText);
            // "such as Dnadist to compute distances": "to" before a verb opens a purpose, the member has ended
            boolean purpose = member[1] + 1 < t.tagged() && t.lower(member[1]).equals("to")
                    && t.is(member[1] + 1, "VERB") && !t.tokens().get(Math.max(0, cls[1])).equals(",");
            if (member[1] < t.size() && !purpose && (MEMBER_GOES_ON.contains(t.lower(member[1]))
                    || t.lower(member[1]).equals("'s") || t.lower(member[1]).equals("’s")
                    || t.is(member[1], "VERB") && (t.lower(member[1]).endsWith("ing") || t.lower(member[1]).endsWith("ed")))) {
                // "lack of resources", "access to electricity", "Qatar's metro", "the first field containing
                // the name": the member goes on beyond its head
                continue;
            }
            String subjectLast = subject == null ? "" : subject.substring(subject.lastIndexOf(' ') + 1);
            if (objectHead.equals(object.substring(object.lastIndexOf(' ') + 1).toLowerCase(java.util.Locale.ROOT))
                    && !MASS_CLASSES.contains(objectHead) && subjectLast.equals(subjectLast.toLowerCase(java.util.Locale.ROOT))
                    && !subjectLast.matches(".*[_.\\d].*") // "n_estimators" is a name, not a plural
                    && !dev.proda.text.Terms.singular(subjectLast).equals(subjectLast)) {
                continue; // "in the unit interval such as fractions": kinds of a singular class are not plural
            }
            if (subject != null && subject.indexOf(' ') < 0 && ADJECTIVE_ENDING.matcher(subject).matches()) {
                continue; // "maritime and other infrastructure": a modifier of the class, not a member
            }
            if (subject != null && dev.proda.text.Terms.singular(subject.substring(subject.lastIndexOf(' ') + 1)
                    .toLowerCase(java.util.Locale.ROOT)).equals(objectHead) && !subjectLast.isEmpty()
                    && Character.isLowerCase(subjectLast.charAt(0))) {
                // "algorithms such as kernel algorithms": a kind named by its class says nothing; a name does
                // ("the Lom Pangar Hydropower Project" is one infrastructure project)
                continue;
            }
            if (member[1] - member[0] > 1 && java.util.stream.IntStream.range(member[0], member[1]).allMatch(
                    k -> t.tokens().get(k).length() > 1 && t.tokens().get(k).equals(t.tokens().get(k).toUpperCase(
                            java.util.Locale.ROOT)))) {
                continue; // "such as BAD CHARACTER STATE": a message in capitals, not a kind
            }
            int after = t.ends()[member[1] - 1];
            boolean glued = after < t.text().length() && (t.text().charAt(after) == '_'
                    || "=".indexOf(t.text().charAt(after)) >= 0 || "(.[{/".indexOf(t.text().charAt(after)) >= 0
                    && !(after + 1 >= t.text().length() || Character.isWhitespace(t.text().charAt(after + 1))));
            if (subject == null || glued || member[1] - member[0] > MAX_MEMBER_WORDS
                    || Claims.PLACEHOLDERS.contains(subject.toLowerCase(java.util.Locale.ROOT))
                    || dev.proda.text.Terms.key(subject).equals(dev.proda.text.Terms.key(object))) {
                continue;
            }
            int subjectEnd = t.ends()[member[1] - 1];
            into.add(new Claims.Claim(subject, null, "is-a", object, null, subjectEnd - subject.length(), subjectEnd,
                    objectEnd - object.length(), objectEnd, false));
        }
    }

    /**
     * Whether the class sits inside a prepositional phrase or after a possessor ("runs with multiple data
     * sets such as …", "informative to some tasks, such as …", "South Korea's development model, including
     * …"): the list may then belong to a noun further left, so the pattern is not trusted. "of" is the
     * exception: "exploitation of natural resources, including petroleum" lists resources.
     */
    private static boolean insidePhrase(Tagger.Tagged t, int classStart) {
        for (int k = classStart - 1; k >= 0 && k >= classStart - 3; k--) {
            if (Claims.POINTING.contains(t.lower(k))) {
                return true; // "these vast resources, including …" lists what the text named before
            }
        }
        int before = classStart - 1;
        while (before >= 0 && (t.is(before, "DET") || QUANTIFIERS.contains(t.lower(before)))) {
            before--;
        }
        if (before < 0) {
            return false;
        }
        String word = t.lower(before);
        // "it can also be an arbitrary numeric parameter such as …": after a copula the class is what the clause
        // says the subject is, and the list names its kinds
        boolean copula = Set.of("be", "is", "are", "was", "were", "been").contains(word)
                && !(before > 0 && Set.of("which", "that", "who").contains(t.lower(before - 1)));
        if (t.is(before, "ADV") || t.is(before, "PART") || t.is(before, "AUX") && !copula
                || t.is(before, "VERB") && PARTICIPLE.matcher(word).matches() && !Claims.STATE_PARTICIPLE.matcher(word).matches()) {
            // "challenges that it has yet to fully address, including …": "address" is a verb here; "with
            // nearly balanced classes": a participle the group did not take in cuts the class
            return true;
        }
        return word.equals("'s") || word.equals("’s") || word.equals("'") || word.equals("’")
                || t.is(before, "ADP") && LOOSE_PREPOSITIONS.contains(word);
    }

    /** Prepositions after which a list is as likely to belong to a noun further left ("runs with … such as"). */
    private static final Set<String> LOOSE_PREPOSITIONS = Set.of("with", "to", "into", "between", "among", "than",
            "like", "unlike", "over", "under", "via", "through", "at", "after", "before", "following");
    /**
     * Class nouns that name a role in an argument, not a kind of thing: "challenges, including low revenue
     * collection", "side effects such as printing", "external shocks such as …" list examples of a
     * judgement, so their members are no kinds of a domain concept.
     */
    static final Set<String> ABSTRACT_CLASSES = Set.of("challenge", "effect", "shock", "mechanism", "factor", "risk",
            "reform", "weakness", "strength", "threat", "problem", "issue", "difficulty", "constraint", "obstacle",
            "impediment", "benefit", "advantage", "disadvantage", "concern", "measure", "policy", "initiative", "step",
            "action", "change", "improvement", "trend", "situation", "circumstance", "reason", "consideration",
            "aspect", "detail", "case", "example", "thing", "way", "idea", "opportunity", "incentive", "priority", "interpretation", "feature", "property", "characteristic", "quality",
            "beneficiary", "role", "task", "area",
            // units measure, they have no kinds ("the size of the header in bytes including the size varint")
            "byte", "bit", "second", "millisecond", "minute", "hour", "day", "week", "month", "year", "percent");

    /** Prepositions after which a member's noun phrase goes on. */
    private static final Set<String> MEMBER_GOES_ON = Set.of("of", "to", "for", "on", "with", "from", "between");

    private static final Set<String> QUANTIFIERS = Set.of("some", "many", "several", "various", "all", "other",
            "most", "certain", "numerous", "any", "such");

    private static boolean groupWord(Tagger.Tagged t, int i) {
        // "self-contained/VERB directory tree": a hyphenated compound before a noun is a modifier whatever its tag
        boolean compound = i >= 0 && i + 1 < t.tagged() && t.is(i, "VERB") && t.tokens().get(i).indexOf('-') > 0
                && (t.nounLike(i + 1) || t.is(i + 1, "ADJ"));
        // "version control/VERB systems": a bare verb form between two nouns is a noun the tagger misread
        boolean between = i > 0 && i + 1 < t.tagged() && t.is(i, "VERB") && (t.is(i - 1, "NOUN") || t.is(i - 1, "PROPN"))
                && t.nounLike(i + 1)
                && !t.lower(i).matches(".*(?:ed|ing|s)");
        return i >= 0 && i < t.tagged() && (t.is(i, "NOUN") || t.is(i, "PROPN") || t.is(i, "ADJ") || t.is(i, "NUM")
                || t.is(i, "X") || compound || between) && Character.isLetterOrDigit(t.tokens().get(i).charAt(0));
    }

    /** A past participle used as a modifier: "compiled languages". */
    private static boolean participle(Tagger.Tagged t, int i) {
        return t.is(i, "VERB") && t.lower(i).endsWith("ed") && (i == 0 || t.is(i - 1, "DET") || t.is(i - 1, "ADP"))
                && (t.nounLike(i + 1) || t.is(i + 1, "ADJ"));
    }

    /** The end (exclusive) of the noun group starting at {@code i}, ending in a noun; {@code i} if none. */
    private static int groupFrom(Tagger.Tagged t, int i) {
        int j = i;
        int lastNoun = -1;
        while (j < t.tagged() && groupWord(t, j) && j - i < MAX_MEMBER_WORDS + 1) {
            if (t.nounLike(j)) {
                lastNoun = j;
            }
            j++;
        }
        return lastNoun < 0 || groupWord(t, j) ? i : lastNoun + 1;
    }

    /** The noun group ending at token {@code end} (inclusive) as {start, end exclusive}, or null. */
    private static int[] groupEndingAt(Tagger.Tagged t, int end) {
        if (end < 0 || !t.nounLike(end)) {
            return null;
        }
        int start = end;
        while (start - 1 >= 0 && (groupWord(t, start - 1) || participle(t, start - 1)) && end - start < MAX_MEMBER_WORDS) {
            start--;
        }
        return new int[] {start, end + 1};
    }
}
