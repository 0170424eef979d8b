/**
 * The teacher: whatever writes knowledge-base nodes (and later samples, items and patches) from corpus
 * text. {@link dev.proda.teacher.Teacher} is the one interface; the embedded, deterministic teacher
 * lives in {@code dev.proda.extract}; {@link dev.proda.teacher.Teachers} is the one place where the
 * configuration picks a backend.
 */
package dev.proda.teacher;
