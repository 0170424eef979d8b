/**
 * Stage {@code tests} (the Tester): knowledge base → benchmark, written before any training, that
 * measures knowledge rather than templates. {@code ItemWriter} turns the curriculum's relation
 * statements, defined concepts, path chains and procedures into blocks of four items of one form
 * (completion, reverse, which-is-true, definitions, composition, order) sharing one option set, each
 * keyed by a different option, with distractors that {@code KbTruth} shows are not also true; every node
 * gets twin blocks of two forms, one for dev and one for test, and a seeded share of chains is held out
 * in test. {@code Baselines} measures what options alone give away, {@code Fit} counts each scoring in
 * the student's tokens; {@code Tests} fails the stage when either is off. {@code ItemAssembly} is the
 * one place items are built (the Debugger's node probes use it too). {@code general} items come from
 * held-out general text.
 *
 * <p>May depend on {@code dev.proda.model}, {@code dev.proda.curriculum}, {@code dev.proda.extract}
 * (the KnowledgeBase record), {@code dev.proda.compile} (prompt format, token counter),
 * {@code dev.proda.text} and {@code dev.proda.project}.
 */
package dev.proda.tester;
