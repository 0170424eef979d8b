package dev.proda.repair;

import dev.proda.build.Phrasing;
import dev.proda.curriculum.Curriculum;
import dev.proda.extract.KnowledgeBase;
import dev.proda.io.Jsonl;
import dev.proda.model.Chain;
import dev.proda.model.Concept;
import dev.proda.model.Failure;
import dev.proda.model.Message;
import dev.proda.model.Patch;
import dev.proda.model.Records;
import dev.proda.model.Sample;
import dev.proda.model.Span;
import dev.proda.model.Statement;
import dev.proda.model.TestItem;
import dev.proda.project.Corpus;
import dev.proda.project.Lock;
import dev.proda.project.Log;
import dev.proda.project.ProdaConfig;
import dev.proda.project.ProjectLayout;
import dev.proda.teacher.llm.LlmSampleWriter;
import dev.proda.tester.FormExemplars;
import dev.proda.tester.Tests;
import dev.proda.text.Terms;
import dev.proda.validate.References;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;

/** Stage {@code repair}: failures of round N → {@code src/patches/round-N/patches.jsonl}. */
public final class Repair {
    private static final int GROUNDING_PASSAGES = 2;

    private Repair() {
    }

    /** What a repair round wrote and refused. */
    public record Outcome(List<Patch> patches, int samples, int rejected) {
    }

    public static Outcome run(ProjectLayout layout, ProdaConfig config, int round, Log log) {
        Lock.requireComplete(layout, layout.failures(round)); // a killed debug leaves a set marked in progress
        List<Jsonl.Line<Failure>> lines = Jsonl.readLines(layout.failures(round), Failure.class);
        // Failures of another benchmark or knowledge base would patch nodes that are not there: refused, file:line.
        References.requireFailures(layout.failures(round), lines, Tests.Benchmark.read(layout).dev().stream()
                .map(TestItem::id).collect(java.util.stream.Collectors.toSet()), KnowledgeBase.read(layout));
        List<Failure> failures = lines.stream().map(Jsonl.Line::record).toList();
        // One patch per responsible node, however many failures point at it.
        Map<String, List<String>> failuresByNode = new LinkedHashMap<>();
        for (Failure failure : failures) {
            for (String node : failure.responsible()) {
                failuresByNode.computeIfAbsent(node, k -> new ArrayList<>()).add(failure.item());
            }
        }
        Outcome outcome;
        try (Workshop workshop = new Workshop(layout, config, round)) {
            outcome = workshop.patch(failuresByNode, log);
        }
        // Marked in progress first: that also deletes the temp file a repair killed while writing left here.
        Lock.begin(layout, "repair round " + round, List.of(layout.patchRound(round)));
        Jsonl.write(layout.patchRound(round).resolve("patches.jsonl"), outcome.patches());
        if (outcome.patches().isEmpty() && !failuresByNode.isEmpty()) {
            log.emptyOutput("repair round " + round + ": no patch was written for " + failuresByNode.size()
                    + " responsible nodes (" + outcome.rejected() + " samples rejected by the guard); the next version "
                    + "has nothing new to learn");
        }
        Lock.record(layout, "repair round " + round, config.seed(), List.of(layout.failures(round), layout.kb(),
                layout.corpus(), layout.tests()), List.of(layout.patchRound(round)));
        log.info("repair round " + round + ": " + outcome.patches().size() + " patches, " + outcome.samples()
                + " samples for " + failuresByNode.size() + " responsible nodes (" + outcome.rejected()
                + " samples rejected by the guard)");
        return outcome;
    }

    private static final int MAX_CONTROL_PASSES = 10;

