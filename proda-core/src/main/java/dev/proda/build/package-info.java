/**
 * Stage {@code build} (the Builder): knowledge base → training samples ({@code src/build/samples.jsonl}).
 * Each relation statement, procedure and defined concept of the curriculum is written in several skills,
 * so a fact appears in several forms and a form is reused across facts; every answer states only what
 * the knowledge base holds true (a true/false sample quotes its false sentence only in the question), and
 * every sample fits the student's context. Also holds {@link dev.proda.build.Phrasing}, the wording of
 * relations shared by every stage that writes text about the knowledge base.
 */
package dev.proda.build;
