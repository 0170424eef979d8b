/**
 * Reading a project for people: knowledge-base statistics ({@link dev.proda.inspect.KbStats}), one node
 * with its source text and everything that uses it ({@link dev.proda.inspect.NodeView}), and source
 * excerpts around spans ({@link dev.proda.inspect.SourceExcerpts}, also used by {@code proda blame}).
 */
package dev.proda.inspect;
