#!/usr/bin/env python3
"""Render WordNet 3.0 synsets as one line of plain English prose each.

Usage: build_wordnet.py WORDNET_DIR OUT_FILE

WORDNET_DIR holds data.noun, data.verb, data.adj and data.adv (Debian package
wordnet-base: /usr/share/wordnet).  For every synset the first lemma
(underscores -> spaces, adjective markers such as "(a)" removed) is followed
by its gloss and its quoted usage examples:

    dog: a member of the genus Canis ... prehistoric times. "the dog barked all night"

Lines are de-duplicated and put in a deterministic pseudo-random order (sorted
by SHA-256 of a fixed salt + the line), so that nouns, verbs, adjectives and
adverbs are mixed.  The order does not depend on Python's PRNG.
Python 3 standard library only.
"""
import hashlib
import os
import re
import sys

FILES = ["data.noun", "data.verb", "data.adj", "data.adv"]
SALT = b"proda-wordnet-glosses-v1\n"
QUOTED = re.compile(r'"([^"]*)"')


def render(line):
    if line.startswith("  ") or " | " not in line:
        return None  # licence header / malformed
    head, gloss = line.split(" | ", 1)
    fields = head.split()
    lemma = fields[4]
    lemma = re.sub(r"\([a-z]+\)$", "", lemma).replace("_", " ").strip()
    gloss = gloss.strip()
    # definition = text before the first quoted example
    m = re.search(r'(^|;\s*)"', gloss)
    if m:
        definition = gloss[:m.start()].strip()
        examples = [e.strip() for e in QUOTED.findall(gloss[m.start():]) if e.strip()]
    else:
        definition, examples = gloss, []
    definition = re.sub(r"\s+", " ", definition).strip().rstrip(";").strip()
    if definition.count('"') % 2:
        definition = definition.replace('"', "")  # 3 unbalanced quotes in WordNet 3.0
    if not definition:
        return None
    if definition[-1] not in ".?!":
        definition += "."
    out = f"{lemma}: {definition}"
    for e in examples:
        out += ' "' + re.sub(r"\s+", " ", e) + '"'
    return out


def main():
    src, out_file = sys.argv[1], sys.argv[2]
    lines = set()
    for name in FILES:
        with open(os.path.join(src, name), encoding="utf-8") as f:
            for raw in f:
                r = render(raw.rstrip("\n"))
                if r:
                    lines.add(r)
    ordered = sorted(lines, key=lambda s: (hashlib.sha256(SALT + s.encode("utf-8")).digest(), s))
    os.makedirs(os.path.dirname(os.path.abspath(out_file)), exist_ok=True)
    with open(out_file, "w", encoding="utf-8", newline="\n") as f:
        for s in ordered:
            f.write(s + "\n")
    print(f"wrote {len(ordered)} lines to {out_file}", file=sys.stderr)


if __name__ == "__main__":
    main()
