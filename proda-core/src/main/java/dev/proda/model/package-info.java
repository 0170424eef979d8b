/**
 * The knowledge and artefact records of proda, all immutable: the three knowledge layers ({@link
 * dev.proda.model.Concept} L1, {@link dev.proda.model.Statement} L2, {@link dev.proda.model.Chain} L3),
 * each tied to corpus {@link dev.proda.model.Span}s; training {@link dev.proda.model.Sample}s; benchmark
 * {@link dev.proda.model.TestItem}s; per-item {@link dev.proda.model.ItemResult}s; {@link
 * dev.proda.model.Failure}s and {@link dev.proda.model.Patch}es. Field names follow the paper's released
 * {@code knowledge_core.json} so the records map to JSON one to one. Depends on nothing but the JDK.
 */
package dev.proda.model;
