#!/usr/bin/env bash
# Regenerate the HELD-OUT prose corpus of the extraction bench (bench/data/heldout/) from two pinned
# Debian packages that are not part of the bundled example corpus:
#   python-scipy-doc 1.10.1-2  (SciPy tutorial, BSD-3-Clause)
#   python-sympy-doc 1.11.1-1  (SymPy vector / physics.vector / physics.mechanics narrative, BSD-3-Clause)
# Nobody tunes extraction rules on this text: it checks that rules chosen on the bundled corpus hold on
# prose nobody here has read. The converted text is committed (bench/data/heldout/corpus, SHA256SUMS);
# the build and the tests never run this script.
#
#   scripts/bench-data/fetch-heldout.sh           rebuild and write bench/data/heldout/{corpus,licenses,SHA256SUMS}
#   scripts/bench-data/fetch-heldout.sh --check   rebuild in a temp dir and compare with the committed SHA256SUMS
#
# Needs apt-get + dpkg (Debian 12 "bookworm"), python3 (standard library only), sha256sum.
# The HTML -> prose conversion reuses scripts/example-data/{html2prose,build_corpus}.py, the converter of
# the bundled corpus, so both corpora are cut by the same rules (main block, no code/tables/display math,
# paragraphs of >= 8 words ending in sentence punctuation, headings as short lines, no duplicates).
set -euo pipefail
export PYTHONDONTWRITEBYTECODE=1

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DEST="$ROOT/bench/data/heldout"
MODE="${1:-write}"
case "$MODE" in write|--check) ;; *) echo "usage: $0 [--check]" >&2; exit 2 ;; esac

# package=version  sha256-of-the-.deb (downloaded 2026-12-02, Debian 12 bookworm main)
DEBS=(
  "python-scipy-doc=1.10.1-2 a237fdcef1675622f1a5d8a291c64feba140615130ee625554f94772d4ea3ad7"
  "python-sympy-doc=1.11.1-1 2a1d50bd49738f0280308fc8d86d5fa5739dbc6391e1c754f4549bc3635e6a31"
)

WORK="$(mktemp -d "${TMPDIR:-/tmp}/proda-heldout.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/dl" "$WORK/src" "$WORK/out"
chmod 755 "$WORK"; chmod 777 "$WORK/dl"   # apt's _apt sandbox user writes there

updated=0
apt_has() { apt-cache show "$1" >/dev/null 2>&1; }
echo "== downloading Debian packages" >&2
for entry in "${DEBS[@]}"; do
  spec="${entry%% *}"; want_sha="${entry##* }"; pkg="${spec%%=*}"
  if ! apt_has "$spec" && [ $updated = 0 ]; then
    apt-get update -qq >&2 || true; updated=1
  fi
  apt_has "$spec" || { echo "ERROR: $spec is not available from apt" >&2; exit 1; }
  (cd "$WORK/dl" && apt-get download -qq "$spec" >&2)
  deb="$(ls "$WORK/dl/${pkg}"_*.deb)"
  got_sha="$(sha256sum "$deb" | cut -d' ' -f1)"
  [ "$got_sha" = "$want_sha" ] || echo "   WARNING: $(basename "$deb") sha256 $got_sha differs from $want_sha" >&2
  echo "   $(dpkg-deb -f "$deb" Package) $(dpkg-deb -f "$deb" Version) sha256 $got_sha" >&2
  mkdir -p "$WORK/src/$pkg"
  dpkg -x "$deb" "$WORK/src/$pkg"
done

echo "== converting" >&2
python3 - "$ROOT/scripts/example-data" "$WORK/src" "$WORK/out/corpus" <<'PY'
import os, re, sys
helpers, src, out = sys.argv[1:4]
sys.path.insert(0, helpers)
from html2prose import ProseParser, read_html  # noqa: E402
from build_corpus import select, END_OK      # noqa: E402

SC = "python-scipy-doc/usr/share/doc/python-scipy-doc/html/tutorial"
SY = "python-sympy-doc/usr/share/doc/python-sympy-doc/html/modules"
# SymPy renders inline math as <img class="math" alt="TeX">: keep the TeX as inline math text,
# as the bundled converter keeps MathJax inline math (display formulas stay dropped).
INLINE_MATH_IMG = re.compile(r'<img\s+class="math"[^>]*?\balt="([^"]*)"[^>]*>')


def pages():
    """(discipline, output name, page) in a fixed order: every narrative page of the SciPy tutorial
    (its one-page-per-distribution stats pages are mostly formulas; those with < 3 sentences drop out
    below), and the SymPy vector, physics.vector and physics.mechanics narrative pages (no API pages)."""
    def html(d):
        return sorted(f for f in os.listdir(os.path.join(src, d)) if f.endswith(".html"))
    for f in html(SC):
        if f == "index.html":
            continue
        disc = "statistics" if f == "stats.html" else "mathematics"
        yield disc, "scipy-" + f[:-5], f"{SC}/{f}"
    for f in html(f"{SC}/interpolate"):
        yield "mathematics", "scipy-interpolate-" + f[:-5].lower().replace("_", "-"), f"{SC}/interpolate/{f}"
    for f in html(f"{SC}/stats"):
        yield "statistics", "scipy-stats-" + f[:-5].replace("_", "-"), f"{SC}/stats/{f}"
    for d, disc, prefix in (("vector", "mathematics", "sympy-vector-"),
                            ("physics/vector", "physics", "sympy-physics-vector-"),
                            ("physics/mechanics", "physics", "sympy-mechanics-")):
        for f in html(f"{SY}/{d}"):
            if f not in ("index.html", "reference.html"):
                yield disc, prefix + f[:-5].replace("_", "-"), f"{SY}/{d}/{f}"


seen, total, files = set(), 0, 0
for disc, name, page in pages():
    text = INLINE_MATH_IMG.sub(lambda m: '<span class="math">' + m.group(1) + "</span>",
                               read_html(os.path.join(src, page)))
    parser = ProseParser("role-main")
    parser.feed(text)
    parser.close()
    parser.flush()
    paras = select(parser.blocks, seen, True)
    if sum(1 for p in paras if END_OK.search(p)) < 3:
        continue
    os.makedirs(os.path.join(out, disc), exist_ok=True)
    body = "\n\n".join(paras) + "\n"
    with open(os.path.join(out, disc, name + ".txt"), "w", encoding="utf-8", newline="\n") as f:
        f.write(body)
    total += len(body.encode("utf-8"))
    files += 1
print(f"wrote {files} files, {total} bytes", file=sys.stderr)
PY

mkdir -p "$WORK/out/licenses"
for entry in "${DEBS[@]}"; do
  pkg="${entry%%=*}"
  cp "$WORK/src/$pkg/usr/share/doc/$pkg/copyright" "$WORK/out/licenses/$pkg.copyright"
done
(cd "$WORK/out" && find corpus licenses -type f | LC_ALL=C sort | xargs sha256sum > SHA256SUMS)

if [ "$MODE" = "--check" ]; then
  if diff "$DEST/SHA256SUMS" "$WORK/out/SHA256SUMS" >&2; then
    echo "OK: regenerated held-out corpus is identical to the committed one" >&2
  else
    echo "MISMATCH: regenerated held-out corpus differs (diff above)" >&2; exit 1
  fi
else
  mkdir -p "$DEST"
  rm -rf "$DEST/corpus" "$DEST/licenses"
  cp -r "$WORK/out/corpus" "$WORK/out/licenses" "$DEST/"
  cp "$WORK/out/SHA256SUMS" "$DEST/"
  echo "wrote $DEST" >&2
fi
