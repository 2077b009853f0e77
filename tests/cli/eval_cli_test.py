#!/usr/bin/python3
"""Command-line tests of `diplograph eval` (CTest name: eval_cli).

Usage: eval_cli_test.py DIPLOGRAPH_BINARY SOURCE_DIR SHARED_DIR [-k SUBSTRING]

Help, usage errors (exit 2), bad gold and system files (exit 1, path:line
messages), the text report (the summary line of score.py, an aligned table by
event type, --per-doc, --show-errors with evidence) and --json. That the
numbers equal score.py's is the CTest eval_matches_scorer.
"""

import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import Suite, check, check_equal  # noqa: E402

suite = Suite(__doc__)
test = suite.test

GOLD = [
    {"id": "d1", "entities": [
        {"key": "guo", "type": "person", "names": ["Guo Shengkun", "Guo"]},
        {"key": "johnson", "type": "person", "names": ["Jeh Johnson", "Johnson"]},
        {"key": "china", "type": "country", "names": ["China", "Beijing"]},
        {"key": "us", "type": "country", "names": ["United States", "US"]}],
     "events": [
         {"type": "met_with", "source": "guo", "target": "johnson", "evidence": "Guo met Johnson"},
         {"type": "accused", "source": "us", "target": "china",
          "evidence": "the US accused\nChina"},
         {"type": "praised", "source": "china", "target": "us", "optional": True}]},
    {"id": "d2", "entities": [{"key": "china", "names": ["China"]}], "events": []},
]
SYSTEM = [
    {"doc": {"id": "d1"}, "entities": [
        {"id": "guo-shengkun", "name": "Guo Shengkun"}, {"id": "jeh-johnson", "name": "Jeh Johnson"},
        {"id": "china", "name": "China"}, {"id": "russia", "name": "Russia"}],
     "events": [
         {"type": "met_with", "source": "jeh-johnson", "target": "guo-shengkun",
          "evidence": {"sentence": "Johnson met Guo."}},
         {"type": "accused", "source": "china", "target": "russia",
          "evidence": {"sentence": "China accused Russia."}}]},
]


def jsonl(records):
    return "".join(json.dumps(r) + "\n" for r in records)


def files(s, gold=None, system=None):
    g = s.write("gold.jsonl", gold if gold is not None else jsonl(GOLD))
    y = s.write("system.jsonl", system if system is not None else jsonl(SYSTEM))
    return g, y


@test
def help_works(s):
    for args in (["eval", "--help"], ["help", "eval"]):
        r = s.run(*args).expect(0, stderr_empty=True)
        check("usage: diplograph eval GOLD SYSTEM" in r.out, r.describe())
        for option in ("--json", "--per-doc", "--show-errors"):
            check(option in r.out, f"--help does not mention {option}")


@test
def usage_errors(s):
    g, y = files(s)
    for args in ([], [g], [g, y, y], [g, y, "--bogus"], ["-", "-"]):
        r = s.run("eval", *args).expect(2, stderr_lines=1)
        check(r.err.startswith("diplograph eval: "), r.describe())
        check(r.out == "", r.describe())


@test
def bad_input_is_reported_with_line(s):
    g, y = files(s, gold=jsonl(GOLD) + '{"id": "d3", "entities": [{"names": ["X"]}]}\n{oops\n')
    r = s.run("eval", g, y).expect(1)
    check(f"{g}:3: error: entity 1: missing \"key\"" in r.err, r.describe())
    check(any(line.startswith(f"{g}:4:") for line in r.err_lines()), r.describe())
    check(r.out == "", "nothing on stdout after input errors")
    r = s.run("eval", g, s.path("missing.jsonl")).expect(1)
    check("missing.jsonl" in r.err, r.describe())
    r = s.run("eval", s.tmp, y).expect(1)
    check("is a directory" in r.err, r.describe())


@test
def text_report(s):
    g, y = files(s)
    r = s.run("eval", g, y).expect(0, stderr_empty=True)
    lines = r.out.splitlines()
    check_equal(lines[0], "docs 2 (with output 1)  events P 0.500 R 0.500 F1 0.500  "
                "entities R 0.600", "summary line")
    table = lines[2:6]
    check(table[0].startswith("type") and table[-1].startswith("all"), r.out)
    check_equal([row.split()[0] for row in table], ["type", "met_with", "accused", "all"],
                "table rows")
    check(len({len(row) for row in table[1:]}) == 1, f"table not aligned:\n{r.out}")
    check_equal(table[2].split()[1:6], ["1", "1", "0", "1", "1"], "accused: gold system tp fp fn")


@test
def per_doc_and_errors(s):
    g, y = files(s)
    r = s.run("eval", g, y, "--per-doc", "--show-errors").expect(0, stderr_empty=True)
    check(any(l.startswith("d2 ") and l.endswith("0/1  (no output)") for l in r.out.splitlines()),
          r.out)
    check("\nmissed    d1  accused  us -> china  gold: \"the US accused China\"\n" in r.out, r.out)
    check("\nspurious  d1  accused  china -> ?russia  system: \"China accused Russia.\"\n" in r.out,
          r.out)


@test
def json_report(s):
    g, y = files(s)
    r = s.run("eval", g, y, "--json", "--per-doc", "--show-errors").expect(0, stderr_empty=True)
    j = json.loads(r.out)
    check_equal(list(j)[:11], ["docs", "docs_with_output", "event_precision", "event_recall",
                               "event_f1", "entity_recall", "tp", "fp", "fn", "ent_tp",
                               "ent_gold"], "score.py's keys first")
    check_equal((j["tp"], j["fp"], j["fn"], j["event_f1"]), (1, 1, 1, 0.5), "counts")
    check_equal(j["by_type"]["accused"], {"gold": 1, "system": 1, "tp": 0, "fp": 1, "fn": 1,
                                          "precision": 0.0, "recall": 0.0, "f1": 0.0}, "accused")
    check_equal(len(j["by_type"]), 15, "every scored type")
    check_equal(j["per_doc"][1], {"doc": "d2", "has_output": False, "tp": 0, "fp": 0, "fn": 0,
                                  "ent_tp": 0, "ent_gold": 1, "missed": [], "spurious": []},
                "per_doc d2")
    check_equal(j["spurious"], [{"doc": "d1", "type": "accused", "source": "china",
                                 "target": "?russia", "evidence": "China accused Russia."}],
                "spurious")


@test
def empty_system_and_stdin(s):
    g, _ = files(s)
    empty = s.write("empty.jsonl", "")
    r = s.run("eval", g, empty, "--json").expect(0, stderr_empty=True)
    check_equal((json.loads(r.out)["fn"], json.loads(r.out)["docs_with_output"]), (2, 0), "empty")
    r = s.run("eval", g, "-", "--json", stdin=jsonl(SYSTEM)).expect(0, stderr_empty=True)
    check_equal(json.loads(r.out)["tp"], 1, "system from stdin")


sys.exit(suite.main())
