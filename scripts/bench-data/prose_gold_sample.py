#!/usr/bin/env python3
"""Seeded draw of the prose gold of `proda bench extraction` (bench/data/prose-gold/), and its checker.

Python 3 standard library only. The draw is a pure function of the corpus files and the seed: nobody
picks sentences by hand. Labels (terms, statements, procedures) are added by reading, in the committed
JSONL files; this script reproduces the unlabelled skeleton and checks the labelled files against it.

    prose_gold_sample.py draw  [--set bundled|held-out]   print the skeleton records (JSONL) to stdout
    prose_gold_sample.py check                           check the committed gold against a fresh draw
                                                         (every drawn record labelled, nothing else)
    prose_gold_sample.py stats                           candidate pool sizes and label counts

Corpora (paths relative to the repository root):
  bundled   examples/textbooks/corpus, all documents but the two glossaries (concept gold elsewhere)
  held-out  bench/data/heldout/corpus (scripts/bench-data/fetch-heldout.sh)

Units
  paragraph  a block of the file between blank lines ("\\n\\n"); blocks are single lines here.
  prose paragraph  a paragraph whose text ends in sentence punctuation . ? ! : (optionally followed by a
             closing quote or bracket). Heading lines do not, so they never yield sentences.
  sentence   a prose paragraph is cut after . ? ! (plus closing quotes/brackets) when whitespace and then
             an upper-case letter, a digit or an opening quote/bracket follow, except after the
             abbreviations in NO_SPLIT_AFTER (e.g., i.e., etc., vs., cf., et al., Fig., ...) and after a
             single capital letter with a period (initials, "U.S."). Decimals never split (no space).
             start/end are str offsets into open(f, encoding='utf-8').read(); the corpora hold no
             character outside the BMP (checked), so they equal Java char offsets.
  words      tokens matching [A-Za-z0-9][A-Za-z0-9'_-]* (WORD below).

Sentence strata (per set; ids in draw order)
  cue     sentences whose first 12 words contain one of CUE_WORDS or the pair "such as".
  random  sentences of 5..60 words, excluding the sentences already drawn for "cue" (so no sentence is
          labelled twice).
  rng = random.Random(SEED); cue = rng.sample(cue pool, N_cue); random = rng.sample(random pool, N_random),
  pools in (doc, start) order. No per-discipline quota: disciplines come out in proportion.
  definitional  (added later, drawn independently so the draws above are unchanged) sentences of any
          length whose text matches the fixed surface regex DEFINITIONAL (case-sensitive, as written),
          excluding the sentences drawn for "cue" and "random". def_rng = random.Random(DEF_SEED);
          definitional = def_rng.sample(definitional pool, N_def), pool in (doc, start) order. Its ids
          continue the set's numbering after "random". The regex is a property of the text alone: no
          extractor's output chose any sentence of any stratum.

Procedure candidates (per set)
  (a) "list": a maximal run of >= 3 consecutive paragraphs that each start with a list marker
      (LIST_MARKER: "1." "1)" "(2)" "Step 3" "- " "* " "\u2022"); the passage also takes the paragraph just
      before the run when that one ends with ":" (the lead-in that names the list).
  (b) "ordinal": a paragraph (not inside (a)) in which >= 2 sentences open with First / Second / Then /
      Next / Finally / After that / Once (ORDINAL_OPENERS).
  The converters of both corpora drop HTML list markers (<ol>/<ul> items become plain paragraphs), so
  (a) and (b) alone find only 14 bundled and 2 held-out candidates. Lists therefore also count as
  (c) "lead-in+steps": a paragraph ending in ":" whose text names a process (PROCESS_CUE: step, stage,
      procedure, algorithm, process, as follows, following, proceed) followed by >= 3 consecutive prose
      paragraphs that do not end in ":" (the list items; at most MAX_ITEMS are taken, and the run stops
      at a heading line or at a paragraph already in (a) or (b));
  (d) "lead-in": the same layout without such a cue (mostly lists of properties: the negatives).
  A passage is the exact text from its first paragraph's start to its last paragraph's end.
  Draw: rng (the same generator, after the sentence draws) samples N_proc of the strong candidates
  (a)+(b)+(c), or takes them all when there are fewer, and fills the rest by sampling (d).
"""
import json
import os
import random
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
GOLD_DIR = os.path.join(ROOT, "bench", "data", "prose-gold")
SETS = {
    # set: (corpus root, excluded docs, prefix of sentence ids, N_cue, N_random, N_proc, N_def)
    "bundled": ("examples/textbooks/corpus",
                {"computing/python-glossary.txt", "statistics/sklearn-glossary.txt"}, "b", 170, 80, 40, 200),
    "held-out": ("bench/data/heldout/corpus", set(), "h", 90, 40, 15, 80),
}
SEED = 20261202
DEF_SEED = 20261216  # the "definitional" stratum's own generator (added after the first draw)
DEFINITIONAL = re.compile(r"\b(is|are) (a|an|one of the|a kind of|a type of)\b|\bsuch as\b|, including\b"
                          r"|\brefers? to\b|\bconsists? of\b|\b(is|are) used (for|to)\b|\bis defined as\b"
                          r"|\bis called\b|\bknown as\b")

