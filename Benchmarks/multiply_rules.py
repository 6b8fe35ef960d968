"""Writes N-1 generated variants of every built-in rule, so a run with them has N times
the rules. A variant is its rule with a common word appended to each pattern, so
many variants still start, and some finish, on ordinary replies: a fair load for
the matcher, not rules that are skipped for free.

Usage: python multiply_rules.py RULES_DIR OUT_DIR [N=10]   (needs PyYAML)
"""
import os
import sys

import yaml

COMMON = ["you", "it", "that", "the", "i", "to", "and", "me", "so", "just", "is", "really",
          "about", "your", "this", "know", "do", "not", "like", "was"]


def vary(pattern: str, word: str) -> str:
    pattern = pattern.rstrip()
    if pattern.endswith("</s>"):
        return pattern[: -len("</s>")].rstrip() + f" {word} </s>"
    return f"{pattern} {word}"


def main() -> None:
    rules_dir, out_dir = sys.argv[1], sys.argv[2]
    copies = int(sys.argv[3]) if len(sys.argv) > 3 else 10
    os.makedirs(out_dir, exist_ok=True)
    total = 0
    for name in ["fixing", "minimizing", "defensiveness", "withdrawal", "validating"]:
        with open(os.path.join(rules_dir, f"{name}.yaml"), encoding="utf-8") as handle:
            rules = yaml.safe_load(handle)["rules"]
        variants = []
        for copy in range(1, copies):
            for index, rule in enumerate(rules):
                variant = dict(rule)
                variant["id"] = f"{rule['id']}-v{copy}"
                word = COMMON[(copy * 7 + index) % len(COMMON)]
                variant["patterns"] = [vary(p, word) for p in rule["patterns"]]
                variants.append(variant)
        total += len(variants)
        with open(os.path.join(out_dir, f"{name}-variants.yaml"), "w", encoding="utf-8") as handle:
            yaml.safe_dump({"rules": variants}, handle, allow_unicode=True, sort_keys=False, width=1000)
    print(f"wrote {total} variant rules to {out_dir}", file=sys.stderr)


if __name__ == "__main__":
    main()
