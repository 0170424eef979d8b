package dev.proda.tester;

import dev.proda.curriculum.CorpusEvidence;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proda.extract.KnowledgeBase;
import dev.proda.model.Chain;
import dev.proda.model.Concept;
import dev.proda.model.Statement;
import dev.proda.model.TestItem;
import dev.proda.project.ProdaConfig;
import dev.proda.text.TfIdfEmbedder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The forms on a hand-written KB in the contract's shape: what each asks, and what it never offers. */
class FormsTest {
    private final KnowledgeBase kb = TestKb.standard();
    private final Tests.Built built = Tests.build(kb, ProdaConfig.defaults("t"), new Fit(TestTools.WORDS, 64),
            new TfIdfEmbedder(), CorpusEvidence.NONE);
    private final List<TestItem> items = all(built);

    static List<TestItem> all(Tests.Built built) {
        List<TestItem> all = new ArrayList<>(built.dev());
        all.addAll(built.test());
        return all;
    }

    private List<TestItem> form(Form form) {
        List<TestItem> found = items.stream().filter(i -> i.form().equals(form.label())).toList();
        assertFalse(found.isEmpty(), "no " + form.label() + " items in " + items.stream().map(TestItem::form)
                .collect(Collectors.toSet()));
        return found;
    }

    private List<String> distractors(TestItem item) {
        return item.options().entrySet().stream().filter(e -> !item.answer().contains(e.getKey()))
                .map(Map.Entry::getValue).toList();
    }

    @Test
    void noItemIsWordedLikeABuilderSample() {
        for (TestItem item : items) {
            String q = item.question();
            assertFalse(q.endsWith(" what?") || q.startsWith("Tell me about") || q.startsWith("True or false")
                    || q.startsWith("What is ") || q.startsWith("Which term means:") || q.startsWith("List the steps"), q);
        }
    }

    @Test
    void completionAsksForTheObjectOfASubjectAndRelation() {
        for (TestItem item : form(Form.COMPLETION)) {
            Statement s = kb.statementsById().get(item.node());
            assertEquals(Wording.completion(s.subject(), s.predicate()), item.question());
            assertEquals(s.object(), item.key());
            for (String d : distractors(item)) {
                assertTrue(kb.statements().stream().anyMatch(o -> o.predicate().equals(s.predicate())
                        && o.object().equals(d) && o.parent_chain_id() == null), "a distractor is an object of the "
                        + "same relation: " + d);
            }
        }
    }

    @Test
    void reverseAsksWhichSubjectARelationOrADefinitionDescribes() {
        for (TestItem item : form(Form.REVERSE)) {
            Statement s = kb.statementsById().get(item.node());
            assertEquals(Wording.reverse(s.predicate(), s.object()), item.question());
            assertEquals(s.subject(), item.key());
        }
        for (TestItem item : form(Form.REVERSE_DEFINITION)) {
            Concept c = kb.conceptsById().get(item.node());
            assertEquals(Wording.reverseDefinition(c.definition()), item.question());
            assertEquals(c.term(), item.key());
            assertTrue(distractors(item).stream().allMatch(d -> kb.concepts().stream()
                    .anyMatch(o -> o.term().equals(d) && o.definition() != null)));
        }
    }

    @Test
    void whichIsTrueOffersOneStatementAndThreeSwapsThatTheKbDoesNotHold() {
        Set<String> claims = kb.statements().stream().filter(s -> Wording.asked(s.predicate()))
                .map(s -> Wording.claim(s.subject(), s.predicate(), s.object())).collect(Collectors.toSet());
        Set<String> seenFalse = new HashSet<>();
        for (TestItem item : form(Form.WHICH_IS_TRUE)) {
            Statement s = kb.statementsById().get(item.node());
            assertEquals(Wording.claim(s.subject(), s.predicate(), s.object()), item.key());
            for (String d : distractors(item)) {
                assertFalse(claims.contains(d), "a false option is never a KB statement: " + d);
                assertTrue(d.contains(" " + Wording.relation(s.predicate()) + " "), "same relation: " + d);
                assertTrue(seenFalse.add(d), "each swap is used once in its block: " + d);
            }
        }
    }

    @Test
    void compositionCrossesTwoLinksWithoutNamingTheMiddleTerm() {
        Map<String, Chain> chains = kb.chainsById();
        for (TestItem item : form(Form.COMPOSITION)) {
            Chain chain = chains.get(item.node());
            assertEquals(Chain.PATH, chain.kind());
            assertTrue(item.question().startsWith(Wording.capitalise(chain.steps().get(0))), item.question());
            assertFalse(item.question().toLowerCase().contains(chain.steps().get(1).toLowerCase()), item.question());
            assertEquals(chain.steps().get(2), item.key());
            assertEquals(chain.statement_ids(), item.statement_ids());
        }
        for (TestItem item : form(Form.REVERSE_COMPOSITION)) {
            Chain chain = chains.get(item.node());
            assertTrue(item.question().endsWith(chain.steps().get(2) + "?"));
            assertFalse(item.question().contains(chain.steps().get(1)));
            assertEquals(chain.steps().get(0), item.key());
        }
    }