CUE_WORDS = {"is", "are", "means", "refers", "consists", "comprises", "contains", "includes", "causes",
             "leads", "results", "requires", "depends", "relies", "allows", "enables", "called", "known",
             "including", "used"}
WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'_\-]*")
PROSE_END = re.compile(r"[.?!:][\"'\u201d\u2019)\]]*$")
# candidate boundary: sentence punctuation, closing quotes/brackets, whitespace, then a sentence opener
BOUNDARY = re.compile(r"[.?!][\"'\u201d\u2019)\]]*(?=\s+[A-Z0-9\"'\u201c\u2018(\[])")
NO_SPLIT_AFTER = {"e.g.", "i.e.", "etc.", "vs.", "cf.", "al.", "fig.", "figs.", "eq.", "eqs.", "ref.",
                  "refs.", "no.", "nos.", "dr.", "mr.", "mrs.", "ms.", "prof.", "st.", "inc.", "ltd.",
                  "co.", "jr.", "sr.", "approx.", "resp.", "sec.", "ch.", "vol.", "pp.", "p.", "ed.",
                  "eds.", "viz.", "ca."}
LIST_MARKER = re.compile(r"^(?:\(?\d{1,2}[.)]\s|\(\d{1,2}\)\s|Step \d+\b|[-*\u2022]\s)")
ORDINAL_OPENERS = re.compile(r"^(?:First|Second|Then|Next|Finally|After that|Once)\b")
PROCESS_CUE = re.compile(r"\b(?:steps?|stages?|procedures?|algorithms?|process|as follows|following|proceeds?)\b",
                         re.IGNORECASE)
MAX_ITEMS = 8

SENTENCE_KEYS = ["id", "set", "stratum", "discipline", "doc", "start", "end", "text", "terms",
                 "statements", "note"]
STATEMENT_KEYS = ["subject", "predicate", "object", "accept_subjects", "accept_objects"]
PROCEDURE_KEYS = ["id", "set", "discipline", "doc", "start", "end", "text", "procedure", "note"]
PREDICATES = {"is-a", "part-of", "has-part", "used-for", "requires", "causes", "enables", "measured-in"}


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def documents(set_name):
    root, excluded, *_ = SETS[set_name]
    base = os.path.join(ROOT, root)
    for disc in sorted(os.listdir(base)):
        if not os.path.isdir(os.path.join(base, disc)):
            continue
        for fn in sorted(os.listdir(os.path.join(base, disc))):
            doc = f"{disc}/{fn}"
            if fn.endswith(".txt") and doc not in excluded:
                yield disc, doc, read(os.path.join(base, doc))


