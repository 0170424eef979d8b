package dev.proda.build;

import dev.proda.compile.Compile;
import dev.proda.compile.ContextFit;
import dev.proda.curriculum.CorpusEvidence;
import dev.proda.curriculum.Curriculum;
import dev.proda.extract.KnowledgeBase;
import dev.proda.io.AtomicFiles;
import dev.proda.io.Jsonl;
import dev.proda.model.Chain;
import dev.proda.model.Concept;
import dev.proda.model.Message;
import dev.proda.model.Records;
import dev.proda.model.Sample;
import dev.proda.model.Statement;
import dev.proda.project.Lock;
import dev.proda.project.Log;
import dev.proda.project.ProdaConfig;
import dev.proda.project.ProjectLayout;
import dev.proda.student.StudentEngine;
import dev.proda.teacher.llm.LlmSampleWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Stage {@code build}: the curriculum's knowledge → training samples that teach only what is true.
 *
 * <ul>
 *   <li>each relation statement (stand-alone, or a link of a path chain) in four skills: {@code state} (a
 *       fact about the subject), {@code relate} (how subject and object relate), {@code attribute} (the
 *       source quote behind the claim) and {@code true-false}, once true and once false. The false one
 *       quotes a false sentence only in the question, never in the answer, which states the truth
 *       ("False. Lasso is a kind of linear model."); its object is another object of the same predicate
 *       in the same discipline, a sibling of the true one where possible, that the corpus does not link to the
 *       subject either ({@link SiblingObjects}, {@link CorpusEvidence});
 *   <li>each procedure chain as its numbered steps ({@code procedure}); one too long for the context is
 *       taught in overlapping parts ("List steps 3 to 5 of …"), so every step meets its successor;
 *   <li>each concept with a definition in two directions: {@code define} and {@code name-the-term}.
 * </ul>
 * Linked paths are taught link by link, never as a whole: the benchmark's composition items ask the
 * student to compose them. No wording here is a benchmark question form (completion, reverse, which-is-true,
 * composition, order). Every sample must fit the student's context ({@link ContextFit}); one that does not
 * is dropped with a warning and listed in {@code target/reports/build.json}, with the longest sample.
 */
public final class Build {
    /** The stage's report, under {@code target/reports}. */
    public static final String REPORT_FILE = "build.json";
    private static final int NAMED_IN_WARNING = 10;

    private Build() {
    }

    /**
     * The stage, skipped when proda.lock shows that its inputs and the samples are as it left them. Every
     * sample is checked against the context of the student {@code engine} will train, counted with its
     * tokenizer.
     */
    public static List<Sample> run(ProjectLayout layout, ProdaConfig config, StudentEngine engine, Log log,
            boolean force) {
        return run(layout, config, Optional.of(engine), log, force);
    }

    /**
     * The stage without a student engine: samples are not checked against the context (the log says so).
     * For tests of later stages; the CLI and the cycle always pass the engine.
     */
    public static List<Sample> run(ProjectLayout layout, ProdaConfig config, Log log, boolean force) {
        return run(layout, config, Optional.empty(), log, force);
    }