    @Test
    void orderAsksForAStepsPositionAndOrderingForTheNumberingOfThree() {
        Map<String, Chain> chains = kb.chainsById();
        for (TestItem item : form(Form.ORDER)) {
            List<String> steps = chains.get(item.node()).steps().stream().map(Wording::step).toList();
            if (item.question().contains("not a step")) {
                assertFalse(steps.contains(item.key()));
                continue;
            }
            assertTrue(steps.contains(item.key()));
            // the position asked is the key's in the whole procedure, whichever steps are shown
            String ordinal = item.question().replaceAll(".* is the (\\w+) step\\?$", "$1");
            int expected = ordinal.equals("last") ? steps.size() - 1 : Wording.ORDINALS.indexOf(ordinal);
            assertEquals(expected, steps.indexOf(item.key()), item.question() + " " + item.options());
        }
        for (TestItem item : form(Form.ORDERING)) {
            List<String> steps = chains.get(item.node()).steps();
            // "(1) a (2) b (3) c": the key lists the labels in the steps' true order.
            String[] shown = item.question().replaceAll(".*\\? ", "").split(" \\(\\d\\) |^\\(1\\) ");
            List<String> labelled = List.of(shown).subList(1, 4);
            List<Integer> truth = labelled.stream().map(steps::indexOf).toList();
            assertTrue(truth.stream().allMatch(i -> i >= 0), item.question());
            List<Integer> byPosition = new ArrayList<>(List.of(1, 2, 3));
            byPosition.sort(java.util.Comparator.comparingInt(label -> truth.get(label - 1)));
            assertEquals(Wording.orderingOption(byPosition), item.key());
            assertEquals(Set.copyOf(Wording.ORDERINGS.stream().map(Wording::orderingOption).toList()),
                    Set.copyOf(item.options().values()), "every ordering item offers the same four orderings");
        }
    }

    @Test
    void aClassReadsInTheSingular() {
        assertEquals("Which term is a kind of programming language?", Wording.reverse("is-a", "programming languages"));
        assertEquals("Energy is a kind of Sector", Wording.claim("energy", "is-a", "Sectors"));
        assertEquals("Lasso is a kind of GLMs", Wording.claim("lasso", "is-a", "GLMs"), "a name keeps its form");
        assertEquals("Which term is employed for text classification?", Wording.reverse("used-for",
                "text classification"));
    }

    @Test
    void stepsLoseTheMarkersThatDateThem() {
        assertEquals("Scale the features.", Wording.step("2. Scale the features."));
        assertEquals("Scale the features.", Wording.step("Then, scale the features."));
        assertEquals("Average what remains.", Wording.step("Finally average what remains."));
        assertEquals("Drop the ends.", Wording.step("- Next, drop the ends."));
    }

    @Test
    void distractorsAreNeverTrueAndShareTheKeysDisciplineAndRelation() {
        KbTruth truth = new KbTruth(kb);
        Map<String, String> discipline = kb.concepts().stream()
                .collect(Collectors.toMap(Concept::term, Concept::discipline, (a, b) -> a));
        for (TestItem item : items) {
            Statement s = kb.statementsById().get(item.node());
            for (String d : distractors(item)) {
                assertFalse(truth.same(d, item.key()), "an alias or copy of the key: " + d);
                if (discipline.containsKey(d)) {
                    assertEquals(item.discipline(), discipline.get(d), "distractor from another discipline: " + d);
                }
                if (item.form().equals("completion")) {
                    assertFalse(truth.holds(s.subject(), s.predicate(), d), s.subject() + " " + s.predicate() + " " + d);
                    assertFalse(s.subject().equals("lasso") && d.equals("statistical model"),
                            "lasso is a linear model, which is a statistical model: that is true too");
                }
                if (item.form().equals("reverse")) {
                    assertFalse(truth.holds(d, s.predicate(), s.object()), d + " " + s.predicate() + " " + s.object());
                }
            }
        }
        assertTrue(truth.same("SVM", "support vector machine"));
        assertTrue(truth.holds("lasso", "is-a", "statistical model"), "is-a is transitive");
        assertFalse(truth.holds("lasso", "is-a", "ensemble method"));
        assertTrue(truth.holds("lasso", "is-a", "model"), "a class that drops a known class's modifiers is true too");
        assertTrue(truth.holds("multi-task lasso", "is-a", "lasso model"), "named in the subject: true to a reader");
        assertFalse(truth.holds("multi-task lasso", "is-a", "ensemble method"));
        assertTrue(truth.holds("cross-validation", "used-for", "model selection problems"),
                "an object sharing a word with a known use may be true too");
        assertFalse(truth.holds("cross-validation", "used-for", "hyperparameter tuning"));
        assertTrue(truth.composes("elastic net", "is-a", "used-for", "coefficient shrinkage"));
    }

