/**
 * The {@code proda} command line. Commands are thin: each reads its options, calls one stage's public
 * entry and prints. Errors in input become one line on stderr and exit code 1; usage errors exit 2;
 * {@code test --fail-under} below threshold exits 3.
 */
package dev.proda.cli;
