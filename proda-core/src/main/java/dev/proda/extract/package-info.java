/**
 * Stage {@code extract}: corpus → knowledge base (kb/chains.jsonl, kb/statements.jsonl,
 * kb/concepts.jsonl). The embedded teacher reads L3 chains from multi-sentence passages, L2 statements
 * from definitional and taxonomic sentence patterns (and from the links between a chain's adjacent
 * steps), and L1 concepts from the statements' subjects, merged across documents by normalised term.
 * Every node keeps the character spans of its source text. Entry point: {@link dev.proda.extract.Extract}.
 */
package dev.proda.extract;
