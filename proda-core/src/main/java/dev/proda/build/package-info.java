/**
 * Stage {@code build} (the Builder): knowledge base → training samples ({@code src/build/samples.jsonl}).
 * Each L2 statement and L1 concept of the curriculum is written in several skills, so a fact appears in
 * several forms and a form is reused across facts. Also holds {@link dev.proda.build.Phrasing}, the
 * wording of relations shared by every stage that writes text about the knowledge base.
 */
package dev.proda.build;
