package dev.proda.tester;

import dev.proda.curriculum.CorpusEvidence;
import dev.proda.curriculum.Curriculum;
import dev.proda.extract.KnowledgeBase;
import dev.proda.model.Chain;
import dev.proda.model.Concept;
import dev.proda.model.Statement;
import dev.proda.project.Corpus;
import dev.proda.text.Embedder;
import dev.proda.text.Terms;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Writes the benchmark's drafts from the curriculum, as twin blocks. A block is four drafts of one form
 * that share one option set, each draft keyed by a different option: whatever an option-only rule
 * picks in such a block, it is right exactly once in four, so length, frequency, discipline and any
 * mix of them sit at chance by construction. Stems share no word with any option, so stem overlap
 * says nothing either. Every group of four nodes gets two blocks of different forms (its twins: one for
 * dev, one for test), whose distractors are disjoint because they are different kinds of text
 * (objects and subjects, terms and definitions, steps and orderings).
 */
final class ItemWriter {
    /** Twin blocks over the same nodes, and whether their chain is held out (all items in test). */
    record Twins(String group, List<Draft> first, List<Draft> second, boolean heldOut) {
    }

    /**
     * What the writer made and what it left out, with the reason; and per form and node (key {@code form|node}) the
     * other options that passed every check a block partner's option passes, most similar first: the candidates an
     * LLM teacher may choose misconception distractors from.
     */
    record Result(List<Twins> twins, Map<String, Integer> skipped, Map<String, List<String>> alternatives) {
    }

    /** How many vetted alternatives are kept per item for a teacher to choose from. */
    static final int ALTERNATIVES = 8;

    private final KnowledgeBase kb;
    private final KbTruth truth;
    private final Fit fit;
    private final Embedder embedder;
    private final CorpusEvidence evidence;
    private final String defaultDiscipline;
    private final Map<String, Integer> skipped = new TreeMap<>();
    private final Map<String, List<String>> alternatives = new LinkedHashMap<>();
    private int orderings;

    ItemWriter(KnowledgeBase kb, Fit fit, Embedder embedder, CorpusEvidence evidence, String defaultDiscipline) {
        this.kb = kb;
        this.truth = new KbTruth(kb);
        this.fit = fit;
        this.embedder = embedder;
        this.evidence = evidence;
        this.defaultDiscipline = defaultDiscipline;
    }

    KbTruth truth() {
        return truth;
    }

    /** Twin blocks for the curriculum; nodes of {@code heldOut} chains are grouped only among themselves. */
    Result write(Curriculum curriculum, Set<String> heldOut) {
        return write(curriculum, heldOut, dev.proda.project.Progress.NONE);
    }

    /** The same, advancing {@code progress} by the curriculum's nodes as each kind is written. */
    Result write(Curriculum curriculum, Set<String> heldOut, dev.proda.project.Progress progress) {
        List<Twins> twins = new ArrayList<>();
        Map<String, Statement> statements = kb.statementsById();
        Set<String> heldOutNodes = new LinkedHashSet<>(heldOut);
        for (Chain chain : curriculum.chains()) {
            if (heldOut.contains(chain.chain_id())) {
                for (String id : chain.statement_ids()) {
                    heldOutNodes.add(id);
                    Statement link = statements.get(id);
                    if (link != null) {
                        heldOutNodes.addAll(link.concept_ids());
                    }
                }
            }
        }
        twins.addAll(relations(curriculum.standalone(), heldOutNodes));
        progress.advance(curriculum.standalone().size());
        twins.addAll(definitions(curriculum.concepts(), heldOutNodes));
        progress.advance(curriculum.concepts().size());
        twins.addAll(chainTwins(curriculum, heldOut));
        progress.advance(curriculum.chains().size());
        return new Result(twins, skipped, alternatives);
    }

