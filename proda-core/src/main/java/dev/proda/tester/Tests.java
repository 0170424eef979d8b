package dev.proda.tester;

import dev.proda.build.Phrasing;
import dev.proda.extract.Curriculum;
import dev.proda.extract.KnowledgeBase;
import dev.proda.io.Jsonl;
import dev.proda.model.Chain;
import dev.proda.model.Records;
import dev.proda.model.Statement;
import dev.proda.model.TestItem;
import dev.proda.project.Corpus;
import dev.proda.project.GeneralText;
import dev.proda.project.Lock;
import dev.proda.project.Log;
import dev.proda.project.ProdaConfig;
import dev.proda.project.ProjectLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/** Stage {@code tests}: writes {@code tests/dev.jsonl}, {@code tests/test.jsonl}, {@code tests/general.jsonl}. */
public final class Tests {
    private Tests() {
    }

    /** The three splits. */
    public record Benchmark(List<TestItem> dev, List<TestItem> test, List<TestItem> general) {
        public static Benchmark read(ProjectLayout layout) {
            return new Benchmark(Jsonl.read(layout.split("dev"), TestItem.class),
                    Jsonl.read(layout.split("test"), TestItem.class),
                    Jsonl.read(layout.split("general"), TestItem.class));
        }

        public List<TestItem> all() {
            List<TestItem> all = new ArrayList<>(dev);
            all.addAll(test);
            all.addAll(general);
            return all;
        }
    }

    /** The stage, skipped when proda.lock shows kb/, the general text, proda.yaml and tests/ as it left them. */
    public static Benchmark run(ProjectLayout layout, ProdaConfig config, Log log, boolean force) {
        List<Path> inputs = List.of(layout.kb(), layout.general(), layout.config());
        if (Lock.upToDate(layout, "tests", inputs, List.of(layout.tests()), force, log)) {
            return Benchmark.read(layout);
        }
        KnowledgeBase kb = KnowledgeBase.read(layout);
        Curriculum curriculum = Curriculum.select(kb, config.budgets(), config.seed());
        List<TestItem> domain = domainItems(kb, curriculum, config.name(), config.seed());
        Set<String> devGroups = devGroups(domain, config.split().dev(), config.seed());
        List<TestItem> dev = new ArrayList<>();
        List<TestItem> test = new ArrayList<>();
        for (TestItem item : domain) {
            boolean isDev = devGroups.contains(group(item));
            (isDev ? dev : test).add(withSplit(item, isDev ? "dev" : "test"));
        }
        GeneralText general = GeneralText.read(layout.general(), log);
        List<TestItem> generalItems = GeneralItems.from(general.heldOut(), config.budgets().generalItems(),
                config.seed());
        Benchmark benchmark = new Benchmark(dev, test, generalItems);
        Jsonl.write(layout.split("dev"), dev);
        Jsonl.write(layout.split("test"), test);
        Jsonl.write(layout.split("general"), generalItems);
        Lock.record(layout, "tests", config.seed(), inputs, List.of(layout.tests()));
        log.info("tests: " + dev.size() + " dev, " + test.size() + " test, " + generalItems.size()
                + " general items (split by chain: " + devGroups.size() + " dev groups)");
        return benchmark;
    }

    /** Items before the split (split field set to "dev" provisionally). */
    static List<TestItem> domainItems(KnowledgeBase kb, Curriculum curriculum, String defaultDiscipline, long seed) {
        Random random = new Random(seed + 7);
        List<TestItem> items = new ArrayList<>();
        Map<String, Statement> statements = kb.statementsById();
        List<Chain> chains = curriculum.chains();
        for (Chain chain : chains) {
            List<String> steps = chain.steps();
            List<Statement> links = chain.statement_ids().stream().map(statements::get).toList();
            int i = random.nextInt(steps.size() - 1);
            items.add(stepsAheadItem(chain, links, i, 1, chains, random));
            if (steps.size() >= 3) {
                int j = random.nextInt(steps.size() - 2);
                items.add(stepsAheadItem(chain, links, j, 2, chains, random));
            }
        }
        for (Statement statement : curriculum.standalone()) {
            statementItem(statement, curriculum.standalone(), defaultDiscipline, random).ifPresent(items::add);
        }
        return items;
    }

    /** Which step comes {@code distance} (1 or 2) steps after step {@code i}? Distractors are typed. */
    private static TestItem stepsAheadItem(Chain chain, List<Statement> links, int i, int distance,
            List<Chain> chains, Random random) {
        List<String> steps = chain.steps();
        Map<String, String> distractors = new LinkedHashMap<>();
        if (distance == 1 && i + 2 < steps.size()) {
            distractors.put(steps.get(i + 2), "wrong_order");
        }
        if (distance == 2) {
            distractors.put(steps.get(i + 1), "missing_step");
        }
        if (i > 0) {
            distractors.put(steps.get(i - 1), "reversed_order");
        }
        fillFromOtherChains(distractors, chain, chains, random);
        String relation = distance == 1 ? "directly follows " : "comes two steps after ";
        String question = "According to " + chain.process_name() + ", which statement " + relation
                + Phrasing.quote(steps.get(i)) + "?";
        return item(chain, links.subList(i, i + distance), question, steps.get(i + distance), distractors, random);
    }

