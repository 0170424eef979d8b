/**
 * Plain-text units with their character offsets (paragraphs, sentences, words), normalisation of
 * terms, and n-gram overlap. Shared by extraction, item writing and the contamination guard.
 */
package dev.proda.text;
