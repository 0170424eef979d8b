#!/usr/bin/env python3
"""Derive proda's extraction gold from WordNet 3.0 nouns.

Usage: build_gold.py WORDNET_DIR OUT_DIR [SAMPLE_SIZE [SKIP]]

WORDNET_DIR holds data.noun, index.noun and noun.exc (Debian package
wordnet-base: /usr/share/wordnet).  Writes to OUT_DIR:

  wordnet-noun-gold.tsv         the sample, one noun synset a line, tab separated:
                                  offset  lemmas  definition  hypernyms  hypernyms2  ancestors
                                lemmas: the synset's lemmas ('|'-separated, underscores
                                -> spaces, case kept; the first is the headword);
                                definition: the gloss up to its first quoted example;
                                hypernyms: the lemmas of its direct hypernym synsets
                                ('@' and instance '@i' pointers; synsets ';'-separated,
                                lemmas '|'-separated); hypernyms2: the same for the
                                hypernyms' hypernyms (depth 2); ancestors: every synset
                                reachable by following those pointers (any depth,
                                the direct hypernyms included), nearest first.
  wordnet-noun-lemmas.txt       every noun lemma of WordNet (lower case, spaces), sorted
  wordnet-noun-exceptions.tsv   noun.exc: inflected form <tab> base form

The sample is not chosen by hand: every noun synset that has a hypernym and a
non-empty definition (all but 'entity') is ranked by SHA-256 of a fixed salt +
its offset, and the first SAMPLE_SIZE (default 4000) are kept, in that order.
With SKIP, the first SKIP of that ranking are passed over: SKIP = SAMPLE_SIZE gives
a held-out sample of the same size that shares no synset with the bundled one.
Python 3 standard library only; the output does not depend on Python's PRNG.
"""
import hashlib
import os
import re
import sys

SALT = b"proda-extraction-gold-v1\n"


def definition_of(gloss):
    m = re.search(r'(^|;\s*)"', gloss)
    definition = gloss[:m.start()] if m else gloss
    definition = re.sub(r"\s+", " ", definition).strip().rstrip(";").strip()
    if definition.count('"') % 2:
        definition = definition.replace('"', "")
    return definition.replace("\t", " ")


def read_synsets(path):
    synsets = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("  ") or " | " not in line:
                continue
            head, gloss = line.rstrip("\n").split(" | ", 1)
            fields = head.split()
            offset = fields[0]
            count = int(fields[3], 16)
            lemmas = [fields[4 + 2 * i].replace("_", " ") for i in range(count)]
            i = 4 + 2 * count
            pointers = int(fields[i])
            hypernyms = []
            for p in range(pointers):
                symbol, target, pos = fields[i + 1 + 4 * p], fields[i + 2 + 4 * p], fields[i + 3 + 4 * p]
                if symbol in ("@", "@i") and pos == "n":
                    hypernyms.append(target)
            synsets[offset] = (lemmas, definition_of(gloss), hypernyms)
    return synsets


def ancestors_of(synsets, offset):
    """Every synset above `offset` along hypernym pointers, breadth first (nearest first)."""
    seen, frontier = [], list(synsets[offset][2])
    while frontier:
        following = []
        for o in frontier:
            if o not in seen:
                seen.append(o)
                following.extend(synsets[o][2])
        frontier = following
    return seen


def lemmas_of(synsets, offsets):
    return ";".join("|".join(synsets[o][0]) for o in offsets)


def main():
    src, out = sys.argv[1], sys.argv[2]
    size = int(sys.argv[3]) if len(sys.argv) > 3 else 4000
    skip = int(sys.argv[4]) if len(sys.argv) > 4 else 0
    synsets = read_synsets(os.path.join(src, "data.noun"))
    eligible = [o for o, (lemmas, definition, hyper) in synsets.items() if hyper and definition]
    ranked = sorted(eligible, key=lambda o: (hashlib.sha256(SALT + o.encode()).digest(), o))[skip:skip + size]
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "wordnet-noun-gold.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("# offset\tlemmas\tdefinition\thypernyms\thypernyms2\tancestors\n")
        for o in ranked:
            lemmas, definition, hyper = synsets[o]
            hyper2 = []
            for h in hyper:
                for g in synsets[h][2]:
                    if g not in hyper2 and g not in hyper:
                        hyper2.append(g)
            f.write("\t".join([o, "|".join(lemmas), definition, lemmas_of(synsets, hyper),
                               lemmas_of(synsets, hyper2),
                               lemmas_of(synsets, ancestors_of(synsets, o))]) + "\n")
    lemmas = set()
    with open(os.path.join(src, "index.noun"), encoding="utf-8") as f:
        for line in f:
            if not line.startswith("  "):
                lemmas.add(line.split(" ", 1)[0].replace("_", " ").lower())
    with open(os.path.join(out, "wordnet-noun-lemmas.txt"), "w", encoding="utf-8", newline="\n") as f:
        for lemma in sorted(lemmas):
            f.write(lemma + "\n")
    with open(os.path.join(src, "noun.exc"), encoding="utf-8") as f, \
            open(os.path.join(out, "wordnet-noun-exceptions.tsv"), "w", encoding="utf-8", newline="\n") as g:
        for line in f:
            parts = line.split()
            if len(parts) >= 2:
                g.write(parts[0].replace("_", " ") + "\t" + parts[1].replace("_", " ") + "\n")
    print(f"wrote {len(ranked)} gold synsets and {len(lemmas)} noun lemmas to {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
