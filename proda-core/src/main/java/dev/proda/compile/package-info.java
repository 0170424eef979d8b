/**
 * Stage {@code compile}: training the student. V0 is pretrained on the general text (cached by the hash
 * of its data and configuration); every later version is fine-tuned from its predecessor on samples.
 * {@link dev.proda.compile.PromptFormat} is the one place where samples and items become model text.
 */
package dev.proda.compile;
