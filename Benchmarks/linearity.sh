#!/usr/bin/env bash
# Benchmarks/linearity.sh [BINARY]: doubling checks for the inputs of issue 14. BINARY (or
# $ATTUNE, or $SCRATCH/release/attune for a `--scratch-path SCRATCH` build) defaults to
# .build/release/attune. Each case
# runs the release binary on an input of size n and 2n and prints the ratio of their
# CPU times (user + system, best of 3, less the time of a one-unit input so process start
# does not flatter the ratio). Exits 1 when a ratio is over 2.5: linear passes double,
# quadratic ones quadruple. SCALE=2 doubles every n; REPEAT=1 runs each once. Build first:
#   swift build -c release --product attune
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
binary=${1:-${ATTUNE:-${SCRATCH:-$root/.build}/release/attune}}
[ -x "$binary" ] || { echo "linearity.sh: no binary at $binary (build with -c release first)" >&2; exit 2; }
exec python3 - "$binary" "${SCALE:-1}" "${REPEAT:-3}" <<'PY'
import os, resource, subprocess, sys, tempfile

binary, scale, repeat = sys.argv[1], float(sys.argv[2]), int(sys.argv[3])
work = tempfile.mkdtemp(prefix="attune-linearity-")
check = [binary, "check", "--no-config", "--format", "json", "--context", "I had an awful day at work"]
batch = [binary, "batch", "--no-config", "--quiet", "--jobs", "1", "--format", "jsonl"]

def dense(n):   return "You should just calm down, it's not a big deal. Stop overreacting. " * n
def punct(n):   return ".…" * n + "a"
def punct_words(n): return ".…a" * n
def said(n):    return "she said " * n
def ascii_punct(n): return "ok " + ".!?" * n + " ok"
def sentences(n): return "It rained all day. " * n
def quoted(n):  return '"It rained all day." ' * n
def csv(n):     return 'speaker,text\nA,"' + "a long field line\n" * n + '"\nB,you should just relax\n'
def blanks(n):  return "Alice: I had an awful day\n" + "\n" * n + "Bob: you should just quit\n"
def convs(n):   return "".join('{"conversation":"c%d","speaker":"A","text":"I had an awful day"}\n' % i
                               for i in range(n))

# name, input maker, n, command, input file name
cases = [
    # 12,000 units (0.8 MB): smaller, the 0.7 s of process start and the noise of a
    # shared machine swamp the difference.
    ("dense reply (check --format json)", dense, 12000, check, None),
    ("punctuation run .… (check)", punct, 100000, check, None),
    ('".…a" repeated (check)', punct_words, 40000, check, None),
    ('"she said " repeated (check)', said, 100000, check, None),
    # ASCII only: the tokenizer decides without ICU whether ICU's sentence breaks count.
    ("ASCII punctuation run .!? (check)", ascii_punct, 100000, check, None),
    # Sentences the rewrite reads alone: from the reply's tokens, or tokenized again
    # when quotation marks reach them.
    ("plain sentences (check --format json)", sentences, 20000, check, None),
    ("quoted sentences (check --format json)", quoted, 20000, check, None),
    # 25,000 lines (0.45 MB): 2n stays under the 1 MB field limit, so both sizes are read.
    ("long multi-line CSV field (batch)", csv, 25000, batch + ["--input-format", "csv"], "in.csv"),
    ("plain text, many blank lines (batch)", blanks, 4000000, batch + ["--input-format", "text"], "in.txt"),
    # No --input-format and no extension: the format and the labels are sniffed.
    ("one labelled line then N blank lines, sniffed (batch)", blanks, 4000000, batch, "in"),
    ("JSONL summary, many conversations (batch --summary-only)", convs, 10000,
     batch + ["--summary-only"], "in.jsonl"),
]

def cpu(command, text, file_name):
    best = None
    for _ in range(repeat):
        stdin = None
        args = list(command)
        if file_name:
            path = os.path.join(work, file_name)
            with open(path, "w") as f: f.write(text)
            args.append(path)
        else:
            path = os.path.join(work, "reply.txt")
            with open(path, "w") as f: f.write(text)
            stdin = open(path)
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run(args, stdin=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        spent = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        best = spent if best is None else min(best, spent)
    return best

failed = False
print("%-58s %9s %9s %9s %7s" % ("case", "n", "t(n) s", "t(2n) s", "ratio"))
for name, make, n, command, file_name in cases:
    n = int(n * scale)
    base = cpu(command, make(1), file_name)
    one = cpu(command, make(n), file_name) - base
    two = cpu(command, make(2 * n), file_name) - base
    ratio = two / one if one > 0.01 else float("nan")
    bad = not (ratio <= 2.5)
    failed = failed or bad
    print("%-58s %9d %9.3f %9.3f %7.2f%s" % (name, n, one, two, ratio, "  FAIL" if bad else ""))
sys.exit(1 if failed else 0)
PY
