/**
 * Stage {@code repair} (the Debugger's patch writer): localised failures → patch samples about the
 * responsible nodes, never about the failed items, grounded in corpus passages retrieved for each node
 * with Lucene BM25 ({@link dev.proda.repair.Bm25Grounding}). A statement is restated in new skills; a
 * concept is taught by what the KB states about it (definition, then its statements), corpus mentions
 * only after those; chain breaks get composition exemplars
 * over chains outside the benchmark. {@link dev.proda.repair.ContaminationGuard} rejects any patch sample
 * that copies benchmark wording. Writes {@code src/patches/round-N/patches.jsonl}.
 */
package dev.proda.repair;