    /** The chains (paths and procedures) of the curriculum that items can be written for, none held out. */
    Set<String> askableChains(Curriculum curriculum) {
        Set<String> askable = new LinkedHashSet<>();
        for (Twins t : chainTwins(curriculum, Set.of())) {
            t.first().forEach(d -> askable.add(d.chainId()));
            t.second().forEach(d -> askable.add(d.chainId()));
        }
        return askable;
    }

    /** Order and ordering twins of procedures, composition twins of paths. */
    private List<Twins> chainTwins(Curriculum curriculum, Set<String> heldOut) {
        List<Twins> twins = new ArrayList<>();
        Map<String, Statement> statements = kb.statementsById();
        List<Path> paths = new ArrayList<>();
        for (Chain chain : curriculum.chains()) {
            if (Chain.PATH.equals(chain.kind())) {
                path(chain, statements).ifPresentOrElse(paths::add, () -> skip("path chain without an askable link pair"));
            } else if (Chain.PROCEDURE.equals(chain.kind())) {
                procedure(chain, heldOut.contains(chain.chain_id())).ifPresent(twins::add);
            } else {
                skip("chain of kind " + chain.kind() + " (only path and procedure chains are tested)");
            }
        }
        twins.addAll(compositions(paths, heldOut));
        return twins;
    }

    // ---- relation statements: completion, reverse, which-is-true ----

    private record Relation(Statement statement, String subject, String predicate, String object, String discipline) {
        String completion() {
            return Wording.completion(subject, predicate);
        }

        String reverse() {
            return Wording.reverse(predicate, object);
        }
    }

    private List<Twins> relations(List<Statement> standalone, Set<String> heldOut) {
        List<Relation> relations = new ArrayList<>();
        for (Statement s : standalone) {
            if (!Wording.asked(s.predicate()) || s.parent_chain_id() != null) {
                skip("statement with a predicate the Tester does not ask about");
                continue;
            }
            Relation r = new Relation(s, s.subject().strip(), s.predicate(), s.object().strip(), discipline(s));
            if (truth.same(r.subject, r.object) || !Overlap.disjoint(r.object, r.completion())
                    || !Overlap.disjoint(r.subject, r.reverse())) {
                skip("statement whose subject and object share words (the stem would give the key away)");
            } else if (!fit.fits(r.completion(), r.object) || !fit.fits(r.reverse(), r.subject)
                    || !fit.fits(Wording.whichIsTrue(), Wording.claim(r.subject, r.predicate, r.object))) {
                skip("statement too long for the student's context");
            } else {
                relations.add(r);
            }
        }
        BiPredicate<Relation, Relation> compatible = (a, b) -> !truth.same(a.subject, b.subject)
                && !truth.same(a.object, b.object) && !truth.same(a.subject, b.object) && !truth.same(b.subject, a.object)
                && !truth.holds(a.subject, a.predicate, b.object) && !truth.holds(b.subject, b.predicate, a.object)
                && !(a.predicate.equals("is-a") && (evidence.mayHold(a.subject, b.object, a.object)
                        || evidence.mayHold(b.subject, a.object, b.object)))
                && Overlap.disjoint(b.object, a.completion()) && Overlap.disjoint(a.object, b.completion())
                && Overlap.disjoint(b.subject, a.reverse()) && Overlap.disjoint(a.subject, b.reverse())
                && fit.fits(a.completion(), b.object) && fit.fits(b.completion(), a.object)
                && fit.fits(a.reverse(), b.subject) && fit.fits(b.reverse(), a.subject)
                && fit.fits(Wording.whichIsTrue(), Wording.claim(a.subject, a.predicate, b.object))
                && fit.fits(Wording.whichIsTrue(), Wording.claim(b.subject, b.predicate, a.object))
                && clean(List.of(Wording.whichIsTrue()), List.of(a.subject, a.object, b.subject, b.object));
        List<Twins> twins = new ArrayList<>();
        for (List<Relation> group : groups(relations, r -> r.discipline + "|" + r.predicate,
                r -> heldOut.contains(r.statement.statement_id()), compatible, r -> r.object, r -> r.subject,
                "statement", (r, others) -> {
                    String id = r.statement.statement_id();
                    alternatives.put(Form.COMPLETION.label() + "|" + id, others.stream().map(o -> o.object).toList());
                    alternatives.put(Form.REVERSE.label() + "|" + id, others.stream().map(o -> o.subject).toList());
                })) {
            // The three forms take turns, so each is in dev and in test about equally often.
            List<Form> forms = List.of(List.of(Form.COMPLETION, Form.REVERSE), List.of(Form.COMPLETION,
                    Form.WHICH_IS_TRUE), List.of(Form.REVERSE, Form.WHICH_IS_TRUE)).get(twins.size() % 3);
            boolean held = heldOut.contains(group.get(0).statement.statement_id());
            twins.add(new Twins(group.get(0).statement.statement_id(), relationBlock(group, forms.get(0)),
                    relationBlock(group, forms.get(1)), held));
        }
        return twins;
    }

