/**
 * Interoperability with the paper's reference implementation: import and export of its
 * {@code knowledge_core.json} ({@code l3_chains}, {@code l2_statements}, {@code l1_concepts}, with the
 * same field names as proda's records). The reference keeps quotes but no character spans; on import,
 * spans are found by locating each quote in the project's corpus.
 */
package dev.proda.interop;
