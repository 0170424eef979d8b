/**
 * Sentence embeddings backed by all-MiniLM-L6-v2 (langchain4j, ONNX in-process, offline). Kept out of
 * proda-core because its jars weigh 176 MB; core sees only {@link dev.proda.text.Embedder}.
 */
package dev.proda.embeddings;
