#!/usr/bin/env bash
# Peak resident memory (and time) of `proda extract`, and of the stages after it, on hostile and large corpora made
# from the bundled textbook text. Minutes per case: never part of a test run.
#
#   bench/rss.sh [WORKDIR]
#
# Cases: a LINE_MB one-line file of corpus text (sentence ends kept); the same with no sentence end at all
# (one absurd "sentence"); COPIES copies of the bundled corpus as many files. Environment: RSS_LINE_MB
# (default 50), RSS_COPIES (default 100, about 190 MB in 12,700 files), RSS_CASES (default "line nosent many"),
# RSS_STAGES (default empty: extract alone), the stages to run after extract on each case's project, each measured
# on its own, from "build tests compile test debug repair" ("compile" is compile V0 then compile V1, each measured;
# "test" and "debug" are of V1, "repair" of round 1; the student is a one-layer model of width 32 trained on 30,000
# tokens, so the figures are of what the corpus costs, not the model), PRODA_JAVA_OPTS (passed to bin/proda; see its
# default heaps). Prints one line per case and stage, then one JSON line with "<case>_peak_rss_kb" and
# "<case>_seconds" for extract and "<case>_<step>_peak_rss_kb" and "<case>_<step>_seconds" for each later step.
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${1:-$(mktemp -d -t proda-rss.XXXXXX)}"
mkdir -p "$work"
line_mb="${RSS_LINE_MB:-50}"
copies="${RSS_COPIES:-100}"
cases="${RSS_CASES:-line nosent many}"
stages="${RSS_STAGES:-}"
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
# Runs `proda ARGS -C PROJECT` under /usr/bin/time -v as step STEP of case NAME; sets rss_kb and seconds.
timed() {
  local name="$1" step="$2" project="$3"; shift 3
  /usr/bin/time -v "$proda" "$@" -C "$project" > "$work/$name-$step.out" 2> "$work/$name-$step.err" || {
    echo "$name: $step failed, see $work/$name-$step.err" >&2
    return 1
  }
  rss_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/$name-$step.err")
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/$name-$step.err")
  # h:mm:ss or m:ss.cc, as GNU time prints it
  seconds=$(echo "$wall" | awk -F: '{s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.1f", s}')
  local key="${name}_${step}"
  [ "$step" = extract ] && key="$name" # extract's keys as before: "<case>_peak_rss_kb"
  json="$json\"${key}_peak_rss_kb\":$rss_kb,\"${key}_seconds\":$seconds,"
}

measure() {
  local name="$1" corpus="$2" project="$work/$1-project"
  rm -rf "$project"
  "$proda" init "$project" --corpus "$corpus" > /dev/null 2> "$work/$name-init.err"
  if [ -n "$stages" ]; then
    # A one-layer student (default context and vocabulary): what the stages cost on this corpus, not the model.
    cat > "$project/proda.yaml" <<YAML
name: $name
seed: 42
student:
  layers: 1
  width: 32
  heads: 2
  pretrain_tokens: 30000
  finetune_epochs: 1
  finetune_max_epochs: 1
  repair_epochs: 1
YAML
  fi
  timed "$name" extract "$project" extract || return 1
  local bytes files statements
  bytes=$(du -sb "$corpus" | cut -f1)
  files=$(find "$corpus" -type f | wc -l)
  statements=$(wc -l < "$project/kb/statements.jsonl")
  printf '%-7s %6d MB in %5d files: extract peak RSS %5d MB, %s wall, %d statements\n' "$name" $((bytes / 1048576)) \
    "$files" $((rss_kb / 1024)) "$wall" "$statements"
  json="$json\"${name}_input_bytes\":$bytes,\"${name}_statements\":$statements,"
  for stage in $stages; do
    case "$stage" in
      build|tests) steps="$stage:$stage" ;;
      compile) steps="compile-V0:compile,--model,V0 compile-V1:compile,--model,V1" ;;
      test) steps="test-V1:test,--model,V1" ;;
      debug) steps="debug-V1:debug,--model,V1" ;;
      repair) steps="repair-1:repair,--round,1" ;;
      *) echo "unknown stage $stage" >&2; exit 2 ;;
    esac
    for step in $steps; do
      IFS=, read -r -a args <<< "${step#*:}"
      timed "$name" "${step%%:*}" "$project" "${args[@]}" || return 1
      printf '%-7s %-10s peak RSS %5d MB, %s wall\n' "$name" "${step%%:*}" $((rss_kb / 1024)) "$wall"
    done
  done
}

echo "proda extract${stages:+ then $stages}, JVM options: ${PRODA_JAVA_OPTS:-bin/proda default}; work folder $work"
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