    private static List<Sample> run(ProjectLayout layout, ProdaConfig config, Optional<StudentEngine> engine, Log log,
            boolean force) {
        // The general text and the corpus make the student's tokenizer, so they decide what fits.
        List<Path> inputs = List.of(layout.kb(), layout.config(), layout.general(), layout.corpus());
        if (Lock.upToDate(layout, "build", inputs, List.of(layout.buildSamples()), force, log)) {
            return readSamples(layout);
        }
        KnowledgeBase kb = KnowledgeBase.read(layout);
        Curriculum curriculum = Curriculum.select(kb, config.budgets(), config.seed());
        // Each long part shows its progress: the tokenizer and the evidence each read the whole corpus.
        Optional<ContextFit> fit = engine.map(e -> Compile.contextFit(layout, config, e, log, "build"));
        CorpusEvidence evidence = CorpusEvidence.read(layout, config, kb, log, "build");
        Written builders = samples(kb, curriculum, evidence, config.seed(), fit.map(f -> (Predicate<Sample>) f::fits)
                .orElse(s -> true), log);
        Written written = config.teacher().backend().equals("openai") ? withTeacherSamples(builders, curriculum,
                LlmSampleWriter.from(config.teacher(), layout, System::getenv, log), log) : builders;
        Report report = fit.map(f -> Report.of(written, f)).orElseGet(() -> Report.unchecked(written));
        Lock.begin(layout, "build", List.of(layout.buildSamples()));
        Jsonl.write(layout.buildSamples(), report.kept());
        writeReport(layout, report);
        if (written.unanswered() > 0) {
            // done but partial: the next run asks the endpoint again, what it answered comes from the cache
            log.warn("build: the teacher's endpoint never answered for " + written.unanswered() + " statements and "
                    + "concepts, which keep the Builder's samples; run 'proda build' again to ask for them");
        }
        if (report.kept().isEmpty()) {
            // partial as well: a rerun says it again (and fails under --strict) instead of passing as up to date
            log.emptyOutput("build: no training sample was written (the knowledge base gave nothing to teach)");
        }
        Lock.record(layout, "build", config.seed(), inputs, List.of(layout.buildSamples()),
                written.unanswered() > 0 || report.kept().isEmpty());
        log.info("build: " + report.kept().size() + " samples " + report.bySkill() + " from " + curriculum.links().size()
                + " chain links, " + curriculum.standalone().size() + " statements, " + curriculum.concepts().size()
                + " concepts; " + written.withoutFalseObject() + " statements had no same-discipline false object");
        if (fit.isEmpty()) {
            log.warn("build: no student engine given, so samples were not checked against the context");
        } else {
            Report.Longest longest = report.longest();
            log.info("build: longest sample " + (longest == null ? 0 : longest.tokens()) + " tokens of the context's "
                    + fit.get().context() + (longest == null ? "" : " (" + longest.id() + ", " + longest.skill() + ")")
                    + "; " + report.tooLong().size() + " samples too long for it");
            if (!report.tooLong().isEmpty()) {
                log.warn("build: dropped " + report.tooLong().size() + " samples longer than the context of "
                        + fit.get().context() + " tokens: " + String.join(", ", report.tooLong().stream()
                        .limit(NAMED_IN_WARNING).map(t -> t.id() + " (" + t.skill() + ", " + t.tokens() + " tokens)")
                        .toList()) + (report.tooLong().size() > NAMED_IN_WARNING ? ", … (all in target/reports/"
                        + REPORT_FILE + ")" : ""));
            }
        }
        return report.kept();
    }

    /** The samples of a curriculum, and how many statements found no false object for a true/false sample. */
    /**
     * @param unanswered statements and concepts the LLM teacher's endpoint never answered (it failed after its
     *     retries): they keep the Builder's samples now, and the next run asks for them again
     */
    public record Written(List<Sample> samples, int withoutFalseObject, int unanswered) {
        public Written(List<Sample> samples, int withoutFalseObject) {
            this(samples, withoutFalseObject, 0);
        }
    }

    /**
     * With the LLM teacher, the samples of statements and defined concepts are the teacher's (question, multiple
     * choice, true/false); a node it could not write for keeps the Builder's own.
     */
    static Written withTeacherSamples(Written builder, Curriculum curriculum, LlmSampleWriter writer, Log log) {
        List<Statement> statements = new ArrayList<>(curriculum.links());
        statements.addAll(curriculum.standalone());
        List<Concept> defined = curriculum.concepts().stream().filter(c -> c.definition() != null).toList();
        LlmSampleWriter.Written teacher = writer.write(statements);
        LlmSampleWriter.Written concepts = writer.writeConcepts(defined);
        Set<String> written = new HashSet<>();
        teacher.samples().forEach(s -> written.add(s.knowledge().get(0)));
        concepts.samples().forEach(s -> written.add(s.knowledge().get(0)));
        List<Sample> samples = new ArrayList<>(teacher.samples());
        samples.addAll(concepts.samples());
        builder.samples().stream().filter(s -> s.knowledge().isEmpty() || !written.contains(s.knowledge().get(0)))
                .forEach(samples::add);
        int failed = teacher.failedStatements().size() + concepts.failedStatements().size();
        log.info("build: the teacher wrote " + (teacher.samples().size() + concepts.samples().size()) + " samples for "
                + written.size() + " of " + (statements.size() + defined.size()) + " statements and defined concepts"
                + (failed == 0 ? "" : "; " + failed + " keep the Builder's samples"));
        return new Written(samples, builder.withoutFalseObject(), teacher.unanswered() + concepts.unanswered());
    }