    /**
     * An untargeted control of a round: the same skills as the round's patches and {@code multiple} times
     * as many samples (fewer only if the nodes run out), but about randomly chosen nodes of the same kinds
     * as the responsible ones, drawn from what the repair could see: nodes that some dev item tests. Nodes
     * only the test split holds (held-out chains) are never drawn, as no patch can reach them either.
     * Written to {@code target/controls/round-N-untargeted[-Mx].jsonl}.
     */
    public static List<Sample> untargetedControl(ProjectLayout layout, ProdaConfig config, int round, int multiple,
            Log log) {
        List<Patch> patches = Jsonl.read(layout.patchRound(round).resolve("patches.jsonl"), Patch.class);
        int budget = multiple * patches.stream().mapToInt(p -> p.samples().size()).sum();
        Map<String, List<String>> randomNodes = new LinkedHashMap<>();
        List<Sample> samples = new ArrayList<>();
        try (Workshop workshop = new Workshop(layout, config, round)) {
            Random random = new Random(config.seed() + 977L * round + 31L * (multiple - 1));
            // One random node like each target, then more rounds of them until the budget is met: random nodes
            // repeat and some yield fewer samples, and a control with less data would not be a fair one.
            for (int pass = 0; pass < MAX_CONTROL_PASSES * multiple && samples.size() < budget; pass++) {
                Map<String, List<String>> fresh = new LinkedHashMap<>();
                for (Patch patch : patches) {
                    String node = workshop.randomNodeLike(patch.target(), random);
                    if (!randomNodes.containsKey(node)) {
                        randomNodes.put(node, List.of());
                        fresh.put(node, List.of());
                    }
                }
                workshop.patch(fresh, Log.SILENT).patches().forEach(p -> samples.addAll(p.samples()));
            }
        }
        List<Sample> control = samples.subList(0, Math.min(budget, samples.size()));
        Jsonl.write(layout.target().resolve("controls").resolve("round-" + round + "-untargeted"
                + (multiple == 1 ? "" : "-" + multiple + "x") + ".jsonl"), control);
        log.info("repair round " + round + " control " + multiple + "×: " + control.size() + " untargeted samples ("
                + multiple + " × the patches' " + budget / multiple + ") about " + randomNodes.size()
                + " random dev-visible nodes");
        return List.copyOf(control);
    }

    /** Everything a repair round needs, built once: KB, corpus index, guard and patch writer. */
    private static final class Workshop implements AutoCloseable {
        private final PatchWriter writer;
        private final ContaminationGuard guard;
        private final Bm25Grounding grounding;
        private final Curriculum curriculum;
        private final int round;
        /** Every node some dev item tests: what diagnosis and repair may look at. */
        private final java.util.Set<String> devVisible = new java.util.HashSet<>();

        Workshop(ProjectLayout layout, ProdaConfig config, int round) {
            KnowledgeBase kb = KnowledgeBase.read(layout);
            // Held on disk, each document read when asked for: the guard and the index read it one at a time.
            List<Corpus.Document> corpus = Corpus.onDisk(layout.corpus(), config.name(), Log.SILENT);
            Tests.Benchmark benchmark = Tests.Benchmark.read(layout);
            List<TestItem> items = new ArrayList<>(benchmark.dev());
            items.addAll(benchmark.test());
            this.guard = new ContaminationGuard(items, corpus, kb.statements());
            this.curriculum = Curriculum.select(kb, config.budgets(), config.seed());
            java.util.Set<String> tested = new java.util.HashSet<>();
            for (TestItem item : items) {
                List<String> nodes = new ArrayList<>(item.statement_ids());
                nodes.add(item.node());
                nodes.add(item.chain_id());
                nodes.addAll(item.concept_ids());
                tested.addAll(nodes);
                if (item.split().equals("dev")) {
                    devVisible.addAll(nodes);
                }
            }
            this.writer = new PatchWriter(kb, curriculum.unusedChains(kb), tested,
                    config.budgets().patchSamplesPerNode(), round, new Random(config.seed() + 101L * round),
                    config.teacher().backend().equals("openai")
                            ? LlmSampleWriter.from(config.teacher(), layout, System::getenv, Log.SILENT) : null);
            // on disk, beside the outputs: a killed repair's index is replaced by the next run's
            this.grounding = new Bm25Grounding(corpus, layout.target().resolve(".bm25-index.tmp"));
            this.round = round;
        }

