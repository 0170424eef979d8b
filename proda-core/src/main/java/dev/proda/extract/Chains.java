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
import java.util.regex.Pattern;

/**
 * L3 chains: procedural and causal step sequences, read verbatim from the text.
 *
 * <ul>
 *   <li>a <b>list</b>: consecutive paragraphs that are numbered items ("1.", "(2)", "Step 3:") give one
 *   chain whose steps are the items' first sentences;</li>
 *   <li>a <b>sequence</b> inside a passage: a run of consecutive prose sentences in which sentences open
 *   with ordering markers ("First", "Then", "Next", "Finally" …) or result markers ("Therefore", "As a
 *   result", "Thus" …), or state a cause ("because", "so that", "which leads to"): the chain starts one
 *   sentence before the first marked sentence (its premise) and takes at most {@link #MAX_STEPS}.</li>
 * </ul>
 * A passage with neither still gives a <b>narrative</b> chain when it opens with at least
 * {@link #MIN_STEPS} prose sentences (its first {@link #MAX_STEPS}), as the text orders them: the benchmark
 * needs chains from every discipline, and textbook prose is mostly explanation in order.
 * Adjacent steps are linked by statements: {@code causes} when the later step opens with a result marker,
 * {@code is-followed-by} otherwise.
 */
final class Chains {
    static final int MAX_STEPS = 5;
    static final int MIN_STEPS = 3;
    static final int MIN_STEP_WORDS = 5;
    static final int MAX_STEP_WORDS = 32;

    private static final Pattern ORDER = Pattern.compile("(?i)^(?:first(?:ly)?|second(?:ly)?|third(?:ly)?|then|next|"
            + "finally|lastly|afterwards|after that|after this|subsequently|once|in (?:the|a) (?:first|second|"
            + "third|next|final|last) step|at (?:the|this) (?:end|point|stage)|at last|eventually|meanwhile|"
            + "now|when this)\\b");
    private static final Pattern RESULT = Pattern.compile("(?i)^(?:therefore|thus|hence|consequently|as a result|"
            + "so|accordingly|for this reason|this (?:means|causes|leads|results|makes|allows|ensures|implies|"
            + "gives|produces)|that is why|in turn)\\b");
    private static final Pattern CAUSE = Pattern.compile("(?i)\\b(?:because|so that|which (?:causes|leads|means|"
            + "results|makes|allows)|as a result|therefore|in order to|leads? to|results? in|causes|due to)\\b");
    private static final Pattern LIST_ITEM = Pattern.compile("^(?:\\(?\\d{1,2}[.)]|[Ss]tep \\d{1,2}[:.)]?)\\s+");

    private Chains() {
    }

    record ChainWithLinks(Chain chain, List<Statement> links) {
    }

    static boolean marked(String sentence) {
        return ORDER.matcher(sentence).find() || RESULT.matcher(sentence).find() || CAUSE.matcher(sentence).find();
    }

    static boolean isListItem(String paragraph) {
        return LIST_ITEM.matcher(paragraph).find();
    }

    /** A sequence chain from the sentences of one passage, if it has one. */
    static Optional<ChainWithLinks> fromPassage(Corpus.Document document, String heading, int passage,
            List<TextUnit> sentences) {
        int firstMarked = -1;
        for (int i = 1; i < sentences.size(); i++) {
            if (prose(sentences.get(i).text()) && prose(sentences.get(i - 1).text()) && marked(sentences.get(i).text())) {
                firstMarked = i;
                break;
            }
        }
        if (firstMarked < 0) {
            return Optional.empty();
        }
        List<TextUnit> steps = new ArrayList<>();
        for (int i = firstMarked - 1; i < sentences.size() && steps.size() < MAX_STEPS; i++) {
            if (!prose(sentences.get(i).text())) {
                break;
            }
            steps.add(sentences.get(i));
        }
        return build(document, heading, passage, steps);
    }

    /** A narrative chain: the run of prose sentences that opens the passage. */
    static Optional<ChainWithLinks> narrative(Corpus.Document document, String heading, int passage,
            List<TextUnit> sentences) {
        List<TextUnit> steps = new ArrayList<>();
        for (TextUnit sentence : sentences) {
            if (!prose(sentence.text()) || steps.size() == MAX_STEPS) {
                break;
            }
            steps.add(sentence);
        }
        return build(document, heading, passage, steps);
    }

    /** A list chain from consecutive numbered-item paragraphs (their first sentences). */
    static Optional<ChainWithLinks> fromList(Corpus.Document document, String heading, int passage,
            List<TextUnit> firstSentences) {
        List<TextUnit> steps = firstSentences.stream().filter(s -> prose(s.text())).limit(MAX_STEPS).toList();
        return steps.size() == firstSentences.size() || steps.size() >= MIN_STEPS
                ? build(document, heading, passage, steps) : Optional.empty();
    }

    private static Optional<ChainWithLinks> build(Corpus.Document document, String heading, int passage,
            List<TextUnit> steps) {
        if (steps.size() < MIN_STEPS) {
            return Optional.empty();
        }
        String title = heading != null ? heading : Extract.documentTitle(document.path());
        String processName = title + " (passage " + passage + ")";
        String chainId = Records.id("ch-", document.path(), String.valueOf(steps.get(0).start()));
        List<Statement> links = new ArrayList<>();
        for (int i = 0; i + 1 < steps.size(); i++) {
            TextUnit from = steps.get(i);
            TextUnit to = steps.get(i + 1);
            String predicate = RESULT.matcher(to.text()).find() ? "causes" : "is-followed-by";
            links.add(new Statement(Records.id("s-", chainId, String.valueOf(i)), chainId, from.text(), predicate,
                    to.text(), document.text().substring(from.start(), to.end()),
                    List.of(new Span(document.path(), from.start(), from.end()),
                            new Span(document.path(), to.start(), to.end())),
                    List.of()));
        }
        List<String> texts = steps.stream().map(TextUnit::text).toList();
        List<String> preconditions = texts.stream().filter(Chains::soundsLikePrecondition).toList();
        List<String> negatives = texts.stream().filter(Chains::soundsNegative).toList();
        TextUnit last = steps.get(steps.size() - 1);
        Chain chain = new Chain(chainId, document.path() + (heading == null ? "" : " › " + heading), processName,
                texts.get(0), preconditions, negatives, texts, links.stream().map(Statement::statement_id).toList(),
                List.of(new Span(document.path(), steps.get(0).start(), last.end())), document.discipline());
        return Optional.of(new ChainWithLinks(chain, links));
    }

    static boolean prose(String sentence) {
        int words = Segmenter.words(sentence).size();
        return words >= MIN_STEP_WORDS && words <= MAX_STEP_WORDS
                && ".!?".indexOf(sentence.charAt(sentence.length() - 1)) >= 0 && sentence.charAt(0) != '('
                && sentence.charAt(0) != '[';
    }

    private static boolean soundsLikePrecondition(String sentence) {
        String lower = sentence.toLowerCase(Locale.ROOT);
        return lower.startsWith("if ") || lower.startsWith("before ") || lower.contains(" must ")
                || lower.contains(" requires ") || lower.startsWith("to ") || lower.startsWith("once ")
                || lower.startsWith("unless ") || lower.startsWith("provided ");
    }

    private static boolean soundsNegative(String sentence) {
        String lower = " " + sentence.toLowerCase(Locale.ROOT) + " ";
        return lower.contains(" not ") || lower.contains(" never ") || lower.contains(" cannot ")
                || lower.contains("n't ") || lower.contains(" avoid ");
    }
}