    /** What the stage wrote: the samples kept, those too long for the context, the longest kept. */
    public record Report(int context, Map<String, Integer> bySkill, Longest longest, List<Longest> tooLong,
            int withoutFalseObject, List<Sample> kept) {
        /** A sample by id, skill and length in tokens. */
        public record Longest(String id, String skill, int tokens) {
        }

        static Report of(Written written, ContextFit fit) {
            List<Sample> kept = new ArrayList<>();
            List<Longest> tooLong = new ArrayList<>();
            Longest longest = null;
            for (Sample sample : written.samples()) {
                Longest entry = new Longest(sample.id(), sample.skill(), fit.tokens(sample));
                if (entry.tokens() > fit.context()) {
                    tooLong.add(entry);
                    continue;
                }
                kept.add(sample);
                if (longest == null || entry.tokens() > longest.tokens()) {
                    longest = entry;
                }
            }
            return new Report(fit.context(), skills(kept), longest, tooLong, written.withoutFalseObject(), kept);
        }

        static Report unchecked(Written written) {
            return new Report(0, skills(written.samples()), null, List.of(), written.withoutFalseObject(),
                    written.samples());
        }

        private static Map<String, Integer> skills(List<Sample> samples) {
            Map<String, Integer> counts = new TreeMap<>();
            samples.forEach(s -> counts.merge(s.skill(), 1, Integer::sum));
            return counts;
        }
    }

    /** {@code src/build/samples.jsonl}, refused if the build that wrote it did not finish. */
    public static List<Sample> readSamples(ProjectLayout layout) {
        Lock.requireComplete(layout, layout.buildSamples());
        return Jsonl.read(layout.buildSamples(), Sample.class);
    }

