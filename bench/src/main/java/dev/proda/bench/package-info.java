/**
 * Benchmarks of proda's stages against gold resources. {@link dev.proda.bench.ExtractionBench} scores the
 * embedded extractor against WordNet 3.0 nouns ({@code bench/data}, derived by
 * {@code scripts/fetch-bench-data.sh}) and measures its throughput. Depends on proda-core's public API
 * only.
 */
package dev.proda.bench;
