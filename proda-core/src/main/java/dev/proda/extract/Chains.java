package dev.proda.extract;

import dev.proda.model.Chain;
import dev.proda.model.Records;
import dev.proda.model.Span;
import dev.proda.model.Statement;
import dev.proda.project.Corpus;
import dev.proda.text.Segmenter;
import dev.proda.text.TextUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Explicit procedures: the ordered steps of one named process, as the text states them. Never mere
 * adjacent sentences. Two layouts qualify:
 *
 * <ul>
 *   <li>a <b>numbered list</b> of at least {@link #MIN_STEPS} items ("1.", "(2)", "Step 3:") whose items
 *   are instructions (they open with a verb in the base form: "Install …", "Run …") or all open with an
 *   ordinal marker; the steps are the items' first sentences, without their numbers;</li>
 *   <li>an <b>ordinal sequence</b> inside one paragraph: a sentence opening with "First" followed by at
 *   least two sentences opening with "Second", "Then", "Next", "Finally" …; the steps are those
 *   sentences.</li>
 * </ul>
 * The process is named by the heading the procedure stands under, or by a lead-in that announces it
 * ("To build the tree, …:"). Every step must read alone: one that opens with a pronoun or demonstrative
 * ("It then …", "This …") refers back into the text, and the whole procedure is refused.
 * {@code statement_ids[i]} are {@link Statement#NEXT_STEP} links from step i to step i + 1.
 */
final class Chains {
    static final int MAX_STEPS = 8;
    static final int MIN_STEPS = 3;
    static final int MIN_STEP_WORDS = 3;
    static final int MAX_STEP_WORDS = 50;

    private static final Pattern ORDINAL_FIRST = Pattern.compile("(?i)^(?:first(?:ly)?|to begin(?: with)?|to start)\\b");
    private static final Pattern ORDINAL_NEXT = Pattern.compile("(?i)^(?:second(?:ly)?|third(?:ly)?|fourth|then|"
            + "next|finally|lastly|after that|afterwards|subsequently|in the (?:second|third|next|final|last) step)\\b");
    private static final Pattern LIST_ITEM = Pattern.compile("^(?:\\(?\\d{1,2}[.)]|[Ss]tep \\d{1,2}[:.)]?|"
            + "\\(?[IVX]{1,4}[a-z]?[:.)]|\\(?[a-h][.)])\\s+");
    /** Openings that point back into the text. */
    static final Set<String> ANAPHORIC_OPENINGS = Set.of("it", "its", "this", "these", "those", "that", "they",
            "them", "their", "he", "she", "his", "her", "here", "there", "such", "the latter", "the former");

    private Chains() {
    }

    record ChainWithLinks(Chain chain, List<Statement> links) {
    }

    static boolean isListItem(String paragraph) {
        return LIST_ITEM.matcher(paragraph).find();
    }

    /** A procedure from consecutive numbered items (each item's first sentence), if they are one. */
    static Optional<ChainWithLinks> fromList(Corpus.Document document, String name, List<TextUnit> firstSentences) {
        if (firstSentences.size() < MIN_STEPS || name == null) {
            return Optional.empty();
        }
        List<TextUnit> steps = new ArrayList<>();
        int instructions = 0;
        for (TextUnit sentence : firstSentences.subList(0, Math.min(MAX_STEPS, firstSentences.size()))) {
            TextUnit step = withoutMarker(sentence);
            if (!readsAlone(step.text())) {
                return Optional.empty();
            }
            if (instruction(step.text())) {
                instructions++;
            }
            steps.add(step);
        }
        // A numbered list of facts (features, options, examples) is no procedure: most items must instruct.
        // Items that end in a colon announce an example each ("Print only specific keywords:" stood before its
        // command line): a list of usages, not the steps of one process.
        long announcing = steps.stream().filter(step -> step.text().endsWith(":")).count();
        if (instructions * 2 <= steps.size() || announcing * 2 >= steps.size()) {
            return Optional.empty();
        }
        return build(document, name, steps);
    }

    /** An ordinal sequence (First …, Then …, Finally …) inside one passage, if it has one. */
    static Optional<ChainWithLinks> fromPassage(Corpus.Document document, String name, List<TextUnit> sentences) {
        for (int i = 0; i < sentences.size(); i++) {
            if (!ORDINAL_FIRST.matcher(sentences.get(i).text()).find()) {
                continue;
            }
            List<TextUnit> steps = new ArrayList<>(List.of(sentences.get(i)));
            int j = i + 1;
            for (; j < sentences.size() && steps.size() < MAX_STEPS
                    && ORDINAL_NEXT.matcher(sentences.get(j).text()).find(); j++) {
                steps.add(sentences.get(j));
            }
            // "First …. Then …. Repeating this process …": the loop back is the procedure's last step; it names
            // the procedure itself, so its demonstrative points at nothing outside.
            boolean repeat = j < sentences.size() && steps.size() < MAX_STEPS && steps.size() >= 2
                    && REPEAT.matcher(sentences.get(j).text()).find() && fits(sentences.get(j).text());
            if (repeat) {
                steps.add(sentences.get(j));
            }
            List<TextUnit> ordinal = repeat ? steps.subList(0, steps.size() - 1) : steps;
            if (steps.size() >= MIN_STEPS && ordinal.stream().allMatch(s -> readsAlone(s.text()) && acts(s.text()))) {
                String lead = i > 0 ? leadIn(sentences.get(i - 1).text()) : null;
                String process = lead != null ? lead : name;
                List<TextUnit> split = new ArrayList<>();
                steps.forEach(step -> split.addAll(clauses(step)));
                return process == null ? Optional.empty()
                        : build(document, process, split.size() <= MAX_STEPS ? split : steps);
            }
        }
        return Optional.empty();
    }

    /**
     * A lead-in that announces steps names them right before its colon ("in multiple steps:", "performs the
     * following steps:", "the measurement procedure itself:"); "For the discretization step the following
     * modes are available:" announces modes.
     */
    private static final Pattern STEPS_LEAD = Pattern.compile("(?i)(?:\\b(?:steps?|stages?|phases?)"
            + "|\\bfollowing (?:algorithm|procedure|method|way)\\b[^:]{0,60}|\\bprocedure(?: itself)?):$");
    /**
     * "as follows:" announces steps only where the sentence speaks of doing something ("The algorithm works as
     * follows:"); "Wikipedia defines MC/DC as follows:" and "The schema … is as follows:" announce a definition.
     */
    private static final Pattern AS_FOLLOWS_DOING = Pattern.compile("(?i)^(?=.*\\b(?:algorithm|procedure|process|"
            + "works|proceeds?|operates|is done|is performed|is carried out|do|does)\\b).*\\bas follows:$");
    private static final Pattern LEAD_SUBJECT = Pattern.compile("^(?:The |An? )?([\\w’'. -]{3,60}?) (?:comprises|"
            + "consists of|performs|involves|proceeds|works|has|uses|goes|is done|is carried out)\\b");
    /** A lead-in that offers a choice ("you have these choices:"): the list after it holds alternatives, not steps. */
    private static final Pattern ALTERNATIVES_LEAD = Pattern.compile("(?i)\\b(?:choices|alternatives|options|"
            + "possibilities|either)\\b[^.]{0,40}:$");

    /** Whether a lead-in offers alternatives, so that the list after it is no procedure. */
    static boolean announcesAlternatives(String sentence) {
        return ALTERNATIVES_LEAD.matcher(sentence.strip()).find();
    }

    /**
     * The name of the procedure a lead-in announces before its steps ("The Isomap algorithm comprises three
     * stages:" → "Isomap algorithm"; "To fit the model, do the following:" → "fit the model"), or null when the
     * sentence announces no steps.
     */
    static String stepsLeadIn(String sentence, String heading) {
        String text = sentence.strip();
        if (!STEPS_LEAD.matcher(text).find() && !AS_FOLLOWS_DOING.matcher(text).find()) {
            return null;
        }
        String to = leadIn(text);
        if (to != null) {
            return to;
        }
        var subject = LEAD_SUBJECT.matcher(text);
        if (subject.find() && !ANAPHORIC_OPENINGS.contains(subject.group(1).split(" ")[0].toLowerCase(Locale.ROOT))
                && !subject.group(1).toLowerCase(Locale.ROOT).startsWith("each ")) {
            return subject.group(1).strip();
        }
        return heading;
    }

    private static final java.util.Map<String, Integer> NUMBERS = java.util.Map.of("two", 2, "three", 3, "four", 4,
            "five", 5, "six", 6, "seven", 7, "eight", 8);
    private static final Pattern STEP_COUNT = Pattern.compile("(?i)\\b(two|three|four|five|six|seven|eight|[2-8])"
            + " (?:main |basic |simple |successive |separate )?(?:steps|stages|phases)\\b");

    /** How many steps a lead-in announces ("comprises three stages:"), or 0 when it does not say. */
    static int announcedSteps(String leadIn) {
        var m = STEP_COUNT.matcher(leadIn);
        if (!m.find()) {
            return 0;
        }
        String n = m.group(1).toLowerCase(Locale.ROOT);
        return Character.isDigit(n.charAt(0)) ? Integer.parseInt(n) : NUMBERS.get(n);
    }

    /** A procedure from the paragraphs after a lead-in (each paragraph's first sentence is a step). */
    static Optional<ChainWithLinks> fromParagraphs(Corpus.Document document, String name, List<TextUnit> firstSentences) {
        if (name == null || firstSentences.size() < MIN_STEPS) {
            return Optional.empty();
        }
        // The steps end where a paragraph no longer reads alone or points back ("How to interpret this …",
        // "These steps are performed …"): the text has gone on to comment on the procedure.
        List<TextUnit> steps = new ArrayList<>();
        for (TextUnit sentence : firstSentences.subList(0, Math.min(MAX_STEPS, firstSentences.size()))) {
            TextUnit step = withoutMarker(sentence);
            // (and where a paragraph announces something of its own: "If you want X instead, then use:" stood
            // before code, which is no prose and is gone)
            if (!readsAlone(step.text()) || POINTS_BACK.matcher(step.text()).find() || step.text().endsWith(":")) {
                break;
            }
            steps.add(step);
        }
        // "If …" paragraphs are cases of a condition, not steps of a process.
        long conditions = steps.stream().filter(s -> s.text().startsWith("If ") || s.text().startsWith("When ")).count();
        return steps.size() >= MIN_STEPS && conditions < 2 ? build(document, name, steps) : Optional.empty();
    }

    /** The process a lead-in sentence announces: "To fit the model, do the following:" → "fit the model". */
    static String leadIn(String sentence) {
        String text = sentence.strip();
        if (!text.endsWith(":")) {
            return null;
        }
        var to = Pattern.compile("^(?:To|In order to) ([^,:]{3,80})[,:]").matcher(text);
        if (to.find()) {
            return to.group(1).strip();
        }
        return null;
    }

    private static TextUnit withoutMarker(TextUnit sentence) {
        var m = LIST_ITEM.matcher(sentence.text());
        if (!m.find()) {
            return sentence;
        }
        return new TextUnit(sentence.text().substring(m.end()), sentence.start() + m.end(), sentence.end());
    }

    /**
     * "First, the estimator is trained on the features and the importance of each feature is obtained …" does two
     * things: a step that joins two clauses, each with its own subject and verb, is two steps. A second clause
     * without a subject ("… and computes …") stays with the first: it does not read alone.
     */
    static List<TextUnit> clauses(TextUnit step) {
        // "First one assumes random components (…) and computes for each point a probability …": an agent's two
        // verbs, both in the -s form, are two actions (the tagger reads such verbs as nouns, so the words decide)
        var agent = AGENT_TWO_VERBS.matcher(step.text());
        if (agent.find() && Segmenter.words(step.text().substring(agent.start(2))).size() >= MIN_STEP_WORDS) {
            String first = step.text().substring(0, agent.start(1)).stripTrailing();
            int second = agent.start(2);
            if (Segmenter.words(first).size() >= MIN_STEP_WORDS) {
                return List.of(new TextUnit(first, step.start(), step.start() + first.length()),
                        new TextUnit(step.text().substring(second), step.start() + second, step.end()));
            }
        }
        Tagger.Tagged t = Tagger.tag(step.text());
        for (int i = 2; i + 2 < t.tagged(); i++) {
            if (!t.lower(i).equals("and") || t.is(i + 1, "VERB") || t.is(i + 1, "AUX") || !hasVerb(t, 0, i)) {
                continue;
            }
            int verb = i + 1;
            while (verb < t.tagged() && verb - i <= 8 && (t.nounLike(verb) || t.is(verb, "DET") || t.is(verb, "ADJ")
                    || t.is(verb, "ADP") || t.is(verb, "NUM"))) {
                verb++;
            }
            boolean subject = verb > i + 1 && t.nounLike(verb - 1);
            boolean finite = verb < t.tagged()
                    && (t.is(verb, "AUX") || t.is(verb, "VERB") && t.lower(verb).endsWith("s"));
            if (!subject || !finite || Segmenter.words(step.text().substring(t.starts()[i + 1])).size() < MIN_STEP_WORDS) {
                continue;
            }
            String first = step.text().substring(0, t.ends()[i - 1]);
            int second = t.starts()[i + 1];
            return List.of(new TextUnit(first, step.start(), step.start() + first.length()),
                    new TextUnit(step.text().substring(second), step.start() + second, step.end()));
        }
        return List.of(step);
    }

    /**
     * A third-person agent, its verb in the -s form, then (outside any parenthesis) "and" with a second -s verb
     * that a preposition or determiner follows; group 1 is the "and", group 2 the second verb.
     */
    private static final Pattern AGENT_TWO_VERBS = Pattern.compile("^(?:(?:First(?:ly)?|Then|Next|Finally),? )?"
            + "(?:one|it|the program|the user|the algorithm) [a-z]+[^s\\s]s\\b[^()]*(?:\\([^()]*\\)[^()]*)*?"
            + "(and )([a-z]+[^s\\s]s) (?:for|the|a|an|each|all|its|their|to|on|in|with)\\b");

    private static boolean hasVerb(Tagger.Tagged t, int from, int to) {
        for (int k = from; k < to; k++) {
            if (t.is(k, "VERB") || t.is(k, "AUX")) {
                return true;
            }
        }
        return false;
    }

    private static final Pattern REPEAT = Pattern.compile("(?i)^(?:repeat(?:ing)?\\b|(?:that|this|the) "
            + "(?:procedure|process|step|steps|loop) (?:is|are) (?:then )?(?:recursively |iteratively )?repeated\\b)");
    private static final Pattern POINTS_BACK = Pattern.compile("(?i)\\b(?:this|these|those|above|previous)\\b");

    private static boolean fits(String step) {
        int words = Segmenter.words(step).size();
        return words >= MIN_STEP_WORDS && words <= MAX_STEP_WORDS;
    }

    private static final Pattern ORDINAL_OPENING = Pattern.compile("(?i)^(?:first(?:ly)?|second(?:ly)?|third(?:ly)?|"
            + "fourth|then|next|finally|lastly|after that|afterwards|subsequently|to begin(?: with)?|to start)\\b,?\\s*");
    private static final Pattern AGENT = Pattern.compile("(?i)^(?:we|you|one|the user|the program|it)\\b");
    private static final Pattern PASSIVE = Pattern.compile("\\b(?:is|are|was|were|be|been|gets?)\\s+(?:\\w+ly\\s+)?"
            + "\\w+(?:ed|en|wn|lt|pt|ne)\\b");

    /**
     * Whether an ordinal step does something: an instruction ("Then run Consense …"), an agent acting ("First
     * one assumes …", "Then we …") or something done ("Second, the decorated list is sorted."). "First, the
     * default value of s provides too much smoothing …; Second, …" numbers observations, not steps.
     */
    static boolean acts(String step) {
        String rest = ORDINAL_OPENING.matcher(step.strip()).replaceFirst("");
        if (AGENT.matcher(rest).find() || PASSIVE.matcher(rest).find()) {
            return true;
        }
        Tagger.Tagged t = Tagger.tag(rest);
        return t.tagged() > 0 && t.is(0, "VERB") && Character.isLowerCase(rest.charAt(0));
    }

    /**
     * A step reads alone when it is a sentence of a sensible length that does not open with an anaphor; a
     * question ("How do reports deal with mixed currencies?") asks, it does no step.
     */
    static boolean readsAlone(String step) {
        int words = Segmenter.words(step).size();
        if (words < MIN_STEP_WORDS || words > MAX_STEP_WORDS || step.isEmpty()
                || ".!:".indexOf(step.charAt(step.length() - 1)) < 0) {
            return false;
        }
        String opening = step.replaceFirst("(?i)^(?:first(?:ly)?|second(?:ly)?|third(?:ly)?|then|next|finally|lastly|"
                + "after that|afterwards|subsequently),?\\s+", "").toLowerCase(Locale.ROOT);
        String firstWord = opening.split("[\\s,]+", 2)[0];
        return !ANAPHORIC_OPENINGS.contains(firstWord) && !opening.startsWith("the latter")
                && !opening.startsWith("the former");
    }

    /** An instruction opens with a base-form verb: "Install …", "Run …", "Choose …". */
    static boolean instruction(String step) {
        Tagger.Tagged t = Tagger.tag(step, 1);
        return t.size() > 1 && t.is(0, "VERB") && !t.lower(0).endsWith("ing") && !t.lower(0).endsWith("ed")
                && !(t.lower(0).endsWith("s") && !t.lower(0).endsWith("ss"));
    }

    private static Optional<ChainWithLinks> build(Corpus.Document document, String name, List<TextUnit> steps) {
        String chainId = Records.id("ch-", document.path(), String.valueOf(steps.get(0).start()));
        List<Statement> links = new ArrayList<>();
        for (int i = 0; i + 1 < steps.size(); i++) {
            TextUnit from = steps.get(i);
            TextUnit to = steps.get(i + 1);
            links.add(new Statement(Records.id("s-", chainId, String.valueOf(i)), chainId, from.text(),
                    Statement.NEXT_STEP, to.text(), document.text().substring(from.start(), to.end()),
                    List.of(new Span(document.path(), from.start(), from.end()),
                            new Span(document.path(), to.start(), to.end())),
                    List.of()));
        }
        List<String> texts = steps.stream().map(TextUnit::text).toList();
        TextUnit last = steps.get(steps.size() - 1);
        Chain chain = new Chain(chainId, document.path(), name, name + ": " + steps.size() + " steps, from "
                + firstWords(texts.get(0)) + " to "
                + firstWords(texts.get(texts.size() - 1)), List.of(), List.of(), texts,
                links.stream().map(Statement::statement_id).toList(),
                List.of(new Span(document.path(), steps.get(0).start(), last.end())), document.discipline(),
                Chain.PROCEDURE);
        return Optional.of(new ChainWithLinks(chain, links));
    }

    private static String firstWords(String step) {
        List<String> words = Segmenter.words(step);
        return "\"" + String.join(" ", words.subList(0, Math.min(6, words.size())))
                + (words.size() > 6 ? " …" : "") + "\"";
    }
}