    /**
     * Which-is-true options per draft, as (subject, object) member indices besides the true pair: each
     * other subject once with another member's object, chosen so that across the four drafts every false
     * pairing occurs exactly once (and so every option string once).
     */
    private static final int[][][] SWAPS = {
        {{1, 2}, {2, 3}, {3, 1}}, {{0, 3}, {3, 2}, {2, 0}}, {{0, 1}, {1, 3}, {3, 0}}, {{0, 2}, {2, 1}, {1, 0}}};

    private List<Draft> relationBlock(List<Relation> group, Form form) {
        List<Draft> drafts = new ArrayList<>();
        for (int i = 0; i < group.size(); i++) {
            Relation r = group.get(i);
            List<String> distractors = new ArrayList<>();
            List<String> kinds = new ArrayList<>();
            String stem;
            String key;
            if (form == Form.WHICH_IS_TRUE) {
                stem = Wording.whichIsTrue();
                key = Wording.claim(r.subject, r.predicate, r.object);
                for (int[] swap : SWAPS[i]) {
                    distractors.add(Wording.claim(group.get(swap[0]).subject, r.predicate, group.get(swap[1]).object));
                    kinds.add("swapped_object");
                }
            } else {
                boolean completion = form == Form.COMPLETION;
                stem = completion ? r.completion() : r.reverse();
                key = completion ? r.object : r.subject;
                for (Relation other : group) {
                    if (other != r) {
                        String option = completion ? other.object : other.subject;
                        distractors.add(option);
                        kinds.add(truth.siblings(option, key) ? "sibling_concept"
                                : completion ? "same_relation_object" : "same_relation_subject");
                    }
                }
            }
            Statement s = r.statement;
            drafts.add(new Draft(form, s.statement_id(), s.statement_id(), List.of(s.statement_id()), s.concept_ids(),
                    r.discipline, stem, key, distractors, kinds));
        }
        return drafts;
    }

    // ---- concepts with a definition: reverse-definition and definition ----

    private record Defined(Concept concept, String term, String definition, String discipline) {
        String reverse() {
            return Wording.reverseDefinition(definition);
        }

        String forward() {
            return Wording.definition(term);
        }
    }

