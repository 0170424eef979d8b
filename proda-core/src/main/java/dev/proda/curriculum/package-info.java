/**
 * The curriculum: the seeded part of the knowledge base one cycle teaches (Build), tests (Tests) and
 * leaves for repair exemplars (Repair). It lives beside those stages, not in extract, because it is
 * what they agree on; it depends on the records and the knowledge base only. {@code CorpusEvidence} is
 * what both stages ask before they call a statement false: whether the corpus may say it anyway.
 */
package dev.proda.curriculum;
