package dev.proda.build;

import dev.proda.extract.Curriculum;
import dev.proda.extract.KnowledgeBase;
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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Stage {@code build}: the curriculum's statements and concepts → training samples in several skills. */
public final class Build {
    private Build() {
    }

    /** The stage, skipped when proda.lock shows that kb/, proda.yaml and the samples are as it left them. */
    public static List<Sample> run(ProjectLayout layout, ProdaConfig config, Log log, boolean force) {
        List<Path> inputs = List.of(layout.kb(), layout.config());
        if (Lock.upToDate(layout, "build", inputs, List.of(layout.buildSamples()), force, log)) {
            return Jsonl.read(layout.buildSamples(), Sample.class);
        }
        KnowledgeBase kb = KnowledgeBase.read(layout);
        Curriculum curriculum = Curriculum.select(kb, config.budgets(), config.seed());
        List<Sample> samples = samples(kb, curriculum, config.seed());
        Jsonl.write(layout.buildSamples(), samples);
        Lock.record(layout, "build", config.seed(), inputs, List.of(layout.buildSamples()));
        log.info("build: " + samples.size() + " samples from " + curriculum.links().size() + " chain links, "
                + curriculum.standalone().size() + " statements, " + curriculum.concepts().size() + " concepts");
        return samples;
    }

    public static List<Sample> samples(KnowledgeBase kb, Curriculum curriculum, long seed) {
        Map<String, Chain> chains = kb.chainsById();
        Random random = new Random(seed);
        List<Sample> samples = new ArrayList<>();
        for (Statement link : curriculum.links()) {
            Chain chain = chains.get(link.parent_chain_id());
            List<String> knowledge = List.of(link.statement_id(), chain.chain_id());
            samples.add(sample("continue", knowledge,
                    "In " + chain.process_name() + ", what comes after this? " + link.subject(), link.object()));
            samples.add(sample("recall-order", knowledge,
                    "Which step follows " + Phrasing.quote(link.subject()) + "?", "After that: " + link.object()));
            samples.add(sample("true-false", knowledge,
                    "True or false: " + Phrasing.quote(link.object()) + " comes right before "
                            + Phrasing.quote(link.subject()) + ".",
                    "False. It comes right after it."));
        }
        List<Statement> standalone = curriculum.standalone();
        for (Statement statement : standalone) {
            List<String> knowledge = new ArrayList<>(List.of(statement.statement_id()));
            knowledge.addAll(statement.concept_ids());
            String verb = Phrasing.verb(statement.predicate());
            samples.add(sample("state", knowledge, Phrasing.capitalise(statement.subject()) + " " + verb + " what?",
                    Phrasing.sentence(statement.subject(), statement.predicate(), statement.object())));
            samples.add(sample("attribute", knowledge, "Tell me about " + statement.subject() + ".",
                    statement.source_quote()));
            Statement other = standalone.get(random.nextInt(standalone.size()));
            if (!other.object().equalsIgnoreCase(statement.object())) {
                samples.add(sample("true-false", knowledge, "True or false: "
                        + Phrasing.sentence(statement.subject(), statement.predicate(), other.object()),
                        "False. " + Phrasing.sentence(statement.subject(), statement.predicate(), statement.object())));
            }
        }
        for (Concept concept : curriculum.concepts()) {
            if (concept.definition() == null) {
                continue;
            }
            List<String> knowledge = List.of(concept.concept_id());
            samples.add(sample("define", knowledge, "What is " + concept.term() + "?",
                    Phrasing.capitalise(concept.term()) + " is " + concept.definition() + "."));
            samples.add(sample("name-the-term", knowledge, "Which term means: " + concept.definition() + "?",
                    Phrasing.capitalise(concept.term()) + "."));
        }
        return samples;
    }

    static Sample sample(String skill, List<String> knowledge, String question, String answer) {
        return new Sample(Records.id("b-", skill, question, answer),
                List.of(new Message("user", question), new Message("assistant", answer)), knowledge, skill, "build", 0);
    }
}