    private List<Twins> definitions(List<Concept> concepts, Set<String> heldOut) {
        List<Defined> defined = new ArrayList<>();
        for (Concept c : concepts) {
            if (c.definition() == null || c.definition().isBlank()) {
                continue;
            }
            Defined d = new Defined(c, c.term().strip(), c.definition().strip(),
                    c.discipline() == null ? defaultDiscipline : c.discipline());
            if (!Overlap.disjoint(d.term, d.reverse()) || !Overlap.disjoint(d.definition, d.forward())) {
                skip("definition that repeats its term");
            } else if (!fit.fits(d.reverse(), d.term) || !fit.fits(d.forward(), d.definition)) {
                skip("definition too long for the student's context");
            } else {
                defined.add(d);
            }
        }
        // A definition names its genus ("a poor, landlocked country …"); another concept's definition with a genus
        // of the same head ("a low income country that relies on foreign assistance" for Niger, "a landlocked,
        // sub-Saharan nation") may well hold of it too, and is no distractor.
        Map<String, Set<String>> genusHeads = new HashMap<>();
        for (Statement s : kb.statements()) {
            if (s.predicate().equals("is-a") && s.concept_ids().size() == 2) {
                List<String> words = Terms.contentWords(s.object());
                if (!words.isEmpty()) {
                    genusHeads.computeIfAbsent(s.concept_ids().get(0), k -> new LinkedHashSet<>())
                            .add(Terms.singular(words.get(words.size() - 1)));
                }
            }
        }
        BiPredicate<Defined, Defined> sameGenus = (a, b) -> genusHeads.getOrDefault(a.concept.concept_id(), Set.of())
                .stream().anyMatch(genusHeads.getOrDefault(b.concept.concept_id(), Set.of())::contains);
        BiPredicate<Defined, Defined> compatible = (a, b) -> !truth.same(a.term, b.term) && !sameGenus.test(a, b)
                && !Terms.key(a.definition).equals(Terms.key(b.definition))
                && !truth.defines(a.term, b.definition) && !truth.defines(b.term, a.definition)
                && Overlap.disjoint(b.term, a.reverse()) && Overlap.disjoint(a.term, b.reverse())
                && Overlap.disjoint(b.definition, a.forward()) && Overlap.disjoint(a.definition, b.forward())
                && fit.fits(a.reverse(), b.term) && fit.fits(b.reverse(), a.term)
                && fit.fits(a.forward(), b.definition) && fit.fits(b.forward(), a.definition);
        List<Twins> twins = new ArrayList<>();
        for (List<Defined> group : groups(defined, d -> d.discipline, d -> heldOut.contains(d.concept.concept_id()),
                compatible, d -> d.term, d -> d.definition, "concept", (d, others) -> {
                    String id = d.concept.concept_id();
                    alternatives.put(Form.REVERSE_DEFINITION.label() + "|" + id, others.stream().map(o -> o.term).toList());
                    alternatives.put(Form.DEFINITION.label() + "|" + id, others.stream().map(o -> o.definition).toList());
                })) {
            twins.add(new Twins(group.get(0).concept.concept_id(), definitionBlock(group, Form.REVERSE_DEFINITION),
                    definitionBlock(group, Form.DEFINITION), heldOut.contains(group.get(0).concept.concept_id())));
        }
        return twins;
    }

    private List<Draft> definitionBlock(List<Defined> group, Form form) {
        List<Draft> drafts = new ArrayList<>();
        for (Defined d : group) {
            boolean reverse = form == Form.REVERSE_DEFINITION;
            List<String> distractors = new ArrayList<>();
            List<String> kinds = new ArrayList<>();
            for (Defined other : group) {
                if (other != d) {
                    distractors.add(reverse ? other.term : other.definition);
                    kinds.add(reverse ? (truth.siblings(other.term, d.term) ? "sibling_concept" : "same_discipline_term")
                            : "other_concept_definition");
                }
            }
            String id = d.concept.concept_id();
            drafts.add(new Draft(form, id, id, List.of(), List.of(id), d.discipline, reverse ? d.reverse() : d.forward(),
                    reverse ? d.term : d.definition, distractors, kinds));
        }
        return drafts;
    }

    // ---- path chains: composition and reverse composition ----

    private record Path(Chain chain, List<Statement> links, String start, String first, String second, String end,
            String discipline) {
        String forward() {
            return Wording.composition(start, first, second);
        }

        String backward() {
            return Wording.reverseComposition(first, second, end);
        }
    }

