#!/usr/bin/env bash
# Checks the official OpenAI Node SDK against `proda serve` (npm fetches it from the registry on first use).
# Usage: scripts/openai-sdk-check/run.sh PROJECT_DIR [VERSION]   (the project needs target/models/VERSION)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
project="${1:?usage: run.sh PROJECT_DIR [VERSION]}"
version="${2:-V1}"
port="${PORT:-18600}"
(cd "$here" && [ -d node_modules/openai ] || npm install --no-audit --no-fund >/dev/null)
"$here/../../bin/proda" serve -C "$project" --model "$version" --port "$port" &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$port/v1/models" >/dev/null && break; sleep 1; done
node "$here/check.mjs" "http://127.0.0.1:$port/v1" "$version"
