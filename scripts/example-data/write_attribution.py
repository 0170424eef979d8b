#!/usr/bin/env python3
"""Write SHA256SUMS and ATTRIBUTION.md for a built examples/textbooks tree.

Usage: write_attribution.py OUT_DIR TEMPLATE_MD

OUT_DIR holds corpus/, general/ and licenses/.  SHA256SUMS lists every file
below them (sha256sum format, sorted paths).  ATTRIBUTION.md is TEMPLATE_MD
with the placeholder line @@FILE_TABLE@@ replaced by a table of the produced
text files (bytes, words, sha256) and @@TOTALS@@ by per-discipline totals.
"""
import hashlib
import os
import sys


def files_under(root, sub):
    out = []
    for dirpath, dirnames, filenames in os.walk(os.path.join(root, sub)):
        dirnames.sort()
        for fn in sorted(filenames):
            out.append(os.path.relpath(os.path.join(dirpath, fn), root).replace(os.sep, "/"))
    return sorted(out)


def main():
    out_dir, template = sys.argv[1], sys.argv[2]
    rows = []
    for rel in files_under(out_dir, "corpus") + files_under(out_dir, "general") + files_under(out_dir, "licenses"):
        data = open(os.path.join(out_dir, rel), "rb").read()
        rows.append((rel, len(data), len(data.decode("utf-8").split()), hashlib.sha256(data).hexdigest()))
    with open(os.path.join(out_dir, "SHA256SUMS"), "w", encoding="utf-8", newline="\n") as f:
        for rel, _, _, h in rows:
            f.write(f"{h}  {rel}\n")

    totals = {}
    for rel, size, words, _ in rows:
        if rel.startswith("corpus/"):
            disc = rel.split("/")[1]
            t = totals.setdefault(disc, [0, 0, 0])
            t[0] += 1
            t[1] += size
            t[2] += words
    tot_lines = ["| discipline | files | bytes | words |", "|---|---:|---:|---:|"]
    all_f = all_b = all_w = 0
    for disc in sorted(totals):
        n, b, w = totals[disc]
        all_f, all_b, all_w = all_f + n, all_b + b, all_w + w
        tot_lines.append(f"| {disc} | {n} | {b:,} | {w:,} |")
    tot_lines.append(f"| **corpus total** | {all_f} | {all_b:,} | {all_w:,} |")
    for rel, size, words, _ in rows:
        if rel.startswith("general/") and rel.endswith(".txt") and "LICENSE" not in rel:
            lines = open(os.path.join(out_dir, rel), encoding="utf-8").read().count("\n")
            tot_lines.append(f"| general ({rel.split('/')[-1]}, {lines:,} lines) | 1 | {size:,} | {words:,} |")

    table = ["| file | bytes | words | sha256 |", "|---|---:|---:|---|"]
    for rel, size, words, h in rows:
        if rel.startswith("licenses/"):
            continue
        table.append(f"| `{rel}` | {size:,} | {words:,} | `{h}` |")

    text = open(template, encoding="utf-8").read()
    text = text.replace("@@TOTALS@@", "\n".join(tot_lines))
    text = text.replace("@@FILE_TABLE@@", "\n".join(table))
    with open(os.path.join(out_dir, "ATTRIBUTION.md"), "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


if __name__ == "__main__":
    main()
