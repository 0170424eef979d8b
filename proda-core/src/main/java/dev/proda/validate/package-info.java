/**
 * The one validation every knowledge base passes, from any teacher or import
 * ({@link dev.proda.validate.KbValidation}), and the reusable test of whether a subject, term, object or
 * procedure step reads on its own ({@link dev.proda.validate.SelfContained}). Depends on the records, the
 * knowledge base and {@code text}; stages and teachers depend on it, never the other way round.
 */
package dev.proda.validate;
