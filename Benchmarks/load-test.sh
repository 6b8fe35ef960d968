#!/usr/bin/env bash
# Load test of `attune serve` (not run by CI): 10,000 POST /api/check requests at 64
# concurrent connections, on loopback only, against a release build, in two rounds, with
# the server's resident memory at start and after each round, so that a leak would show
# as growth from one round to the next.
#
# The load comes from wrk (apt-get install -y wrk), stopped after its share of requests
# by a Lua counter. Not ab: ab speaks HTTP/1.0 and waits for the server to close the
# connection, while Hummingbird answers every request as HTTP/1.1 and keeps it open.
#
# Usage: Benchmarks/load-test.sh [requests per round, default 10000] [connections, default 64]
# SCRATCH names the build folder (default .build-serve).
set -euo pipefail
cd "$(dirname "$0")/.."

requests=${1:-10000}
connections=${2:-64}
threads=2
scratch=${SCRATCH:-.build-serve}

command -v wrk >/dev/null || { echo "load-test.sh needs wrk: apt-get install -y wrk" >&2; exit 1; }
swift build -c release --scratch-path "$scratch" --product attune >&2

work=$(mktemp -d)
pid=
cleanup() {
  if [[ -n $pid ]]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# A misattuned reply to a distress bid: rules, bid, score and rewrite all do work.
cat >"$work/check.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"text": "Just study harder, it\'s not a big deal.", "context": "I\'m so stressed about my exam tomorrow"}'

-- Each thread stops after its share of the requests, so a round is bounded in count.
-- wrk still waits out -d before reporting, so each thread notes when it really ran
-- and done() reports the rate over that time, not over -d.
local function now() local clock = io.popen("date +%s.%N"); local t = tonumber(clock:read("*a")); clock:close(); return t end
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) share = tonumber(args[1]); count = 0; failed = 0; started = now() end
function response(status, headers, body)
  count = count + 1
  if status ~= 200 then failed = failed + 1 end
  if count == share then finished = now(); wrk.thread:stop() end
end
function done(summary, latency, requests)
  local first, last, total, bad = math.huge, 0, 0, 0
  for _, thread in ipairs(threads) do
    first = math.min(first, thread:get("started"))
    last = math.max(last, thread:get("finished") or now())
    total = total + thread:get("count")
    bad = bad + thread:get("failed")
  end
  local errors = summary.errors
  local socket = errors.connect + errors.read + errors.write + errors.timeout
  io.write(string.format("RESULT completed=%d failed=%d socket_errors=%d seconds=%.2f rps=%.0f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f\n",
    total, bad, socket, last - first, total / (last - first), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
end
LUA

# Port 0: the system picks a free port, and the server prints its URL.
"$scratch/release/attune" serve --host 127.0.0.1 --port 0 --no-config >"$work/out" 2>"$work/serve.log" &
pid=$!
for _ in $(seq 100); do grep -q 'http://' "$work/out" && break; sleep 0.1; done
url=$(grep -o 'http://[^ ]*' "$work/out") || { echo "the server did not start:" >&2; cat "$work/serve.log" >&2; exit 1; }

rss() { ps -o rss= -p "$pid" | tr -d ' '; }

echo "attune serve at $url (pid $pid); $requests requests per round at $connections connections"
echo "RSS at start: $(rss) KB"
status=0
for round in 1 2; do
  # -d only bounds a round that stalls; a healthy one ends on its count (wrk then
  # waits out -d before it reports).
  wrk -t "$threads" -c "$connections" -d 15s --timeout 10s -s "$work/check.lua" \
    "${url}api/check" -- $((requests / threads)) >"$work/wrk.txt" 2>&1 || status=1
  result=$(sed -n 's/^RESULT //p' "$work/wrk.txt")
  echo "round $round: ${result:-no result}; RSS after: $(rss) KB"
  completed=$(sed -n 's/.*completed=\([0-9]*\).*/\1/p' <<<"$result")
  # A few more than asked may complete: a thread stops after the replies already read.
  if [[ -z $result || $result != *" failed=0 socket_errors=0 "* || ${completed:-0} -lt $requests ]]; then
    status=1
    cat "$work/wrk.txt" >&2
  fi
done
echo "server log: $(wc -l <"$work/serve.log") lines, one per request (sizes and timings only)"
exit $status
