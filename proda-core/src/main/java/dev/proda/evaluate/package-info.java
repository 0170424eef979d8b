/**
 * Stage {@code test}: running the benchmark on a model version. Each option is scored by its
 * log-likelihood after the question; as in lm-eval-harness, the pick is the option with the highest sum
 * ({@code acc}, the headline figure) and, reported beside it, the highest sum per character
 * ({@code acc_norm}). Writes per-item results and accuracy per split and discipline.
 */
package dev.proda.evaluate;
