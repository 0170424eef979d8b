package dev.proda.tester;

/** The question forms of the benchmark (none is a Builder template), by the name items carry. */
public enum Form {
    /** Subject and relation given; which concept term completes it. */
    COMPLETION("completion"),
    /** Relation and object given; which subject term it describes. */
    REVERSE("reverse"),
    /** A concept's definition given; which term it defines. */
    REVERSE_DEFINITION("reverse-definition"),
    /** A term given; which of four definitions is its own. */
    DEFINITION("definition"),
    /** Four statements of one relation, three with swapped objects; which one holds. */
    WHICH_IS_TRUE("which-is-true"),
    /** A path's first term and two relations given, the middle term unnamed; which term ends it. */
    COMPOSITION("composition"),
    /** A path's two relations and last term given; which term starts it. */
    REVERSE_COMPOSITION("reverse-composition"),
    /** Four steps of a procedure; which one is its first, second, …, or last step (or is not a step). */
    ORDER("order"),
    /** Three steps of a procedure, numbered out of order; which numbering gives their order. */
    ORDERING("ordering"),
    /** General-text regression: which ending continues the passage. */
    CONTINUATION("continuation"),
    /** The Debugger's single-node check. */
    PROBE("probe");

    private final String label;

    Form(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