    @Test
    void everyTestedNodeHasTwinsOfTwoFormsWithDisjointDistractorsOneInDevOneInTest() {
        Map<String, TestItem> byId = items.stream().collect(Collectors.toMap(TestItem::id, i -> i));
        Map<String, List<TestItem>> byNode = items.stream().collect(Collectors.groupingBy(TestItem::node));
        assertTrue(byNode.size() >= 12, "nodes tested: " + byNode.keySet());
        for (var entry : byNode.entrySet()) {
            if (entry.getValue().stream().anyMatch(TestItem::held_out)) {
                assertTrue(entry.getValue().stream().allMatch(i -> i.held_out() && i.split().equals("test")));
                continue;
            }
            List<TestItem> dev = entry.getValue().stream().filter(i -> i.split().equals("dev")).toList();
            List<TestItem> test = entry.getValue().stream().filter(i -> i.split().equals("test")).toList();
            assertFalse(dev.isEmpty(), entry.getKey());
            assertFalse(test.isEmpty(), entry.getKey());
            Set<String> devForms = dev.stream().map(TestItem::form).collect(Collectors.toSet());
            assertTrue(test.stream().noneMatch(i -> devForms.contains(i.form())), "twins differ in form");
            Set<String> devDistractors = dev.stream().flatMap(i -> distractors(i).stream()).collect(Collectors.toSet());
            assertTrue(test.stream().flatMap(i -> distractors(i).stream()).noneMatch(devDistractors::contains));
            for (TestItem item : entry.getValue()) {
                TestItem twin = byId.get(item.twin_id());
                assertNotNull(twin, item.id());
                assertEquals(item.node(), twin.node());
                assertNotEquals(item.split(), twin.split());
            }
        }
        assertTrue(built.skipped().keySet().stream().anyMatch(r -> r.contains("kind null")), built.skipped().toString());
    }

    @Test
    void heldOutChainsHaveAllTheirItemsInTestAndTheShareIsSeeded() {
        ProdaConfig config = new ProdaConfig("t", 3L, null, null, null, null, new ProdaConfig.Split(null, 0.5), null);
        Tests.Built held = Tests.build(kb, config, new Fit(TestTools.WORDS, 64), new TfIdfEmbedder(), CorpusEvidence.NONE);
        ProdaConfig none = new ProdaConfig("t", 3L, null, null, null, null, new ProdaConfig.Split(null, 0.0), null);
        Set<String> kinded = new HashSet<>(kb.chains().stream().filter(c -> c.kind() != null).map(Chain::chain_id).toList());
        Set<String> askable = new HashSet<>(all(Tests.build(kb, none, new Fit(TestTools.WORDS, 64), new TfIdfEmbedder(),
                CorpusEvidence.NONE)).stream().map(TestItem::chain_id).filter(kinded::contains).toList());
        assertTrue(askable.size() < kinded.size(), "the test KB has chains no item can be written for");
        assertEquals(Math.round(askable.size() * 0.5), held.heldOut().size());
        assertTrue(askable.containsAll(held.heldOut()), "only chains with items are held out");
        assertEquals(held.heldOut(), Tests.build(kb, config, new Fit(TestTools.WORDS, 64), new TfIdfEmbedder(), CorpusEvidence.NONE)
                .heldOut());
        Set<String> heldNodes = new HashSet<>(held.heldOut());
        for (Chain chain : kb.chains()) {
            if (held.heldOut().contains(chain.chain_id())) {
                heldNodes.addAll(chain.statement_ids());
            }
        }
        List<TestItem> heldItems = all(held).stream().filter(i -> heldNodes.contains(i.node())).toList();
        assertFalse(heldItems.isEmpty(), "some held-out chain is tested");
        for (TestItem item : heldItems) {
            assertEquals("test", item.split(), item.id());
            assertTrue(item.held_out());
            assertNotNull(item.twin_id());
        }
        assertTrue(held.dev().stream().noneMatch(TestItem::held_out));
    }

    @Test
    void aDefinitionWhoseGenusHasTheKeysHeadIsNoDistractor() {
        TestKb small = new TestKb();
        String ec = "economics";
        String[][] defined = {{"Chad", "landlocked country", "a landlocked country that relies on oil exports"},
            {"Mali", "poor country", "a poor country that relies on gold and cotton"},
            {"tariff", "trade barrier", "a trade barrier that taxes imported goods"},
            {"bond", "debt security", "a debt security that pays fixed coupons"},
            {"recession", "economic contraction", "an economic contraction lasting two quarters"}};
        for (String[] d : defined) {
            small.rel(d[0], "is-a", d[1], ec);
            small.define(d[0], d[2], ec);
        }
        Tests.Built written = Tests.build(small.build(), ProdaConfig.defaults("t"), new Fit(TestTools.WORDS, 64),
                new TfIdfEmbedder(), CorpusEvidence.NONE);
        List<TestItem> definitions = all(written).stream().filter(i -> i.form().equals(Form.DEFINITION.label())).toList();
        assertFalse(definitions.isEmpty(), "one country and the other three make a block");
        for (TestItem item : definitions) {
            boolean country = item.key().contains("country");
            assertTrue(distractors(item).stream().noneMatch(d -> country && d.contains("country")),
                    "a country's definition offered against another country's: " + item.question());
        }
    }
}