        Outcome patch(Map<String, List<String>> failuresByNode, Log log) {
            List<Patch> patches = new ArrayList<>();
            int kept = 0;
            int rejected = 0;
            var progress = log.progress("repair round " + round, failuresByNode.size(), "targets");
            for (var entry : failuresByNode.entrySet()) {
                progress.advance(1); // counted as started: the LLM teacher may take long on one
                String node = entry.getKey();
                List<Bm25Grounding.Passage> passages = grounding.search(writer.query(node), GROUNDING_PASSAGES);
                List<Sample> samples = new ArrayList<>();
                for (Sample sample : writer.samples(node, passages)) {
                    String problem = guard.problem(sample);
                    if (problem == null) {
                        samples.add(sample);
                    } else {
                        rejected++;
                        log.warn("repair: rejected a patch sample for " + node + ": " + problem);
                    }
                }
                if (samples.isEmpty()) {
                    continue;
                }
                kept += samples.size();
                List<Span> spans = new ArrayList<>(writer.spans(node));
                if (node.startsWith(Failure.FORM_PREFIX)) {
                    // exemplars are grounded where the nodes they work on are stated
                    samples.forEach(x -> x.knowledge().forEach(k -> spans.addAll(writer.spans(k))));
                } else {
                    passages.forEach(p -> spans.add(p.span()));
                }
                patches.add(new Patch(Records.id("patch-", String.valueOf(round), node), entry.getValue(), node,
                        samples, spans, round));
            }
            progress.close();
            return new Outcome(patches, kept, rejected);
        }

        /** A random curriculum node of the same kind (link or stand-alone statement, concept, chain). */
        String randomNodeLike(String node, Random random) {
            List<String> pool;
            if (writer.statements.containsKey(node)) {
                boolean link = writer.statements.get(node).parent_chain_id() != null;
                pool = (link ? curriculum.links() : curriculum.standalone()).stream().map(Statement::statement_id)
                        .toList();
            } else if (writer.concepts.containsKey(node)) {
                pool = curriculum.concepts().stream().map(Concept::concept_id).toList();
            } else {
                pool = curriculum.chains().stream().map(Chain::chain_id).toList();
            }
            List<String> visible = pool.stream().filter(devVisible::contains).toList();
            pool = visible.isEmpty() ? pool : visible;
            return pool.isEmpty() ? node : pool.get(random.nextInt(pool.size()));
        }

        @Override
        public void close() {
            grounding.close();
        }
    }

    /** All patch samples of rounds 1..{@code round}. */
    public static List<Sample> samplesUpTo(ProjectLayout layout, int round) {
        List<Sample> samples = new ArrayList<>();
        for (int r = 1; r <= round; r++) {
            Lock.requireComplete(layout, layout.patchRound(r));
            for (Patch patch : Jsonl.read(layout.patchRound(r).resolve("patches.jsonl"), Patch.class)) {
                samples.addAll(patch.samples());
            }
        }
        return samples;
    }

    /** Writes the samples about one node, in skills the Builder does not use. */
    static final class PatchWriter {
        private final Map<String, Chain> chains;
        private final Map<String, Statement> statements;
        private final Map<String, Concept> concepts;
        private final List<Chain> exemplarChains;
        /** Every node some benchmark item (dev or test) tests: exemplars of a form are about other nodes. */
        private final java.util.Set<String> tested;
        private final int perNode;
        private final int round;
        private final Random random;
        /** The LLM teacher, which writes failed statements' patches; null when it is not the teacher, or failed. */
        private LlmSampleWriter teacher;

        PatchWriter(KnowledgeBase kb, List<Chain> exemplarChains, java.util.Set<String> tested, int perNode, int round,
                Random random, LlmSampleWriter teacher) {
            this.teacher = teacher;
            this.tested = tested;
            this.chains = kb.chainsById();
            this.statements = kb.statementsById();
            this.concepts = kb.conceptsById();
            this.exemplarChains = exemplarChains.stream().filter(c -> c.steps().size() >= 3).toList();
            this.perNode = perNode;
            this.round = round;
            this.random = random;
        }

        String query(String node) {
            if (statements.containsKey(node)) {
                Statement s = statements.get(node);
                return s.subject() + " " + s.object();
            }
            if (concepts.containsKey(node)) {
                Concept c = concepts.get(node);
                return c.term() + (c.definition() == null ? "" : " " + c.definition());
            }
            Chain chain = chains.get(node);
            return chain == null ? node : String.join(" ", chain.steps());
        }

