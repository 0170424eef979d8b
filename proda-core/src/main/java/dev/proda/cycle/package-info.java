/**
 * {@code proda cycle}: the one place where the lifecycle's order lives — extract, build, tests, compile
 * V0 and V1, test, then per repair round debug → repair → compile → test — and where the cycle report
 * ({@code target/reports/cycle.json} and {@code cycle.md}) is written.
 */
package dev.proda.cycle;