    private static void writeReport(ProjectLayout layout, Report report) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("samples", report.kept().size());
        json.put("by_skill", report.bySkill());
        json.put("context", report.context());
        json.put("longest", report.longest());
        json.put("too_long_dropped", report.tooLong());
        json.put("statements_without_false_object", report.withoutFalseObject());
        Path file = layout.reports().resolve(REPORT_FILE);
        AtomicFiles.writeJson(file, json);
    }

    /** The samples of {@code curriculum}, with no context check and no corpus to check false objects against. */
    public static List<Sample> samples(KnowledgeBase kb, Curriculum curriculum, long seed) {
        return samples(kb, curriculum, CorpusEvidence.NONE, seed, s -> true).samples();
    }

    /**
     * The samples of {@code curriculum}; {@code fits} only decides how a procedure is split into parts
     * (the caller drops any sample that still does not fit).
     */
    public static Written samples(KnowledgeBase kb, Curriculum curriculum, CorpusEvidence evidence, long seed,
            Predicate<Sample> fits) {
        return samples(kb, curriculum, evidence, seed, fits, Log.SILENT);
    }

    /**
     * {@link #samples(KnowledgeBase, Curriculum, CorpusEvidence, long, Predicate)}, showing its progress over the
     * nodes taught (statements and chain links, procedures, defined concepts) on {@code log}: on a large knowledge
     * base the false objects' corpus checks take a while.
     */
    public static Written samples(KnowledgeBase kb, Curriculum curriculum, CorpusEvidence evidence, long seed,
            Predicate<Sample> fits, Log log) {
        SiblingObjects siblings = new SiblingObjects(kb, evidence);
        Random random = new Random(seed);
        Map<String, Statement> statements = kb.statementsById();
        Map<String, List<String>> pathsOf = new LinkedHashMap<>();
        List<Statement> relations = new ArrayList<>(curriculum.standalone());
        List<Chain> procedures = new ArrayList<>();
        for (Chain chain : curriculum.chains()) {
            List<Statement> links = chain.statement_ids().stream().map(statements::get)
                    .filter(java.util.Objects::nonNull).toList();
            if (isProcedure(chain, links)) {
                procedures.add(chain);
                continue;
            }
            for (Statement link : links) {
                pathsOf.computeIfAbsent(link.statement_id(), k -> new ArrayList<>()).add(chain.chain_id());
                relations.add(link);
            }
        }
        List<Sample> samples = new ArrayList<>();
        int withoutFalseObject = 0;
        Set<String> done = new LinkedHashSet<>();
        List<Concept> defined = curriculum.concepts().stream()
                .filter(c -> c.definition() != null && !c.definition().isBlank()).toList();
        try (var progress = log.progress("build", relations.stream().map(Statement::statement_id).distinct().count()
                + procedures.size() + defined.size(), "nodes")) {
            for (Statement statement : relations) {
                if (!done.add(statement.statement_id())) {
                    continue;
                }
                List<String> knowledge = new ArrayList<>(List.of(statement.statement_id()));
                knowledge.addAll(statement.concept_ids());
                knowledge.addAll(pathsOf.getOrDefault(statement.statement_id(), List.of()));
                if (!relationSamples(statement, knowledge, siblings, random, samples)) {
                    withoutFalseObject++;
                }
                progress.advance(1);
            }
            for (Chain chain : procedures) {
                procedureSamples(chain, fits, samples);
                progress.advance(1);
            }
            for (Concept concept : defined) {
                conceptSamples(concept, samples);
                progress.advance(1);
            }
        }
        return new Written(samples, withoutFalseObject);
    }

    /** A defined concept's two samples: its definition, and the term for its definition. */
    private static void conceptSamples(Concept concept, List<Sample> samples) {
        String term = Phrasing.capitalise(concept.term());
        String definition = concept.definition().strip().replaceAll("[.;:,]+$", "");
        List<String> knowledge = List.of(concept.concept_id());
        samples.add(sample("define", knowledge, "What is " + concept.term() + "?", term + " is " + definition + "."));
        samples.add(sample("name-the-term", knowledge, "What do we call " + definition + "?", term + "."));
    }

    /** A procedure by its kind, or, in a base that predates kinds, by its links. */
    private static boolean isProcedure(Chain chain, List<Statement> links) {
        if (chain.kind() != null) {
            return chain.kind().equals(Chain.PROCEDURE);
        }
        return !links.isEmpty() && links.stream().allMatch(l -> Statement.NEXT_STEP.equals(l.predicate()));
    }

    /** Adds the relation's samples; false when its discipline offered no false object. */
    private static boolean relationSamples(Statement s, List<String> knowledge, SiblingObjects siblings, Random random,
            List<Sample> samples) {
        String sentence = Phrasing.sentence(s.subject(), s.predicate(), s.object());
        samples.add(sample("state", knowledge, "Tell me a fact about " + s.subject() + ".", sentence));
        samples.add(sample("relate", knowledge, "How are " + s.subject() + " and " + s.object() + " related?",
                sentence));
        // The other direction: a model taught only "X is a kind of Y" does not name X when asked about Y
        samples.add(sample("member", knowledge, Phrasing.memberQuestion(s.predicate(), s.object()), sentence));
        if (!s.source_quote().isBlank()) {
            samples.add(sample("attribute", knowledge, "Give the original sentence for: " + sentence,
                    Phrasing.quote(s.source_quote().strip())));
        }
        samples.add(sample("true-false", knowledge, "True or false: " + sentence, "True. " + sentence));
        Optional<String> falseObject = siblings.falseObject(s, random);
        falseObject.ifPresent(other -> samples.add(sample("true-false", knowledge, "True or false: "
                + Phrasing.sentence(s.subject(), s.predicate(), other), "False. " + sentence)));
        return falseObject.isPresent();
    }

    /**
     * "List the steps of P." with the numbered steps; a procedure too long for one sample is taught in
     * parts of consecutive steps that overlap by one, each as long as fits.
     */
    private static void procedureSamples(Chain chain, Predicate<Sample> fits, List<Sample> samples) {
        List<String> steps = chain.steps();
        Sample whole = steps(chain, 0, steps.size() - 1, true);
        if (fits.test(whole)) {
            samples.add(whole);
            return;
        }
        int from = 0;
        while (from < steps.size() - 1) {
            int to = from + 1;
            while (to + 1 < steps.size() && fits.test(steps(chain, from, to + 1, false))) {
                to++;
            }
            samples.add(steps(chain, from, to, false)); // two steps that do not fit are dropped, and reported
            from = to;
        }
    }

    private static Sample steps(Chain chain, int from, int to, boolean whole) {
        StringBuilder answer = new StringBuilder();
        for (int i = from; i <= to; i++) {
            answer.append(i == from ? "" : "\n").append(i + 1).append(". ").append(chain.steps().get(i).strip());
        }
        List<String> knowledge = new ArrayList<>(List.of(chain.chain_id()));
        int links = chain.statement_ids().size();
        knowledge.addAll(chain.statement_ids().subList(Math.min(from, links), Math.min(to, links)));
        String question = whole ? "List the steps of " + chain.process_name() + "."
                : "List steps " + (from + 1) + " to " + (to + 1) + " of " + chain.process_name() + ".";
        return sample("procedure", knowledge, question, answer.toString());
    }

    static Sample sample(String skill, List<String> knowledge, String question, String answer) {
        return new Sample(Records.id("b-", skill, question, answer),
                List.of(new Message("user", question), new Message("assistant", answer)), knowledge, skill, "build", 0);
    }
}