        List<Span> spans(String node) {
            if (statements.containsKey(node)) {
                return statements.get(node).spans();
            }
            if (concepts.containsKey(node)) {
                return concepts.get(node).spans();
            }
            Chain chain = chains.get(node);
            return chain == null ? List.of() : chain.spans();
        }

        List<Sample> samples(String node, List<Bm25Grounding.Passage> passages) {
            List<Sample> samples;
            if (node.startsWith(Failure.FORM_PREFIX)) {
                return formExemplars(node);
            }
            if (statements.containsKey(node)) {
                samples = statementSamples(statements.get(node), passages);
            } else if (concepts.containsKey(node)) {
                samples = conceptSamples(concepts.get(node), passages);
            } else {
                samples = compositionExemplars(node, passages);
            }
            return samples.subList(0, Math.min(perNode, samples.size()));
        }

        /**
         * The LLM teacher's patch samples (in {@code skill}), grounded in the passages; empty when it is not
         * the teacher or its answers stayed invalid (the templates then), and for good once its endpoint has failed.
         */
        private Optional<List<Sample>> fromTeacher(String skill, List<String> knowledge,
                java.util.function.BiFunction<LlmSampleWriter, List<String>, List<LlmSampleWriter.Exchange>> ask,
                List<Bm25Grounding.Passage> passages) {
            if (teacher == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(ask.apply(teacher, passages.stream().map(Bm25Grounding.Passage::text).toList())
                        .stream().map(x -> sample(skill, knowledge, x.question(), x.answer())).toList());
            } catch (dev.proda.endpoint.EndpointException e) {
                teacher = null; // the endpoint failed after its retries: templates from here on, no more waiting
                return Optional.empty();
            } catch (RuntimeException e) {
                return Optional.empty(); // its answers stayed invalid
            }
        }

        private List<Sample> statementSamples(Statement s, List<Bm25Grounding.Passage> passages) {
            List<String> knowledge = List.of(s.statement_id());
            if (s.parent_chain_id() == null) {
                Optional<List<Sample>> written = fromTeacher("llm-contrast", knowledge,
                        (writer, texts) -> writer.patch(s, texts),
                        passages);
                if (written.isPresent()) {
                    return written.get();
                }
            }
            List<Sample> samples = new ArrayList<>();
            if (s.parent_chain_id() != null) {
                samples.add(sample("grounded-continue", knowledge, "Here is a passage: " + s.source_quote()
                        + " After " + Phrasing.quote(s.subject()) + ", what is said next?", s.object()));
                samples.add(sample("reverse-order", knowledge, "What comes just before "
                        + Phrasing.quote(s.object()) + "?", s.subject()));
                samples.add(sample("continue-short", knowledge, s.subject() + " And then?", s.object()));
                samples.add(sample("order", knowledge, "Which comes first: " + Phrasing.quote(s.object()) + " or "
                        + Phrasing.quote(s.subject()) + "?", "First: " + s.subject() + " Then: " + s.object()));
            } else {
                String sentence = Phrasing.sentence(s.subject(), s.predicate(), s.object());
                samples.add(sample("grounded-state", knowledge, "From the text: " + context(passages, s)
                        + " What does it say " + s.subject() + " " + Phrasing.verb(s.predicate()) + "?", s.object()));
                samples.add(sample("example", knowledge, "Give an example: what " + Phrasing.verb(s.predicate()) + " "
                        + s.object() + "?", s.subject()));
                samples.add(sample("recall", knowledge, "Recall: " + s.subject() + " " + Phrasing.verb(s.predicate())
                        + " …", s.object()));
                samples.add(sample("confirm", knowledge, "Is it true that " + s.subject() + " "
                        + Phrasing.verb(s.predicate()) + " " + s.object() + "?", "Yes. " + sentence));
                samples.add(sample("paraphrase", knowledge, "Say in your own words what " + s.subject() + " "
                        + Phrasing.verb(s.predicate()) + ".", sentence));
            }
            return samples;
        }