    /** The chain's first window of two askable links whose stems fit and do not give the key away. */
    private java.util.Optional<Path> path(Chain chain, Map<String, Statement> statements) {
        for (int i = 0; i + 2 < chain.steps().size() && i + 1 < chain.statement_ids().size(); i++) {
            Statement a = statements.get(chain.statement_ids().get(i));
            Statement b = statements.get(chain.statement_ids().get(i + 1));
            if (a == null || b == null || !Wording.asked(a.predicate()) || !Wording.asked(b.predicate())) {
                continue;
            }
            String discipline = chain.discipline() == null ? discipline(a) : chain.discipline();
            Path p = new Path(chain, List.of(a, b), chain.steps().get(i).strip(), a.predicate(), b.predicate(),
                    chain.steps().get(i + 2).strip(), discipline);
            if (!truth.same(p.start, p.end) && Overlap.disjoint(p.end, p.forward())
                    && Overlap.disjoint(p.start, p.backward()) && fit.fits(p.forward(), p.end)
                    && fit.fits(p.backward(), p.start)) {
                return java.util.Optional.of(p);
            }
        }
        return java.util.Optional.empty();
    }

    private List<Twins> compositions(List<Path> paths, Set<String> heldOut) {
        BiPredicate<Path, Path> compatible = (a, b) -> !truth.same(a.start, b.start) && !truth.same(a.end, b.end)
                && !truth.same(a.start, b.end) && !truth.same(b.start, a.end)
                && !truth.composes(a.start, a.first, a.second, b.end) && !truth.composes(b.start, b.first, b.second, a.end)
                && !truth.composes(b.start, a.first, a.second, a.end) && !truth.composes(a.start, b.first, b.second, b.end)
                && Overlap.disjoint(b.end, a.forward()) && Overlap.disjoint(a.end, b.forward())
                && Overlap.disjoint(b.start, a.backward()) && Overlap.disjoint(a.start, b.backward())
                && fit.fits(a.forward(), b.end) && fit.fits(b.forward(), a.end)
                && fit.fits(a.backward(), b.start) && fit.fits(b.backward(), a.start);
        List<Twins> twins = new ArrayList<>();
        for (List<Path> group : groups(paths, p -> p.discipline + "|" + p.second,
                p -> heldOut.contains(p.chain.chain_id()), compatible, p -> p.end, p -> p.start, "path chain",
                (p, others) -> {
                    String id = p.chain.chain_id();
                    alternatives.put(Form.COMPOSITION.label() + "|" + id, others.stream().map(o -> o.end).toList());
                    alternatives.put(Form.REVERSE_COMPOSITION.label() + "|" + id,
                            others.stream().map(o -> o.start).toList());
                })) {
            twins.add(new Twins(group.get(0).chain.chain_id(), pathBlock(group, Form.COMPOSITION),
                    pathBlock(group, Form.REVERSE_COMPOSITION), heldOut.contains(group.get(0).chain.chain_id())));
        }
        return twins;
    }

    private List<Draft> pathBlock(List<Path> group, Form form) {
        List<Draft> drafts = new ArrayList<>();
        for (Path p : group) {
            boolean forward = form == Form.COMPOSITION;
            List<String> distractors = new ArrayList<>();
            List<String> kinds = new ArrayList<>();
            for (Path other : group) {
                if (other != p) {
                    distractors.add(forward ? other.end : other.start);
                    kinds.add(forward ? "other_path_end" : "other_path_start");
                }
            }
            Set<String> concepts = new LinkedHashSet<>();
            p.links.forEach(l -> concepts.addAll(l.concept_ids()));
            drafts.add(new Draft(form, p.chain.chain_id(), p.chain.chain_id(),
                    p.links.stream().map(Statement::statement_id).toList(), List.copyOf(concepts), p.discipline,
                    forward ? p.forward() : p.backward(), forward ? p.end : p.start, distractors, kinds));
        }
        return drafts;
    }

    // ---- procedures: order (four steps) and ordering (three steps) ----

