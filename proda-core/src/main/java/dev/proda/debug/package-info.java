/**
 * Stage {@code debug}: every failed {@code dev} item becomes a {@link dev.proda.model.Failure} with its
 * trace (item → chain → statements → concepts) and a localisation found by probing the student on each
 * node of the trace with a single-node question ({@link dev.proda.debug.NodeProbes}): a failed probe is a
 * concept gap at that node; if all probes pass, the chain broke at composition. {@link
 * dev.proda.debug.Blame} prints one item's trace with its source text. Test items are never diagnosed.
 */
package dev.proda.debug;
