/**
 * The embedded student: a small decoder-only transformer (GPT-style) with its own word-level
 * tokenizer, trained from scratch on the CPU with DJL's PyTorch engine and scored by
 * log-likelihood. {@link dev.proda.student.djl.DjlStudentEngine} is the only entry point other
 * modules need; everything else here is an implementation detail of it.
 *
 * <p>A saved model is a directory holding {@code tokenizer.json}, {@code parameters.bin} (DJL block
 * parameters) and {@code config.json} (shape and training provenance); see {@link
 * dev.proda.student.djl.ModelFiles}. DJL runs offline: nothing is ever downloaded.
 */
package dev.proda.student.djl;