        /**
         * A concept is known when what the KB states about it is known: its definition, then its statements
         * (those it is the subject of first, then the others that use it), then corpus passages that
         * mention it; naming the term back is the last resort.
         */
        private List<Sample> conceptSamples(Concept c, List<Bm25Grounding.Passage> passages) {
            List<String> knowledge = List.of(c.concept_id());
            Optional<List<Sample>> written = fromTeacher("llm-contrast", knowledge,
                    (writer, texts) -> writer.patch(c, texts), passages);
            if (written.isPresent()) {
                return written.get();
            }
            List<Sample> samples = new ArrayList<>();
            if (c.definition() != null) {
                samples.add(sample("explain", knowledge, "Explain " + c.term() + ".",
                        Phrasing.capitalise(c.term()) + " is " + c.definition() + "."));
            }
            for (Statement s : factsAbout(c)) {
                List<String> both = List.of(c.concept_id(), s.statement_id());
                if (s.parent_chain_id() == null && !Terms.key(s.subject()).equals(key(c))
                        && Terms.key(s.object()).equals(key(c))) {
                    // the concept is the object: ask for the subject, the direction a forward fact does not teach
                    samples.add(sample("concept-fact", both, "A fact about " + c.term() + ": what "
                            + Phrasing.verb(s.predicate()) + " " + s.object() + "?", s.subject()));
                } else if (s.parent_chain_id() == null) {
                    samples.add(sample("concept-fact", both, "A fact about " + c.term() + ": " + s.subject() + " "
                            + Phrasing.verb(s.predicate()) + " …", s.object()));
                } else {
                    Chain chain = chains.get(s.parent_chain_id());
                    samples.add(sample("concept-step", both, "In " + (chain == null ? "the text"
                            : Phrasing.quote(chain.process_name())) + ", what follows " + Phrasing.quote(s.subject())
                            + "?", s.object()));
                }
            }
            if (c.definition() != null) {
                samples.add(sample("describe", knowledge, "Describe " + Phrasing.quote(c.term()) + ".",
                        c.definition()));
            }
            // a passage the search found by a shared word ("evolves" for "evolving language") says nothing about it
            for (Bm25Grounding.Passage passage : passages) {
                boolean named = mentions(passage.text(), c.term())
                        || c.aliases().stream().anyMatch(a -> mentions(passage.text(), a));
                if (named) {
                    samples.add(sample("grounded-mention", knowledge, "What does the text say about " + c.term()
                            + "?", passage.text()));
                }
            }
            // naming the term from itself teaches copying: only a definition or another name asks for it
            List<String> otherNames = c.aliases().stream().filter(a -> !Terms.key(a).equals(key(c))).toList();
            if (c.definition() != null || !otherNames.isEmpty()) {
                samples.add(sample("term-recall", knowledge, "Name the term: " + (c.definition() == null
                        ? "also called " + String.join(", ", otherNames) : c.definition()), c.term()));
            }
            return samples;
        }

        private static String key(Concept c) {
            return Terms.key(c.term());
        }

        /** The concept's statements: stand-alone ones with it as subject, other stand-alone ones, chain links. */
        private List<Statement> factsAbout(Concept c) {
            String key = Terms.key(c.term());
            return c.parent_statement_ids().stream().map(statements::get).filter(Objects::nonNull)
                    .sorted(Comparator.comparingInt((Statement s) -> s.parent_chain_id() != null ? 2
                            : Terms.key(s.subject()).equals(key) ? 0 : 1)
                            .thenComparing(Statement::statement_id))
                    .toList();
        }

        /** Exemplars per capability deficit: a form is a broader target than a node, so twice a node's samples. */
        static final int EXEMPLARS_PER_NODE_BUDGET = 2;

