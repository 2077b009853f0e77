#!/usr/bin/python3
"""`diplograph eval` against the official scorer (CTest name: eval_matches_scorer).

usage: eval_matches_scorer.py DIPLOGRAPH_BINARY SOURCE_DIR SHARED_DIR

Extracts SHARED_DIR/eval/dev/articles.jsonl with `diplograph extract`, scores
the records against SHARED_DIR/eval/dev/gold.jsonl with score.py and with
`diplograph eval`, and fails unless the overall numbers (the summary of
`score.py --json`, its text line and its --per-doc results) are equal. Then
does the same for small hand-made files with the scorer's corner cases.
Exits 77 ("SKIP: ../shared not found") without the shared folder.
"""
import json
import os
import subprocess
import sys
import tempfile

SUMMARY_KEYS = ["docs", "docs_with_output", "event_precision", "event_recall", "event_f1",
                "entity_recall", "tp", "fp", "fn", "ent_tp", "ent_gold"]
PY = "/usr/bin/python3"
failures = []


def run(argv, env=None):
    p = subprocess.run(argv, capture_output=True, env=env, timeout=240)
    if p.returncode != 0:
        sys.exit(f"FAIL: {' '.join(argv)} exited {p.returncode}: {p.stderr.decode()[:2000]}")
    return p.stdout.decode("utf-8")


def check(ok, message):
    print(("ok: " if ok else "FAIL: ") + message)
    if not ok:
        failures.append(message)


def compare(binary, scorer, gold, system, what):
    want = json.loads(run([PY, scorer, gold, system, "--json"]).splitlines()[-1])
    got = json.loads(run([binary, "eval", gold, system, "--json", "--per-doc"]))
    for key in SUMMARY_KEYS:
        check(got.get(key) == want[key] and type(got.get(key)) is type(want[key]),
              f"{what}: {key} {got.get(key)!r} (score.py {want[key]!r})")
    want_text = run([PY, scorer, gold, system]).splitlines()[-1]
    got_text = run([binary, "eval", gold, system]).splitlines()[0]
    check(got_text == want_text, f"{what}: text line {got_text!r} (score.py {want_text!r})")
    per_doc = {}
    for line in run([PY, scorer, gold, system, "--per-doc"]).splitlines()[:-1]:
        doc, _, result = line.partition(" ")
        per_doc[doc] = json.loads(result)
    mine = {d["doc"]: d for d in got["per_doc"]}
    check(sorted(mine) == sorted(per_doc), f"{what}: the same documents")
    for doc, want_doc in per_doc.items():
        got_doc = {k: mine.get(doc, {}).get(k) for k in want_doc}
        check(got_doc == want_doc, f"{what}: document {doc}"
              + ("" if got_doc == want_doc else f": {got_doc} (score.py {want_doc})"))


def write_lines(path, records):
    with open(path, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def corner_cases(tmp):
    """Gold and system records for the scorer's rules, as (gold, system) lists."""
    gold = [
        {"id": "a", "entities": [
            {"key": "fr", "names": ["France", "the French Republic", "Élysée"]},
            {"key": "ci", "names": ["Côte d’Ivoire", "Ivory Coast"]},
            {"key": "lee1", "names": ["Lee"]}, {"key": "lee2", "names": ["Lee", "Lee Jae-myung"]},
            {"key": "opt", "names": ["Optional Body"], "optional": True},
            {"key": "nobody", "names": ["Nobody Found"]}],
         "events": [
             {"type": "met_with", "source": "fr", "target": "ci"},
             {"type": "criticized", "source": "lee2", "target": "fr", "evidence": "Lee said"},
             {"type": "praised", "source": "ci", "target": "fr", "optional": True},
             {"type": "visited", "source": "fr", "target": "ci"},
             {"type": "member_of", "source": "fr", "target": "opt"}]},
        {"id": "b", "entities": [{"key": "x", "names": ["X"]}], "events": [
            {"type": "attacked", "source": "x", "target": "x"}]},
        {"id": "c", "entities": [], "events": []},
        {"id": "a", "entities": [
            {"key": "fr", "names": ["France", "the French Republic", "Élysée"]},
            {"key": "ci", "names": ["Côte d’Ivoire", "Ivory Coast"]},
            {"key": "lee1", "names": ["Lee"]}, {"key": "lee2", "names": ["Lee", "Lee Jae-myung"]},
            {"key": "opt", "names": ["Optional Body"], "optional": True}],
         "events": [
             {"type": "met_with", "source": "fr", "target": "ci"},
             {"type": "criticized", "source": "lee2", "target": "fr", "evidence": "Lee said"},
             {"type": "praised", "source": "ci", "target": "fr", "optional": True},
             {"type": "visited", "source": "fr", "target": "ci"}]},
    ]
    system = [
        {"doc": {"id": "a"}, "entities": [
            {"id": "f", "name": "The  FRENCH republic"}, {"id": "c", "name": "COTE D'IVOIRE"},
            {"id": "l", "name": "Lee", "aliases": ["Lee Jae-myung"]},
            {"id": "o", "name": "optional body"}, {"id": "e", "name": "ELYSEE", "aliases": None}],
         "events": [
             {"type": "met_with", "source": "c", "target": "f"},
             {"type": "criticized", "source": "l", "target": "e"},
             {"type": "praised", "source": "c", "target": "f"},
             {"type": "visited", "source": "c", "target": "f",
              "evidence": {"sentence": "backwards"}},
             {"type": "visited", "source": "c", "target": "f"},
             {"type": "accused", "source": "ghost", "target": "f"},
             {"type": "member_of", "source": "f", "target": "o"},
             {"source": "f", "target": "o"}]},
        {"doc": {"id": "zzz"}, "entities": [], "events": [
            {"type": "attacked", "source": "q", "target": "r"}]},
        {"doc": {"id": "c"}, "entities": [{"id": "k", "name": "Kim"}], "events": [
            {"type": "met_with", "source": "k", "target": "k2"}]},
    ]
    gold_path, system_path = os.path.join(tmp, "gold.jsonl"), os.path.join(tmp, "system.jsonl")
    write_lines(gold_path, gold)
    write_lines(system_path, system)
    empty = os.path.join(tmp, "empty.jsonl")
    open(empty, "w").close()
    return [(gold_path, system_path, "corner cases"), (gold_path, empty, "empty system file")]


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    binary, source, shared = sys.argv[1:]
    dev = os.path.join(shared, "eval", "dev")
    scorer = os.path.join(shared, "eval", "score.py")
    if not os.path.isdir(dev) or not os.path.exists(scorer):
        print("SKIP: ../shared not found")
        sys.exit(77)
    env = dict(os.environ, DIPLOGRAPH_DATA=os.path.join(source, "data"))
    with tempfile.TemporaryDirectory(prefix="diplograph-eval-") as tmp:
        system = os.path.join(tmp, "dev.system.jsonl")
        run([binary, "extract", os.path.join(dev, "articles.jsonl"), "-o", system], env)
        compare(binary, scorer, os.path.join(dev, "gold.jsonl"), system, "dev")
        for gold_path, system_path, what in corner_cases(tmp):
            compare(binary, scorer, gold_path, system_path, what)
    print(f"{len(failures)} failure(s)")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
