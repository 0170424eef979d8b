/**
 * Stage {@code compile}: training the student. V0 is pretrained on the general text (cached by the hash
 * of its data and configuration); every later version is fine-tuned from its predecessor on samples, with
 * loss on the answers only. {@link dev.proda.compile.PromptFormat} is the one place where samples and
 * items become model text; {@link dev.proda.compile.ContextFit} the one rule for whether a sample fits the
 * student's context. Which samples train which version is the cycle's to say
 * ({@link dev.proda.cycle.Cycle#training}).
 */
package dev.proda.compile;