    private static void fillFromOtherChains(Map<String, String> distractors, Chain chain, List<Chain> chains,
            Random random) {
        List<Chain> sameDiscipline = chains.stream()
                .filter(c -> !c.chain_id().equals(chain.chain_id()) && java.util.Objects.equals(c.discipline(),
                        chain.discipline()))
                .toList();
        List<Chain> pool = sameDiscipline.size() >= 3 ? sameDiscipline
                : chains.stream().filter(c -> !c.chain_id().equals(chain.chain_id())).toList();
        for (int attempt = 0; distractors.size() < 3 && attempt < 50 && !pool.isEmpty(); attempt++) {
            Chain other = pool.get(random.nextInt(pool.size()));
            String step = other.steps().get(random.nextInt(other.steps().size()));
            if (!chain.steps().contains(step)) {
                distractors.putIfAbsent(step, "misattributed_step");
            }
        }
    }

    private static TestItem item(Chain chain, List<Statement> links, String question, String correct,
            Map<String, String> distractors, Random random) {
        Set<String> concepts = new LinkedHashSet<>();
        links.forEach(l -> concepts.addAll(l.concept_ids()));
        return assemble(chain.chain_id(), chain.discipline(), links.stream().map(Statement::statement_id).toList(),
                List.copyOf(concepts), question, correct, distractors, random);
    }

    private static java.util.Optional<TestItem> statementItem(Statement statement, List<Statement> pool,
            String defaultDiscipline, Random random) {
        Map<String, String> distractors = new LinkedHashMap<>();
        List<Statement> same = pool.stream().filter(s -> s.predicate().equals(statement.predicate())
                && !s.object().equalsIgnoreCase(statement.object())).toList();
        for (int attempt = 0; distractors.size() < 3 && attempt < 50 && !same.isEmpty(); attempt++) {
            distractors.putIfAbsent(same.get(random.nextInt(same.size())).object(), "sibling_concept");
        }
        for (int attempt = 0; distractors.size() < 3 && attempt < 50; attempt++) {
            Statement other = pool.get(random.nextInt(pool.size()));
            if (!other.object().equalsIgnoreCase(statement.object())) {
                distractors.putIfAbsent(other.object(), "misattributed_relation");
            }
        }
        if (distractors.size() < 3) {
            return java.util.Optional.empty();
        }
        String question = "Complete the statement: " + Phrasing.capitalise(statement.subject()) + " "
                + Phrasing.verb(statement.predicate()) + " …";
        // A stand-alone statement is its own group for the split (it belongs to no chain).
        return java.util.Optional.of(assemble(statement.statement_id(),
                Corpus.disciplineOf(statement.spans().get(0).doc(), defaultDiscipline),
                List.of(statement.statement_id()), statement.concept_ids(), question, statement.object(), distractors,
                random));
    }


    /** Shuffles the correct option among three distractors (seeded) and builds the item. */
    static TestItem assemble(String group, String discipline, List<String> statementIds, List<String> conceptIds,
            String question, String correct, Map<String, String> distractors, Random random) {
        List<Map.Entry<String, String>> options = new ArrayList<>(distractors.entrySet()).subList(0, 3);
        List<Map.Entry<String, String>> all = new ArrayList<>(options);
        all.add(Map.entry(correct, "correct"));
        java.util.Collections.shuffle(all, random);
        Map<String, String> byLetter = new LinkedHashMap<>();
        List<String> kinds = new ArrayList<>();
        String answer = null;
        for (int k = 0; k < all.size(); k++) {
            String letter = TestItem.LETTERS.get(k);
            byLetter.put(letter, all.get(k).getKey());
            if (all.get(k).getValue().equals("correct")) {
                answer = letter;
            } else {
                kinds.add(all.get(k).getValue());
            }
        }
        String id = Records.id("i-", question, correct);
        return new TestItem(id, "dev", question, byLetter, answer, group, statementIds, conceptIds, discipline,
                kinds);
    }

    static TestItem withSplit(TestItem item, String split) {
        return new TestItem(item.id(), split, item.question(), item.options(), item.answer(), item.chain_id(),
                item.statement_ids(), item.concept_ids(), item.discipline(), item.distractor_kinds());
    }

    /** The split unit: the chain (a stand-alone statement item carries its statement id as chain_id). */
    static String group(TestItem item) {
        return item.chain_id();
    }

    /** A seeded, content-ordered choice of groups for dev; no group is in both splits by construction. */
    static Set<String> devGroups(List<TestItem> items, double devFraction, long seed) {
        List<String> groups = new ArrayList<>(new LinkedHashSet<>(items.stream().map(Tests::group).toList()));
        groups.sort(Comparator.comparing(g -> Records.id("", String.valueOf(seed), g)));
        return new HashSet<>(groups.subList(0, (int) Math.round(groups.size() * devFraction)));
    }
}