    private java.util.Optional<Twins> procedure(Chain chain, boolean heldOut) {
        String process = chain.process_name().strip();
        String discipline = chain.discipline() == null ? defaultDiscipline : chain.discipline();
        List<String> steps = chain.steps().stream().map(Wording::step).toList();
        if (new LinkedHashSet<>(steps.stream().map(Terms::key).toList()).size() != steps.size()) {
            skip("procedure with repeated steps");
            return java.util.Optional.empty();
        }
        List<String> links = chain.statement_ids();
        Set<String> concepts = new LinkedHashSet<>();
        Map<String, Statement> statements = kb.statementsById();
        links.stream().map(statements::get).filter(Objects::nonNull).forEach(s -> concepts.addAll(s.concept_ids()));
        Function<String, String> noOrdinal = s -> Overlap.words(s).stream().anyMatch(Wording.ORDINALS::contains) ? null : s;
        List<Integer> usable = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            if (noOrdinal.apply(steps.get(i)) != null) {
                usable.add(i);
            }
        }
        List<Draft> order = orderBlock(chain, process, discipline, steps, usable, links, List.copyOf(concepts));
        List<Draft> ordering = orderingDraft(chain, process, discipline, steps, links, List.copyOf(concepts));
        if (order.isEmpty() || ordering.isEmpty()) {
            skip("procedure whose steps do not make two forms that fit the context");
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Twins(chain.chain_id(), order, ordering, heldOut));
    }

    /** Four steps in their order (first, last and two spread between), or three and a step of another process. */
    private List<Draft> orderBlock(Chain chain, String process, String discipline, List<String> steps,
            List<Integer> usable, List<String> links, List<String> concepts) {
        String longest = Wording.notAStep(process).length() > Wording.order(process, "seventh").length()
                ? Wording.notAStep(process) : Wording.order(process, "seventh");
        List<Integer> fitting = usable.stream().filter(i -> fit.fits(longest, steps.get(i))).toList();
        List<String> shown = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        String outsider = null;
        if (fitting.size() >= 4) {
            for (int k = 0; k < 4; k++) {
                positions.add(fitting.get(Math.round(k * (fitting.size() - 1) / 3f)));
            }
        } else if (fitting.size() == 3 && steps.size() == 3) {
            positions.addAll(fitting);
        }
        // Each stem asks for a position in the whole procedure ("the fourth step"), the one its key holds.
        List<String> ordinals = positions.stream().map(i -> Wording.ordinal(i, steps.size())).toList();
        if (ordinals.contains(null) || positions.isEmpty()) {
            return List.of();
        }
        positions.forEach(i -> shown.add(steps.get(i)));
        if (positions.size() == 3) {
            outsider = outsider(chain, process, discipline, shown);
            if (outsider == null) {
                return List.of();
            }
        }
        List<String> options = new ArrayList<>(shown);
        if (outsider != null) {
            options.add(outsider);
        }
        List<String> namedStems = new ArrayList<>(ordinals.stream().map(o -> Wording.order(process, o)).toList());
        namedStems.add(Wording.notAStep(process));
        boolean named = clean(namedStems, options);
        if (!named && (outsider != null
                || !clean(ordinals.stream().map(o -> Wording.order(null, o)).toList(), options))) {
            return List.of();
        }
        List<Draft> drafts = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            String stem;
            if (outsider != null) {
                stem = k == 3 ? Wording.notAStep(process) : Wording.order(process, ordinals.get(k));
            } else {
                stem = Wording.order(named ? process : null, ordinals.get(k));
            }
            String key = options.get(k);
            List<String> distractors = new ArrayList<>();
            List<String> kinds = new ArrayList<>();
            for (int j = 0; j < 4; j++) {
                if (j != k) {
                    distractors.add(options.get(j));
                    kinds.add(outsider != null && j == 3 ? "other_procedure_step" : k == 3 && outsider != null
                            ? "step_of_the_procedure" : "wrong_position");
                }
            }
            drafts.add(new Draft(Form.ORDER, chain.chain_id(), chain.chain_id(), links, concepts, discipline, stem, key,
                    distractors, kinds));
        }
        return drafts;
    }

    /**
     * A step of another procedure of the same discipline, most like this one's steps, that is not one of them.
     * The discipline's steps are embedded once for every procedure that looks for an outsider (on a large
     * knowledge base, embedding them again per procedure took hours); the most similar candidate that passes
     * the checks is the outsider, as when every candidate was checked first.
     */
    private String outsider(Chain chain, String process, String discipline, List<String> shown) {
        ProcedureSteps steps = procedureSteps.computeIfAbsent(discipline, this::procedureSteps);
        if (steps.texts().isEmpty()) {
            return null;
        }
        List<float[]> vectors;
        float[] own;
        if (embedder.comparableAcrossCalls()) {
            vectors = steps.vectors();
            own = embedder.embed(List.of(String.join(" ", shown))).get(0);
        } else { // a lexical embedder's vectors compare only within one call
            List<String> texts = new ArrayList<>(steps.texts());
            texts.add(String.join(" ", shown));
            vectors = embedder.embed(texts);
            own = vectors.get(vectors.size() - 1);
        }
        double[] similarity = new double[steps.texts().size()];
        for (int i = 0; i < similarity.length; i++) {
            similarity[i] = Embedder.cosine(vectors.get(i), own);
        }
        // most similar first; equal similarities keep the knowledge base's order
        List<Integer> ranked = new ArrayList<>(java.util.stream.IntStream.range(0, similarity.length).boxed().toList());
        ranked.sort(Comparator.comparingDouble((Integer i) -> -similarity[i]));
        for (int i : ranked) {
            String s = steps.texts().get(i);
            if (!truth.stepOf(chain.chain_id(), s) && Overlap.disjoint(s, Wording.notAStep(process))
                    && fit.fits(Wording.notAStep(process), s) && fit.fits(Wording.order(process, "seventh"), s)) {
                return s;
            }
        }
        return null;
    }

    /**
     * The distinct steps of a discipline's procedures (none naming a position), in KB order, embedded when the
     * embedder's vectors compare across calls.
     */
    private record ProcedureSteps(List<String> texts, List<float[]> vectors) {
    }

    private final Map<String, ProcedureSteps> procedureSteps = new HashMap<>();

    private ProcedureSteps procedureSteps(String discipline) {
        Set<String> texts = new LinkedHashSet<>();
        for (Chain other : kb.chains()) {
            if (Chain.PROCEDURE.equals(other.kind())
                    && Objects.equals(other.discipline() == null ? defaultDiscipline : other.discipline(), discipline)) {
                for (String step : other.steps()) {
                    String s = Wording.step(step);
                    if (Overlap.words(s).stream().noneMatch(Wording.ORDINALS::contains)) {
                        texts.add(s);
                    }
                }
            }
        }
        List<String> list = List.copyOf(texts);
        return new ProcedureSteps(list,
                list.isEmpty() || !embedder.comparableAcrossCalls() ? List.of() : embedder.embed(list));
    }

    /** Three steps in a numbering that is one of the four fixed orderings, taken in turn across the benchmark. */
    private List<Draft> orderingDraft(Chain chain, String process, String discipline, List<String> steps,
            List<String> links, List<String> concepts) {
        List<Integer> byLength = new ArrayList<>(java.util.stream.IntStream.range(0, steps.size()).boxed().toList());
        byLength.sort(Comparator.comparingInt(i -> steps.get(i).length()));
        List<Integer> three = new ArrayList<>(byLength.subList(0, Math.min(3, byLength.size())));
        three.sort(Comparator.naturalOrder());
        if (three.size() < 3) {
            return List.of();
        }
        List<String> inOrder = three.stream().map(steps::get).toList();
        List<Integer> answer = Wording.ORDERINGS.get(orderings % Wording.ORDERINGS.size());
        String stem = Wording.ordering(process, inOrder, answer);
        List<String> options = Wording.ORDERINGS.stream().map(Wording::orderingOption).toList();
        if (!options.stream().allMatch(o -> fit.fits(stem, o))) {
            return List.of();
        }
        orderings++;
        String key = Wording.orderingOption(answer);
        List<String> distractors = options.stream().filter(o -> !o.equals(key)).toList();
        return List.of(new Draft(Form.ORDERING, chain.chain_id(), chain.chain_id(), links, concepts, discipline, stem,
                key, distractors, List.of("wrong_order", "wrong_order", "wrong_order")));
    }

    // ---- shared ----

    /**
     * Groups of four within each bucket (same discipline and relation), held-out nodes only among
     * themselves, ranked by embedding similarity of both keys and by length. Each grouped node's compatible
     * bucket members, most similar first, go to {@code alternativesOf}.
     */
    private <T> List<List<T>> groups(List<T> nodes, Function<T, String> bucket, Predicate<T> heldOut,
            BiPredicate<T, T> compatible, Function<T, String> firstKey, Function<T, String> secondKey, String what,
            java.util.function.BiConsumer<T, List<T>> alternativesOf) {
        Map<String, List<T>> buckets = new LinkedHashMap<>();
        for (T node : nodes) {
            buckets.computeIfAbsent((heldOut.test(node) ? "held-out|" : "") + bucket.apply(node), b -> new ArrayList<>())
                    .add(node);
        }
        List<List<T>> groups = new ArrayList<>();
        for (List<T> members : buckets.values()) {
            int n = members.size();
            if (n < Grouping.SIZE) {
                members.forEach(m -> skip(what + " without three compatible partners of the same discipline and "
                        + "relation"));
                continue;
            }
            List<float[]> first = embedder.embed(members.stream().map(firstKey).toList());
            List<float[]> second = embedder.embed(members.stream().map(secondKey).toList());
            boolean[][] ok = new boolean[n][n];
            double[][] similarity = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    T a = members.get(i);
                    T b = members.get(j);
                    ok[i][j] = ok[j][i] = compatible.test(a, b);
                    similarity[i][j] = similarity[j][i] = Embedder.cosine(first.get(i), first.get(j))
                            + Embedder.cosine(second.get(i), second.get(j))
                            + 0.5 * lengthSimilarity(firstKey.apply(a), firstKey.apply(b))
                            + 0.5 * lengthSimilarity(secondKey.apply(a), secondKey.apply(b));
                }
            }
            List<List<Integer>> found = Grouping.groups(ok, similarity);
            for (List<Integer> group : found) {
                groups.add(group.stream().map(members::get).toList());
                for (int i : group) {
                    List<Integer> others = new ArrayList<>();
                    for (int j = 0; j < n; j++) {
                        if (j != i && ok[i][j]) {
                            others.add(j);
                        }
                    }
                    others.sort(Comparator.comparingDouble((Integer j) -> -similarity[i][j]));
                    alternativesOf.accept(members.get(i), others.subList(0, Math.min(ALTERNATIVES, others.size()))
                            .stream().map(members::get).toList());
                }
            }
            int left = n - found.size() * Grouping.SIZE;
            for (int k = 0; k < left; k++) {
                skip(what + " without three compatible partners of the same discipline and relation");
            }
        }
        return groups;
    }

    /** No option shares a word with any of the stems. */
    private static boolean clean(List<String> stems, List<String> options) {
        return stems.stream().allMatch(stem -> options.stream().allMatch(o -> Overlap.disjoint(o, stem)));
    }

    private static double lengthSimilarity(String a, String b) {
        return 1.0 - (double) Math.abs(a.length() - b.length()) / Math.max(1, Math.max(a.length(), b.length()));
    }

    private String discipline(Statement s) {
        return s.spans().isEmpty() ? defaultDiscipline : Corpus.disciplineOf(s.spans().get(0).doc(), defaultDiscipline);
    }

    private void skip(String reason) {
        skipped.merge(reason, 1, Integer::sum);
    }
}
