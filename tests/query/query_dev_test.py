#!/usr/bin/env python3
"""`diplograph query` over the graph of the shared dev articles.

Usage: query_dev_test.py DIPLOGRAPH_BINARY SOURCE_DIR SHARED_DIR

Builds the graph of SHARED_DIR/eval/dev/articles.jsonl, then runs the example
queries of the README against it (table, --json, --csv, stdin, errors).
Exits 77 (CTest's SKIP_RETURN_CODE) when the shared folder is missing.
"""

import csv
import io
import json
import os
import subprocess
import sys
import tempfile

SKIP = 77
failures = []


def run(binary, *args, stdin=""):
    env = dict(os.environ)
    env["DIPLOGRAPH_DATA"] = os.path.join(SOURCE_DIR, "data")
    env["LC_ALL"] = "C.UTF-8"
    env["HOME"] = TMP  # the prompt's history never touches the real home
    return subprocess.run([binary] + list(args), input=stdin.encode("utf-8"),
                          capture_output=True, env=env, timeout=120)


def check(ok, what, result=None):
    if ok:
        print(f"ok: {what}")
        return
    detail = ""
    if result is not None:
        detail = (f"\n  exit {result.returncode}\n  stdout: {result.stdout.decode()[:800]}"
                  f"\n  stderr: {result.stderr.decode()[:800]}")
    print(f"FAIL: {what}{detail}")
    failures.append(what)


def query_json(binary, graph, q):
    r = run(binary, "query", graph, q, "--json")
    if r.returncode != 0:
        check(False, f"query runs: {q}", r)
        return []
    return json.loads(r.stdout)


def main():
    global SOURCE_DIR, TMP
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    binary, SOURCE_DIR, shared = (os.path.abspath(a) for a in sys.argv[1:])
    articles = os.path.join(shared, "eval", "dev", "articles.jsonl")
    if not os.path.exists(articles):
        print("SKIP: ../shared not found")
        return SKIP
    with tempfile.TemporaryDirectory() as tmp:
        TMP = tmp
        graph = os.path.join(tmp, "dev.json")
        r = run(binary, "build", articles, "-o", graph)
        check(r.returncode == 0 and os.path.exists(graph), "builds the dev graph", r)
        if failures:
            return 1
        examples(binary, graph)
        formats_and_stdin(binary, graph)
        errors(binary, graph)
    print(f"{len(failures)} failed" if failures else "all passed")
    return 1 if failures else 0


def examples(binary, graph):
    rows = query_json(binary, graph,
                      'MATCH (a {name: "Guo Shengkun"})-[:met_with]-(b) RETURN b.name')
    names = {row["b.name"] for row in rows}
    check({"Jeh Johnson", "Loretta Lynch"} <= names,
          f"Guo Shengkun met Jeh Johnson and Loretta Lynch (got {sorted(names)})")

    rows = query_json(binary, graph,
                      'MATCH (a)-[e:accused]->(b {name: "China"}) WHERE e.last_date >= "2014" '
                      'RETURN a.name, e.weight ORDER BY e.weight DESC')
    check(len(rows) > 0, f"accusers of China since 2014 ({rows})")
    weights = [row["e.weight"] for row in rows]
    check(weights == sorted(weights, reverse=True), "ordered by weight, descending")

    rows = query_json(binary, graph,
                      'MATCH (a {name: "China"})-[e]-(b {name: "United States"}) '
                      'RETURN type(e), e.first_date')
    check(len(rows) > 0 and all("type(e)" in row for row in rows),
          f"relations between China and the United States ({rows})")

    rows = query_json(binary, graph,
                      'CALL shortestPath("Guo Shengkun", "Donald Trump") YIELD path RETURN path')
    path = rows[0]["path"] if len(rows) == 1 else []
    check(len(path) >= 2 and path[0] == "Guo Shengkun" and path[-1] == "Donald Trump",
          f"a path from Guo Shengkun to Donald Trump ({path})")

    rows = query_json(binary, graph, "CALL pagerank() YIELD name, score "
                                     "RETURN name, score ORDER BY score DESC LIMIT 10")
    scores = [row["score"] for row in rows]
    check(len(rows) == 10 and scores == sorted(scores, reverse=True),
          f"pagerank gives the top 10 ({len(rows)} rows)")


def formats_and_stdin(binary, graph):
    r = run(binary, "query", graph, "MATCH (n:country) RETURN n.name ORDER BY n.name LIMIT 3")
    lines = r.stdout.decode().splitlines()
    check(r.returncode == 0 and len(lines) == 5 and lines[0].startswith("n.name")
          and set(lines[1]) == {"-"}, "a text table: header, rule, 3 rows", r)

    r = run(binary, "query", graph, "--csv",
            "CALL degree() YIELD name, degree RETURN name, degree ORDER BY degree DESC LIMIT 2")
    table = list(csv.reader(io.StringIO(r.stdout.decode())))
    check(r.returncode == 0 and table[0] == ["name", "degree"] and len(table) == 3,
          "--csv has a header and the rows", r)

    stdin = ("MATCH (n:person) RETURN count(*) AS people;\n"
             "CALL components() YIELD component\n"
             "  RETURN count(DISTINCT component) AS parts\n"
             "MATCH (n {name: 'China'}) RETURN n.id\n")
    r = run(binary, "query", graph, "--json", stdin=stdin)
    out = r.stdout.decode()
    check(r.returncode == 0 and out.count("[\n") == 3 and '"n.id":"china"' in out,
          "three queries from stdin, one JSON array each", r)


def errors(binary, graph):
    r = run(binary, "query", graph, "MATCH (a:persn) RETURN a")
    check(r.returncode == 2 and r.stderr.decode() ==
          "query:1:10: error: unknown label 'persn' (did you mean 'person'?)\n"
          "MATCH (a:persn) RETURN a\n"
          "         ^\n" and not r.stdout, "a bad label exits 2 with a caret", r)

    r = run(binary, "query", graph, stdin="MATCH (a) RETURN a.name LIMIT 1\n\n  MATCH (b:persn) RETURN b\n")
    check(r.returncode == 2 and r.stderr.decode().startswith("query:3:12: error: unknown label")
          and r.stdout, "stdin errors point into the whole input, good queries still run", r)

    r = run(binary, "query", graph, 'CALL timeline("Guo Shengkn")')
    check(r.returncode == 2 and "no actor has the name, alias or id 'Guo Shengkn' "
          "(did you mean 'Guo Shengkun'?)" in r.stderr.decode(), "an unknown actor", r)

    r = run(binary, "query", graph, "--help")
    check(r.returncode == 0 and b"shortestPath" in r.stdout, "query --help", r)
    r = run(binary, "query")
    check(r.returncode == 2, "query without a GRAPH is a usage error", r)


if __name__ == "__main__":
    sys.exit(main())
