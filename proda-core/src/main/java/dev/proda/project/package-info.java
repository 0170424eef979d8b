/**
 * A user's proda project on disk: its layout ({@link dev.proda.project.ProjectLayout}), its
 * configuration ({@code proda.yaml} as {@link dev.proda.project.ProdaConfig}), its corpus documents
 * ({@link dev.proda.project.Corpus}) and its lock file of stage hashes ({@link dev.proda.project.Lock}).
 */
package dev.proda.project;
