package dev.proda.extract;

import dev.proda.model.Chain;
import dev.proda.model.Records;
import dev.proda.model.Span;
import dev.proda.model.Statement;
import dev.proda.project.Corpus;
import dev.proda.project.Lock;
import dev.proda.project.Log;
import dev.proda.project.ProdaConfig;
import dev.proda.project.ProjectLayout;
import dev.proda.teacher.Teacher;
import dev.proda.teacher.Teachers;
import dev.proda.text.Segmenter;
import dev.proda.text.TextUnit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stage {@code extract}: corpus → {@code kb/}, by the configured teacher (the embedded one by default).
 *
 * <p>The embedded extraction reads each document on its own (in parallel, one task per document):
 * paragraphs and sentences with exact offsets ({@link Segmenter}); part-of-speech tags for the sentences
 * that can hold a relation ({@link RelationPatterns#candidate}); definitional relations
 * ({@link RelationPatterns}); noun-group term candidates; chains ({@link Chains}). The per-document
 * results are then merged in document order — so the result does not depend on scheduling — and the
 * candidates are counted over the whole corpus to select terms by C-value ({@link TermExtractor}), and
 * concepts are merged by key, alias and head ({@link ConceptIndex}).
 */
public final class Extract {
    private Extract() {
    }

    /** The stage, skipped when proda.lock shows that the corpus, proda.yaml and kb/ are as it left them. */
    public static KnowledgeBase run(ProjectLayout layout, ProdaConfig config, Log log, boolean force) {
        if (Lock.upToDate(layout, STAGE, inputs(layout), List.of(layout.kb()), force, log)) {
            return KnowledgeBase.read(layout);
        }
        return run(layout, config, log, Teachers.from(config, layout));
    }

    private static final String STAGE = "extract";

    private static List<Path> inputs(ProjectLayout layout) {
        return List.of(layout.corpus(), layout.config());
    }

    /** The stage with a teacher chosen by the caller (tests inject one built with a test environment). */
    public static KnowledgeBase run(ProjectLayout layout, ProdaConfig config, Log log, Teacher teacher) {
        // held on disk, read again when needed: memory does not grow with the corpus
        Corpus.OnDisk documents = Corpus.onDisk(layout.corpus(), config.name(), log);
        log.info("extract: " + documents.size() + " documents, " + documents.characters() + " characters");
        KnowledgeBase kb = teacher.extract(documents, log);
        // From here until Lock.record, proda.lock says kb/ may be part old, part new.
        Lock.begin(layout, STAGE, List.of(layout.kb()));
        kb.write(layout);
        log.info("extract (" + teacher.name() + "): " + kb.chains().size() + " chains, " + kb.statements().size() + " statements, "
                + kb.concepts().size() + " concepts");
        if (teacher.failedParts() > 0) {
            // done but partial: the next run retries the failed parts, the answers so far come from the cache
            log.warn("extract: " + teacher.failedParts() + " parts failed, so kb/ lacks their knowledge; run 'proda "
                    + "extract' again to retry exactly those (the answers received are cached)");
        }
        if (kb.statements().isEmpty()) {
            // partial as well: a rerun says it again (and fails under --strict) instead of passing as up to date
            log.emptyOutput("extract: no statement was extracted from " + documents.size() + " documents ("
                    + kb.concepts().size() + " concepts); build and tests will have little or nothing to work on");
        }
        Lock.record(layout, STAGE, config.seed(), inputs(layout), List.of(layout.kb()),
                teacher.failedParts() > 0 || kb.statements().isEmpty());
        return kb;
    }

    /** The confidence below which the embedded teacher keeps no statement (proda.yaml extract.min_confidence). */
    public static final double DEFAULT_MIN_CONFIDENCE = 0.6;

    /**
     * A claim found in a document, with where its sentence, subject and object are, and the document's own
     * words at the object (the document's text is not kept).
     */
    record Found(Claims.Claim claim, String rule, String discipline, TextUnit sentence, Span subject,
            Span object, String objectText, boolean paragraphInitial) {
    }

    /**
     * What one document yields before the corpus-wide merge; its sentences as offsets ({@code [start, end]}
     * pairs), read again from the document's text when terms are counted.
     */
    private record DocumentResult(String path, String discipline, List<Found> found,
            List<Chains.ChainWithLinks> chains, Set<String> candidates, int[] sentences, int overlong) {
    }

    /** Documents read side by side, at most this many at a time, so memory holds a chunk's texts, not all. */
    private static final int CHUNK = 32;

    /** The extraction itself with the default confidence threshold, on documents already read. */
    public static KnowledgeBase extract(List<Corpus.Document> documents) {
        return extract(documents, DEFAULT_MIN_CONFIDENCE);
    }

    /** The extraction itself, on documents already read (no files touched). */
    public static KnowledgeBase extract(List<Corpus.Document> documents, double minConfidence) {
        return extract(documents, minConfidence, Log.SILENT);
    }

    /**
     * The extraction itself, on documents already read, reporting progress on a large corpus and the
     * sentences too long to read ({@link Segmenter#MAX_SENTENCE_CHARS}) to {@code log}.
     */
    public static KnowledgeBase extract(List<Corpus.Document> documents, double minConfidence, Log log) {
        ReadProgress progress = ReadProgress.of(documents instanceof Corpus.OnDisk onDisk ? onDisk.characters()
                : documents.stream().mapToLong(d -> d.text().length()).sum(), log);
        // Each document on its own; the merge keeps what it yields (never its text), in document order.
        Set<String> candidates = new LinkedHashSet<>();
        List<Found> found = new ArrayList<>();
        List<Chain> chains = new ArrayList<>();
        List<Statement> links = new ArrayList<>();
        List<DocumentResult> results = new ArrayList<>();
        inOrder(documents.size(), i -> read(documents.get(i), progress), result -> {
            candidates.addAll(result.candidates());
            found.addAll(result.found());
            for (Chains.ChainWithLinks chain : result.chains()) {
                chains.add(chain.chain());
                links.addAll(chain.links());
            }
            results.add(new DocumentResult(result.path(), result.discipline(), List.of(), List.of(), Set.of(),
                    result.sentences(), result.overlong()));
        });
        progress.close();
        reportOverlong(results, log);

        // Count the candidates over the whole corpus, then keep terms by C-value; the corpus's words weigh them.
        TermExtractor.Lexicon keys = TermExtractor.Lexicon.of(candidates);
        Map<String, Integer> frequency = new HashMap<>();
        Map<String, Integer> words = new HashMap<>();
        long[] wordTotal = {0};
        inOrder(documents.size(), i -> {
            String text = documents.get(i).text();
            Map<String, Integer> counted = new HashMap<>();
            return new Counted(occurrences(text, results.get(i), keys, key -> true), counted,
                    Termhood.count(text, counted));
        }, counted -> {
            counted.occurrences().forEach((key, n) -> frequency.merge(key, n, Integer::sum));
            counted.words().forEach((word, n) -> words.merge(word, n, Integer::sum));
            wordTotal[0] += counted.total();
        });
        Set<String> terms = TermExtractor.select(frequency).keySet();

        // Where the terms are mentioned, by discipline: the texts read once more, now that the terms are known.
        ConceptIndex concepts = new ConceptIndex(terms, Termhood.of(words, wordTotal[0]));
        inOrderIndexed(documents.size(), i -> occurrences(documents.get(i).text(), results.get(i), keys,
                terms::contains), (mentions, i) -> mentions.forEach((key, n) ->
                concepts.countMention(key, results.get(i).discipline(), n)));
        return concepts.link(found, chains, links, minConfidence);
    }

    /** Sentences over the bound in a document, named by the first few documents that hold them. */
    private static void reportOverlong(List<DocumentResult> results, Log log) {
        List<DocumentResult> with = results.stream().filter(r -> r.overlong() > 0).toList();
        if (with.isEmpty()) {
            return;
        }
        int total = with.stream().mapToInt(DocumentResult::overlong).sum();
        List<String> named = with.stream().limit(5).map(r -> r.path() + " (" + r.overlong() + ")").toList();
        log.warn("extract: " + total + " sentences longer than " + Segmenter.MAX_SENTENCE_CHARS
                + " characters were cut into pieces and not read for relations, in " + String.join(", ", named)
                + (with.size() > named.size() ? " and " + (with.size() - named.size()) + " more documents" : ""));
    }

    /** One document's occurrences of candidate terms and its words, counted. */
    private record Counted(Map<String, Integer> occurrences, Map<String, Integer> words, long total) {
    }

    /** How often each key {@code wanted} accepts occurs in the document's sentences, in order of first occurrence. */
    private static Map<String, Integer> occurrences(String text, DocumentResult result, TermExtractor.Lexicon keys,
            java.util.function.Predicate<String> wanted) {
        Map<String, Integer> found = new LinkedHashMap<>();
        int[] bounds = result.sentences();
        for (int k = 0; k < bounds.length; k += 2) {
            for (TermExtractor.Occurrence o : TermExtractor.occurrences(text.substring(bounds[k], bounds[k + 1]),
                    bounds[k], keys)) {
                if (wanted.test(o.key())) {
                    found.merge(o.key(), 1, Integer::sum);
                }
            }
        }
        return found;
    }

    /**
     * Maps each index, side by side within chunks of {@link #CHUNK}, and hands the results on in index order:
     * the same result as one ordered pass, with one chunk's documents in memory.
     */
    private static <T> void inOrder(int size, java.util.function.IntFunction<T> map,
            java.util.function.Consumer<T> consume) {
        inOrderIndexed(size, map, (result, i) -> consume.accept(result));
    }

    private static <T> void inOrderIndexed(int size, java.util.function.IntFunction<T> map,
            java.util.function.ObjIntConsumer<T> consume) {
        for (int from = 0; from < size; from += CHUNK) {
            int first = from;
            List<T> chunk = java.util.stream.IntStream.range(from, Math.min(size, from + CHUNK)).parallel()
                    .mapToObj(map).toList();
            for (int k = 0; k < chunk.size(); k++) {
                consume.accept(chunk.get(k), first + k);
            }
        }
    }

    private static DocumentResult read(Corpus.Document document, ReadProgress progress) {
        List<Found> found = new ArrayList<>();
        List<Chains.ChainWithLinks> chains = new ArrayList<>();
        Set<String> candidates = new LinkedHashSet<>();
        List<TextUnit> all = new ArrayList<>();
        String heading = null;
        TextUnit termLine = null;
        List<TextUnit> listItems = new ArrayList<>();
        String listName = null;
        List<Found> entries = new ArrayList<>();
        int termLines = 0;
        int overlong = 0;
        boolean first = true;
        int shapedEntries = 0;
        String stepsName = null;
        int stepsAnnounced = 0;
        boolean alternatives = false;
        List<TextUnit> stepParagraphs = new ArrayList<>();
        for (TextUnit paragraph : Segmenter.paragraphs(document.text())) {
            progress.advance(paragraph.text().length());
            boolean opening = first;
            first = false;
            if (isHeading(paragraph.text())) {
                flushList(document, listName, listItems, chains);
                flushSteps(document, stepsName, stepParagraphs, chains);
                stepsName = null;
                alternatives = false;
                TextUnit unnumbered = Glossary.withoutSectionNumber(paragraph);
                heading = unnumbered.text().strip();
                // A document's first line is its title ("Glossary"), never an entry, unless the title is the term
                // the document is named by (one entry per page: "accent" in accent.html).
                termLine = Glossary.termLine(unnumbered.text())
                        && (!opening || Glossary.namesDocument(unnumbered.text(), document.path())) ? unnumbered : null;
                termLines += termLine != null ? 1 : 0;
                continue;
            }
            if (termLine != null && Glossary.labelledValues(paragraph.text())) {
                continue; // "ES: acento, I: accento, …" stands between a term and its definition
            }
            // an overlong sentence is not tagged (that took gigabytes); its pieces still count term mentions
            Segmenter.Bounded bounded = Segmenter.bounded(document.text(), paragraph);
            List<TextUnit> sentences = bounded.sentences();
            all.addAll(bounded.all());
            overlong += bounded.overlong();
            for (int k = 0; k < sentences.size(); k++) {
                TextUnit sentence = sentences.get(k);
                boolean glossaryEntry = k == 0 && termLine != null;
                TextUnit clause = mainClause(sentence);
                int cue = Math.max(RelationPatterns.cueEnd(sentence.text()), RelationPatterns.cueEnd(clause.text()));
                if (cue < 0 && !glossaryEntry && !Hearst.candidate(sentence.text()) && assertedClause(clause).isEmpty()
                        && !CLAUSE_BOUNDARY.matcher(sentence.text()).find() && !COORDINATED.matcher(clause.text()).find()) {
                    continue;
                }
                Tagger.Tagged tagged = Tagger.tag(sentence.text());
                TermExtractor.candidates(tagged, candidates);
                if (glossaryEntry) {
                    TextUnit term = termLine;
                    shapedEntries += Glossary.shape(tagged).isPresent() ? 1 : 0;
                    Glossary.definition(term.text(), tagged).ifPresent(claim -> entries.add(new Found(claim, "glossary",
                            document.discipline(), sentence,
                            span(document, term.start(), term.start() + term.text().strip().length()),
                            span(document, sentence.start() + claim.objectStart(), sentence.start() + claim.objectEnd()),
                            document.text().substring(sentence.start() + claim.objectStart(),
                                    sentence.start() + claim.objectEnd()), true)));
                }
                boolean initial = k == 0;
                Tagger.Tagged clauseTags = clause == sentence ? tagged : Tagger.tag(clause.text());
                if (RelationPatterns.cueEnd(clause.text()) >= 0) {
                    RelationPatterns.match(clauseTags).flatMap(relation -> Claims.of(relation, clauseTags))
                            .ifPresent(claim -> {
                                found.add(found(claim, "copula", document, clause, initial));
                                Claims.relativeClause(claim, clauseTags).ifPresent(more -> {
                                    found.add(found(more, "copula", document, clause, initial));
                                    Claims.conjuncts(more, clauseTags).forEach(
                                            also -> found.add(found(also, "copula", document, clause, initial)));
                                });
                                Claims.conjuncts(claim, clauseTags).forEach(
                                        more -> found.add(found(more, "copula", document, clause, initial)));
                            });
                }
                // "On the flip side, although naive Bayes is …, it …": the opener goes before the reason is read
                assertedClause(clause).ifPresent(asserted -> {
                    Tagger.Tagged assertedTags = Tagger.tag(asserted.text());
                    // "Since the cross product is a zero vector, …" reasons about the case at hand
                    RelationPatterns.match(assertedTags).flatMap(relation -> Claims.of(relation, assertedTags))
                            .filter(claim -> !claim.definite())
                            .ifPresent(claim -> found.add(found(claim, "copula", document, asserted, false)));
                });
                for (TextUnit inner : innerClauses(sentence, tagged)) {
                    Tagger.Tagged innerTags = Tagger.tag(inner.text());
                    // "… because Uganda is a key destination …": a clause after a coordinator or a reason asserts
                    // what it says; a definite subject there is the case at hand, as in a reason clause
                    RelationPatterns.match(innerTags).flatMap(relation -> Claims.of(relation, innerTags))
                            .filter(claim -> !claim.definite())
                            .ifPresent(claim -> found.add(found(claim, "copula", document, inner, false)));
                }
                for (Claims.Claim claim : coordinated(clause)) {
                    found.add(found(claim, "copula", document, clause, initial));
                    Claims.relativeClause(claim, clauseTags).ifPresent(
                            more -> found.add(found(more, "copula", document, clause, initial)));
                }
                for (Claims.Claim claim : Hearst.match(tagged)) {
                    found.add(found(claim, "hearst", document, sentence, initial));
                }
            }
            termLine = null;
            if (Chains.isListItem(paragraph.text()) && !sentences.isEmpty()) {
                if (listItems.isEmpty()) {
                    listName = alternatives ? null : heading; // "you have these choices:" lists no steps
                }
                listItems.add(sentences.get(0));
                continue;
            }
            flushList(document, listName, listItems, chains);
            // Steps announced by a lead-in ("… comprises three stages:") come one paragraph each.
            int wanted = stepsAnnounced > 0 ? stepsAnnounced : Chains.MAX_STEPS;
            if (stepsName != null && !sentences.isEmpty() && Character.isUpperCase(paragraph.text().charAt(0))
                    && (sentences.size() <= 3 || stepsAnnounced > 0) && stepParagraphs.size() < wanted) {
                stepParagraphs.add(sentences.get(0));
                continue;
            }
            flushSteps(document, stepsName, stepParagraphs, chains);
            stepsName = sentences.isEmpty() ? null
                    : Chains.stepsLeadIn(sentences.get(sentences.size() - 1).text(), heading);
            stepsAnnounced = stepsName == null ? 0 : Chains.announcedSteps(sentences.get(sentences.size() - 1).text());
            // A paragraph ending in a lead-in names the list that follows it ("To install it, run:").
            String lead = sentences.isEmpty() ? null : Chains.leadIn(sentences.get(sentences.size() - 1).text());
            listName = lead != null ? lead : heading;
            alternatives = !sentences.isEmpty()
                    && Chains.announcesAlternatives(sentences.get(sentences.size() - 1).text());
            Chains.fromPassage(document, heading, sentences).ifPresent(chains::add);
        }
        flushList(document, listName, listItems, chains);
        flushSteps(document, stepsName, stepParagraphs, chains);
        // A heading followed by a noun phrase now and then is a section title; a glossary has many entries.
        boolean onePerPage = entries.size() == 1 && termLines == 1
                && Glossary.namesDocument(entries.get(0).claim().subject(), document.path());
        if (entries.size() >= Glossary.MIN_ENTRIES && shapedEntries >= Glossary.MIN_ENTRY_SHARE * termLines
                || onePerPage) {
            found.addAll(entries);
        }
        int[] bounds = new int[2 * all.size()];
        for (int k = 0; k < all.size(); k++) {
            bounds[2 * k] = all.get(k).start();
            bounds[2 * k + 1] = all.get(k).end();
        }
        return new DocumentResult(document.path(), document.discipline(), found, chains, candidates, bounds,
                overlong);
    }

    /**
     * An opening connective or framing phrase ("However, ", "For example, ", "In scikit-learn, ") is no part
     * of the claim: the clause after it is read instead. A frame that points back ("In this case, ") is kept,
     * so the sentence stays unread.
     */
    static TextUnit mainClause(TextUnit sentence) {
        // A quotation opening the sentence ("“The Brier score is …") is read without its mark.
        var quote = OPENING_QUOTE.matcher(sentence.text());
        if (quote.find() && quote.end() < sentence.text().length()) {
            sentence = new TextUnit(sentence.text().substring(quote.end()), sentence.start() + quote.end(), sentence.end());
        }
        var m = OPENING.matcher(sentence.text());
        if (!m.find() || BACK_POINTING.matcher(m.group()).find() || m.end() >= sentence.text().length()) {
            return sentence;
        }
        return new TextUnit(sentence.text().substring(m.end()), sentence.start() + m.end(), sentence.end());
    }

    private static final java.util.regex.Pattern OPENING_QUOTE = java.util.regex.Pattern.compile("^[“\"‘']+(?=\\p{L})");
    private static final java.util.regex.Pattern ASSERTING_CLAUSE = java.util.regex.Pattern.compile(
            "^(?:[Ss]ince|[Bb]ecause|[Aa]lthough|[Tt]hough|[Ww]hile|[Ww]hereas|[Aa]s|[Gg]iven that) ([^,;:]{5,160}), ");

    /**
     * "Since Theil-Sen is a median-based estimator, it is …": a reason or concession clause opening the
     * sentence asserts what it says (a condition — "If X is a list, …" — does not, and is not read).
     */
    static java.util.Optional<TextUnit> assertedClause(TextUnit sentence) {
        var m = ASSERTING_CLAUSE.matcher(sentence.text());
        if (!m.find() || RelationPatterns.cueEnd(m.group(1)) < 0) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new TextUnit(m.group(1), sentence.start() + m.start(1), sentence.start() + m.end(1)));
    }

    /** Where a new clause may start inside a sentence: after a semicolon, a coordinator or a reason. */
    private static final java.util.regex.Pattern CLAUSE_BOUNDARY = java.util.regex.Pattern.compile(
            "(?:; |, (?:and|but|yet|so|while|whereas) | (?:because|although|though|whereas) )");

    /**
     * The clauses inside a sentence that assert something of their own: "…; Dollo parsimony is …", "…, and
     * South Sudan is …", "… because Uganda is …". Each runs to the next boundary; only those with a relation
     * cue are returned. Offsets are the document's.
     */
    static List<TextUnit> innerClauses(TextUnit sentence, Tagger.Tagged tags) {
        String text = sentence.text();
        var m = CLAUSE_BOUNDARY.matcher(text);
        List<Integer> starts = new ArrayList<>();
        List<Integer> ends = new ArrayList<>();
        int previous = 0;
        while (m.find()) {
            // "Cotton, sugar, and cattle raising are …": a coordinator after a list of nouns joins them, not
            // clauses; the words before a new clause hold a verb of their own
            if (!hasVerb(tags, previous, m.start())) {
                continue;
            }
            if (!starts.isEmpty()) {
                ends.add(m.start());
            }
            starts.add(m.end());
            previous = m.end();
        }
        ends.add(text.length());
        List<TextUnit> clauses = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            String clause = text.substring(starts.get(i), ends.get(i));
            if (clause.length() >= 8 && RelationPatterns.cueEnd(clause) >= 0) {
                clauses.add(new TextUnit(clause, sentence.start() + starts.get(i), sentence.start() + ends.get(i)));
            }
        }
        return clauses;
    }

    private static boolean hasVerb(Tagger.Tagged tags, int from, int to) {
        for (int k = 0; k < tags.tagged(); k++) {
            // "Overgrazing, soil depletion, drought, and floods are …": a word of a comma list is a noun,
            // whatever the tagger says
            boolean listed = k + 1 < tags.size() && tags.tokens().get(k + 1).equals(",");
            if (tags.starts()[k] >= from && tags.ends()[k] <= to && (tags.is(k, "AUX")
                    || tags.is(k, "VERB") && !tags.lower(k).endsWith("ing") && !listed)) {
                return true;
            }
        }
        return false;
    }

    private static final Set<String> CONDITIONS = Set.of("If", "When", "Whenever", "Unless", "Once", "Until", "As",
            "Since", "Because", "After", "Before", "Where", "Wherever");
    private static final java.util.regex.Pattern COORDINATED = java.util.regex.Pattern.compile(
            "^(?:(?:While|Whereas|Although|Though) )?(?:(?:The|A|An|Both) )?([\\w.+#’'-]+(?: [\\w.+#’'-]+){0,3})"
                    + "(?: \\([\\w.-]{1,12}\\))? and "
                    + "([\\w.+#’'-]+(?: [\\w.+#’'-]+){0,3}(?: \\([\\w.-]{1,12}\\))?) (?:are|were)\\b");

    /**
     * "C++ and Python are languages that …": the claim read from "Python are languages …" holds for both
     * conjuncts, each of which may carry its abbreviation ("… Gain (DCG) and … (NDCG) are …"). Offsets are
     * relative to {@code clause}.
     */
    static List<Claims.Claim> coordinated(TextUnit clause) {
        var m = COORDINATED.matcher(clause.text());
        // ("If X and Y are …" is a condition; "While X and Y are …" concedes that they are)
        if (!m.find() || Claims.term(m.group(1)) == null || !Claims.term(m.group(1)).equals(m.group(1))
                || CONDITIONS.contains(m.group(1).split(" ")[0])) {
            return List.of();
        }
        int shift = m.start(2);
        Tagger.Tagged t = Tagger.tag(clause.text().substring(shift));
        var claim = RelationPatterns.match(t).flatMap(r -> Claims.of(r, t));
        if (claim.isEmpty() || claim.get().subjectStart() != 0) {
            return List.of();
        }
        Claims.Claim c = claim.get();
        Claims.Claim second = new Claims.Claim(c.subject(), c.alias(), c.predicate(), c.object(), null,
                c.subjectStart() + shift, c.subjectEnd() + shift, c.objectStart() + shift, c.objectEnd() + shift, false);
        Claims.Claim first = new Claims.Claim(m.group(1), null, c.predicate(), c.object(), null, m.start(1), m.end(1),
                second.objectStart(), second.objectEnd(), false);
        return List.of(first, second);
    }

    private static final java.util.regex.Pattern OPENING = java.util.regex.Pattern.compile(
            "^(?:(?:However|Also|Thus|Hence|Moreover|Furthermore|Similarly|Likewise|Generally|Typically|Usually|"
                    + "Conversely|Indeed|Instead|Finally|Therefore|Alternatively|Additionally|"
                    + "(?:More )?(?:[Pp]recisely|[Ss]pecifically|[Ff]ormally|[Ss]imply put)|Mathematically|Technically|"
                    + "In (?:addition|particular|general|practice|contrast|short)|"
                    + "For (?:example|instance)|(?:In|For|Within|Under|On) [\\w.’'-]+(?: [\\w.’'-]+){0,3}|"
                    + "Among [\\w.’'-]+(?: [\\w.’'-]+){0,6}|"
                    + "(?:Similar to|Unlike|As with|Compared (?:to|with)) [\\w.’'-]+(?: [\\w.’'-]+){0,4}),\\s+|Note that\\s+)");
    private static final java.util.regex.Pattern BACK_POINTING = java.util.regex.Pattern.compile(
            "(?i)\\b(?:this|that|these|those|such|the above|the latter|the former|it|its|their|here|above|below)\\b");

    private static Found found(Claims.Claim claim, String rule, Corpus.Document document, TextUnit sentence,
            boolean initial) {
        Span subject = span(document, sentence.start() + claim.subjectStart(), sentence.start() + claim.subjectEnd());
        Span object = claim.object() == null ? null
                : span(document, sentence.start() + claim.objectStart(), sentence.start() + claim.objectEnd());
        return new Found(claim, rule, document.discipline(), sentence, subject, object,
                object == null ? null : document.text().substring(object.start(), object.end()), initial);
    }

    private static Span span(Corpus.Document document, int start, int end) {
        return new Span(document.path(), start, end);
    }

    private static void flushSteps(Corpus.Document document, String name, List<TextUnit> steps,
            List<Chains.ChainWithLinks> chains) {
        Chains.fromParagraphs(document, name, steps).ifPresent(chains::add);
        steps.clear();
    }

    private static void flushList(Corpus.Document document, String name, List<TextUnit> items,
            List<Chains.ChainWithLinks> chains) {
        if (items.size() >= Chains.MIN_STEPS) {
            Chains.fromList(document, name, items).ifPresent(chains::add);
        }
        items.clear();
    }

    static boolean isHeading(String paragraph) {
        if (paragraph.length() > 600) {
            return false; // twelve words; and no split of a 50 MB paragraph into millions of words
        }
        String text = paragraph.strip();
        int words = text.split("\\s+").length;
        return words <= 12 && !text.contains("\n") && ".!?:;,".indexOf(text.charAt(text.length() - 1)) < 0;
    }

}