def paragraphs(text):
    """(start, end) of every non-empty blank-line-separated block, whitespace trimmed."""
    for m in re.finditer(r"[^\n]+(?:\n(?!\n)[^\n]*)*", text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            yield s, e


def is_abbreviation(para, cut):
    """True when the '.' that ends at para[cut-1] closes an abbreviation or an initial."""
    head = para[:cut].rstrip("\"'\u201d\u2019)]")
    if not head.endswith("."):
        return False
    token = head.split()[-1] if head.split() else ""
    token = token.lstrip("(\"'\u201c\u2018[")
    if token.lower() in NO_SPLIT_AFTER:
        return True
    # initials and dotted acronyms: "J.", "U.S.", "U.K."
    return re.fullmatch(r"(?:[A-Z]\.)+", token) is not None


def sentences(text):
    """(start, end) of every sentence of every prose paragraph of the text."""
    for ps, pe in paragraphs(text):
        para = text[ps:pe]
        if not PROSE_END.search(para):
            continue  # heading or fragment
        begin = 0
        for m in BOUNDARY.finditer(para):
            cut = m.end()
            if is_abbreviation(para, cut):
                continue
            yield ps + begin, ps + cut
            begin = cut
            while begin < len(para) and para[begin].isspace():
                begin += 1
        if begin < len(para):
            yield ps + begin, pe


def words(s):
    return WORD.findall(s)


def is_cue(s):
    first = [w.lower() for w in words(s)[:12]]
    if any(w in CUE_WORDS for w in first):
        return True
    return any(a == "such" and b == "as" for a, b in zip(first, first[1:]))


def procedure_candidates(text):
    """(start, end, kind) of every procedure candidate of one document, kinds as in the module doc."""
    paras = list(paragraphs(text))
    body = [text[s:e] for s, e in paras]
    out, used = [], set()
    i = 0
    while i < len(paras):
        j = i
        while j < len(paras) and LIST_MARKER.match(body[j]):
            j += 1
        if j - i >= 3:
            first = i - 1 if i > 0 and body[i - 1].endswith(":") else i
            out.append((paras[first][0], paras[j - 1][1], "list"))
            used.update(range(first, j))
            i = j
        else:
            i += 1
    for k, (ps, pe) in enumerate(paras):
        if k in used:
            continue
        openers = sum(1 for s, e in sentences(body[k]) if ORDINAL_OPENERS.match(body[k][s:e]))
        if openers >= 2:
            out.append((ps, pe, "ordinal"))
            used.add(k)
    for k, lead in enumerate(body):
        if k in used or not lead.endswith(":"):
            continue
        j = k + 1
        while (j < len(paras) and j - k <= MAX_ITEMS and j not in used and PROSE_END.search(body[j])
               and not body[j].endswith(":")):
            j += 1
        if j - k - 1 >= 3:
            kind = "lead-in+steps" if PROCESS_CUE.search(lead) else "lead-in"
            out.append((paras[k][0], paras[j - 1][1], kind))
    return sorted(out)


def draw(set_name):
    """The unlabelled skeleton of one set: (sentence records, procedure records, pool sizes)."""
    _, _, prefix, n_cue, n_random, n_proc, n_def = SETS[set_name]
    cue_pool, all_pool, def_pool, proc_pool = [], [], [], []
    for disc, doc, text in documents(set_name):
        for s, e in sentences(text):
            sent = text[s:e]
            rec = (disc, doc, s, e, sent)
            if is_cue(sent):
                cue_pool.append(rec)
            if 5 <= len(words(sent)) <= 60:
                all_pool.append(rec)
            if DEFINITIONAL.search(sent):
                def_pool.append(rec)
        for s, e, kind in procedure_candidates(text):
            proc_pool.append((disc, doc, s, e, text[s:e], kind))
    rng = random.Random(SEED)
    cue = rng.sample(cue_pool, n_cue)
    taken = {(r[1], r[2]) for r in cue}
    rest = [r for r in all_pool if (r[1], r[2]) not in taken]
    rand = rng.sample(rest, n_random)
    strong = [p for p in proc_pool if p[5] != "lead-in"]
    weak = [p for p in proc_pool if p[5] == "lead-in"]
    procs = rng.sample(strong, min(n_proc, len(strong)))
    procs += rng.sample(weak, min(n_proc - len(procs), len(weak)))
    taken |= {(r[1], r[2]) for r in rand}
    def_rest = [r for r in def_pool if (r[1], r[2]) not in taken]
    definitional = random.Random(DEF_SEED).sample(def_rest, n_def)
    sents = []
    for stratum, recs in (("cue", cue), ("random", rand), ("definitional", definitional)):
        for disc, doc, s, e, sent in recs:
            sents.append({"id": f"{prefix}-{len(sents) + 1:04d}", "set": set_name, "stratum": stratum,
                          "discipline": disc, "doc": doc, "start": s, "end": e, "text": sent})
    procedures = []
    for disc, doc, s, e, passage, kind in procs:
        procedures.append({"id": f"p{prefix}-{len(procedures) + 1:03d}", "set": set_name,
                           "discipline": disc, "doc": doc, "start": s, "end": e, "text": passage,
                           "candidate": kind})
    pools = {"sentences_cue_pool": len(cue_pool), "sentences_5_60_pool": len(all_pool),
             "sentences_definitional_pool": len(def_pool), "sentences_definitional_pool_not_drawn": len(def_rest),
             "procedure_pool": len(proc_pool),
             **{"procedure_pool_" + k: sum(1 for p in proc_pool if p[5] == k)
                for k in ("list", "ordinal", "lead-in+steps", "lead-in")}}
    return sents, procedures, pools


def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def check():
    """Every labelled record matches the fresh draw (ids, offsets, text), keys are in order, predicates
    are known, statement fields are non-empty strings, and text == file[start:end]."""
    errors = []
    sents = load(os.path.join(GOLD_DIR, "sentences.jsonl"))
    procs = load(os.path.join(GOLD_DIR, "procedures.jsonl"))
    fresh_s, fresh_p = {}, {}
    for set_name in SETS:
        s, p, _ = draw(set_name)
        fresh_s.update({r["id"]: r for r in s})
        fresh_p.update({r["id"]: r for r in p})
    texts = {}
    for r in sents:
        rid = r.get("id")
        if list(r.keys()) != SENTENCE_KEYS[:len(r)] or len(r) < len(SENTENCE_KEYS) - 1:
            errors.append(f"{rid}: keys {list(r.keys())}")
        f = fresh_s.get(rid)
        if f is None or any(r[k] != f[k] for k in ("set", "stratum", "discipline", "doc", "start", "end", "text")):
            errors.append(f"{rid}: does not match the draw")
        root = SETS[r["set"]][0]
        path = os.path.join(ROOT, root, r["doc"])
        text = texts.setdefault(path, read(path))
        if text[r["start"]:r["end"]] != r["text"]:
            errors.append(f"{rid}: text != file[start:end]")
        if any(ord(c) > 0xFFFF for c in r["text"]):
            errors.append(f"{rid}: astral character (Java offsets would differ)")
        if not isinstance(r["terms"], list) or not all(isinstance(t, str) and t for t in r["terms"]):
            errors.append(f"{rid}: terms")
        for st in r["statements"]:
            if list(st.keys()) != STATEMENT_KEYS:
                errors.append(f"{rid}: statement keys {list(st.keys())}")
            if st["predicate"] not in PREDICATES:
                errors.append(f"{rid}: predicate {st['predicate']}")
            if not st["subject"] or not st["object"]:
                errors.append(f"{rid}: empty subject/object")
        if "note" in r and not isinstance(r["note"], str):
            errors.append(f"{rid}: note")
    for r in procs:
        rid = r.get("id")
        if list(r.keys()) != PROCEDURE_KEYS:
            errors.append(f"{rid}: keys {list(r.keys())}")
        f = fresh_p.get(rid)
        if f is None or any(r[k] != f[k] for k in ("set", "discipline", "doc", "start", "end", "text")):
            errors.append(f"{rid}: does not match the draw")
        p = r["procedure"]
        if p is not None and (list(p.keys()) != ["name", "steps"] or not p["name"] or len(p["steps"]) < 3):
            errors.append(f"{rid}: procedure needs a name and >= 3 steps")
    ids = [r["id"] for r in sents] + [r["id"] for r in procs]
    if len(ids) != len(set(ids)):
        errors.append("duplicate ids")
    missing = sorted(set(fresh_s) - {r["id"] for r in sents}) + sorted(set(fresh_p) - {r["id"] for r in procs})
    if missing:
        errors.append(f"{len(missing)} drawn records not labelled: {missing[0]} ... {missing[-1]}")
    for e in errors:
        print("ERROR", e, file=sys.stderr)
    print(f"checked {len(sents)} sentences, {len(procs)} procedures: {len(errors)} errors", file=sys.stderr)
    return not errors


def stats():
    for set_name in SETS:
        s, p, pools = draw(set_name)
        print(set_name, json.dumps(pools))


def main(argv):
    if len(argv) >= 1 and argv[0] == "draw":
        sets = [argv[2]] if len(argv) >= 3 and argv[1] == "--set" else list(SETS)
        for set_name in sets:
            s, p, _ = draw(set_name)
            for r in s + p:
                print(json.dumps(r, ensure_ascii=False))
        return 0
    if argv == ["check"]:
        return 0 if check() else 1
    if argv == ["stats"]:
        stats()
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
