package dev.proda.extract;

import dev.proda.model.Chain;
import dev.proda.model.Concept;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Stage {@code extract}: corpus → {@code kb/}, by the configured teacher (the embedded one by default). */
public final class Extract {
    /** Steps a chain keeps at most (one passage = one chain). */
    static final int MAX_STEPS = 5;
    static final int MIN_STEP_WORDS = 5;
    static final int MAX_STEP_WORDS = 32;

    private Extract() {
    }

    public static KnowledgeBase run(ProjectLayout layout, ProdaConfig config, Log log) {
        return run(layout, config, log, Teachers.from(config, layout));
    }

    /** The stage with a teacher chosen by the caller (tests inject one built with a test environment). */
    public static KnowledgeBase run(ProjectLayout layout, ProdaConfig config, Log log, Teacher teacher) {
        List<Corpus.Document> documents = Corpus.read(layout.corpus(), config.name(), log);
        long characters = documents.stream().mapToLong(d -> d.text().length()).sum();
        log.info("extract: " + documents.size() + " documents, " + characters + " characters");
        KnowledgeBase kb = teacher.extract(documents, log);
        kb.write(layout);
        Lock.record(layout, "extract", config.seed(), List.of(layout.corpus(), layout.config()), List.of(layout.kb()));
        log.info("extract (" + teacher.name() + "): " + kb.chains().size() + " chains, " + kb.statements().size() + " statements, "
                + kb.concepts().size() + " concepts");
        return kb;
    }

    /** The extraction itself, on documents already read (no files touched). */
    public static KnowledgeBase extract(List<Corpus.Document> documents) {
        List<Chain> chains = new ArrayList<>();
        Map<String, Statement> statements = new LinkedHashMap<>();
        ConceptIndex concepts = new ConceptIndex();
        for (Corpus.Document document : documents) {
            String heading = null;
            int passage = 0;
            for (TextUnit paragraph : Segmenter.paragraphs(document.text())) {
                if (isHeading(paragraph.text())) {
                    heading = paragraph.text().strip();
                    continue;
                }
                passage++;
                List<TextUnit> sentences = Segmenter.sentences(document.text(), paragraph);
                for (TextUnit sentence : sentences) {
                    RelationPatterns.match(sentence.text()).ifPresent(relation -> {
                        Statement statement = definitional(document, sentence, relation);
                        if (statements.putIfAbsent(statement.statement_id(), statement) == null) {
                            concepts.addSubject(relation, statement, document, sentence);
                        }
                    });
                }
                chain(document, heading, passage, sentences).ifPresent(chain -> {
                    chains.add(chain.chain());
                    chain.links().forEach(link -> statements.putIfAbsent(link.statement_id(), link));
                });
            }
        }
        return concepts.link(chains, new ArrayList<>(statements.values()));
    }

    private static Statement definitional(Corpus.Document document, TextUnit sentence,
            RelationPatterns.Relation relation) {
        String id = Records.id("s-", relation.subject().toLowerCase(), relation.predicate(),
                relation.object().toLowerCase());
        Span span = new Span(document.path(), sentence.start(), sentence.end());
        return new Statement(id, null, relation.subject(), relation.predicate(), relation.object(), sentence.text(),
                List.of(span), List.of());
    }

    private record ChainWithLinks(Chain chain, List<Statement> links) {
    }

    /** A passage of at least three prose sentences becomes a chain; adjacent steps are linked by statements. */
    private static java.util.Optional<ChainWithLinks> chain(Corpus.Document document, String heading, int passage,
            List<TextUnit> sentences) {
        List<TextUnit> steps = new ArrayList<>();
        for (TextUnit sentence : sentences) {
            int words = Segmenter.words(sentence.text()).size();
            boolean prose = words >= MIN_STEP_WORDS && words <= MAX_STEP_WORDS
                    && ".!?".indexOf(sentence.text().charAt(sentence.text().length() - 1)) >= 0;
            if (!prose) {
                break; // a chain is a run of consecutive prose sentences from the passage start
            }
            steps.add(sentence);
            if (steps.size() == MAX_STEPS) {
                break;
            }
        }
        if (steps.size() < 3) {
            return java.util.Optional.empty();
        }
        String title = heading != null ? heading : documentTitle(document.path());
        String processName = title + " (passage " + passage + ")";
        String chainId = Records.id("ch-", document.path(), String.valueOf(steps.get(0).start()));
        List<Statement> links = new ArrayList<>();
        for (int i = 0; i + 1 < steps.size(); i++) {
            TextUnit from = steps.get(i);
            TextUnit to = steps.get(i + 1);
            links.add(new Statement(Records.id("s-", chainId, String.valueOf(i)), chainId, from.text(),
                    "is-followed-by", to.text(), document.text().substring(from.start(), to.end()),
                    List.of(new Span(document.path(), from.start(), from.end()),
                            new Span(document.path(), to.start(), to.end())),
                    List.of()));
        }
        List<String> texts = steps.stream().map(TextUnit::text).toList();
        List<String> preconditions = texts.stream().filter(Extract::soundsLikePrecondition).toList();
        List<String> negatives = texts.stream().filter(Extract::soundsNegative).toList();
        TextUnit last = steps.get(steps.size() - 1);
        Chain chain = new Chain(chainId, document.path() + (heading == null ? "" : " › " + heading), processName,
                texts.get(0), preconditions, negatives, texts, links.stream().map(Statement::statement_id).toList(),
                List.of(new Span(document.path(), steps.get(0).start(), last.end())), document.discipline());
        return java.util.Optional.of(new ChainWithLinks(chain, links));
    }

    static boolean isHeading(String paragraph) {
        String text = paragraph.strip();
        int words = text.split("\\s+").length;
        return words <= 12 && !text.contains("\n") && ".!?:;,".indexOf(text.charAt(text.length() - 1)) < 0;
    }

    private static boolean soundsLikePrecondition(String sentence) {
        String lower = sentence.toLowerCase();
        return lower.startsWith("if ") || lower.startsWith("before ") || lower.contains(" must ")
                || lower.contains(" requires ") || lower.startsWith("to ");
    }

    private static boolean soundsNegative(String sentence) {
        String lower = " " + sentence.toLowerCase() + " ";
        return lower.contains(" not ") || lower.contains(" never ") || lower.contains(" cannot ")
                || lower.contains("n't ") || lower.contains(" avoid ");
    }

    static String documentTitle(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name).replace('_', ' ').replace('-', ' ');
    }
}
