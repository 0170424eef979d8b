/**
 * Reading and writing project files: one JSON mapping for every record, JSON Lines with errors that
 * name file and line, and atomic writes (temp file + rename) so a crash never leaves half a file.
 */
package dev.proda.io;
