package dev.proda.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * From a matched relation to a self-contained claim between two concept terms, or nothing. A claim
 * enters the knowledge base only when it is true of its sentence read alone:
 *
 * <ul>
 *   <li>the subject names a concept without the surrounding text: no pronoun or demonstrative (refused
 *   before matching), no definite description of a common noun ("The algorithm …", "The economy …",
 *   "The obtained score …": which one depends on the paragraph), no comparative ("Larger perplexities …"),
 *   no bare participle ("Compared …");</li>
 *   <li>the object is a concept term: the noun group the object phrase is about ("a distance matrix
 *   method producing an unrooted tree" → "distance matrix method"), not a clause, an adjective or a verb
 *   phrase; evaluative adjectives are no part of a term ("a straightforward modification" → refused:
 *   "modification" alone names no concept);</li>
 *   <li>"X can be a Y" is a possibility, not a classification: no is-a under a modal;</li>
 *   <li>has-property (an adjective, not a term) and defined-as (a paraphrase) give no statement; a
 *   defined-as object still becomes the concept's definition.</li>
 * </ul>
 */
final class Claims {
    /** A claim read from one sentence; offsets are relative to the sentence. */
    record Claim(String subject, String alias, String predicate, String object, String definition,
            int subjectStart, int subjectEnd, int objectStart, int objectEnd, boolean definite) {
    }

    /** Predicates whose objects are concept terms. */
    static final Set<String> TERM_PREDICATES = Set.of("is-a", "part-of", "has-part", "used-for", "requires",
            "causes", "enables", "measured-in");
    private static final Set<String> MODALS = Set.of("can", "may", "might", "could", "should", "would", "must",
            "usually", "often", "sometimes", "occasionally", "rarely", "seldom");
    /** Comparatives that grade what follows (not "more data", "fewer samples", which count it). */
    private static final Set<String> GRADED_COMPARATIVES = words("larger", "smaller", "higher", "lower", "greater",
            "better", "worse", "bigger", "longer", "shorter", "faster", "slower");
    private static final Set<String> COMPARATIVES = words("larger", "smaller", "higher", "lower", "greater", "more", "less", "fewer", "better", "worse", "bigger",
            "longer", "shorter", "faster", "slower", "most", "least", "many", "few", "several", "other", "same",
            "different", "similar", "new", "old", "above");
    /** Adjectives that judge rather than classify: a group made of them and one noun names no concept. */
    static final Set<String> EVALUATIVE = words("vast", "vital", "particular", "specific", "major", "newer", "older",
            "newest", "latest", "modern", "many", "numerous", "some", "related", "possible", "notable", "so-called",
            "straightforward", "simple", "well-known", "high-profile", "prominent", "famous", "leading",
            "good", "great", "useful", "common", "popular", "important", "nice", "easy", "powerful", "efficient",
            "convenient", "best", "better", "worse", "bad", "significant", "considerable", "substantial", "various",
            "several", "own", "same", "other", "different", "similar", "such", "following", "above", "previous",
            "fairly", "very", "much", "relatively", "second-largest", "largest", "smallest", "biggest", "highest",
            "lowest", "richest", "poorest", "fastest", "oldest", "earliest", "simplest", "greatest", "strongest",
            "weakest", "cheapest", "easiest", "most", "least", "decent", "excellent", "arbitrary", "distinct", "separate",
            "mature", "rudimentary", "favorite", "favourite", "few", "little");
    /** Determiners that point back into the text. */
    static final Set<String> POINTING = Set.of("these", "those", "this", "that", "such", "its", "their", "his", "her",
            "our", "said", "aforementioned");

    /** Subject heads that describe a state of affairs of something the paragraph names. */
    private static final Set<String> CONTEXT_HEADS = words("prospect", "outlook", "growth", "decline", "recovery",
            "performance", "challenge", "situation", "trend", "future", "reform", "effort", "plan", "goal", "output",
            "production", "revenue", "budget", "deficit", "debt", "inflation", "unemployment", "government",
            "economy", "sector", "industry", "country", "result", "output", "effect", "impact", "change", "increase",
            "decrease", "reduction", "improvement", "problem", "difference", "advantage", "disadvantage", "benefit",
            "drawback", "limitation", "downside", "upside", "consequence", "implication", "activity");
    /** Object heads that name no concept of their own. */
    static final Set<String> GENERIC_HEADS = words("way", "thing", "example", "case", "lot", "kind", "type", "sort", "part", "number", "amount", "matter",
            "bit", "piece", "means", "one", "ones", "something", "anything", "everything", "nothing", "place",
            "time", "fact", "idea", "point", "reason", "result", "issue", "aspect", "feature", "modification",
            "variant", "version", "extension", "alternative", "generalization", "generalisation", "shortcut",
            "shorthand", "wrapper", "combination", "mix", "set", "list", "collection", "group", "series", "notion",
            "concept", "term", "word", "name", "acronym", "abbreviation", "synonym", "alias", "nickname", "question",
            "problem", "choice", "option", "default", "signal",
            "good", "work", "step", "copy", "care", "attention", "caution", "effort", "process", "procedure",
            "approach", "technique", "tool", "item", "entity",
            "element", "unit", "quantity", "value", "measure", "level", "degree", "extent", "portion", "share",
            "percent", "percentage", "proportion", "rate", "source", "form", "situation", "role", "area", "field", "information", "entity", "structure", "component", "detail",
            "subject", "topic", "category");
    /** Sentence adverbs that may open an object phrase ("are actually full numpy arrays"): no part of a term. */
    private static final Set<String> HEDGES = words("actually", "really", "just", "simply", "merely", "basically",
            "essentially", "also", "always", "often", "usually", "typically", "generally", "probably", "still",
            "already", "now", "then", "therefore", "thus", "hence", "indeed", "certainly", "mostly", "mainly");
    /** Object heads of any relation that, under adjectives alone, name no concept ("require special care"). */
    private static final Set<String> VAGUE_OBJECTS = words("care", "attention", "caution", "effort", "information",
            "knowledge", "understanding", "consideration", "thought", "functionality", "support", "capability");
    private static final Set<String> DURATIONS = words("second", "minute", "hour", "day", "week", "month", "year",
            "decade", "century", "while", "period", "lifetime");
    private static final Set<String> NAMING_HEADS = words("term", "name", "word", "synonym", "acronym",
            "abbreviation", "shorthand", "alias", "nickname", "label");
    /** Participles of giving, which a passive keeps before what is given ("are given numbers"). */
    private static final Set<String> GIVING_PARTICIPLES = words("given", "assigned", "granted", "offered", "passed",
            "sent", "shown", "told", "awarded", "allotted", "handed");
    /** Things that hold a value: what they "contain" is their value, not a part. */
    private static final Set<String> VALUE_HOLDERS = words("parameter", "keyword", "variable", "attribute", "field",
            "setting", "option", "argument", "property", "column", "cell", "entry", "key", "value");
    /** A kind in lower case, then a name that its form marks as one (code, CamelCase, capitals). */
    private static final Pattern NAME_AFTER_KIND = Pattern.compile(
            "(?:\\p{Ll}[\\p{L}-]*\\s+){1,3}((?:\\p{L}\\w*[._]\\w[\\w.]*|\\p{Lu}\\p{Ll}+\\p{Lu}\\w*|\\p{Lu}{2,}\\w*))");
    private static final Pattern CALLED = Pattern.compile("\\S+(?:\\s+\\S+)?\\s+(?:called|named)\\s+(\\S+(?:\\s+\\S+)?)");
    private static final Pattern COUNT_INSIDE = Pattern.compile(
            "(?i)\\S\\s+(?:two|three|four|five|six|seven|eight|nine|ten)\\s+\\S");
    private static final Pattern BRACKETED_THEN_WORD = Pattern.compile("\\s*\\([^()]{1,30}\\)\\s+(\\p{Ll}[\\p{L}-]*)");
    private static final Set<String> OF_NOUNS = words("implementation", "subclass", "superclass", "instance",
            "wrapper", "interface", "extension", "variant", "version", "subset", "superset", "port", "reimplementation",
            "generalization", "generalisation", "specialization", "specialisation", "case", "variation", "count",
            "property", "measure");
    /** First words that place a definite subject in the text around it. */
    private static final Set<String> SITUATING = words("actual", "likely", "current", "present", "original",
            "resulting", "given", "corresponding", "respective", "final", "initial", "main", "first", "last", "next",
            "former", "latter", "whole", "entire", "above", "below", "underlying", "fundamental");
    /** Heads of a definite subject that name a slot of something the text is describing. */
    private static final Set<String> SLOTS = words("argument", "parameter", "attribute", "value", "column", "row",
            "field", "data", "sign", "bound", "cause", "input", "output", "variable", "key", "entry", "option",
            "setting", "container", "result", "return");
    /** Subject heads that name a role in the writer's argument rather than a thing. */
    private static final Set<String> SUBJECT_ROLES = words("example", "case", "instance", "consequence", "illustration");
    /** Heads of a means that "to" / "for" completes with its purpose: "an approach to X", "a tool for X". */
    private static final Set<String> PURPOSE_HEADS = words("approach", "method", "technique", "tool", "algorithm",
            "framework", "library", "package", "module", "procedure", "strategy", "solution", "remedy", "treatment");
    /** Metasyntactic names that examples use for anything at all. */
    static final Set<String> PLACEHOLDERS = words("foo", "bar", "baz", "qux", "spam", "eggs", "ham", "foobar");
    private static final Set<String> VARIANT_NOUNS = words("implementation", "reimplementation", "wrapper",
            "interface", "extension", "variant", "version", "port", "generalization", "generalisation", "superset",
            "superclass", "approximation", "alternative", "variation");
    private static final Set<String> CLAUSE_WORDS = words("when", "where", "if", "while", "because", "since",
            "unless", "although", "whereas", "beyond", "within", "without");
    /** Object heads that name a role in a whole or an argument rather than a class. */
    private static final Set<String> ROLE_HEADS = words("part", "member", "piece", "portion", "element", "component",
            "ingredient", "aspect", "feature", "example", "instance", "case", "consequence", "cause", "factor",
            "complement", "subset", "source", "driver", "name", "application", "pillar", "cornerstone", "mainstay",
            "backbone");
    private static final Pattern ORDINALS = Pattern.compile("(?i)(?:\\d+(?:st|nd|rd|th)|first|last|second|third|fourth|fifth|"
            + "sixth|seventh|eighth|ninth|tenth|possible|world's|world’s)");
    /** Participles that open a clause after a noun ("a database containing …"), never a compound's modifier. */
    private static final Set<String> REDUCED_RELATIVES = words("containing", "providing", "supporting", "using",
            "allowing", "representing", "describing", "implementing", "including", "giving", "returning", "storing",
            "holding", "mapping", "performing", "producing", "consisting", "defining", "specifying", "enabling");
    private static final Pattern CONTEXT_POINTERS = Pattern.compile("(?i)\\b(?:this|these|those|here|above|below|"
            + "aforementioned|said|as follows|the following)\\b");
    /** First words that frame a class as the case at hand: "a typical class, such as …". */
    private static final Set<String> INSTANCE_FRAMES = words("typical", "same", "new");
    /** "additional parameters", "certain object types": still the kind, one more or some of it. */
    private static final Set<String> ADDING = words("additional", "certain", "further", "extra");
    /** Collective heads whose members a plural subject names: "are a set / family / class of …". */
    private static final Set<String> SETS = words("set", "family", "class", "collection", "group", "suite");
    /** Heads of software components that a modifier names: "the operator module", "the standard library". */
    private static final Set<String> COMPONENT_HEADS = words("module", "package", "library", "submodule",
            "subpackage", "toolkit", "toolbox");
    /** How widely a thing is taken up ("commonly used", "widely distributed"): no part of what kind it is. */
    private static final Set<String> USAGE_PARTICIPLES = words("used", "known", "adopted", "applied", "employed",
            "distributed", "deployed", "accepted", "cited", "studied");
    /** Parts named only by what kind of part they are: "three stages", "several components". */
    private static final Set<String> PART_KINDS = words("stage", "step", "phase", "part", "component", "element",
            "section", "piece", "portion", "item", "layer", "level");
    /** Bare kinds of code: as a part ("contains methods", "includes classes") they name no part in particular. */
    private static final Set<String> CODE_KINDS = words("method", "function", "class", "tool", "routine", "utility",
            "module", "feature", "option", "object", "type", "helper");
    private static final Set<String> SIZES = words("small", "large", "big", "little", "tiny", "huge", "high", "low",
            "main", "key", "greater", "smaller", "larger", "higher", "lower", "whole", "entire");
    private static final Pattern ADJECTIVE = Pattern.compile(
            "[a-z-]+(?:ed|ous|ful|less|able|ible)");
    /** Counts that open a subject: "two enzymes are …" speaks of instances. */
    private static final Set<String> COUNTS = words("two", "three", "four", "five", "six", "seven", "eight", "nine",
            "ten", "both", "several", "many", "few");
    /** Judging words that, on an indefinite subject, make it a role: "a critical parameter", "a classic case". */
    private static final Set<String> ROLE_JUDGEMENTS = words("critical", "crucial", "typical", "classic", "natural",
            "obvious", "standard", "usual", "first", "second", "final", "last", "further", "another");
    private static final Pattern CODE_LIKE = Pattern.compile(".*(?:[A-Z].*[A-Z]|[._]\\w|\\d).*");
    private static final int MAX_TERM_WORDS = 5;
    /** "undeveloped", "untapped": a participle naming a state of the thing, not a kind of it. */
    static final Pattern STATE_PARTICIPLE = Pattern.compile("(?i)un(?!der)[a-z]{3,}ed");

    private Claims() {
    }

    /** A word list as a set; lists grow by reading errors, so a repeated word is no mistake. */
    private static Set<String> words(String... words) {
        return Set.copyOf(java.util.Arrays.asList(words));
    }

    /**
     * "SelectFromModel is a transformer that …" with "transformer" tagged as an adjective: a word that ends a
     * noun group opened by "a" / "an", before punctuation, a relative word or a preposition, must be its noun,
     * unless its ending makes it an adjective ("a stationary, …").
     */
    static boolean adjectiveTaggedHead(Tagger.Tagged t, int i) {
        String word = t.lower(i);
        boolean groupEnds = i + 1 >= t.size() || t.tokens().get(i + 1).matches("[.,;:]") || t.is(i + 1, "PRON")
                || t.is(i + 1, "ADP") || t.is(i + 1, "SCONJ");
        if (!t.is(i, "ADJ") || ADJECTIVE_FORM.matcher(word).matches() || EVALUATIVE.contains(word)
                || COMPARATIVES.contains(word) || !groupEnds) {
            return false;
        }
        int k = i - 1;
        while (k >= 0 && (t.is(k, "ADJ") || t.nounLike(k) || t.is(k, "ADV"))) {
            k--;
        }
        return k >= 0 && (t.lower(k).equals("a") || t.lower(k).equals("an"));
    }

    private static final java.util.regex.Pattern ADJECTIVE_FORM = java.util.regex.Pattern.compile(
            "[a-z-]*(?:al|ic|ive|ous|ful|able|ible|less|ary|ory|ed|ing|ish|ent|ant|ar|ile|est|like|wise|free|ly|y)");

    /** The claim a relation makes, if it is a self-contained statement between concept terms. */
    static Optional<Claim> of(RelationPatterns.Relation relation, Tagger.Tagged t) {
        String text = t.text();
        String before = text.substring(0, relation.subjectStart()).strip().toLowerCase(Locale.ROOT);
        boolean definite = before.equals("the");
        if (!selfContainedSubject(relation.subject(), definite, t, relation)) {
            return Optional.empty();
        }
        // "A common choice is the Gaussian kernel": a judged generic noun names no concept, as a subject either
        if (judgedGeneric(java.util.Arrays.asList(relation.subject().split("\\s+")))) {
            return Optional.empty();
        }
        // "A critical parameter is the learning rate": an indefinite subject identified with a definite object
        // names a role the object plays, not a kind the subject is
        // ("A convex hull is the smallest convex object …" still defines: only a judged subject is a role)
        String judged = relation.subject().split("\\s+")[0].toLowerCase(Locale.ROOT);
        if (relation.predicate().equals("is-a") && before.matches("an?") && relation.subject().indexOf(' ') > 0
                && (EVALUATIVE.contains(judged) || SIZES.contains(judged) || ROLE_JUDGEMENTS.contains(judged))
                && relation.object().toLowerCase(Locale.ROOT).startsWith("the ")) {
            return Optional.empty();
        }
        String predicate = relation.predicate();
        String between = text.substring(relation.subjectEnd(), Math.min(text.length(), relation.objectStart()))
                .toLowerCase(Locale.ROOT);
        boolean modal = MODALS.stream().anyMatch(m -> between.matches("(?s).*\\b" + m + "\\b.*"));
        String definition = null;
        // "X is the learning rate" identifies X; "X is a …" defines it.
        // "a major export for this territory" points at the text around it: no definition to read alone
        if ((predicate.equals("is-a") || predicate.equals("defined-as"))
                && !relation.object().toLowerCase(Locale.ROOT).startsWith("the ")
                && !CONTEXT_POINTERS.matcher(relation.object()).find()) {
            definition = relation.object();
            // "an environment in which musical events (like notes …) are interpreted": cut at the parenthesis, the
            // relative clause has lost its verb; the definition ends before it
            int objectEnd = relation.objectStart() + relation.object().length();
            var relative = OPEN_RELATIVE.matcher(definition);
            if (text.startsWith(" (", objectEnd) && relative.find() && relative.start() > 0) {
                String kept = definition.substring(0, relative.start()).strip();
                definition = kept.contains(" ") ? kept : null;
            }
        }
        if (predicate.equals("defined-as") || predicate.equals("has-property")) {
            return predicate.equals("defined-as") && !modal
                    ? Optional.of(new Claim(relation.subject(), relation.alias(), predicate, null, definition,
                            relation.subjectStart(), relation.subjectEnd(), relation.objectStart(),
                            relation.objectStart(), definite))
                    : Optional.empty();
        }
        int objectToken = t.tokenAt(relation.objectStart());
        if (predicate.equals("is-a") && (t.is(objectToken, "ADP") || POINTING.contains(
                objectToken < t.size() ? t.lower(objectToken) : ""))) {
            return Optional.empty(); // "is nearly beyond repair", "is this one": no class
        }
        if (modal && (predicate.equals("is-a") || predicate.equals("causes") || predicate.equals("has-part"))) {
            return Optional.empty(); // "X can be a Y", "X can produce Y": possibilities, not facts
        }
        // "eigenvalues is an array …": a plural word taking "is" is a variable's name, not a class of things.
        if (relation.subject().indexOf(' ') < 0 && relation.subject().endsWith("s") && !relation.subject().endsWith("ss")
                && Character.isLowerCase(relation.subject().charAt(0)) && between.matches("(?s)\\s*is\\b.*")) {
            return Optional.empty();
        }
        // "consists of zero or more entries": the range counts the object, it is no part of it
        var range = OPEN_RANGE.matcher(relation.object());
        int objectFrom = relation.objectStart() + (range.lookingAt() ? range.end() : 0);
        RelationPatterns.Head head = predicate.equals("is-a") ? relation.head()
                : objectHead(t, objectFrom, relation.objectStart() + relation.object().length());
        // "Support vector machines (SVMs) are a set of supervised learning methods": plural subjects that make
        // up the set are each one of its members; "X is a set of Y" stays no class
        boolean pluralSubject = relation.subject().matches("(?s).*[^s]s") || relation.subject().endsWith("ies");
        if (head != null && predicate.equals("is-a") && pluralSubject && SETS.contains(head.noun().toLowerCase(Locale.ROOT))
                && text.substring(head.end()).stripLeading().startsWith("of ")) {
            String rest = text.substring(head.end()).stripLeading();
            int o = t.tokenAt(text.length() - rest.length() + 3);
            head = o < t.tagged() ? RelationPatterns.head(t, o, text.length(), 1) : null;
        }
        if (head != null && predicate.equals("part-of") && text.substring(head.end()).stripLeading().startsWith("of ")) {
            // "a member of the European Union": the whole is the group after "of"; "Power transforms are a family
            // of parametric transformations": plural subjects that make up the family are each one of them
            String subjectLast = relation.subject().substring(relation.subject().lastIndexOf(' ') + 1)
                    .toLowerCase(Locale.ROOT);
            if (head.noun().equalsIgnoreCase("family") && !dev.proda.text.Terms.singular(subjectLast).equals(subjectLast)) {
                predicate = "is-a";
            }
            String rest = text.substring(head.end()).stripLeading();
            int o = t.tokenAt(text.length() - rest.length() + 3);
            head = o < t.tagged() ? RelationPatterns.head(t, o, text.length(), 1) : null;
        }
        if (head == null) {
            return Optional.empty();
        }
        // "used for constructing Bezier curves": a gerund with an object of its own is an action, not a concept
        // ("used in teaching" names one)
        int gerund = t.tokenAt(head.start());
        if ((predicate.equals("used-for") && gerund + 1 < t.tokenAt(head.end()) || predicate.equals("enables"))
                && gerund < t.tagged() && t.lower(gerund).endsWith("ing") && !Heads.ingNoun(t.lower(gerund))) {
            return Optional.empty();
        }
        // "used for interacting with other programs": a gerund whose complement follows is an action
        if (predicate.equals("used-for") && gerund + 1 == t.tokenAt(head.end()) && gerund < t.tagged()
                && t.lower(gerund).endsWith("ing") && text.substring(head.end()).stripLeading().toLowerCase(Locale.ROOT)
                        .matches("(?:with|on|to|into|from|between|through|over|across)\\b.*")) {
            return Optional.empty();
        }
        // "allows the algorithm to change …": the object is the clause, not the noun that opens it.
        if (!predicate.equals("is-a") && text.substring(head.end()).stripLeading().toLowerCase(Locale.ROOT)
                .matches("to \\w+.*")) {
            return Optional.empty();
        }
        // "causes the lock on the database file to escalate": the effect is the event the infinitive names
        if (Set.of("causes", "enables", "requires").contains(predicate)
                && infinitiveAfterPhrase(t, t.tokenAt(head.end()))) {
            return Optional.empty();
        }
        // "allows a parameter wherever a literal is allowed": permission to stand somewhere, nothing enabled
        if (predicate.equals("enables") && text.substring(head.end()).stripLeading().toLowerCase(Locale.ROOT)
                .matches("(?:wherever|where|whenever|anywhere|in place of|instead of)\\b.*")) {
            return Optional.empty();
        }
        // "need a different query": an object defined against another thing in the text names no concept
        // "contains 1143 uses of the testcase() macro": a counted object is a count, no part or kind
        String firstObjectWord = head.group().split("\\s+")[0].toLowerCase(Locale.ROOT);
        // ("four different XML files", "several different modules": after a count, "different" means distinct)
        int beforeObject = t.tokenAt(head.start()) - 1;
        boolean counted = beforeObject >= 0 && (t.is(beforeObject, "NUM") || COUNTS.contains(t.lower(beforeObject))
                || t.lower(beforeObject).equals("various") || t.lower(beforeObject).equals("multiple"));
        if (RELATIVE_MODIFIERS.contains(firstObjectWord) && !counted || firstObjectWord.matches("\\d[\\d,.]*")
                || java.util.Arrays.stream(head.group().toLowerCase(Locale.ROOT).split("\\s+"))
                        .anyMatch(COUNTS::contains)
                        && GENERIC_PARTS.contains(head.noun().toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        // "Manifold learning is an approach to non-linear dimensionality reduction": a means named by its end
        // is used for that end, when the means alone names no class ("a regression algorithm for …" stays a
        // kind of algorithm).
        if (predicate.equals("is-a") && PURPOSE_HEADS.contains(dev.proda.text.Terms.singular(head.noun()
                .toLowerCase(Locale.ROOT))) && !modal && (term(head.group()) == null
                        || GENERIC_HEADS.contains(dev.proda.text.Terms.singular(term(head.group()).toLowerCase(Locale.ROOT))))) {
            var purpose = java.util.regex.Pattern.compile("^\\s*(?:to|for)\\s+").matcher(text.substring(head.end()));
            if (purpose.find()) {
                int from = head.end() + purpose.end();
                RelationPatterns.Head end = objectHead(t, from, text.length());
                String goal = end == null ? null : term(end.group());
                String rest = text.substring(end == null ? from : end.end()).stripLeading();
                if (goal != null && end.start() == from && !goal.equalsIgnoreCase(relation.subject())
                        && !goal.toLowerCase(Locale.ROOT).matches("\\S+ing\\b.*") && !rest.startsWith("of ")) {
                    return Optional.of(new Claim(relation.subject(), relation.alias(), "used-for", goal, definition,
                            relation.subjectStart(), relation.subjectEnd(), end.end() - goal.length(), end.end(),
                            definite));
                }
            }
        }
        // "The PAM model is an empirical one": "one" stands for the subject's noun, but "empirical model" is
        // nowhere in the text, and every term must be traced to its words there.
        if (head.noun().equalsIgnoreCase("one")) {
            return Optional.empty();
        }
        // "one of the more common matrix functions": "more" grades the adjective after it, the class is the rest
        String[] groupWords = head.group().split("\\s+");
        if (predicate.equals("is-a") && groupWords.length >= 3 && groupWords[0].matches("(?i)more|less")
                && !t.is(t.tokenAt(head.start()) + 1, "NOUN")) {
            String rest = head.group().substring(head.group().indexOf(groupWords[2], groupWords[0].length()
                    + groupWords[1].length()));
            head = new RelationPatterns.Head(rest, head.end() - rest.length(), head.end());
        }
        // "is better fit for …", "is a larger model": a comparison, not a class ("the most X Y" still is a Y)
        String leadWord = head.group().split("\\s+")[0].toLowerCase(Locale.ROOT);
        // ("allows greater flexibility": a comparison names no concept whatever the relation)
        if ((predicate.equals("is-a") || GRADED_COMPARATIVES.contains(leadWord)) && COMPARATIVES.contains(leadWord)
                && !leadWord.equals("most") && !leadWord.equals("least")) {
            return Optional.empty();
        }
        String object = term(head.group());
        if (object == null) {
            return Optional.empty();
        }
        // "includes the popular boosting algorithm AdaBoost", "contains a specialized class jaspar.Motif": a kind
        // written before a name is an apposition, and the part is the name
        var apposed = NAME_AFTER_KIND.matcher(object);
        boolean named = !predicate.equals("is-a") && apposed.matches();
        if (named) {
            object = apposed.group(1);
        }
        // "contains a package called popularity-contest": the part is the one named
        var called = CALLED.matcher(object);
        if (!predicate.equals("is-a") && called.matches()) {
            object = called.group(1);
            named = true;
        }
        // "contains the main two servers of Samba": a count inside a noun group leaves no term
        if (COUNT_INSIDE.matcher(object).find()) {
            return Optional.empty();
        }
        // "The virtual_mailbox_base parameter contains the directory …": a parameter holds a value, no part
        // ("the keyword TFORM1 contains …": the kind may stand before the name)
        String[] subjectParts = relation.subject().toLowerCase(Locale.ROOT).split("\\s+");
        if (predicate.equals("has-part")
                && (VALUE_HOLDERS.contains(dev.proda.text.Terms.singular(subjectParts[subjectParts.length - 1]))
                        || VALUE_HOLDERS.contains(subjectParts[0]))) {
            return Optional.empty();
        }
        // "buildings are used for decades": a stretch of time is how long, not what for
        if (predicate.equals("used-for") && DURATIONS.contains(dev.proda.text.Terms.singular(
                object.substring(object.lastIndexOf(' ') + 1).toLowerCase(Locale.ROOT)))) {
            return Optional.empty();
        }
        // "statsmodels.tsa.vector_ar contains methods …": a part named only by what kind of code it is says nothing
        // ("comprises three stages:" names the parts by what kind of part they are, and says nothing either)
        if (predicate.equals("has-part") && object.indexOf(' ') < 0
                && (CODE_KINDS.contains(dev.proda.text.Terms.singular(object.toLowerCase(Locale.ROOT)))
                        || PART_KINDS.contains(dev.proda.text.Terms.singular(object.toLowerCase(Locale.ROOT))))) {
            return Optional.empty();
        }
        int objectEnd = head.end();
        int objectStart = objectEnd - object.length();
        // "a densely populated developing country": an adverb grading the first modifier belongs to the term.
        var adverb = java.util.regex.Pattern.compile("(\\p{L}+ly)\\s+$").matcher(text.substring(0, objectStart));
        if (object.equals(head.group()) && adverb.find() && object.indexOf(' ') > 0
                && !HEDGES.contains(adverb.group(1).toLowerCase(Locale.ROOT))
                && !EVALUATIVE.contains(adverb.group(1).toLowerCase(Locale.ROOT))) { // ("relatively regimented")
            object = adverb.group(1) + " " + object;
            objectStart = adverb.start(1);
        }
        // "is extensively used when …", "is read and written", "a simple yet very efficient approach" read as
        // "yet": the object's last word must be a noun, or the object is a participle or a fragment.
        int last = 0;
        while (last < t.tagged() && t.ends()[last] < objectEnd) {
            last++;
        }
        if (last >= t.tagged() || t.ends()[last] != objectEnd || !(t.nounLike(last) || t.is(last, "X")
                || Heads.ingNoun(t.lower(last)) || predicate.equals("is-a") && adjectiveTaggedHead(t, last))) {
            return Optional.empty();
        }
        // "a fundamental part of …", "a crucial ingredient": a noun that names a role in a whole, under adjectives
        // alone, says how X takes part in something, not what X is ("a pipeline component" does: a noun narrows it).
        String lastSingular = dev.proda.text.Terms.singular(t.lower(last));
        if (predicate.equals("is-a") && ROLE_HEADS.contains(lastSingular) || VAGUE_OBJECTS.contains(lastSingular)) {
            int first = last;
            while (first > 0 && t.ends()[first - 1] > objectStart) {
                first--;
            }
            boolean narrowed = false;
            for (int k = first; k < last; k++) {
                narrowed |= t.nounLike(k);
            }
            if (!narrowed) {
                return Optional.empty();
            }
        }
        // "Relation is a mathematical term for table": a word for Y names Y, it is no kind of anything
        if (predicate.equals("is-a") && NAMING_HEADS.contains(lastSingular)
                && text.substring(objectEnd).stripLeading().toLowerCase(Locale.ROOT).matches("(?s)(?:for|of)\\b.*")) {
            return Optional.empty();
        }
        // "Segment files are given ever-increasing numbers as names": a passive that gives X something
        if (predicate.equals("is-a") && GIVING_PARTICIPLES.contains(
                object.substring(0, object.indexOf(' ') < 0 ? object.length() : object.indexOf(' ')).toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        // "a map is a channel if it is both completely positive and …": a condition after the class makes it
        // no general claim
        if (predicate.equals("is-a") && text.substring(objectEnd).stripLeading().toLowerCase(Locale.ROOT)
                .matches("(?s)(?:if|unless|only if|provided|as long as)\\b.*")) {
            return Optional.empty();
        }
        // "is nearly beyond repair": a preposition before the object group makes it an adverbial, not a class
        // ("a kind of" aside: "of" is read by the pattern); so does a clause word ("are more efficient when
        // Hilbert space sizes are …" has no class at all).
        if (predicate.equals("is-a")) {
            for (int k = objectToken; k < t.tagged() && t.ends()[k] <= objectStart; k++) {
                boolean article = t.lower(k).matches("an?|the"); // whatever the tagger made of it ("a/SCONJ")
                if (!article && (t.is(k, "ADP") && !t.lower(k).equals("of") || t.is(k, "SCONJ") || t.is(k, "AUX")
                        || t.is(k, "PRON") || CLAUSE_WORDS.contains(t.lower(k)))) {
                    return Optional.empty();
                }
            }
            // "Functions are already first class objects" cut before "objects": a plural subject takes a
            // singular class only with an article ("Decision trees are a … method").
            String lead = text.substring(Math.min(relation.objectStart(), objectStart), objectStart).toLowerCase(Locale.ROOT);
            String objectLast = object.substring(object.lastIndexOf(' ') + 1).toLowerCase(Locale.ROOT);
            if (between.matches("(?s)\\s*are\\b.*") && !lead.matches("(?s).*\\b(?:a|an|one)\\b.*")
                    && dev.proda.text.Terms.singular(objectLast).equals(objectLast)
                    && Character.isLowerCase(objectLast.charAt(0))) {
                return Optional.empty();
            }
        }
        // "Binary mode data is read …": an is-a whose object has no article after the copula is a state,
        // unless subject and object are both plural ("Generators are functions").
        if (predicate.equals("is-a") && between.strip().matches("(?:is|was)(?:\\s+\\p{L}+ly)?")
                && text.substring(Math.min(relation.objectStart(), objectStart), objectStart).isBlank()) {
            return Optional.empty();
        }
        // "an important complement to a simulation", "a hybrid between a list and a dictionary": a noun
        // with its complement says how X relates to something, not what X is.
        if (predicate.equals("is-a")
                && text.substring(objectEnd).stripLeading().toLowerCase(Locale.ROOT).matches("(?:to|between)\\b.*")) {
            return Optional.empty();
        }
        // "a variation of receiver operating characteristic (ROC) curves" read as "receiver": a group that
        // stops before another word of the same noun phrase was cut, and a cut term is a wrong term.
        int next = t.tokenAt(objectEnd);
        boolean listFollows = next + 1 < t.tagged() && t.lower(next).equals("such") && t.lower(next + 1).equals("as");
        if (next < t.tagged() && !listFollows && (t.nounLike(next) || t.is(next, "ADJ") || t.is(next, "NUM")
                || Character.isDigit(t.tokens().get(next).charAt(0)) // "GNOME version 3.38"
                || t.is(next, "VERB") && t.lower(next).endsWith("ing") && !REDUCED_RELATIVES.contains(t.lower(next))
                        && next + 1 < t.tagged() && (t.nounLike(next + 1) || t.is(next + 1, "ADJ")))) {
            return Optional.empty(); // "a machine learning …" was cut; "a design document providing …" was not
        }
        // "a Mandatory Access Control (MAC) system" read as "Mandatory Access Control": an abbreviation in
        // brackets inside the group cut it
        var bracketed = BRACKETED_THEN_WORD.matcher(text.substring(objectEnd));
        if (bracketed.lookingAt()) {
            int after = t.tokenAt(objectEnd + bracketed.start(1));
            if (after < t.tagged() && t.nounLike(after) && !REDUCED_RELATIVES.contains(t.lower(after))) {
                return Optional.empty();
            }
        }
        // "a vector or scalar quantity" read as "vector", "a general bootstrapping and data set translation
        // tool" as "general bootstrapping": coordinated modifiers share the head after them.
        if ((object.indexOf(' ') < 0 || object.endsWith("ing")) && next + 2 < t.tagged() && (t.lower(next).equals("or") || t.lower(next).equals("and"))
                && (t.nounLike(next + 1) || t.is(next + 1, "ADJ"))
                && (t.nounLike(next + 2) || t.is(next + 2, "VERB") && t.nounLike(next + 3))
                && !sameHeadAfter(t, next + 1, object)) {
            return Optional.empty();
        }
        // "the usual Multiple Data Sets option" read as "usual Multiple Data": a capitalised name goes on.
        if (next < t.tagged() && Character.isUpperCase(t.tokens().get(next).charAt(0))
                && Character.isUpperCase(object.charAt(object.lastIndexOf(' ') + 1))) {
            return Optional.empty();
        }
        // "a simplified version of PLSCanonical": a variant of Y is no kind of Y ("a special case of", "a
        // subclass of" are, and stay).
        if (predicate.equals("is-a") && java.util.regex.Pattern.compile("(?i)\\b(?:" + String.join("|", VARIANT_NOUNS)
                + ")s?\\s+of\\s+(?:the\\s+)?$").matcher(text.substring(0, objectStart)).find()) {
            return Optional.empty();
        }
        // "a poor, mountainous country": one word before a comma is a modifier of a noun further on;
        // "the Cook Islands' leading export": a possessor is no object.
        // ("used in teaching, which …" ends its object at a clause instead)
        if (object.indexOf(' ') < 0 && objectEnd < text.length() && text.charAt(objectEnd) == ',' && !named
                && !(!predicate.equals("is-a") && CLAUSE_AFTER_COMMA.matcher(text.substring(objectEnd + 1)).find())
                || objectEnd < text.length() && (text.charAt(objectEnd) == '\'' || text.charAt(objectEnd) == '’'
                        || text.charAt(objectEnd) == '/')) {
            return Optional.empty(); // ("a Ser/Pro point mutation": the name goes on past the slash)
        }
        // "X is the origin of Y", "X is the foundation of Y": a relation to Y, not a class of X; so is a
        // possessed object ("Quinlan's latest version").
        // "a full implementation of SAMP", "subclasses of BitFlagNameMap": a noun that needs its "of" to mean
        // anything is no class.
        if (predicate.equals("is-a") && OF_NOUNS.contains(lastSingular)
                && text.substring(objectEnd).stripLeading().toLowerCase(Locale.ROOT).startsWith("of ")) {
            return Optional.empty();
        }
        if (predicate.equals("is-a") && (relational(text, relation.objectStart(), objectEnd)
                || text.substring(Math.min(relation.objectStart(), objectStart), objectStart).matches("(?s).*['’]s\\s*"))) {
            return Optional.empty();
        }
        // "The parameter τ is a parameter": the class repeats a word of the subject and says nothing.
        String subjectWords = " " + dev.proda.text.Terms.key(relation.subject()) + " ";
        if (dev.proda.text.Terms.key(object).equals(dev.proda.text.Terms.key(relation.subject()))
                || predicate.equals("is-a") && object.indexOf(' ') < 0
                        && subjectWords.startsWith(" " + dev.proda.text.Terms.key(object) + " ")) {
            return Optional.empty();
        }
        return Optional.of(new Claim(relation.subject(), relation.alias(), predicate, object,
                predicate.equals("is-a") && !modal ? definition : null, relation.subjectStart(), relation.subjectEnd(),
                objectStart, objectEnd, definite));
    }

    /**
     * What a relative clause on an is-a class says of the subject: "C++ and Python are languages that support
     * object-oriented programming" also states that they enable it. Only a few verbs map to a predicate; the
     * object must be a concept term that opens the clause's object.
     */
    static Optional<Claim> relativeClause(Claim isA, Tagger.Tagged t) {
        if (!isA.predicate().equals("is-a") || isA.objectEnd() <= 0 || isA.objectEnd() >= t.text().length()) {
            return Optional.empty();
        }
        String after = t.text().substring(isA.objectEnd());
        var m = RELATIVE_CLAUSE.matcher(after);
        var use = PURPOSE_CLAUSE.matcher(after);
        String predicate;
        int from;
        if (m.find()) {
            predicate = RELATIVE_VERBS.get(m.group(1).toLowerCase(Locale.ROOT).replaceFirst("s$", ""));
            from = isA.objectEnd() + m.end();
        } else if (use.find()) {
            predicate = "used-for"; // "a domain specific language used for symbolic multibody dynamics"
            from = isA.objectEnd() + use.end();
            if (t.text().startsWith("the ", from)) {
                return Optional.empty(); // "the loss function used for the network": that network, in its context
            }
        } else {
            return Optional.empty();
        }
        RelationPatterns.Head head = objectHead(t, from, t.text().length());
        String object = head == null ? null : term(head.group());
        int first = head == null ? 0 : t.tokenAt(head.start());
        if (object == null || head.end() < t.text().length() && t.text().substring(head.end()).stripLeading()
                .toLowerCase(Locale.ROOT).matches("(?:of|to)\\b.*")
                || first < t.tagged() && t.lower(first).endsWith("ing") && !Heads.ingNoun(t.lower(first))
                        && first + 1 < t.tokenAt(head.end())
                || dev.proda.text.Terms.key(object).equals(dev.proda.text.Terms.key(isA.subject()))) {
            return Optional.empty();
        }
        return Optional.of(new Claim(isA.subject(), null, predicate, object, null, isA.subjectStart(),
                isA.subjectEnd(), head.end() - object.length(), head.end(), isA.definite()));
    }

    /**
     * The further objects of a coordination: "Chad relies on foreign assistance and foreign capital" requires
     * both; "consists of A, B and C" has each part. Only for relations between things (an is-a class shares
     * its head too often: "a vector or scalar quantity"); every conjunct must be a whole noun group, and the
     * list must end the clause.
     */
    static List<Claim> conjuncts(Claim first, Tagger.Tagged t) {
        if (first.predicate().equals("is-a") || first.object() == null || first.objectEnd() >= t.text().length()) {
            return List.of();
        }
        List<Claim> more = new ArrayList<>();
        int at = first.objectEnd();
        while (true) {
            var joiner = CONJUNCTION.matcher(t.text().substring(at));
            if (!joiner.find()) {
                break;
            }
            int from = at + joiner.end();
            RelationPatterns.Head head = objectHead(t, from, t.text().length());
            String object = head == null ? null : term(head.group());
            if (object == null || head.start() > from + 4) {
                return List.of();
            }
            more.add(new Claim(first.subject(), null, first.predicate(), object, null, first.subjectStart(),
                    first.subjectEnd(), head.end() - object.length(), head.end(), first.definite()));
            at = head.end();
            if (joiner.group().contains("and") || joiner.group().contains("or")) {
                break;
            }
        }
        String rest = t.text().substring(at).stripLeading();
        boolean ends = rest.isEmpty() || rest.matches("(?s)(?:[.;:,)]|(?:for|in|to|from|with|at|by|as|on)\\b).*");
        return ends ? more : List.of();
    }

    /** What opens a clause after a comma: the noun before that comma ends its group. */
    private static final Pattern CLAUSE_AFTER_COMMA = Pattern.compile(
            "(?i)^\\s*(?:which|who|whose|where|while|whereas|but|so|because|although|though|since|when|if)\\b");
    /** A generic noun under judging, grading or size words only: "a complicated topic", "a common choice". */
    private static boolean judgedGeneric(List<String> words) {
        String singular = dev.proda.text.Terms.singular(words.get(words.size() - 1).toLowerCase(Locale.ROOT));
        List<String> modifiers = words.subList(0, words.size() - 1);
        // "TABLE elements": a word in capitals past its first letter is a name, not a judging word in -able
        return words.size() > 1 && GENERIC_HEADS.contains(singular)
                && modifiers.stream().allMatch(w -> w.substring(1).equals(w.substring(1).toLowerCase(Locale.ROOT)))
                && modifiers.stream().map(w -> w.toLowerCase(Locale.ROOT)).allMatch(w -> ADJECTIVE.matcher(w).matches()
                        || w.endsWith("ly") || SIZES.contains(w) || EVALUATIVE.contains(w) || w.equals("general"));
    }

    /** A joiner and the article after it: ", ", " and ", ", and the ". */
    private static final Pattern CONJUNCTION = Pattern.compile("^(?:\\s*,\\s*(?:and|or)?|\\s+(?:and|or))\\s+(?:(?:a|an|the)\\s+)?");

    /** "… used for Y", "…, which is suitable for Y", "… designed for Y" after a class: what the thing is for. */
    private static final Pattern PURPOSE_CLAUSE = Pattern.compile("^\\s*,?\\s*(?:(?:that|which)\\s+(?:is|are)\\s+)?"
            + "(?:(?:often|commonly|widely|mainly|mostly|typically|particularly|especially|primarily|well)\\s+)?"
            + "(?:used\\s+(?:for|in)|(?:" + String.join("|", RelationPatterns.PURPOSE_ADJECTIVES) + ")\\s+for)\\s+");
    private static final Pattern RELATIVE_CLAUSE = Pattern.compile(
            "^\\s*(?:that|which)\\s+(supports?|enables?|allows?|requires?|needs?|contains?|includes?)\\s+");
    /** The predicate a relative clause's verb states, by the verb's base form. */
    private static final java.util.Map<String, String> RELATIVE_VERBS = java.util.Map.of("support", "enables",
            "enable", "enables", "allow", "enables", "require", "requires", "need", "requires", "contain", "has-part",
            "include", "has-part");

    /** A definite object followed by "of": "the origin of", "the common base class of all exceptions". */
    private static boolean relational(String text, int objectStart, int objectEnd) {
        String lead = " " + text.substring(objectStart, objectEnd).toLowerCase(Locale.ROOT);
        String rest = text.substring(objectEnd).stripLeading().toLowerCase(Locale.ROOT);
        return (lead.contains(" the ") || lead.contains("'s ") || lead.contains("’s ")) && rest.startsWith("of ");
    }

    /**
     * The concept term of a noun group: determiners and evaluative adjectives dropped from the front; null
     * when what is left is no term (a generic head alone, a verb, a fragment, more than five words).
     */
    static String term(String group) {
        if (group == null) {
            return null;
        }
        List<String> words = new ArrayList<>(List.of(group.strip().split("\\s+")));
        while (!words.isEmpty() && (EVALUATIVE.contains(words.get(0).toLowerCase(Locale.ROOT))
                || HEDGES.contains(words.get(0).toLowerCase(Locale.ROOT))
                || words.size() > 1 && ADDING.contains(words.get(0).toLowerCase(Locale.ROOT))
                || ORDINALS.matcher(words.get(0)).matches() && !(words.size() > 1 && words.get(1).matches("(?i)part(?:y|ies)"))
                || dev.proda.text.Terms.STOPWORDS.contains(words.get(0).toLowerCase(Locale.ROOT))
                        && !words.get(0).matches("\\p{Lu}{2,}") // ("an OVER clause": a keyword of code)
                || words.size() > 1 && STATE_PARTICIPLE.matcher(words.get(0)).matches())) {
            words.remove(0); // "undeveloped mineral resources" are mineral resources in some state
        }
        // "commonly used iterators", "widely used formats": how often a thing is used is no part of its kind
        if (words.size() > 2 && words.get(0).toLowerCase(Locale.ROOT).matches("\\p{L}+ly")
                && USAGE_PARTICIPLES.contains(words.get(1).toLowerCase(Locale.ROOT))) {
            words.subList(0, 2).clear();
        }
        // "a stable and prosperous market economy": two adjectives joined by "and" / "or" grade the noun group
        // after them, which is the term
        if (words.size() >= 4 && words.get(1).matches("(?i)and|or")
                && ADJECTIVE_FORM.matcher(words.get(0).toLowerCase(Locale.ROOT)).matches()
                && ADJECTIVE_FORM.matcher(words.get(2).toLowerCase(Locale.ROOT)).matches()) {
            words.subList(0, 3).clear();
        }
        // "an additional parameter", "a typical class": the writer's framing of one case, not a kind.
        if (words.size() > 1 && INSTANCE_FRAMES.contains(words.get(0).toLowerCase(Locale.ROOT))) {
            return null;
        }
        // "in.bat or.cmd": a function word inside a group means the group is no term ("of" aside).
        if (words.stream().skip(1).anyMatch(w -> !w.equalsIgnoreCase("of")
                && dev.proda.text.Terms.STOPWORDS.contains(w.toLowerCase(Locale.ROOT)))) {
            return null;
        }
        // "the latent function f": a variable's letter after the noun names the instance, not the term
        if (words.size() > 1 && words.get(words.size() - 1).matches("[a-z]\\d?")) {
            words.remove(words.size() - 1);
        }
        if (words.isEmpty() || words.size() > MAX_TERM_WORDS) {
            return null;
        }
        String head = words.get(words.size() - 1).toLowerCase(Locale.ROOT);
        if (head.matches("\\w+\\.[a-z]")) {
            return null; // "string.a": an example expression, not a name
        }
        String singular = dev.proda.text.Terms.singular(head);
        // "a complicated topic": a judging adjective on a generic noun names no concept.
        // "a relatively small share": degree adverbs and size words grade a generic noun, they name no kind
        if (judgedGeneric(words)) {
            return null;
        }
        if (words.size() == 1 && (GENERIC_HEADS.contains(singular) || RelationPatterns.DISCOURSE_NOUNS.contains(head))
                || head.length() < 2 || !head.chars().anyMatch(Character::isLetter)) {
            return null;
        }
        for (String word : words) {
            int dot = word.indexOf('.');
            if (dot > 0 && dev.proda.text.Terms.STOPWORDS.contains(word.substring(0, dot).toLowerCase(Locale.ROOT))) {
                return null; // "in.bat": a function word glued to a file extension
            }
            if (!word.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.'
                    || c == '\'' || c == '’' || (c == '+' || c == '#') && word.matches("\\p{L}+[+#]+"))) {
                return null;
            }
        }
        return String.join(" ", words);
    }

    /**
     * "instance-based learning or non-generalizing learning": the words after the coordinator end in the
     * object's own head, so two whole groups are coordinated, not two modifiers of one head.
     */
    private static boolean sameHeadAfter(Tagger.Tagged t, int from, String object) {
        String head = object.substring(object.lastIndexOf(' ') + 1).toLowerCase(Locale.ROOT);
        for (int k = from; k < t.tagged() && k < from + 4; k++) {
            if (t.lower(k).equals(head)) {
                return k + 1 >= t.tagged() || !t.nounLike(k + 1);
            }
            if (!(t.nounLike(k) || t.is(k, "ADJ") || t.is(k, "VERB"))) {
                return false;
            }
        }
        return false;
    }

    /** What may stand before an object's noun group: an article, a count, then an adverb ("a number of widely"). */
    private static final java.util.regex.Pattern OBJECT_OPENING = java.util.regex.Pattern.compile(
            "(?:(?:a|an|the|its|their|all|any|some|each|every|both|(?<count>many|several|various|numerous|multiple|"
                    + "two|three|four|five|six|seven|eight|nine|ten|lots of|"
                    + "an? (?:number|variety|range|host|handful|couple|lot|multitude|plethora) of))"
                    + "(?: (?<adverb>\\p{L}+ly))?)?");

    /** The noun group an object phrase of a non-taxonomic relation opens with; null for a verb phrase. */
    private static RelationPatterns.Head objectHead(Tagger.Tagged t, int objectStart, int objectEnd) {
        int o = t.tokenAt(objectStart);
        if (o >= t.tagged() || t.is(o, "VERB") || t.is(o, "AUX") || t.is(o, "PRON") || t.is(o, "ADP")
                || t.is(o, "PART") || t.is(o, "SCONJ") || t.is(o, "ADV")) {
            return null;
        }
        RelationPatterns.Head head = RelationPatterns.head(t, o, objectEnd, 0);
        if (head == null) {
            return null;
        }
        // The group must be the object's opening words, not a noun found further on.
        String lead = t.text().substring(objectStart, head.start()).strip().toLowerCase(Locale.ROOT);
        // "contains a number of iterators", "includes two averaging algorithms": a count of them opens it too,
        // and "a number of widely used codecs" are codecs
        var opening = OBJECT_OPENING.matcher(lead);
        if (!opening.matches()) {
            return null;
        }
        String first = head.group().split("\\s+")[0];
        // "allows two formats for …", "is used in three different contexts:": a count of everyday things leads
        // in to a list the sentence has not given yet
        String named = term(head.group());
        if (opening.group("count") != null && named != null && named.indexOf(' ') < 0 && Termhood.inGeneralEnglish(named)) {
            return null;
        }
        if (opening.group("adverb") != null && !USAGE_PARTICIPLES.contains(first.toLowerCase(Locale.ROOT))) {
            return null; // "a fully connected graph": the adverb grades a modifier the group left out
        }
        if (opening.group("adverb") != null && head.group().length() > first.length()) {
            int start = head.start() + first.length() + 1;
            return new RelationPatterns.Head(t.text().substring(start, head.end()), start, head.end());
        }
        return head;
    }

    /**
     * Whether a subject names a concept without its paragraph: a definite description of lower-case words
     * ("the algorithm", "the manufacturing sector") points back into the text; a name, a code identifier
     * or a generic plural does not.
     */
    static boolean selfContainedSubject(String subject, boolean definite, Tagger.Tagged t,
            RelationPatterns.Relation relation) {
        String[] words = subject.split("\\s+");
        String first = words[0].toLowerCase(Locale.ROOT);
        if (PLACEHOLDERS.contains(subject.toLowerCase(Locale.ROOT))) {
            return false; // "a module named spam": a tutorial's placeholder, not a thing of the domain
        }
        if (words.length > 1 && COUNTS.contains(first)) {
            return false; // "two enzymes are isoschizomers if …": a count of instances, not a term
        }
        if (COMPARATIVES.contains(first) || EVALUATIVE.contains(first) && words.length == 1 || HEDGES.contains(first)
                || words.length > 1 && first.endsWith("ly") && t.is(0, "ADV")) {
            return false;
        }
        // A capital is the writer's, not the sentence's, unless it opens the sentence: "The MultiTaskLasso",
        // "the Jamaican …" are names; "Long-term prospects" is not.
        String capitals = relation.subjectStart() == 0 ? subject.substring(1) : subject;
        // An abbreviation given beside it ("Restricted Boltzmann machines (RBM)") makes the subject a name too.
        boolean abbreviated = relation.alias() != null && relation.alias().matches("\\p{Lu}[\\p{Lu}\\d-]+s?");
        boolean named = abbreviated || capitals.chars().anyMatch(Character::isUpperCase)
                || CODE_LIKE.matcher(subject).matches();
        // "The email package is a library …" still defines a kind: a compound term, given a class with an
        // article, is the domain's; "The algorithm is a …", "The country is a …" point at the context.
        // A first word that places the thing in the text ("The actual algorithm", "the likely cause") and a
        // head that is a slot of some function or table ("The size parameter", "The data argument") point
        // at the context all the same.
        boolean definesKind = words.length > 1 && relation.predicate().equals("is-a")
                && relation.object().matches("(?i)(?:an?|one of the)\\s.*") && !SITUATING.contains(first)
                && !EVALUATIVE.contains(first) && !SLOTS.contains(dev.proda.text.Terms.singular(
                        words[words.length - 1].toLowerCase(Locale.ROOT)));
        // "The operator module contains …", "The standard library includes …": a code kind named by its modifier
        boolean namedComponent = words.length > 1
                && COMPONENT_HEADS.contains(words[words.length - 1].toLowerCase(Locale.ROOT))
                && !SITUATING.contains(first) && !EVALUATIVE.contains(first) && !COMPARATIVES.contains(first);
        if (definite && !named && !definesKind && !namedComponent) {
            return false;
        }
        String head = words[words.length - 1].toLowerCase(Locale.ROOT);
        if (!named && SUBJECT_ROLES.contains(dev.proda.text.Terms.singular(head))) {
            return false; // "A classic example is a train …": the subject is a role in the argument
        }
        // "A multi-output problem is …" defines a kind; "Long-term prospects depend on …" talks about a case.
        boolean generic = relation.subjectStart() > 0 && t.lower(0).matches("an?");
        if (!named && !generic && CONTEXT_HEADS.contains(dev.proda.text.Terms.singular(head))) {
            return false; // "Long-term prospects depend on …": prospects of what the paragraph is about
        }
        // A sentence-initial participle or gerund is an action, not a name ("Compared …", "Passing instances …").
        if (relation.subjectStart() == 0 && t.is(0, "VERB") && !abbreviated
                && (first.endsWith("ed") || first.endsWith("ing")
                && words.length > 1)) {
            return false;
        }
        return true;
    }

    /** A relative clause opening, with no finite verb after it ("in which musical events"). */
    private static final Pattern OPEN_RELATIVE = Pattern.compile("(?i)\\s(?:in |of |on |for |by |to )?(?:which|whom|"
            + "whose|that|where|who)\\b(?!.*\\b(?:is|are|was|were|has|have|had|can|may|must|will|does|do)\\b)[^,;]*$");
    /** An open range that opens an object: "zero or more", "one or more" ("at least 4 bytes" stays a count). */
    private static final Pattern OPEN_RANGE = Pattern.compile(
            "(?i)(?:zero|one|two|three) or (?:more|fewer|one|two)\\s+");
    /** Nouns that, counted ("the following three elements"), name parts only by a count of them. */
    private static final Set<String> GENERIC_PARTS = Set.of("element", "elements", "part", "parts", "item", "items",
            "component", "components", "piece", "pieces", "thing", "things", "section", "sections");
    /** Words that define the noun after them against something else in the text ("a different query"). */
    private static final Set<String> RELATIVE_MODIFIERS = Set.of("different", "other", "same", "similar",
            "corresponding", "respective");

    /**
     * Whether "to" and a verb follow the object's noun group in its clause: "causes the lock on the database file
     * to escalate", where the object only opens the clause that is the effect.
     */
    private static boolean infinitiveAfterPhrase(Tagger.Tagged t, int after) {
        if (after >= t.tagged() || t.lower(after).equals("to")) {
            return false;
        }
        // ("causes all savepoints back to and including the most recent one … to be removed"): within the clause
        for (int k = after; k + 1 < t.tagged() && k <= after + 20 && !t.tokens().get(k).matches("[,;:.()]"); k++) {
            if (t.lower(k).equals("to") && (t.is(k + 1, "VERB") || t.lower(k + 1).equals("be"))) {
                return true;
            }
        }
        return false;
    }
}
