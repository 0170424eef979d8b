package dev.proda.tester;

import dev.proda.model.Concept;
import dev.proda.model.Statement;
import java.util.Optional;

/**
 * A benchmark form worked on one knowledge node, in the Tester's own wording: the stem an item of that form
 * would ask and the option that answers it. The repair of a capability deficit trains on these over nodes
 * the benchmark never tests, so the student learns the form and not the tested facts.
 */
public final class FormExemplars {
    private FormExemplars() {
    }

    /** A stem and its answer. */
    public record Exemplar(String question, String answer) {
    }

    /** The form worked on a stand-alone statement, if the form asks about statements and its predicate. */
    public static Optional<Exemplar> of(String form, Statement s) {
        if (s.parent_chain_id() != null || !Wording.asked(s.predicate())) {
            return Optional.empty();
        }
        String subject = s.subject().strip();
        String object = s.object().strip();
        if (form.equals(Form.COMPLETION.label())) {
            return Optional.of(new Exemplar(Wording.completion(subject, s.predicate()), object));
        }
        if (form.equals(Form.REVERSE.label())) {
            return Optional.of(new Exemplar(Wording.reverse(s.predicate(), object), subject));
        }
        if (form.equals(Form.WHICH_IS_TRUE.label())) {
            return Optional.of(new Exemplar(Wording.whichIsTrue(), Wording.claim(subject, s.predicate(), object)));
        }
        return Optional.empty();
    }

    /** The form worked on a defined concept, if the form asks about definitions. */
    public static Optional<Exemplar> of(String form, Concept c) {
        if (c.definition() == null) {
            return Optional.empty();
        }
        if (form.equals(Form.DEFINITION.label())) {
            return Optional.of(new Exemplar(Wording.definition(c.term()), c.definition()));
        }
        if (form.equals(Form.REVERSE_DEFINITION.label())) {
            return Optional.of(new Exemplar(Wording.reverseDefinition(c.definition()), c.term()));
        }
        return Optional.empty();
    }

    /** Whether exemplars of {@code form} can be written from single statements or concepts. */
    public static boolean writable(String form) {
        return form.equals(Form.COMPLETION.label()) || form.equals(Form.REVERSE.label())
                || form.equals(Form.WHICH_IS_TRUE.label()) || form.equals(Form.DEFINITION.label())
                || form.equals(Form.REVERSE_DEFINITION.label());
    }
}
