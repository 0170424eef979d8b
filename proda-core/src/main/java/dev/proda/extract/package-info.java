/**
 * Stage {@code extract}: corpus → knowledge base (kb/chains.jsonl, kb/statements.jsonl,
 * kb/concepts.jsonl). Entry point: {@link dev.proda.extract.Extract}.
 *
 * <p>The embedded teacher, per document and in parallel: sentences with exact offsets
 * ({@link dev.proda.text.Segmenter}); Universal Dependencies part-of-speech tags from Apache OpenNLP for
 * the sentences whose opening can hold a relation ({@code Tagger}, greedy decoding, only as far as the
 * relation needs); definitional and taxonomic relations with the subject opening the sentence
 * ({@code RelationPatterns}: is-a with the object's head noun group, defined-as, part-of, has-part,
 * has-property, used-for, causes, requires, measured-in, enables; aliases in parentheses or after
 * ", or" / ", also called"); noun-group term candidates; L3 chains ({@code Chains}: numbered lists,
 * ordering/causal marker sequences, else the passage's opening prose). Then, across the corpus and in
 * document order: term selection by C-value ({@code TermExtractor}); concepts merged by key, alias and
 * is-a head, with the majority discipline of their mentions ({@code ConceptIndex}). The merge key's lemma
 * is the rule-based singular of {@link dev.proda.text.Terms#singular}, not OpenNLP's statistical lemmatizer:
 * on nouns of WordNet definitions the rules agree with WordNet's morphy more often (99.1% vs 97.8%,
 * {@code bin/proda bench lemmas}), and cost nothing. Every node keeps the
 * character spans of its source text; statements keep their sentence as source quote, chain steps are
 * verbatim sentences.
 *
 * <p>May depend on {@code dev.proda.model}, {@code dev.proda.text}, {@code dev.proda.project},
 * {@code dev.proda.teacher} and OpenNLP.
 */
package dev.proda.extract;