        /**
         * For a capability deficit ({@code form:<form>} or {@code form:<form>:<predicate>}): the form worked on
         * nodes no benchmark item tests (statements of that predicate, or defined concepts), in the Tester's
         * wording, so the student learns to answer the form without seeing a tested fact.
         */
        private List<Sample> formExemplars(String target) {
            String[] parts = target.substring(Failure.FORM_PREFIX.length()).split(":", 2);
            String form = parts[0];
            String predicate = parts.length > 1 ? parts[1] : null;
            List<Sample> samples = new ArrayList<>();
            List<Statement> pool = statements.values().stream().filter(s -> !tested.contains(s.statement_id())
                    && (predicate == null || s.predicate().equals(predicate)))
                    .sorted(Comparator.comparing(Statement::statement_id)).collect(java.util.stream.Collectors.toCollection(ArrayList::new));
            java.util.Collections.shuffle(pool, random);
            int budget = EXEMPLARS_PER_NODE_BUDGET * perNode;
            for (Statement s : pool) {
                if (samples.size() >= budget) {
                    break;
                }
                FormExemplars.of(form, s).ifPresent(e -> samples.addAll(worked(form, List.of(s.statement_id()), e,
                        s.source_quote())));
            }
            List<Concept> defined = concepts.values().stream().filter(c -> !tested.contains(c.concept_id()))
                    .sorted(Comparator.comparing(Concept::concept_id)).collect(java.util.stream.Collectors.toCollection(ArrayList::new));
            java.util.Collections.shuffle(defined, random);
            for (Concept c : defined) {
                if (samples.size() >= budget) {
                    break;
                }
                FormExemplars.of(form, c).ifPresent(e -> samples.addAll(worked(form, List.of(c.concept_id()), e,
                        null)));
            }
            return samples.subList(0, Math.min(budget, samples.size()));
        }

        /**
         * One exemplar of a form: the LLM teacher's worked examples of it ({@code llm-exemplar-<form>}), or the
         * Tester's stem and answer as they are ({@code exemplar-<form>}).
         */
        private List<Sample> worked(String form, List<String> knowledge, FormExemplars.Exemplar e, String quote) {
            return fromTeacher("llm-exemplar-" + form, knowledge, (writer, texts) -> writer.workedForm(form,
                    e.question(), e.answer(), quote), List.of())
                    .orElseGet(() -> List.of(sample("exemplar-" + form, knowledge, e.question(), e.answer())));
        }

        /** For a chain break: worked two-step exemplars over chains outside the benchmark. */
        private List<Sample> compositionExemplars(String node, List<Bm25Grounding.Passage> passages) {
            List<Sample> samples = new ArrayList<>();
            if (teacher != null && !exemplarChains.isEmpty()) {
                // the LLM teacher's worked multi-hop examples over one chain outside the benchmark
                Chain chain = exemplarChains.get(random.nextInt(exemplarChains.size()));
                Optional<List<Sample>> written = fromTeacher("llm-worked-chain", List.of(chain.chain_id(), node),
                        (writer, texts) -> writer.workedChain(chain.process_name(), chain.steps(), texts), passages);
                if (written.isPresent()) {
                    return written.get();
                }
            }
            for (int k = 0; k < perNode && !exemplarChains.isEmpty(); k++) {
                Chain chain = exemplarChains.get(random.nextInt(exemplarChains.size()));
                int j = random.nextInt(chain.steps().size() - 2);
                List<String> knowledge = List.of(chain.chain_id(), node);
                String from = chain.steps().get(j);
                if (k % 2 == 0) {
                    samples.add(sample("compose-two-steps", knowledge, "Skip ahead two steps from "
                            + Phrasing.quote(from) + " in " + chain.process_name() + ".", chain.steps().get(j + 2)));
                } else {
                    samples.add(sample("compose-worked", knowledge, "Walk forward twice from " + Phrasing.quote(from)
                            + ".", "Next: " + chain.steps().get(j + 1) + " Then: " + chain.steps().get(j + 2)));
                }
            }
            return samples;
        }

        /** The passage that states the statement (both its terms), else the statement's own sentence. */
        private static String context(List<Bm25Grounding.Passage> passages, Statement s) {
            return passages.stream().map(Bm25Grounding.Passage::text)
                    .filter(text -> mentions(text, s.subject()) && mentions(text, s.object()))
                    .findFirst().orElse(s.source_quote());
        }

        /** Whether the text holds the term as whole words (by merge key: case and plural aside). */
        static boolean mentions(String text, String term) {
            return Terms.containsKey(text, Terms.key(term));
        }

        private Sample sample(String skill, List<String> knowledge, String question, String answer) {
            return new Sample(Records.id("p-", String.valueOf(round), skill, question, answer),
                    List.of(new Message("user", question), new Message("assistant", answer)), knowledge, skill,
                    "patch", round);
        }
    }
}
