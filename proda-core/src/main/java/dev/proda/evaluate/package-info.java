/**
 * Stage {@code test}: running the benchmark on a model version. Each option is scored by its
 * length-normalised log-likelihood after the question (lm-eval-harness's {@code acc_norm}, per token);
 * the best option is the pick. Writes per-item results and accuracy per split and discipline.
 */
package dev.proda.evaluate;
