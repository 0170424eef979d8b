/**
 * Stage {@code tests} (the Tester): knowledge base → benchmark, written before any training. Items come
 * from L3 chains (which step follows, which step comes two later) and from L2 statements (complete the
 * relation), each with typed distractors; they are split into {@code dev} and {@code test} by chain so
 * that no chain has items in both. {@code general} items come from held-out general text.
 */
package dev.proda.tester;
