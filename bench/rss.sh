#!/usr/bin/env bash
# Peak resident memory (and time) of `proda extract` on hostile and large corpora made from the bundled
# textbook text. Minutes per case: never part of a test run.
#
#   bench/rss.sh [WORKDIR]
#
# Cases: a LINE_MB one-line file of corpus text (sentence ends kept); the same with no sentence end at all
# (one absurd "sentence"); COPIES copies of the bundled corpus as many files. Environment: RSS_LINE_MB
# (default 50), RSS_COPIES (default 100, about 190 MB in 12,700 files), RSS_CASES (default "line nosent many"),
# PRODA_JAVA_OPTS (passed to bin/proda; its default heap for extract is -Xmx1200m). Prints one line per case, then
# one JSON line.
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${1:-$(mktemp -d -t proda-rss.XXXXXX)}"
mkdir -p "$work"
line_mb="${RSS_LINE_MB:-50}"
copies="${RSS_COPIES:-100}"
cases="${RSS_CASES:-line nosent many}"
source_corpus="$home/examples/textbooks/corpus"
proda="$home/bin/proda"
"$proda" --version >/dev/null # builds first if needed, outside the measurement

# The bundled text on one line, repeated to $line_mb MB, with $1 (tr -d set) removed.
one_line() {
  local out="$1" drop="$2" flat="$work/flat.txt"
  find "$source_corpus" -type f -name '*.txt' | sort | xargs cat | tr '\n\t' '  ' | tr -d "$drop" > "$flat"
  : > "$out"
  while [ "$(stat -c %s "$out")" -lt $((line_mb * 1024 * 1024)) ]; do
    cat "$flat" >> "$out"
    printf ' ' >> "$out"
  done
  printf '\n' >> "$out"
}

json="{"
measure() {
  local name="$1" corpus="$2" project="$work/$1-project"
  rm -rf "$project"
  "$proda" init "$project" --corpus "$corpus" > /dev/null 2> "$work/$name-init.err"
  /usr/bin/time -v "$proda" extract -C "$project" > "$work/$name.out" 2> "$work/$name.err" || {
    echo "$name: extract failed, see $work/$name.err" >&2
    return 1
  }
  local rss_kb wall bytes files statements
  rss_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/$name.err")
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/$name.err")
  bytes=$(du -sb "$corpus" | cut -f1)
  files=$(find "$corpus" -type f | wc -l)
  statements=$(wc -l < "$project/kb/statements.jsonl")
  printf '%-7s %6d MB in %5d files: peak RSS %5d MB, %s wall, %d statements\n' "$name" $((bytes / 1048576)) \
    "$files" $((rss_kb / 1024)) "$wall" "$statements"
  json="$json\"${name}_input_bytes\":$bytes,\"${name}_peak_rss_kb\":$rss_kb,\"${name}_statements\":$statements,"
}

echo "proda extract, JVM options: ${PRODA_JAVA_OPTS:-bin/proda default}; work folder $work"
for case in $cases; do
  case "$case" in
    line) mkdir -p "$work/line"; one_line "$work/line/long.txt" ''; measure line "$work/line" ;;
    nosent) mkdir -p "$work/nosent"; one_line "$work/nosent/long.txt" '.!?+'; measure nosent "$work/nosent" ;;
    many)
      rm -rf "$work/many"
      for d in "$source_corpus"/*/; do
        discipline=$(basename "$d")
        mkdir -p "$work/many/$discipline"
        for i in $(seq -w 1 "$copies"); do
          for f in "$d"*; do cp "$f" "$work/many/$discipline/c$i-$(basename "$f")"; done
        done
      done
      measure many "$work/many" ;;
    *) echo "unknown case $case" >&2; exit 2 ;;
  esac
done
echo "${json%,}}"
