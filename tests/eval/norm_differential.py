#!/usr/bin/python3
"""Differential test of eval/normalize.h against score.py's norm() (CTest: eval_norm_differential).

usage: norm_differential.py NORM_TOOL SHARED_DIR

Feeds strings to NORM_TOOL (tests/eval/norm_tool.cc: NormalizeName() of each
JSON string line) and to norm() of SHARED_DIR/eval/score.py, and fails on any
difference for the code points normalize.h claims to cover exactly: each one
alone, between letters, after "the", and in random mixes. Differences in the
other blocks (documented approximations) are only counted. Exits 77 when the
scorer is not there.
"""
import importlib.util
import json
import os
import random
import subprocess
import sys

EXACT = [(0x0000, 0x0530), (0x1E00, 0x1F00), (0x2000, 0x20D0), (0x3000, 0x3001),
         (0xAC00, 0xD7A4), (0xFB00, 0xFB07), (0xFF01, 0xFF5F)]


def load_norm(shared):
    path = os.path.join(shared, "eval", "score.py")
    if not os.path.exists(path):
        print("SKIP: ../shared not found")
        sys.exit(77)
    spec = importlib.util.spec_from_file_location("score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.norm


def run_tool(tool, strings):
    data = "".join(json.dumps(s) + "\n" for s in strings).encode("utf-8")
    out = subprocess.run([tool], input=data, capture_output=True, check=True).stdout
    return [json.loads(line) for line in out.decode("utf-8").split("\n")[:-1]]


def differences(tool, norm, strings):
    got = run_tool(tool, strings)
    if len(got) != len(strings):
        sys.exit(f"FAIL: {len(strings)} strings in, {len(got)} out")
    return [(s, g, norm(s)) for s, g in zip(strings, got) if g != norm(s)]


def exact_strings():
    cps = [chr(cp) for first, last in EXACT for cp in range(first, last)]
    strings = []
    for c in cps:
        strings += [c, "A" + c + "b", "the" + c + "X", "Σ" + c, "ΑΣ" + c + "Α"]
    rng = random.Random(20240611)
    alphabet = cps + [" ", "'", "Σ", "the ", "The "]
    for _ in range(20000):
        strings.append("".join(rng.choice(alphabet) for _ in range(rng.randint(1, 8))))
    strings += ["Jeh Johnson", "The United States", "People\u2019s Liberation Army",
                "Nguyễn Xuân Phúc", "Łódź", "ΟΔΥΣΣΕΥΣ", "Ёлкин", "Ｕ．Ｓ．", "ﬁnance"]
    return strings


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    tool, shared = sys.argv[1], sys.argv[2]
    norm = load_norm(shared)
    strings = exact_strings()
    diffs = differences(tool, norm, strings)
    for s, got, want in diffs[:20]:
        print(f"FAIL: {s!r}: got {got!r}, score.py {want!r}")
    others = ["a" + chr(cp) + "b" for cp in range(0x530, 0x10000)
              if not any(f <= cp < l for f, l in EXACT) and not 0xD800 <= cp < 0xE000]
    approx = differences(tool, norm, others)
    print(f"{len(strings)} strings over the exact tables: {len(diffs)} differences; "
          f"other BMP code points: {len(approx)} of {len(others)} differ (approximated)")
    sys.exit(1 if diffs else 0)


if __name__ == "__main__":
    main()
