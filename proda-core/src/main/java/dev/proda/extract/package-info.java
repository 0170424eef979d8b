/**
 * Stage {@code extract}: corpus → knowledge base (kb/chains.jsonl, kb/statements.jsonl,
 * kb/concepts.jsonl). Entry point: {@link dev.proda.extract.Extract}. Precision first: fewer correct
 * nodes beat many wrong ones.
 *
 * <p>The embedded teacher, per document and in parallel: sentences with exact offsets
 * ({@link dev.proda.text.Segmenter}); Universal Dependencies part-of-speech tags from Apache OpenNLP
 * ({@code Tagger}); then three readers of claims, each a self-contained statement between two concept
 * terms ({@code Claims}):
 * <ul>
 *   <li>copular and verbal relations with the subject opening the clause ({@code RelationPatterns}:
 *   is-a, part-of, has-part, used-for, causes, requires, measured-in, enables; aliases in parentheses or
 *   after ", or" / ", also called"); an opening connective or frame ("However, ", "In scikit-learn, ") is
 *   read past; coordinated subjects ("A and B are Ys") state it of both;</li>
 *   <li>lexico-syntactic hyponym patterns ({@code Hearst}: "Y such as A, B and C", "Y, including A",
 *   "A and other Y", "Y, namely A", "a Y called A", appositions "A, a Y that …");</li>
 *   <li>glossary and dictionary layouts ({@code Glossary}: a term alone on its line, then a noun-phrase
 *   definition), only in documents laid out that way.</li>
 * </ul>
 * A claim's subject must read alone (no pronoun, no "the algorithm"), its object is the genus term, not
 * the phrase; has-property and defined-as give no statement (defined-as gives the concept's definition).
 * Chains ({@code Chains}) are only explicit procedures (numbered instructions, "First … Then … Finally",
 * steps announced by a lead-in such as "… comprises three stages:"); linked paths are joined after the
 * merge ({@code Paths}). Across the corpus: term selection by C-value ({@code TermExtractor}) and
 * concepts merged by key and alias with the majority discipline of their mentions ({@code ConceptIndex}),
 * which also scores each claim's confidence and drops those under {@code extract.min_confidence}; an
 * object that is an everyday word, no more frequent in the corpus than in general English, scores lower
 * ({@code Termhood}, against the bundled WordNet word counts {@code general-words.tsv}). The
 * merge key's lemma is the rule-based singular of {@link dev.proda.text.Terms#singular}, not OpenNLP's
 * statistical lemmatizer: on nouns of WordNet definitions the rules agree with WordNet's morphy more often
 * (99.1% vs 97.8%, {@code bin/proda bench lemmas}). Every node keeps the character spans of its source
 * text. {@code bin/proda bench extraction} scores all of this against WordNet and against real-prose gold.
 *
 * <p>May depend on {@code dev.proda.model}, {@code dev.proda.text}, {@code dev.proda.project},
 * {@code dev.proda.teacher} and OpenNLP.
 */
package dev.proda.extract;
