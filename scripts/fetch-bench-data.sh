#!/usr/bin/env bash
# Regenerate the extraction bench's gold (bench/data/) from the pinned Debian package
# wordnet-base 1:3.0-37 (WordNet 3.0).  The derived files are committed: the build, the tests
# and `proda bench extraction` never run this script; it exists so that anyone can regenerate
# the gold and compare it with the committed copy.
#
#   scripts/fetch-bench-data.sh                 rebuild and write bench/data/
#   scripts/fetch-bench-data.sh --check         rebuild in a temp dir and diff with bench/data/
#   scripts/fetch-bench-data.sh --held-out DIR  write DIR/wordnet-noun-gold.tsv: the next 4,000 synsets
#                                               of the same ranking (none in the bundled sample), for
#                                               `bin/proda bench extraction --gold DIR/wordnet-noun-gold.tsv`
#
# Needs: apt-get + dpkg (Debian 12 "bookworm" archive), python3 (standard library only).
set -euo pipefail
export PYTHONDONTWRITEBYTECODE=1

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEST="$ROOT/bench/data"
MODE="${1:-write}"
HELD_OUT_DIR="${2:-}"
case "$MODE" in
  write|--check) ;;
  --held-out) [ -n "$HELD_OUT_DIR" ] || { echo "usage: $0 --held-out DIR" >&2; exit 2; } ;;
  *) echo "usage: $0 [--check | --held-out DIR]" >&2; exit 2 ;;
esac
SPEC="wordnet-base=1:3.0-37"
WANT_SHA="61060d960f9ada8fa120872312eccd3ecebfbab8c4579e4f5a74e1cf67620752"
SAMPLE_SIZE=4000

WORK="$(mktemp -d "${TMPDIR:-/tmp}/proda-bench-data.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/dl" "$WORK/out"
chmod 755 "$WORK"; chmod 777 "$WORK/dl"   # let apt's _apt sandbox user write there

if ! apt-cache show "$SPEC" >/dev/null 2>&1; then
  apt-get update -qq >&2 || true
fi
(cd "$WORK/dl" && apt-get download -qq "$SPEC" >&2)
deb="$(ls "$WORK"/dl/wordnet-base_*.deb)"
got_sha="$(sha256sum "$deb" | cut -d' ' -f1)"
[ "$got_sha" = "$WANT_SHA" ] || echo "WARNING: $(basename "$deb") sha256 $got_sha differs from the recorded $WANT_SHA" >&2
dpkg -x "$deb" "$WORK/src"

if [ "$MODE" = "--held-out" ]; then
  python3 "$ROOT/scripts/bench-data/build_gold.py" "$WORK/src/usr/share/wordnet" "$WORK/out" "$SAMPLE_SIZE" "$SAMPLE_SIZE"
  mkdir -p "$HELD_OUT_DIR"
  cp "$WORK/out/wordnet-noun-gold.tsv" "$HELD_OUT_DIR/"
  cp "$WORK/src/usr/share/doc/wordnet-base/copyright" "$HELD_OUT_DIR/WORDNET-LICENSE.txt"
  echo "wrote $HELD_OUT_DIR/wordnet-noun-gold.tsv (held-out sample)" >&2
  exit 0
fi
python3 "$ROOT/scripts/bench-data/build_gold.py" "$WORK/src/usr/share/wordnet" "$WORK/out" "$SAMPLE_SIZE"
# The WordNet licence asks for its notice on all copies: keep it beside the derived data.
cp "$WORK/src/usr/share/doc/wordnet-base/copyright" "$WORK/out/WORDNET-LICENSE.txt"

if [ "$MODE" = "--check" ]; then
  if diff -r -q "$DEST" "$WORK/out" -x README.md >&2; then
    echo "OK: regenerated gold is identical to bench/data" >&2
  else
    echo "MISMATCH: regenerated gold differs from bench/data" >&2; exit 1
  fi
else
  mkdir -p "$DEST"
  cp "$WORK"/out/* "$DEST/"
  echo "wrote $DEST" >&2
fi
