/**
 * The student: the model being engineered, seen through two small interfaces. {@link
 * dev.proda.student.StudentEngine} trains (pretraining gives V0, fine-tuning gives V1, V2 …) and
 * {@link dev.proda.student.StudentModel} scores text by log-likelihood. Backends live in their own
 * modules (the embedded DJL/PyTorch transformer in {@code proda-student-djl}); stages depend only on
 * this package.
 */
package dev.proda.student;
