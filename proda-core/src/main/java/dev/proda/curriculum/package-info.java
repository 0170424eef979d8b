/**
 * The curriculum: the seeded part of the knowledge base one cycle teaches (Build), tests (Tests) and
 * leaves for repair exemplars (Repair). It lives beside those stages, not in extract, because it is
 * what they agree on; it depends on the records and the knowledge base only.
 */
package dev.proda.curriculum;
