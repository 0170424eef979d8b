package dev.proda.extract;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Definitional and taxonomic sentence patterns over part-of-speech tags: "X is a Y", "X is a kind of Y",
 * "X is Y-ish" (has-property), "X consists of Y", "X is used for Y", "X causes Y", "X requires Y" … The
 * subject opens the sentence and is a short noun group (optionally with an alias in parentheses or after
 * ", or" / ", also called"); the object is the rest of the clause, verbatim.
 *
 * <p>Only sentences that pass {@link #candidate} (a cue verb among their first words) are tagged: tagging
 * is the expensive step, and a sentence without a cue cannot match.
 */
final class RelationPatterns {

    /** A relation read from one sentence; offsets are relative to the sentence. */
    record Relation(String subject, String alias, String predicate, String object, int subjectStart,
            int subjectEnd, int objectStart, Head head) {
        Relation(String subject, String alias, String predicate, String object, int subjectStart, int subjectEnd,
                int objectStart) {
            this(subject, alias, predicate, object, subjectStart, subjectEnd, objectStart, null);
        }
    }

    /**
     * The head of an is-a object: {@code group} is the noun group (pre-modifiers + head noun) at
     * {@code [start, end)} of the sentence; its last word is the head noun.
     */
    record Head(String group, int start, int end) {
        String noun() {
            return group.substring(group.lastIndexOf(' ') + 1);
        }
    }

    static final int MAX_SUBJECT_WORDS = 5;
    private static final int MAX_OBJECT_WORDS = 18;
    /** Words that, before "for", say what a thing is fit or made for. */
    static final Set<String> PURPOSE_ADJECTIVES = Set.of("appropriate", "suitable", "suited", "well-suited",
            "designed", "intended", "meant");
    private static final Set<String> GRADES = Set.of("more", "less", "most", "least");
    private static final String DANGLING_PREPOSITION =
            "(?i)\\s+(?:in|on|at|by|for|with|from|to|of|under|through|into|over|during|upon|within)$";
    /** A reporting participle left without its clause ("an error code for X indicating" that …). */
    private static final String DANGLING_PARTICIPLE =
            "(?i)\\s+(?:indicating|meaning|showing|stating|specifying|denoting|saying|signalling|signaling)$";

    private static final Pattern CUE = Pattern.compile("(?i)\\b(?:is|are|consists?|comprises?|contains?|"
            + "includes?|causes?|leads?|results?|produces?|triggers?|gives?|requires?|depends?|needs?|relies|rely|"
            + "allows?|enables?|lets?|refers?|means?|denotes?|can|may|must|will|serves?)\\b");
    /** Cue verbs the tagger may read as plural nouns after a noun ("A molecule consists/NOUN of …"). */
    private static final Set<String> CUE_WORDS = Set.of("is", "are", "consists", "comprises", "contains",
            "includes", "causes", "leads", "produces", "triggers", "gives", "requires", "depends", "needs", "relies",
            "allows", "enables", "lets", "refers", "denotes", "can", "may", "must", "will", "serves");
    private static final Set<String> PRONOUN_OBJECTS = Set.of("these", "those", "this", "that", "it", "them",
            "they", "he", "she", "him", "her", "us", "we", "you", "itself", "themselves");
    private static final Pattern ADJECTIVE_ENDING = Pattern.compile(
            "(?i)(?:ical|ous|ive|ful|less|able|ible)$");
    private static final Set<String> MODALS = Set.of("can", "may", "must", "will", "might", "could", "should",
            "would", "typically", "usually", "often", "generally", "also", "always", "normally", "commonly");
    private static final Set<String> BE = Set.of("is", "are");
    private static final Set<String> LOCATIVES = Set.of("beyond", "within", "without", "under", "above", "below", "over",
            "among", "behind", "ahead", "out");
    private static final Set<String> IS_A_STARTS = Set.of("a", "an", "the", "one", "any");
    private static final Set<String> BAD_SUBJECT_START = Set.of("whenever", "wherever", "whether", "unless", "until",
            "though", "whereas", "it", "this", "these", "those", "they", "we",
            "you", "there", "here", "that", "which", "such", "each", "one", "he", "she", "i", "if", "when", "in", "for", "to", "on", "at", "by", "as", "with", "however",
            "thus", "so", "also", "then", "all", "some", "many", "most", "both", "other", "another", "our", "its",
            "their", "his", "her", "what", "how", "why", "where", "see", "note", "because", "although", "while",
            "since", "after", "before", "once", "using", "unlike", "like", "here's", "let", "now", "only", "any",
            "no", "not", "every", "either", "neither", "nor", "or", "and", "but", "sometimes", "often", "usually",
            "typically", "generally", "normally", "occasionally", "frequently", "always", "never", "rarely", "first",
            "second", "third", "last", "next", "following",
            "same", "more", "less", "few", "several", "much", "further", "above", "below", "former", "latter",
            "example", "default", "someone", "something", "everyone", "anyone", "nobody", "everything", "nothing",
            "anything", "whatever", "whoever", "yes", "i.e", "e.g", "therefore", "hence", "instead", "otherwise",
            "finally", "consequently", "again", "just", "even", "still", "yet", "very", "well", "please", "do",
            "does", "did", "is", "are", "be", "can", "may", "must", "will", "would", "should", "could", "might",
            "has", "have", "had", "make", "use", "run", "call", "try", "add", "set", "get", "put", "take", "give",
            "keep", "remember");
    // Discourse nouns that open sentences but name no domain concept ("The result is a tree …").
    static final Set<String> DISCOURSE_NOUNS = Set.of("result", "results", "problem", "problems",
            "statement", "example", "examples", "reason", "answer", "idea", "goal", "aim", "purpose", "point",
            "way", "thing", "things", "case", "cases", "difference", "advantage", "disadvantage", "drawback",
            "solution", "approach", "option", "options", "default", "output", "input", "step", "first", "last",
            "next", "following", "latter", "former", "rest", "main", "key", "question", "issue", "fact",
            "part", "use", "method", "function", "value", "values", "number", "name", "end", "trick", "catch",
            "reader", "user", "users", "lot", "kind", "type", "sort", "form", "one", "other", "others", "word",
            "words", "term", "terms", "situation", "time", "place", "version", "note", "section", "chapter",
            "table", "figure", "page", "list", "line", "lines", "file", "files", "program", "programs", "data",
            "something", "anything", "everything", "nothing", "someone", "anyone", "everyone");
    private static final Pattern CLAUSE_END = Pattern.compile("[;:]|,\\s(?:which|and|but|so|while|whereas|although|"
            + "where|when|because|since|though|unless|as|that is|i\\.e\\.|e\\.g\\.|thus|hence)\\s|\\.$|\\s\\(|\\s--?\\s|\\s—\\s"
            // "a write operation and so if another connection …": a consequence or a condition ends the claim
            + "|\\sand (?:so|thus|hence|therefore)\\s|\\sif\\s"
            // "… for Sudanese refugees and South Sudan is …": "and" before a named subject and its verb opens a clause
            + "|\\sand\\s(?=(?:the\\s)?\\p{Lu}\\S*(?:\\s\\p{Lu}\\S*){0,3}\\s(?:is|are|was|were)\\b)");

    private RelationPatterns() {
    }

    /** Whether the sentence can match: a cue verb among its first {@code MAX_SUBJECT_WORDS + 4} words. */
    static boolean candidate(String sentence) {
        return cueEnd(sentence) >= 0;
    }

    /**
     * Where the first cue verb ends if the sentence can match, else -1: the words before the cue must be
     * able to form a subject (at most {@code MAX_SUBJECT_WORDS + 4} words, none of them a function word
     * apart from a leading article and an alias's "or / also called / known as", no punctuation apart
     * from an alias's parentheses and commas).
     */
    static int cueEnd(String sentence) {
        Matcher cue = CUE.matcher(sentence);
        if (!cue.find()) {
            return -1;
        }
        // "Albania, a formerly closed, centrally-planned state, is …": the appositive is no part of the subject
        String before = APPOSITIVE.matcher(sentence.substring(0, cue.start()).strip()).replaceFirst("$1");
        int aside = before.indexOf(',');
        Matcher interjection = INTERJECTION.matcher(aside > 0 ? before.substring(aside) + "," : "");
        if (aside > 0 && interjection.find() && interjection.end() >= before.length() - aside) {
            before = before.substring(0, aside); // "A solenoidal field, on the other hand, is …"
        }
        if (before.isEmpty()) {
            return -1;
        }
        String[] words = before.split("\\s+");
        if (words.length > MAX_SUBJECT_WORDS + 4) {
            return -1;
        }
        for (int i = 0; i < words.length; i++) {
            String w = words[i].replaceAll("^[(]|[),]+$", "").toLowerCase(Locale.ROOT);
            if (i == 0 && (w.equals("a") || w.equals("an") || w.equals("the"))) {
                continue;
            }
            if (i == 0 && BAD_SUBJECT_START.contains(w) || ALIAS_WORDS.contains(w)) {
                if (i == 0) {
                    return -1;
                }
                continue;
            }
            if (w.isEmpty() || dev.proda.text.Terms.STOPWORDS.contains(w) && !inParentheses(words, i)) {
                return -1;
            }
        }
        return cue.end();
    }

    private static final Pattern APPOSITIVE = Pattern.compile("^([^,]{1,60}), an? [^;:()]{1,80},$");
    private static final Set<String> NAME_LABELS = Set.of("class", "function", "method", "module", "package",
            "program", "command", "estimator", "option", "parameter", "attribute", "object", "type", "library");
    /** A name written as code: inner capitals ("FeatureHasher"), dots or underscores ("np.var", "fit_transform"). */
    private static final Pattern CODE_NAME = Pattern.compile("\\p{L}[\\p{L}\\d]*(?:[A-Z._][\\p{L}\\d_.]*)+(?:\\(\\))?");
    private static final Pattern INTERJECTION = Pattern.compile("^,\\s*(?:on the other hand|however|therefore|in turn|"
            + "for example|for instance|in particular|of course|in general|in practice|thus|by contrast|in contrast|"
            + "too|also|then|though|moreover|furthermore)\\s*,");
    private static final Set<String> ALIAS_WORDS = Set.of("or", "also", "called", "known", "as");

    private static boolean inParentheses(String[] words, int i) {
        for (int j = i; j >= 0; j--) {
            if (words[j].startsWith("(")) {
                return true;
            }
            if (words[j].endsWith(")") && j < i) {
                return false;
            }
        }
        return false;
    }

    static Optional<Relation> match(String sentence) {
        int cue = cueEnd(sentence);
        return cue >= 0 ? match(Tagger.tag(sentence, cue)) : Optional.empty();
    }

    static Optional<Relation> match(Tagger.Tagged t) {
        int n = t.size();
        int s = 0;
        if (n < 3) {
            return Optional.empty();
        }
        String first = t.lower(0);
        if (first.equals("a") || first.equals("an") || first.equals("the")) {
            s = 1;
        }
        // The subject: a run of adjectives, nouns and numbers ending in a noun. The sentence's first word is
        // taken whatever its tag when it is capitalised and no function word: taggers often mis-tag a
        // capitalised noun there ("Iconoclast/PRON is …").
        if (s >= n) {
            return Optional.empty();
        }
        boolean lenientFirst = Character.isUpperCase(t.tokens().get(s).charAt(0))
                && !BAD_SUBJECT_START.contains(t.lower(s)) && t.tokens().get(s).chars().allMatch(
                        c -> Character.isLetterOrDigit(c) || c == '-' || c == '\'');
        int e = s;
        while (e < n && e - s < MAX_SUBJECT_WORDS && (subjectWord(t, e) && !(e > s && CUE_WORDS.contains(t.lower(e)))
                || e == s && lenientFirst || quotedName(t, s, e))) {
            e++;
        }
        // A run that stops right at a cue verb is the subject whatever its last tag ("Gradient/ADJ descent/ADJ
        // depends on …").
        boolean atCue = e > s && e < n && (CUE_WORDS.contains(t.lower(e)) || t.tokens().get(e).equals("("))
                && !t.is(e - 1, "ADV");
        while (!atCue && e > s && !t.nounLike(e - 1) && !(e - 1 == s && lenientFirst)) {
            e--;
        }
        if (e == s) {
            return Optional.empty();
        }
        if (!acceptableSubject(t, s, e)) {
            return Optional.empty();
        }
        // "The latent function f is …", "Column d is …": a variable's letter names one instance of the text's
        if (e - s > 1 && t.tokens().get(e - 1).matches("[a-z]\\d?")) {
            return Optional.empty();
        }
        int afterSubject = e;
        // "The class FeatureHasher is …": a kind word before a code name labels it; the name is the subject
        if (e - s == 2 && NAME_LABELS.contains(t.lower(s)) && CODE_NAME.matcher(t.tokens().get(s + 1)).matches()) {
            s++;
        }
        int subjectStart = t.starts()[s];
        int subjectEnd = t.ends()[e - 1];
        String subject = t.text().substring(subjectStart, subjectEnd);
        String alias = null;
        int v = afterSubject;
        // Alias: "X (Y) is …" or "X, or Y, is …" / "X, also called Y, is …".
        if (v < n && t.tokens().get(v).equals("(")) {
            int close = v + 1;
            while (close < n && close - v <= 6 && !t.tokens().get(close).equals(")")) {
                close++;
            }
            if (close < n && close - v <= 6 && close > v + 1) {
                // "erf(x) is …": a parenthesis glued to the name holds arguments, not another name
                boolean call = t.starts()[v] == t.ends()[v - 1];
                alias = call ? null : acceptableAlias(t.text().substring(t.starts()[v + 1], t.ends()[close - 1]));
                v = close + 1;
                // "A receiver operating characteristic (ROC), or simply ROC curve, is …": a second name
                if (v + 2 < n && t.tokens().get(v).equals(",") && t.lower(v + 1).equals("or")) {
                    int next = v + 2;
                    while (next < n && next - v <= 6 && !t.tokens().get(next).equals(",")) {
                        next++;
                    }
                    if (next < n && next - v <= 6) {
                        v = next + 1;
                    }
                }
            } else {
                return Optional.empty();
            }
        } else if (v + 2 < n && t.tokens().get(v).equals(",")) {
            int a = v + 1;
            if (t.lower(a).equals("or")) {
                a++;
            } else if (t.lower(a).equals("also") && a + 1 < n && (t.lower(a + 1).equals("called")
                    || t.lower(a + 1).equals("known"))) {
                a += t.lower(a + 1).equals("known") && a + 2 < n && t.lower(a + 2).equals("as") ? 3 : 2;
            } else if (t.lower(a).equals("a") || t.lower(a).equals("an")) {
                // "Albania, a formerly closed, centrally-planned state, is …": an appositive between subject and
                // verb is skipped (it says something of its own, read by Hearst's appositive rule or not at all)
                int close = a + 1;
                while (close < n && close - a <= 10 && !(t.tokens().get(close).equals(",") && close + 1 < n
                        && CUE_WORDS.contains(t.lower(close + 1)))) {
                    close++;
                }
                if (close < n && close - a <= 10) {
                    v = close + 1;
                }
                a = -1;
            } else {
                a = -1;
            }
            if (a > 0) {
                int close = a;
                while (close < n && close - a < 4 && !t.tokens().get(close).equals(",")) {
                    close++;
                }
                if (close < n && close > a && t.tokens().get(close).equals(",")) {
                    alias = acceptableAlias(t.text().substring(t.starts()[a], t.ends()[close - 1]));
                    v = close + 1;
                }
            }
        }
        // "A solenoidal field, on the other hand, is …": a connective set off by commas is no part of the claim
        if (v < n && t.tokens().get(v).equals(",")) {
            Matcher aside = INTERJECTION.matcher(t.text().substring(t.starts()[v]));
            if (aside.find()) {
                int after = t.starts()[v] + aside.end();
                while (v < n && t.starts()[v] < after) {
                    v++;
                }
            }
        }
        String subjectText = subject;
        String aliasText = alias;
        return verbPhrase(t, v).map(vp -> {
            int objectStart = vp.objectToken < n ? t.starts()[vp.objectToken] : t.text().length();
            // is-a and defined-as objects become definitions, which must end whole and say more than one word;
            // another relation needs only the noun group its object opens with ("is used in calibration")
            boolean defining = vp.predicate.equals("is-a") || vp.predicate.equals("defined-as");
            String object = clause(t.text().substring(objectStart), defining ? 2 : 1, defining);
            if (object == null) {
                return null;
            }
            if (vp.objectToken < n && (t.is(vp.objectToken, "PRON") || PRONOUN_OBJECTS.contains(t.lower(vp.objectToken)))) {
                return null; // "… refers to these as …": the object is elsewhere
            }
            String predicate = vp.predicate;
            Head head = null;
            if (predicate.equals("is-a")) {
                if (verbPhraseObject(t, vp.objectToken) || passive(t, vp.objectToken)) {
                    return null;
                }
                head = head(t, vp.objectToken, objectStart + object.length(), 0);
                if (head == null) {
                    return null;
                }
                predicate = taxonomic(t, head);
                if (head.group().indexOf(' ') < 0 && !IS_A_STARTS.contains(t.lower(vp.objectToken))
                        && ADJECTIVE_ENDING.matcher(head.group()).find()) {
                    predicate = "has-property"; // "… is appropriate when …", "… is stateless if …"
                    head = null;
                }
            }
            return new Relation(subjectText, aliasText, predicate, object, subjectStart, subjectEnd, objectStart,
                    head);
        });
    }

    private record VerbPhrase(String predicate, int objectToken) {
    }

    /** The rule whose verb phrase starts at token {@code v}, and where its object starts. */
    private static Optional<VerbPhrase> verbPhrase(Tagger.Tagged t, int v) {
        int n = t.size();
        while (v < n && MODALS.contains(t.lower(v))) {
            v++;
        }
        if (v >= n) {
            return Optional.empty();
        }
        String w = t.lower(v);
        String w1 = v + 1 < n ? t.lower(v + 1) : "";
        String w2 = v + 2 < n ? t.lower(v + 2) : "";
        if (BE.contains(w) || w.equals("be")) {
            int o = v + 1;
            while (o < n && t.is(o, "ADV") && !t.lower(o).equals("not") && !t.lower(o).equals("never") && o - v < 3) {
                o++;
            }
            if (o >= n || t.lower(o).equals("not") || t.lower(o).equals("never") || t.lower(o).equals("n't")) {
                return Optional.empty();
            }
            if (o > v + 1 && LOCATIVES.contains(t.lower(o - 1))) {
                return Optional.empty(); // "is nearly beyond repair" read "beyond" as an adverb: no class follows
            }
            String x = t.lower(o);
            String x1 = o + 1 < n ? t.lower(o + 1) : "";
            String x2 = o + 2 < n ? t.lower(o + 2) : "";
            if (x.equals("known") && x1.equals("as") && o + 2 < n && IS_A_STARTS.contains(t.lower(o + 2))) {
                return vp("is-a", o + 2); // "naive Bayes is known as a decent classifier"
            }
            if (x.equals("defined") && x1.equals("as")) {
                // "A word is defined as a sequence of …": a genus after the article is a class as well
                return vp(x2.equals("a") || x2.equals("an") || x2.equals("the") ? "is-a" : "defined-as", o + 2);
            }
            if (x.equals("used") && (x1.equals("to") || x1.equals("for") || x1.equals("in"))) {
                // "musicians are used to bar lines": "used to" before a noun group means accustomed, no purpose
                if (x1.equals("to") && o + 2 < n && (t.is(o + 2, "DET") || t.nounLike(o + 2) && !t.is(o + 2, "VERB"))
                        && !(o + 3 < n && t.is(o + 3, "DET"))) {
                    return Optional.empty();
                }
                return vp("used-for", o + 2);
            }
            if ((x.equals("useful") || x.equals("needed") || x.equals("necessary")) && x1.equals("for")) {
                return vp(x.equals("useful") ? "used-for" : "requires", o + 2);
            }
            // "Dollo parsimony is particularly appropriate for restriction sites data": made or fit for a use
            // ("may be more appropriate for …" compares)
            if (PURPOSE_ADJECTIVES.contains(x) && x1.equals("for") && !GRADES.contains(t.lower(o - 1))) {
                return vp("used-for", o + 2);
            }
            if ((x.equals("measured") || x.equals("expressed")) && x1.equals("in")) {
                return vp("measured-in", o + 2);
            }
            if ((x.equals("composed") || x.equals("made")) && (x1.equals("of") || x1.equals("up") && x2.equals("of"))) {
                return vp("has-part", o + (x1.equals("up") ? 3 : 2));
            }
            if (x.equals("part") && x1.equals("of")) {
                return vp("part-of", o + 2);
            }
            if ((x.equals("a") || x.equals("an")) && (x1.equals("part") || x1.equals("component")) && x2.equals("of")) {
                return vp("part-of", o + 3);
            }
            if (x.equals("caused") && x1.equals("by")) {
                return Optional.empty(); // reversed direction: not worth a wrong statement
            }
            if (t.is(o, "VERB") && x.endsWith("ed") && o + 1 < n && Character.isUpperCase(t.tokens().get(o + 1).charAt(0))) {
                return Optional.empty(); // "Handlers are passed LogRecord instances": a passive with its object
            }
            if (t.is(o, "VERB") && x.endsWith("ed") && o + 1 < t.tagged() && (t.is(o + 1, "VERB") || t.is(o + 1, "ADP")
                    || t.is(o + 1, "ADV") || t.is(o + 1, "PUNCT"))) {
                return Optional.empty(); // "Quantities are calculated using methods": a passive, not a class
            }
            if (IS_A_STARTS.contains(x) || nounGroupFollows(t, o)) {
                return vp("is-a", o);
            }
            if (t.is(o, "ADJ") || t.is(o, "ADV") && t.is(o + 1, "ADJ")) {
                return vp("has-property", o);
            }
            return Optional.empty();
        }
        if ((w.equals("consists") || w.equals("consist")) && w1.equals("of")) {
            return vp("has-part", v + 2);
        }
        if (w.startsWith("compris") || w.startsWith("contain") || w.equals("includes")) {
            return vp("has-part", v + 1); // "includes": a plural subject's "include" lists kinds (Hearst)
        }
        // "Industry consists mainly of small factories"
        if ((w.equals("consists") || w.equals("consist")) && w2.equals("of") && t.is(v + 1, "ADV")) {
            return vp("has-part", v + 3);
        }
        if (w.equals("refers") || w.equals("refer")) {
            return w1.equals("to") ? vp("defined-as", v + 2) : Optional.empty();
        }
        if (w.equals("means") || w.equals("denotes") || w.equals("mean") || w.equals("denote")) {
            return vp("defined-as", v + 1);
        }
        if (w.equals("causes") || w.equals("cause") || w.equals("produces") || w.equals("produce")
                || w.equals("triggers") || w.equals("trigger")) {
            return vp("causes", v + 1);
        }
        if ((w.equals("leads") || w.equals("lead")) && w1.equals("to")
                || (w.equals("results") || w.equals("result")) && w1.equals("in")) {
            return vp("causes", v + 2);
        }
        if ((w.equals("gives") || w.equals("give")) && w1.equals("rise") && w2.equals("to")) {
            return vp("causes", v + 3);
        }
        if (w.equals("requires") || w.equals("require") || w.equals("needs") || w.equals("need")) {
            return vp("requires", v + 1);
        }
        if ((w.equals("depends") || w.equals("depend") || w.equals("relies") || w.equals("rely")) && w1.equals("on")) {
            return vp("requires", v + 2);
        }
        if (w.equals("allows") || w.equals("allow") || w.equals("enables") || w.equals("enable") || w.equals("lets")
                || w.equals("let")) {
            return vp("enables", v + 1);
        }
        if ((w.equals("serves") || w.equals("serve")) && w1.equals("to")) {
            return vp("used-for", v + 2);
        }
        return Optional.empty();
    }

    private static Optional<VerbPhrase> vp(String predicate, int objectToken) {
        return Optional.of(new VerbPhrase(predicate, objectToken));
    }

    /**
     * What an "X is Y" sentence states, from the head of Y: is-a normally; defined-as when the head is a
     * frame noun with an "of" complement ("the act of predicting", "the quality of being …": the sentence
     * paraphrases X, its genus is no category); part-of for a taxonomic rank of a group ("a genus of the
     * family Colubridae": a member of it) and for "a member / branch of" a group.
     */
    static String taxonomic(Tagger.Tagged t, Head head) {
        int after = t.tokenAt(head.end());
        boolean ofFollows = head.group().indexOf(' ') < 0 && after < t.size() && t.lower(after).equals("of");
        String noun = head.noun().toLowerCase(Locale.ROOT);
        if (ofFollows && FRAMES.contains(noun)) {
            return "defined-as";
        }
        if (ofFollows && (RANKS.contains(noun) || MEMBERSHIP.contains(noun))) {
            return "part-of";
        }
        return "is-a";
    }

    private static final Set<String> QUANTIFIERS = Set.of("a", "an", "the", "one", "any", "some", "each", "every",
            "various", "several", "many", "certain", "all", "both", "either", "two", "three", "four", "its", "their",
            "his", "her", "our", "your", "this", "that", "these", "those", "such", "another", "other", "of");
    /**
     * Nouns that stand for the noun after "of": type nouns ("a kind of tree" is a tree, "a branch of
     * medicine" is medicine), the unitizer "piece" ("a piece of furniture") and quantifiers. Collective and
     * measure nouns are heads of their own ("a group of persons" is a group, "a unit of power" a unit) unless
     * a quantifier picks one member ("any of a group of viruses" is a virus); "a member of X" states
     * membership ({@link #taxonomic}).
     */
    private static final Set<String> SHELLS = Set.of("kind", "type", "form", "sort", "variety", "species",
            "category", "example", "instance", "one", "any", "version", "subclass", "subtype", "style", "class",
            "some", "branch", "piece", "variation", "variant", "specialization", "specialisation", "subset", "case",
            "sub-class", "number", "range", "multitude", "plethora", "host", "handful", "lot", "lots", "hundred", "thousand",
            "million", "dozen", "couple");
    /** Shells that count what follows them. */
    private static final Set<String> QUANTITY_SHELLS = Set.of("number", "range", "multitude", "plethora", "host",
            "handful", "lot", "lots", "hundred", "thousand", "million", "dozen", "couple");
    private static final Set<String> COLLECTIVES = Set.of("group", "set", "collection", "series", "family");
    private static final Set<String> MEMBER_QUANTIFIERS = Set.of("one", "any", "each", "either", "some");
    private static final Set<String> MEMBERSHIP = Set.of("member");

    /** A modifier in a comma list before a noun: an adjective or an "-ed" participle ("interpreted, …"). */
    private static boolean listedModifier(Tagger.Tagged t, int k) {
        return gradingModifier(t, k) || t.is(k, "VERB") && t.lower(k).endsWith("ed");
    }

    /** An adjective, or a hyphenated compound the tagger may call a noun ("high-speed", "low-memory"). */
    private static boolean gradingModifier(Tagger.Tagged t, int k) {
        String token = t.tokens().get(k);
        return t.is(k, "ADJ") || token.indexOf('-') > 0 && Character.isLowerCase(token.charAt(0)) && !t.is(k, "VERB");
    }

    /**
     * The noun group that an object phrase starting at token {@code o} is about, read from the tags:
     * determiners and quantifiers ("any of various") skipped; adjectives, participles, nouns and
     * coordinated adjectives ("a formal or official examination") taken; the group ends at the last noun
     * before anything else. "A kind of X" → the group of X. Beyond the tagged tokens, or when no noun is
     * found, the plain string rules of {@link Heads} decide.
     */
    static Head head(Tagger.Tagged t, int o, int objectEnd, int depth) {
        int n = Math.min(t.tagged(), t.tokenAt(objectEnd));
        int i = o;
        while (i < n && (QUANTIFIERS.contains(t.lower(i)) || t.is(i, "ADV") || t.is(i, "DET"))) {
            i++;
        }
        int start = i;
        int lastNoun = -1;
        for (; i < n; i++) {
            String tag = i > start && mistaggedNoun(t, i, n) || t.is(i, "VERB") && Heads.ingNoun(t.lower(i))
                    && (i + 1 < n && t.nounLike(i + 1) || i > start && (i + 1 >= n
                            || !(t.nounLike(i + 1) || t.is(i + 1, "DET") || t.is(i + 1, "ADJ") || t.is(i + 1, "NUM"))))
                    ? "NOUN" : t.tags()[i];
            // "a byte oriented encoding", "a tree based classifier": a participle between two nouns of the group
            // is a compound modifier, not the start of a post-modifier
            boolean compound = tag.equals("VERB") && t.lower(i).endsWith("ed") && i > start && t.nounLike(i - 1)
                    && i + 1 < n && (t.nounLike(i + 1) || Heads.ingNoun(t.lower(i + 1)));
            if (compound) {
                tag = "ADJ";
            }
            // "a small, open economy", "a high-speed, low-memory vectorizer", "an interpreted, interactive,
            // object-oriented programming language", "a peaceful, prosperous, and modern market economy": the
            // adjectives before the last comma grade the same noun; the group goes on after it (the last one
            // may classify: "open economy").
            int next = i + 1 < n && (t.lower(i + 1).equals("and") || t.lower(i + 1).equals("or")) ? i + 2 : i + 1;
            if (t.tokens().get(i).equals(",") && i > start && next + 1 < n
                    && IntStream.range(start, i).allMatch(k -> t.tokens().get(k).equals(",") || listedModifier(t, k))
                    && listedModifier(t, next) && (t.nounLike(next + 1) || gradingModifier(t, next + 1)
                            || t.tokens().get(next + 1).equals(","))) {
                lastNoun = -1;
                start = next;
                i = next - 1;
                continue;
            }
            boolean np = tag.equals("NOUN") || tag.equals("PROPN") || tag.equals("ADJ") || tag.equals("NUM")
                    || tag.equals("X") || (tag.equals("VERB") || tag.equals("ADV")) && i + 1 < n
                    && (t.is(i + 1, "NOUN") || t.is(i + 1, "ADJ") || t.is(i + 1, "VERB") || t.is(i + 1, "PROPN"));
            // "a procedural and statically typed language": an adjective the tagger called a noun, coordinated
            // with another modifier, is no head of its own; the group is the last conjunct with the head
            if (tag.equals("CCONJ") && lastNoun == start && i == start + 1 && ADJECTIVAL.matcher(t.lower(start)).matches()
                    && i + 2 < n && (t.is(i + 1, "ADJ") || t.is(i + 1, "ADV")) && !t.nounLike(i + 1)) {
                lastNoun = -1;
                start = i + 1;
                continue;
            }
            // "an interval equal to half a semitone", "the male voice intermediate in pitch": an adjective after
            // the noun that takes its own preposition follows the group, it is no part of it
            if ((tag.equals("ADJ") || POSTNOMINAL.contains(t.lower(i))) && lastNoun >= 0 && lastNoun == i - 1
                    && !POSTNOMINAL.contains(t.lower(lastNoun)) && i + 1 < n && t.is(i + 1, "ADP")
                    && !t.lower(i + 1).equals("of")) {
                if (t.is(i, "NOUN") || t.is(i, "PROPN")) {
                    lastNoun = lastNounBefore(t, start, i); // the tagger took the adjective for the head
                }
                break;
            }
            if (tag.equals("CCONJ") && lastNoun < 0 && i > start && (t.is(i - 1, "ADJ") || t.is(i - 1, "VERB"))
                    && i + 1 < n && (t.is(i + 1, "ADJ") || t.is(i + 1, "VERB") || t.is(i + 1, "ADV"))) {
                continue; // "a wired or starched collar"
            }
            if (t.lower(i).equals("'s") || t.lower(i).equals("’s")) {
                start = i + 1; // "a woman's large hood": the possessor is no head
                lastNoun = -1;
                continue;
            }
            if (!np || lastNoun >= 0 && (tag.equals("VERB") || tag.equals("ADV")) || i > start && !compound
                    && (lastNoun >= 0 || tag.equals("NOUN"))
                    && Heads.postModifier(t.tokens().get(i), i + 1 < t.size() ? t.tokens().get(i + 1) : "")) {
                break; // after a noun, a participle or adverb starts a post-modifier ("fruit consisting of …")
            }
            if (tag.equals("NOUN") || tag.equals("PROPN")) {
                lastNoun = i;
            }
        }
        if (lastNoun < 0 && depth < 2 && i > start && i < n && t.lower(i).equals("of") && COMPARATIVE.matcher(
                t.lower(i - 1)).find() && IntStream.range(start, i).allMatch(k -> t.is(k, "ADJ") || t.is(k, "CCONJ"))) {
            Head inner = head(t, i + 1, objectEnd, depth + 1); // "the inner and longer of the two bones"
            if (inner != null) {
                return inner;
            }
        }
        if (lastNoun < 0 || i >= n && n < t.size() && t.tokenAt(objectEnd) > n) {
            // no noun among the tags, or the group may run on beyond the tagged tokens
            String group = Heads.of(t.text().substring(t.starts()[o], objectEnd));
            if (group == null) {
                return null;
            }
            int at = t.text().indexOf(group, t.starts()[o]);
            return at < 0 ? null : new Head(group, at, at + group.length());
        }
        String noun = t.lower(lastNoun);
        boolean memberOfCollective = COLLECTIVES.contains(noun) && IntStream.range(o, start)
                .anyMatch(k -> MEMBER_QUANTIFIERS.contains(t.lower(k)) && t.lower(k + 1).equals("of"));
        // "a kind of tree" stands for the tree; "a base class of all exceptions" is a base class.
        // "examples of sequence types" as "an example of a …"
        // "the approximate number of instructions" is a count, not instructions: a quantity stands for what it
        // counts only when indefinite ("a number of widely used codecs")
        boolean definiteCount = QUANTITY_SHELLS.contains(noun)
                && IntStream.range(o, lastNoun).anyMatch(k -> t.lower(k).equals("the"));
        // "a two-pronged piece of steel" is a shaped piece, no kind of steel: a described piece is a thing of its own
        boolean describedPiece = noun.equals("piece") && IntStream.range(start, lastNoun).anyMatch(k -> t.is(k, "ADJ")
                || t.tokens().get(k).indexOf('-') > 0);
        boolean bareShell = SHELLS.contains(dev.proda.text.Terms.singular(noun)) && !definiteCount && !describedPiece
                && IntStream.range(start, lastNoun).noneMatch(t::nounLike);
        if (depth < 2 && (bareShell || memberOfCollective) && lastNoun + 1 < t.size()
                && t.lower(lastNoun + 1).equals("of")) {
            Head inner = head(t, lastNoun + 2, objectEnd, depth + 1);
            if (inner != null) {
                return inner;
            }
        }
        int from = start;
        while (from < lastNoun && !(t.is(from, "ADJ") || t.nounLike(from) || t.is(from, "NUM")
                || t.is(from, "VERB") || t.is(from, "X"))) {
            from++;
        }
        return new Head(t.text().substring(t.starts()[from], t.ends()[lastNoun]), t.starts()[from],
                t.ends()[lastNoun]);
    }

    /** Adjectives that follow their noun with a complement of their own ("equal to", "intermediate in"). */
    private static final Set<String> POSTNOMINAL = Set.of("equal", "intermediate", "similar", "identical",
            "adjacent", "prior", "subsequent", "proportional", "analogous", "comparable", "useful", "suitable",
            "responsible", "available", "specific", "sufficient", "necessary", "close", "related");

    private static int lastNounBefore(Tagger.Tagged t, int start, int end) {
        for (int k = end - 1; k >= start; k--) {
            if (t.nounLike(k)) {
                return k;
            }
        }
        return -1;
    }

    /** Adjective endings: a word in one of them before "and" + modifier modifies, it heads nothing. */
    private static final Pattern ADJECTIVAL = Pattern.compile("[a-z-]{3,}(?:al|ic|ive|ous|ful|able|ible)");
    /** Comparatives and superlatives: "the older of two parties", "the outermost of the muscles". */
    private static final Pattern COMPARATIVE = Pattern.compile("(?:er|est|most)$");
    /** Tags that may follow a noun group's last noun but not a participle ("an organization begun in …"). */
    private static final Set<String> AFTER_NOUN_GROUP = Set.of("PUNCT", "CCONJ", "SCONJ", "PRON");

    /**
     * A word the greedy tagger read as a verb where only a noun fits: right after a noun or adjective of the
     * group, not a participle, and followed by the group's end ("United States poet (", "Old World thrushes.").
     */
    private static boolean mistaggedNoun(Tagger.Tagged t, int i, int n) {
        String word = t.lower(i);
        return t.is(i, "VERB") && (t.nounLike(i - 1) || t.is(i - 1, "ADJ")) && !word.endsWith("ed")
                && !word.endsWith("ing") && (i + 1 >= t.size() || i + 1 >= n
                        || AFTER_NOUN_GROUP.contains(t.tags()[i + 1]));
    }

    /**
     * Whether an object starts with a finite verb or a verb taking its own object: "Canteen is sells food",
     * "Peba is having nine bands" are verb phrases, whatever noun follows, and name no class.
     */
    private static boolean verbPhraseObject(Tagger.Tagged t, int o) {
        if (!t.is(o, "VERB")) {
            return false;
        }
        String word = t.lower(o);
        return word.endsWith("s") && !word.endsWith("ss") || t.is(o + 1, "DET") || t.is(o + 1, "NUM")
                || t.is(o + 1, "PRON") || t.is(o + 1, "ADP");
    }

    /** Past participles that do not end in -ed: "is held", "is made", "is known". */
    private static final Set<String> IRREGULAR_PARTICIPLES = Set.of("held", "made", "done", "built", "given", "taken",
            "kept", "known", "shown", "seen", "written", "read", "run", "set", "put", "sent", "left", "found", "brought",
            "bound", "chosen", "drawn", "driven", "thrown", "grown", "hidden", "split", "spent", "stored", "begun");

    /**
     * "An EXCLUSIVE lock is also held on …": a bare past participle after the copula is a passive, whatever noun
     * comes after it, and no class.
     */
    private static boolean passive(Tagger.Tagged t, int o) {
        if (o >= t.tagged() || t.tokens().get(o).indexOf('-') >= 0) {
            return false; // "object-oriented languages"
        }
        int copula = o - 1;
        while (copula > 0 && t.is(copula, "ADV")) {
            copula--;
        }
        // "are interpreted languages" classes plural things; after a singular "is" a bare participle is passive
        boolean singular = copula >= 0 && t.lower(copula).equals("is");
        String word = t.lower(o);
        return singular && (IRREGULAR_PARTICIPLES.contains(word) || t.is(o, "VERB") && word.endsWith("ed"));
    }

    private static final Set<String> FRAMES = Set.of("act", "action", "process", "quality", "state", "condition",
            "property", "feeling", "practice", "activity", "ability", "capacity", "use", "art", "fact", "manner",
            "way", "result", "means", "occurrence", "instance", "event", "study", "science");
    private static final Set<String> RANKS = Set.of("genus", "family", "order", "subfamily", "suborder",
            "superfamily", "tribe", "subgenus", "phylum", "subphylum", "class", "subclass", "division", "kingdom");

    /** Adverbs and adjectives, then a noun: "abnormally low level of calcium". */
    private static boolean nounGroupFollows(Tagger.Tagged t, int o) {
        int i = o;
        while (i < t.size() && (t.is(i, "ADV") || t.is(i, "ADJ") || t.is(i, "NUM") || t.is(i, "VERB"))
                && i - o < 5) {
            i++;
        }
        return t.nounLike(i);
    }

    /** Quote characters around a one-word name. */
    private static final Set<String> QUOTES = Set.of("'", "\"", "‘", "’", "“", "”", "`");

    /**
     * "The ‘lsqr’ solver is …": the quotes around a one-word name inside the subject belong to it (the opening
     * quote before the name, the closing one after it, and a noun still to come).
     */
    private static boolean quotedName(Tagger.Tagged t, int s, int i) {
        if (i + 1 >= t.tagged() || !QUOTES.contains(t.tokens().get(i))) {
            return false;
        }
        boolean opening = i + 3 < t.tagged() && QUOTES.contains(t.tokens().get(i + 2)) && t.ends()[i] == t.starts()[i + 1]
                && Character.isLetterOrDigit(t.tokens().get(i + 1).charAt(0)) && t.nounLike(i + 3);
        boolean closing = i >= s + 2 && QUOTES.contains(t.tokens().get(i - 2)) && t.starts()[i] == t.ends()[i - 1]
                && t.nounLike(i + 1);
        return opening || closing;
    }

    private static boolean subjectWord(Tagger.Tagged t, int i) {
        if (i >= t.tagged()) {
            return false;
        }
        String tag = t.tags()[i];
        String token = t.tokens().get(i);
        // "Manifold learning is …", "Feature scaling is …": a gerund after a noun and before the copula heads
        // a compound term, whatever its tag.
        boolean gerundHead = tag.equals("VERB") && token.endsWith("ing") && i > 0 && t.nounLike(i - 1)
                && i + 1 < t.size() && (BE.contains(t.lower(i + 1)) || t.nounLike(i + 1) || t.is(i + 1, "ADJ"));
        boolean ingModifier = tag.equals("VERB") && Heads.ingNoun(token) && i + 1 < t.size() && t.nounLike(i + 1);
        // "Normalized Discounted Cumulative Gain", "Gradient Boosted Decision Trees": a capitalised participle
        // between capitalised words is part of a name
        boolean titled = tag.equals("VERB") && Character.isUpperCase(token.charAt(0)) && i + 1 < t.size()
                && Character.isUpperCase(t.tokens().get(i + 1).charAt(0)) && (t.nounLike(i + 1) || t.is(i + 1, "ADJ"));
        return (tag.equals("NOUN") || tag.equals("PROPN") || tag.equals("ADJ") || tag.equals("NUM")
                || tag.equals("X") || gerundHead || ingModifier || titled) && Character.isLetterOrDigit(token.charAt(0));
    }

    private static boolean acceptableSubject(Tagger.Tagged t, int s, int e) {
        String firstWord = t.lower(s);
        if (BAD_SUBJECT_START.contains(firstWord) || t.is(s, "PRON") || t.is(s, "DET")) {
            return false;
        }
        if (e - s == 1 && (DISCOURSE_NOUNS.contains(firstWord) || firstWord.length() < 2)) {
            return false;
        }
        for (int i = s; i < e; i++) {
            if (!t.tokens().get(i).chars().anyMatch(Character::isLetter) && !QUOTES.contains(t.tokens().get(i))) {
                return false;
            }
        }
        String last = t.lower(e - 1);
        return !last.endsWith("ly") && !DISCOURSE_NOUNS.contains(last) || e - s > 1 && !last.endsWith("ly");
    }

    private static String acceptableAlias(String alias) {
        if (alias == null || alias.isBlank() || alias.split("\\s+").length > 4 || !Character.isLetter(alias.charAt(0))
                || alias.startsWith("e.g") || alias.startsWith("i.e") || alias.toLowerCase(Locale.ROOT).startsWith("see")
                || alias.matches(".*\\d{4}.*")) {
            return null;
        }
        return alias;
    }

    /** A comma list going on up to here: ", livestock" (one to three words after a comma). */
    private static final Pattern LIST_BEFORE = Pattern.compile(",\\s[\\w'’-]+(?:\\s[\\w'’-]+){0,2}$");

    /** A list going on after a comma: "livestock, and …" (an item of one to three words, then and / or). */
    private static final Pattern LIST_AFTER = Pattern.compile("^[\\w'’-]+(?:\\s[\\w'’-]+){0,2},?\\s(?:and|or)\\b");

    /** Where a long object may end and still say something whole: before a comma or a relative word. */
    private static final Pattern OBJECT_BREAK = Pattern.compile(",\\s|(?<!\\bsuch)\\s(?=(?:that|which|where|such that|"
            + "in terms of|by means of|so that)\\s)");

    /**
     * "a vector operator that measures the magnitude of … at a given point, in terms of a signed scalar":
     * a long object is cut at its last comma or relative word within {@link #MAX_OBJECT_WORDS}, never
     * inside a phrase; null when no such cut leaves at least {@code min} words.
     */
    private static String shortened(String object, int min) {
        Matcher breaks = OBJECT_BREAK.matcher(object);
        String best = null;
        while (breaks.find()) {
            String after = object.substring(breaks.end());
            if (LIST_AFTER.matcher(after).find() || after.matches("(?s)(?:and|or)\\s.*")
                    && LIST_BEFORE.matcher(object.substring(0, breaks.start())).find()) {
                continue; // "crops, livestock, and …": a comma inside a list
            }
            // "a coordinate transformation in which …": the preposition belongs to the relative clause
            String prefix = object.substring(0, breaks.start()).strip().replaceAll("[,.]+$", "").strip()
                    .replaceAll(DANGLING_PREPOSITION, "").replaceAll(DANGLING_PARTICIPLE, "");
            int words = prefix.isEmpty() ? 0 : prefix.split("\\s+").length;
            if (words > MAX_OBJECT_WORDS) {
                break;
            }
            if (words >= min) {
                best = prefix;
            }
        }
        return best;
    }

    /** The object: the clause up to a clause boundary, {@code min}–18 words, ending without a dangling comma. */
    static String clause(String rest, int min, boolean defining) {
        Matcher end = CLAUSE_END.matcher(rest);
        int cut = rest.length();
        while (end.find()) {
            // "… centers on subsistence crops, livestock, and some uranium deposits": ", and" closing a comma list
            // is no clause boundary; cutting there leaves half a list
            boolean listEnd = end.group().matches(",\\s(?:and|or)\\s") && LIST_BEFORE.matcher(
                    rest.substring(0, end.start())).find();
            if (!listEnd) {
                cut = end.start();
                break;
            }
        }
        String object = rest.substring(0, cut);
        object = object.strip().replaceAll("[,.]+$", "").strip();
        int words = object.isEmpty() ? 0 : object.split("\\s+").length;
        if (words > MAX_OBJECT_WORDS) {
            object = defining ? shortened(object, min)
                    : String.join(" ", java.util.Arrays.copyOf(object.split("\\s+"), MAX_OBJECT_WORDS));
            words = object == null ? 0 : object.split("\\s+").length;
        }
        if (object == null || words < min || words > MAX_OBJECT_WORDS || !Character.isLetterOrDigit(object.charAt(0))) {
            return null;
        }
        return object;
    }
}
