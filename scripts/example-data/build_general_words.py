#!/usr/bin/env python3
"""Word counts of general English for the embedded extractor's termhood score (Python 3 stdlib only).

Reads the bundled general text (WordNet 3.0 glosses and examples, examples/textbooks/general/) and writes
proda-core/src/main/resources/dev/proda/extract/general-words.tsv: the 30,000 most frequent lower-case
words as "word<TAB>count", most frequent first, with the total word count on the first line ("#total<TAB>N").
Deterministic: ties are broken alphabetically. Rerun after the general text changes.
"""
import collections
import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parents[2]
SOURCE = ROOT / "examples/textbooks/general/wordnet-glosses.txt"
TARGET = ROOT / "proda-core/src/main/resources/dev/proda/extract/general-words.tsv"
KEEP = 30000

counts = collections.Counter(re.findall(r"[a-z][a-z'-]*[a-z]|[a-z]", SOURCE.read_text(encoding="utf-8").lower()))
total = sum(counts.values())
rows = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:KEEP]
TARGET.parent.mkdir(parents=True, exist_ok=True)
with TARGET.open("w", encoding="utf-8", newline="\n") as out:
    out.write(f"#total\t{total}\n")
    for word, count in rows:
        out.write(f"{word}\t{count}\n")
print(f"{TARGET.relative_to(ROOT)}: {len(rows)} words of {len(counts)}, {total} tokens")
