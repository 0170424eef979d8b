/**
 * {@code student.backend: command}: fine-tuning by the user's own training command, its result a model folder or
 * an endpoint (see {@link dev.proda.student.command.CommandEngine}).
 */
package dev.proda.student.command;
