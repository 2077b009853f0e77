#!/usr/bin/env python3
"""Extraction quality floors, measured with the official scorer.

usage: quality_test.py DIPLOGRAPH SOURCE_DIR SHARED_DIR

- the bundled samples against tests/data/samples.gold.jsonl with
  `diplograph eval` (always run);
- the development set in SHARED_DIR/eval/dev: event F1 and precision of at
  least 0.80, entity recall of at least 0.95, and the seed article perfect
  (recall 1.0, precision 1.0). Skipped with a message when SHARED_DIR is
  missing, as it is in a user's clone.
"""
import json
import os
import subprocess
import sys
import tempfile

SKIP = 77


def score(scorer, gold, system):
    out = subprocess.run([sys.executable, scorer, gold, system, "--json", "--per-doc"],
                         capture_output=True, text=True, check=True).stdout.splitlines()
    per_doc = {}
    for line in out[:-1]:
        doc, rest = line.split(" ", 1)
        per_doc[doc] = json.loads(rest)
    return json.loads(out[-1]), per_doc


def extract(binary, inputs, out):
    subprocess.run([binary, "extract", *inputs, "-o", out], check=True)


def main():
    binary, source, shared = sys.argv[1:4]
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        samples = os.path.join(tmp, "samples.jsonl")
        extract(binary, [os.path.join(source, "samples")], samples)
        gold = os.path.join(source, "tests", "data", "samples.gold.jsonl")
        s = json.loads(subprocess.run([binary, "eval", gold, samples, "--json"],
                                      capture_output=True, text=True, check=True).stdout)
        print(f"samples: P {s['event_precision']} R {s['event_recall']} F1 {s['event_f1']} "
              f"entities R {s['entity_recall']}")
        if s["event_f1"] < 0.75 or s["event_precision"] < 0.85:
            failures.append(f"samples below floor (F1 >= 0.75, P >= 0.85): {s}")

        scorer = os.path.join(shared, "eval", "score.py")
        if not os.path.isfile(scorer):
            for f in failures:
                print("FAIL:", f)
            if failures:
                return 1
            print(f"SKIP: {shared} not found; development-set checks skipped")
            return SKIP

        dev = os.path.join(tmp, "dev.jsonl")
        extract(binary, [os.path.join(shared, "eval", "dev", "articles.jsonl")], dev)
        d, per_doc = score(scorer, os.path.join(shared, "eval", "dev", "gold.jsonl"), dev)
        print(f"dev: P {d['event_precision']} R {d['event_recall']} F1 {d['event_f1']} "
              f"entities R {d['entity_recall']}")
        if d["event_f1"] < 0.80 or d["event_precision"] < 0.80:
            failures.append(f"dev events below F1/P 0.80: {d}")
        if d["entity_recall"] < 0.95:
            failures.append(f"dev entity recall below 0.95: {d['entity_recall']}")
        seed = per_doc.get("seed")
        if seed is None or seed["fn"] != 0 or seed["fp"] != 0:
            failures.append(f"seed article not perfect: {seed}")
    for f in failures:
        print("FAIL:", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
