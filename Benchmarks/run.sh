#!/usr/bin/env bash
# Times attune against the peers in ../shared/bench on the same generated utterances,
# in one run, so every figure is a ratio measured side by side.
#
# Usage: bash Benchmarks/run.sh [N=100000]     (about 10 minutes on 2 cores)
# Needs: the Swift toolchain, python3, gcc and ICU (run_all.sh sets up the peers'
# venv); writes its results to /tmp/attune-bench/results.json and prints a table.
set -euo pipefail
N=${1:-100000}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH=${ATTUNE_PEER_BENCH:-$ROOT/../shared/bench}
PEERS=/tmp/peerbench
OUT=/tmp/attune-bench
mkdir -p "$OUT"
cd "$ROOT"

echo "== building attune (release)"
swift build -c release --product attune >/dev/null
swift build -c release --product attune-throughput >/dev/null
BIN=$ROOT/.build/release

echo "== peers and the ICU floor on $N utterances (../shared/bench/run_all.sh)"
bash "$BENCH/run_all.sh" "$N" > "$OUT/peers.txt"
TXT=$PEERS/utterances_$N.txt
JSONL=$PEERS/utterances_$N.jsonl

echo "== attune in process, one core"
"$BIN/attune-throughput" "$TXT" --runs 3 > "$OUT/inprocess.json"
# multiply_rules.py imports yaml, which run_all.sh's venv does not install.
/tmp/peersvenv/bin/python -c 'import yaml' 2>/dev/null || /tmp/peersvenv/bin/pip install -q pyyaml
/tmp/peersvenv/bin/python "$ROOT/Benchmarks/multiply_rules.py" "$ROOT/Rules" "$OUT/variants" 10
"$BIN/attune-throughput" "$TXT" --runs 3 --rules "$OUT/variants" > "$OUT/inprocess_10x.json"

echo "== attune batch end to end (process start included), medians of 3"
time_batch() {  # jobs → seconds
  local best=()
  for _ in 1 2 3; do
    local start end
    start=$(date +%s.%N)
    "$BIN/attune" batch --jobs "$1" --quiet --format jsonl "$JSONL" > /dev/null
    end=$(date +%s.%N)
    best+=("$(echo "$end - $start" | bc)")
  done
  printf '%s\n' "${best[@]}" | sort -n | sed -n 2p
}
ONE=$(time_batch 1)
ALL=$(time_batch "$(nproc)")

echo "== peak memory: 100k and 1M lines"
python3 "$BENCH/make_utterances.py" --n 1000000 --out-dir "$PEERS" > /dev/null
/usr/bin/time -f "%M" -o "$OUT/rss_100k" "$BIN/attune" batch --quiet --format jsonl "$JSONL" > /dev/null
/usr/bin/time -f "%M %e" -o "$OUT/rss_1m" "$BIN/attune" batch --quiet --format jsonl "$PEERS/utterances_1000000.jsonl" > /dev/null

echo "== attune check on one reply, process start included (median of 21)"
CHECK=$(python3 - "$BIN/attune" <<'PY'
import statistics, subprocess, sys, time
times = []
for _ in range(21):
    start = time.perf_counter()
    subprocess.run([sys.argv[1], "check", "--context", "I'm so stressed about my exam",
                    "Just study harder, it's not a big deal."], stdout=subprocess.DEVNULL, check=True)
    times.append(time.perf_counter() - start)
print(statistics.median(times))
PY
)

python3 - "$OUT" "$PEERS/peers_$N.json" "$PEERS/icu_floor_$N.txt" "$N" "$ONE" "$ALL" "$CHECK" <<'PY'
import json, re, sys
out, peers_file, floor_file, n, one, every, check = sys.argv[1:]
n, one, every, check = int(n), float(one), float(every), float(check)
peers = {r["peer"]: r for r in json.load(open(peers_file))["results"]}
floor_line = [l for l in open(floor_file) if l.startswith("RESULT ")][-1]
floor = json.loads(floor_line[len("RESULT "):])["utt_per_s"]
def peer(name):
    return peers[name]["utt_per_s"] if name in peers else None
inproc = json.load(open(f"{out}/inprocess.json"))["per_second"]
inproc10 = json.load(open(f"{out}/inprocess_10x.json"))["per_second"]
rss100 = int(open(f"{out}/rss_100k").read().split()[0]) / 1024
rss1m, secs1m = open(f"{out}/rss_1m").read().split()
results = {
    "n": n, "icu_floor": floor, "vader": peer("vader"), "phrase_exact": peer("phrase_exact"),
    "peers": {name: r["utt_per_s"] for name, r in peers.items()}, "attune_in_process": inproc, "attune_in_process_10x_rules": inproc10,
    "attune_batch_one_core": n / one, "attune_batch_all_cores": n / every,
    "peak_rss_mb_100k": rss100, "peak_rss_mb_1m": int(rss1m) / 1024, "seconds_1m": float(secs1m),
    "check_seconds": check,
}
json.dump(results, open(f"{out}/results.json", "w"), indent=1)
def ratio(a, b): return f"{a / b:.2f}" if a and b else "n/a"
print(f"\n| measure | attune | against | ratio | target |\n|---|---:|---|---:|---|")
print(f"| in process, one core | {inproc:,.0f}/s | ICU floor {floor or 0:,.0f}/s | {ratio(inproc, floor)} | ≥ 0.5 |")
print(f"| batch, all cores | {n / every:,.0f}/s | phrase_exact {peer('phrase_exact') or 0:,.0f}/s | {ratio(n / every, peer('phrase_exact'))} | ≥ 5 |")
print(f"| batch, all cores | {n / every:,.0f}/s | VADER {peer('vader') or 0:,.0f}/s | {ratio(n / every, peer('vader'))} | ≥ 10 |")
print(f"| batch, one core | {n / one:,.0f}/s | | | |")
print(f"| 10× rules, in process | {inproc10:,.0f}/s | 1× rules | {inproc / inproc10:.2f}× the time | ≤ 1.3× |")
print(f"| peak memory, 1M lines | {int(rss1m) / 1024:.0f} MB ({rss100:.0f} MB at 100k) | | | < 100 MB, flat |")
print(f"| check, one reply | {check * 1000:.0f} ms | | | < 30 ms |")
print("\npeers (utterances/s, one thread): " + ", ".join(f"{k} {v['utt_per_s']:,.0f}" for k, v in peers.items()))
PY
