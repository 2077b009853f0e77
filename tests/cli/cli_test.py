#!/usr/bin/python3
"""Integration tests of the diplograph command line (CTest name: cli).

Usage: cli_test.py DIPLOGRAPH_BINARY SOURCE_DIR SHARED_DIR [-k SUBSTRING]

Checks what ../shared/CONTRACT.md promises scripts: help and version, exit
codes (0 ok, 1 input errors, 2 usage), one-line diagnostics with path:line,
bad input (invalid UTF-8, NUL bytes, empty files, malformed JSON Lines, deep
and truncated JSON, unreadable files, newer graph versions, a 50 MB line),
well-formed exports whatever the names hold, atomic writes (disk full,
failures and SIGINT leave earlier output intact and no temporary files),
stdin input, and output that depends neither on -j nor on input order.
"""

import csv
import io
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import (GOOD_A, GOOD_B, GOOD_C, Suite, check, check_equal, fail,  # noqa: E402
                    leftover_temporaries, listing, record_ids, short, skip, writing_output)

# Known bugs outside src/cli: subtest name -> what is wrong. These subtests
# report XFAIL instead of failing the suite; take a name off when it is fixed.
EXPECTED_FAILURES = {}

COMMANDS = ["extract", "build", "merge", "export", "stats"]
LIMIT = 8388608  # the default --max-doc-bytes

suite = Suite(__doc__, EXPECTED_FAILURES)
test = suite.test


# --- Inputs -------------------------------------------------------------------

def sample_files(s):
    return sorted(os.path.join(s.samples, n) for n in os.listdir(s.samples) if n.endswith(".txt"))


def sample_articles(s):
    """(headers, paragraphs) of each sample article."""
    out = []
    for path in sample_files(s):
        with open(path, encoding="utf-8") as f:
            head, _, body = f.read().partition("\n\n")
        headers = dict(line.split(": ", 1) for line in head.splitlines())
        out.append((headers, [p for p in body.split("\n\n") if p.strip()]))
    return out


def generate_articles(s, directory, count, paragraphs=None):
    """Writes `count` .txt articles made of the samples' paragraphs, rotated
    so that documents differ; `paragraphs` limits their number."""
    articles = sample_articles(s)
    os.makedirs(s.path(directory), exist_ok=True)
    for i in range(count):
        headers, paras = articles[i % len(articles)]
        k = (i // len(articles)) % len(paras)
        body = paras[k:] + paras[:k]
        if paragraphs:
            body = body[:paragraphs]
        text = (f"Title: {headers['Title']} ({i})\nDate: {headers['Date']}\n"
                f"Id: gen-{i:05d}\n\n" + "\n\n".join(body) + "\n")
        with open(s.path(directory, f"a{i:05d}.txt"), "w", encoding="utf-8") as f:
            f.write(text)


def jsonl(*objects):
    return "".join(json.dumps(o) + "\n" for o in objects)


def saved_graph(s):
    """The saved graph of the samples, built once per subtest, as bytes."""
    s.run("build", s.samples, "-o", "samples.json").expect(0, stderr_empty=True)
    return s.read("samples.json")


# --- Help, version and usage errors ---------------------------------------------

@test
def help_and_version(s):
    for args in (["--help"], ["-h"], ["help"]):
        r = s.run(*args).expect(0, stderr_empty=True)
        check(r.out.startswith("usage: diplograph COMMAND"), f"{args}: no usage line: {r.out!r}")
        for cmd in COMMANDS:
            check(re.search(rf"^  {cmd} ", r.out, re.M), f"{args}: does not list {cmd}")
    r = s.run("--version").expect(0, stderr_empty=True)
    check(re.fullmatch(r"diplograph \d+\.\d+\.\d+\S*\n", r.out), f"--version: {r.out!r}")
    # With no command at all: the usage, and exit 2 (a usage error).
    r = s.run().expect(2)
    check("usage: diplograph COMMAND" in r.out + r.err, f"no usage: {r.describe()}")


@test
def help_every_command(s):
    for cmd in COMMANDS:
        outputs = []
        for args in (["help", cmd], [cmd, "--help"], [cmd, "-h"]):
            r = s.run(*args).expect(0, stderr_empty=True)
            first = r.out.splitlines()[0] if r.out else ""
            check(first.startswith(f"usage: diplograph {cmd}"), f"{args}: first line {first!r}")
            check("-h, --help" in r.out, f"{args}: does not list --help")
            outputs.append(r.stdout)
        check(len(set(outputs)) == 1, f"{cmd}: 'help {cmd}', '{cmd} --help' and '-h' differ")
        # --help wins over everything else on the line, even bad options.
        s.run(cmd, "--bogus", "--help").expect(0, stderr_empty=True)


@test
def unknown_command(s):
    for args in (["frobnicate"], ["help", "frobnicate"], ["--frobnicate"]):
        r = s.run(*args).expect(2, stderr_lines=1)
        name = args[-1]
        check_equal(r.err, f"diplograph: unknown command '{name}' (see 'diplograph --help')\n",
                    f"{args} message")
        check_equal(r.stdout, b"", f"{args} stdout")
    # A near miss gets a suggestion.
    r = s.run("buidl").expect(2, stderr_lines=1)
    check_equal(r.err, "diplograph: unknown command 'buidl' (did you mean 'build'?) "
                "(see 'diplograph --help')\n", "near-miss message")


@test
def unknown_option_every_command(s):
    for cmd in COMMANDS:
        r = s.run(cmd, "--frobnicate").expect(2, stderr_lines=1)
        check_equal(r.err, f"diplograph {cmd}: unknown option '--frobnicate' "
                           f"(see 'diplograph {cmd} --help')\n", f"{cmd} message")
        check_equal(r.stdout, b"", f"{cmd} stdout")
    near = {"extract": ("--ouput", "--output"), "build": ("--ouput", "--output"),
            "merge": ("--fromat", "--format"), "export": ("--sinse", "--since"),
            "stats": ("--jsn", "--json")}
    for cmd, (typo, meant) in near.items():
        r = s.run(cmd, typo, "x").expect(2, stderr_lines=1)
        check_equal(r.err, f"diplograph {cmd}: unknown option '{typo}' (did you mean "
                           f"'{meant}'?) (see 'diplograph {cmd} --help')\n", f"{cmd} {typo}")


@test
def usage_errors(s):
    g = s.write("g.json", saved_graph(s))
    cases = [
        (["build", s.samples], "diplograph build: needs -o GRAPH (see 'diplograph build --help')"),
        (["merge", g], "diplograph merge: needs -o GRAPH (see 'diplograph merge --help')"),
        (["export", g], "diplograph export: needs -o OUT (see 'diplograph export --help')"),
        (["export", "-o", "x.graphml"], "diplograph export: needs exactly one GRAPH"),
        (["stats"], "diplograph stats: needs a GRAPH"),
        (["extract", s.samples, "-o"], "diplograph extract: option '-o' needs a value"),
        (["extract", s.samples, "-j", "many"], "diplograph extract: --jobs needs a number"),
        (["build", s.samples, "-o", "g.xyz"], "diplograph build: cannot tell the output format"),
        (["export", g, "-o", "g.out", "--format", "pdf"], "diplograph export: unknown format 'pdf'"),
        (["extract", s.samples, "--date", "yesterday"], "diplograph extract: --date needs a date"),
        (["stats", g, "--json=yes"], "diplograph stats: option '--json' takes no value"),
    ]
    for args, message in cases:
        r = s.run(*args).expect(2, stderr_lines=1)
        check(r.err.startswith(message), f"{args}: stderr {r.err!r}, want {message!r}...")
        check(not os.path.exists(s.path("x.graphml")) and not os.path.exists(s.path("g.xyz")),
              f"{args}: wrote output on a usage error")
    check_equal(listing(s.tmp), ["g.json", "samples.json"], "files after usage errors")


# --- Bad input ----------------------------------------------------------------

@test
def invalid_utf8(s):
    s.write("bad.txt", b"Title: x\n\nabc \xff\xfe def\n")
    r = s.run("extract", "bad.txt").expect(1, stderr_lines=1)
    check_equal(r.err, "bad.txt:3:5: error: invalid UTF-8 at byte 14\n", "message")
    check_equal(r.stdout, b"", "stdout")
    # A bad file among good ones: reported, the others still extracted.
    s.write("dir/a.txt", b"Id: a\n\nPoland expelled three Russian diplomats.\n")
    s.write("dir/b.txt", b"Overlong \xc0\xaf and cut \xe2\x82")
    s.write("dir/c.jsonl", b'{"id": "c", "text": "Tokyo \xed\xa0\x80 surrogate"}\n'
                           + json.dumps(GOOD_B).encode() + b"\n")
    r = s.run("extract", "dir").expect(1, stderr_lines=2)
    check(r.err_lines()[0].startswith("dir/b.txt:1:10: error: invalid UTF-8"), r.describe())
    check(r.err_lines()[1].startswith("dir/c.jsonl:1:"), r.describe())
    check("invalid UTF-8" in r.err_lines()[1], r.describe())


@test
def binary_file(s):
    s.write("bin.txt", b"hello\0world")
    r = s.run("extract", "bin.txt").expect(1, stderr_lines=1)
    check_equal(r.err, "bin.txt:1:6: error: binary file (NUL byte at byte 5)\n", "message")
    s.write("bin.jsonl", json.dumps(GOOD_A).encode() + b"\n\x00\x01\x02\x03")
    r = s.run("extract", "bin.jsonl").expect(1, stderr_lines=1)
    check(r.err.startswith("bin.jsonl:2:1: error: binary file (NUL byte"), r.describe())


@test
def empty_file(s):
    s.write("empty.txt", b"")
    s.write("blank.txt", b"  \n\n \t\n")
    s.write("empty.jsonl", b"")
    s.write("headers-only.txt", b"Title: Nothing\nDate: 2025-01-01\n\n")
    for name in ("empty.txt", "blank.txt", "empty.jsonl", "headers-only.txt"):
        r = s.run("extract", name).expect(1, stderr_lines=1)
        check(re.fullmatch(rf"{re.escape(name)}: error: empty (document \(no text\)|file)\n",
                           r.err), f"{name}: {r.err!r}")
        check_equal(r.stdout, b"", f"{name} stdout")


@test
def jsonl_bad_lines_keep_good_ones(s):
    content = (json.dumps(GOOD_A) + "\n"
               + '{"id": "broken", "text": "no closing quote\n'
               + json.dumps(GOOD_B) + "\n"
               + json.dumps({"id": "wrong-type", "text": 123}) + "\n"
               + json.dumps({"id": "wrong-date", "text": "x", "date": ["2025"]}) + "\n"
               + "\n"
               + json.dumps(GOOD_C) + "\n")
    s.write("mixed.jsonl", content)
    r = s.run("extract", "mixed.jsonl", "-o", "out.jsonl").expect(1, stderr_lines=3)
    lines = r.err_lines()
    check(lines[0].startswith("mixed.jsonl:2:") and "error: malformed JSON" in lines[0],
          f"line 2: {lines[0]!r}")
    check_equal(lines[1], 'mixed.jsonl:4: error: field "text" must be a string, not number',
                "line 4")
    check(lines[2].startswith("mixed.jsonl:5:") and '"date"' in lines[2], f"line 5: {lines[2]!r}")
    check_equal(record_ids(s.read("out.jsonl")), ["good-a", "good-b", "good-c"], "extracted ids")
    check_equal(leftover_temporaries(s.tmp), [], "temporary files")
    # build keeps the good documents too, and says the same.
    r2 = s.run("build", "mixed.jsonl", "-o", "g.json").expect(1, stderr_lines=3)
    check_equal(r2.err, r.err, "build diagnostics")
    docs = [d["id"] for d in json.loads(s.read("g.json"))["graph"]["documents"]]
    check_equal(docs, ["good-a", "good-b", "good-c"], "documents in the graph")


@test
def deep_json(s):
    s.write("deep.json", '{"text": "x", "a": ' + "[" * 100 + "]" * 100 + "}")
    r = s.run("extract", "deep.json").expect(1, stderr_lines=1)
    check_equal(r.err, "deep.json:1: error: JSON nested deeper than 64 levels\n", "message")
    # Exactly 64 levels is allowed.
    s.write("ok.json", json.dumps(dict(GOOD_A, extra=json.loads("[" * 63 + "]" * 63))))
    s.run("extract", "ok.json").expect(0, stderr_empty=True)
    # A line in the middle of good ones, and a million levels: no crash.
    s.write("deep.jsonl", json.dumps(GOOD_A) + "\n" + "[" * 1000000 + "\n"
            + '{"text": ' + "{\"a\": " * 200000 + "\n" + json.dumps(GOOD_B) + "\n")
    r = s.run("extract", "deep.jsonl").expect(1, stderr_lines=2)
    check_equal(r.err, "deep.jsonl:2: error: JSON nested deeper than 64 levels\n"
                       "deep.jsonl:3: error: JSON nested deeper than 64 levels\n", "messages")
    check_equal(record_ids(r.stdout), ["good-a", "good-b"], "extracted ids")
    r = s.run("extract", "deep.json", "--max-json-depth", "200").expect(0, stderr_empty=True)


@test
def truncated_json(s):
    s.write("trunc.json", '{"id": "t", "text": "Poland expelled')
    r = s.run("extract", "trunc.json").expect(1, stderr_lines=1)
    check(r.err.startswith("trunc.json:1:37: error: malformed JSON"), r.describe())
    s.write("trunc-array.json", "[" + json.dumps(GOOD_A) + ",\n" + json.dumps(GOOD_B)[:30])
    r = s.run("extract", "trunc-array.json").expect(1)
    check(r.err_lines() and all(l.startswith("trunc-array.json:") for l in r.err_lines()),
          r.describe())


@test
def truncated_saved_graph(s):
    """A saved graph cut short is reported once, as a graph, not line by line."""
    graph = saved_graph(s)
    for cut in (len(graph) // 3, 2 * len(graph) // 3, len(graph) - 2):
        s.write("cut.json", graph[:cut])
        for args in (["export", "cut.json", "-o", "x.graphml"], ["stats", "cut.json"],
                     ["merge", "cut.json", "-o", "x.json"], ["build", "cut.json", "-o", "y.json"]):
            r = s.run(*args).expect(1)
            lines = [l for l in r.err_lines() if "not written" not in l]
            check(len(lines) == 1 and lines[0].startswith("cut.json:")
                  and "malformed JSON" in lines[0], f"cut at {cut}: {r.describe()}")
            check(not any(os.path.exists(s.path(n)) for n in ("x.graphml", "x.json", "y.json")),
                  f"{args}: wrote output from a truncated graph")


@test
def unreadable_inputs(s):
    prefix = []
    if os.geteuid() == 0:
        # root reads chmod-000 files anyway; drop to nobody when we can.
        if shutil.which("setpriv") is None:
            skip("running as root (reads chmod 000 files anyway) and no setpriv to drop privileges")
        prefix = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
        r = s.run("--version", prefix=prefix)
        if r.returncode != 0:
            skip(f"running as root, and the binary does not run as uid 65534: {r.err.strip()}")
        print("note: running as root; the unreadable-file checks run as uid 65534 (setpriv)")
    os.chmod(s.tmp, 0o755)
    shutil.copy(sample_files(s)[0], s.path("good.txt"))
    s.write("d/a-good.txt", s.read("good.txt"))
    s.write("d/locked.txt", s.read("good.txt"))
    s.write("d/sub/inner.txt", s.read("good.txt"))
    s.write("d/z.jsonl", jsonl(GOOD_B))
    os.chmod(s.path("d/locked.txt"), 0)
    os.chmod(s.path("d/sub"), 0)
    try:
        r = s.run("extract", "d", prefix=prefix).expect(1, stderr_lines=2)
        check_equal(sorted(r.err_lines()), ["d/locked.txt: error: cannot read: Permission denied",
                                            "d/sub: error: cannot read directory: Permission denied"],
                    "messages")
        check_equal(record_ids(r.stdout), ["jp-kr-geneva-talks", "good-b"], "extracted ids")
        r = s.run("extract", "d/sub", prefix=prefix).expect(1, stderr_lines=1)
        check_equal(r.err, "d/sub: error: cannot read directory: Permission denied\n", "dir message")
        r = s.run("extract", "d/sub/inner.txt", prefix=prefix).expect(1, stderr_lines=1)
        check_equal(r.err, "d/sub/inner.txt: error: cannot read: Permission denied\n", "message")
        r = s.run("extract", "d/locked.txt", prefix=prefix).expect(1, stderr_lines=1)
        check_equal(r.err, "d/locked.txt: error: cannot read: Permission denied\n", "file message")
    finally:
        os.chmod(s.path("d/sub"), 0o755)
        os.chmod(s.path("d/locked.txt"), 0o644)


@test
def missing_input(s):
    r = s.run("extract", "nowhere.txt").expect(1, stderr_lines=1)
    check_equal(r.err, "nowhere.txt: error: no such file or directory\n", "message")
    r = s.run("build", s.samples, "nowhere", "-o", "g.json").expect(1, stderr_lines=1)
    check_equal(r.err, "nowhere: error: no such file or directory\n", "build message")
    check(os.path.exists(s.path("g.json")), "build wrote nothing for the good inputs")


@test
def graph_version_2(s):
    graph = json.loads(saved_graph(s))
    graph["graph"]["version"] = 2
    s.write("v2.json", json.dumps(graph))
    message = "error: graph format version 2 is newer than this diplograph supports (1)"
    for args in (["export", "v2.json", "-o", "out.graphml"], ["stats", "v2.json"],
                 ["merge", "v2.json", "-o", "out.json"], ["build", "v2.json", "-o", "out.json"]):
        r = s.run(*args).expect(1)
        first = r.err_lines()[0] if r.err else ""
        check(first.startswith("v2.json:") and first.endswith(message), f"{args}: {r.describe()}")
        check(len(r.err_lines()) <= 2, f"{args}: too much on stderr: {r.describe()}")
        check(not os.path.exists(s.path("out.graphml")) and not os.path.exists(s.path("out.json")),
              f"{args}: wrote output from a version-2 graph")
        check_equal(r.stdout, b"", f"{args} stdout")


@test
def huge_single_line(s):
    size = 50 * 1000 * 1000
    sentence = "Poland expelled three Russian diplomats on Tuesday. "
    with open(s.path("big.txt"), "w") as f:
        f.write((sentence * (size // len(sentence) + 1))[:size])
    with open(s.path("big.jsonl"), "w") as f:
        f.write(json.dumps(GOOD_A) + "\n")
        f.write('{"id": "big", "text": "' + (sentence * (size // len(sentence)))[:size] + '"}\n')
        f.write(json.dumps(GOOD_B) + "\n")
    r = s.run("extract", "big.txt", timeout=60).expect(1, stderr_lines=1)
    check_equal(r.err, f"big.txt: error: document of {size} bytes exceeds the limit of "
                       f"{LIMIT} bytes\n", "message")
    check(r.seconds < 20, f"took {r.seconds:.1f}s")
    r = s.run("build", "big.jsonl", "-o", "g.json", timeout=60).expect(1, stderr_lines=1)
    check(re.fullmatch(rf"big\.jsonl:2: error: record of \d+ bytes exceeds the limit of "
                       rf"{LIMIT} bytes\n", r.err), f"message {r.err!r}")
    check(r.seconds < 20, f"took {r.seconds:.1f}s")
    docs = [d["id"] for d in json.loads(s.read("g.json"))["graph"]["documents"]]
    check_equal(docs, ["good-a", "good-b"], "documents kept")
    # --max-doc-bytes moves the limit.
    r = s.run("extract", sample_files(s)[0], "--max-doc-bytes", "100").expect(1, stderr_lines=1)
    check("exceeds the limit of 100 bytes" in r.err, r.describe())


NASTY_NAMES = [
    "<script>alert('x & y')</script>",
    "Null\u0000 Bell\u0007 Esc\u001b VT\u000b FF\u000c DEL\u007f",
    "CDATA ]]> end <![CDATA[ x ]]>",
    "comment <!-- -- --> & &amp; &#0; &#x1; &bogus;",
    "quotes \"double\" 'single' `back`",
    "noncharacters \ufffe \uffff and NEL \u0085 LS \u2028",
    "  spaces\t\ttabs\r\nnewlines  ",
    "<?xml version=\"1.0\"?><graphml/>",
    "emoji \U0001F600 and \u00e9l\u00e8ve",
]


def nasty_record():
    ids = [f"nasty-{i}-{name}" for i, name in enumerate(NASTY_NAMES)]
    entities = [{"id": ids[i], "type": "organization", "name": name, "aliases": [name[::-1]],
                 "country": "", "cameo": "", "roles": [name],
                 "mentions": [{"start": 0, "end": 1, "text": name}]}
                for i, name in enumerate(NASTY_NAMES)]
    events = [{"type": "accused", "source": ids[i], "target": ids[(i + 1) % len(ids)],
               "date": "2025-03-11", "cameo": "112", "goldstein": -2.0, "confidence": 0.8,
               "evidence": {"sentence": NASTY_NAMES[i] + " accused " + NASTY_NAMES[i - 1],
                            "start": 0, "end": 1}}
              for i in range(len(ids))]
    events.append({"type": "met_with", "source": ids[0], "target": ids[1], "date": "2025-03",
                   "cameo": "040", "goldstein": 1.0, "confidence": 0.9,
                   "evidence": {"sentence": "]]><x>&", "start": 0, "end": 1}})
    return {"doc": {"id": "doc <&> \"]]>\u0001", "title": NASTY_NAMES[0], "date": "2025-03-11",
                    "url": "http://x/?a=1&b=<2>", "source": NASTY_NAMES[1]},
            "entities": entities, "events": events}


@test
def xml_forbidden_names_stay_well_formed(s):
    article = {"id": "markup <doc> & \"co\" ]]>\u0001", "date": "2025-03-11",
               "title": "<b>Talks</b> & \u0001\u0002 ]]> \"Geneva\"",
               "text": "Japanese Foreign Minister Takeshi Iwaya met <b>Cho Tae-yul</b> & "
                       "\u0001\u000b friends in Geneva ]]> on Tuesday. The <Acme & Co> "
                       "Organisation\u001f condemned \"Bravo\u007f\" Group\u000c at the "
                       "<!-- Palais -->. Poland expelled three Russian diplomats."}
    s.write("article.jsonl", jsonl(article))
    s.write("record.jsonl", jsonl(nasty_record()))
    s.write("article.txt", "Title: <x> & \u0001 ]]>\nId: txt<&>\u000b\nDate: 2025-03-11\n\n"
            + article["text"] + "\n")
    s.run("build", "article.jsonl", "record.jsonl", "article.txt", s.samples,
          "-o", "nasty.json").expect(0, stderr_empty=True)
    saved = json.loads(s.read("nasty.json"))
    want_labels = {n["label"] for n in saved["nodes"]}
    outputs = [("g.graphml", []), ("gephi.graphml", ["--gephi"]), ("g.gexf", []),
               ("g12.gexf", ["--gexf-version", "1.2"]), ("g.dot", []), ("g.csv", []),
               ("again.json", [])]
    for name, extra in outputs:
        s.run("export", "nasty.json", "-o", name, *extra).expect(0, stderr_empty=True)
    # The same straight from build, for the formats build writes.
    for name in ("direct.graphml", "direct.gexf"):
        s.run("build", "article.jsonl", "record.jsonl", "article.txt", s.samples,
              "-o", name).expect(0, stderr_empty=True)
    check_equal(s.read("direct.graphml"), s.read("g.graphml"), "build vs export GraphML")
    check_equal(s.read("direct.gexf"), s.read("g.gexf"), "build vs export GEXF")
    for name in ("g.graphml", "gephi.graphml", "g.gexf", "g12.gexf"):
        try:
            root = ET.parse(s.path(name)).getroot()
        except ET.ParseError as e:
            fail(f"{name} is not well-formed XML: {e}")
        if name.endswith(".graphml"):
            ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
            keys = {k.get("id"): k.get("attr.name") for k in root.findall("g:key", ns)}
            labels = []
            for node in root.iter("{http://graphml.graphdrawing.org/xmlns}node"):
                labels += [d.text or "" for d in node.findall("g:data", ns)
                           if keys.get(d.get("key")) == "label"]
            check_equal(len(labels), len(saved["nodes"]), f"{name}: node labels")
            # Markup survives escaping exactly (not dropped, not double-escaped).
            for label in ("<script>alert('x & y')</script>", "CDATA ]]> end <![CDATA[ x ]]>",
                          "<?xml version=\"1.0\"?><graphml/>"):
                check(label in want_labels, f"saved graph lost the label {label!r}")
                check(label in labels, f"{name}: label {label!r} not read back; got "
                                       f"{short(sorted(l for l in labels if '<' in l))}")
    again = json.loads(s.read("again.json"))
    check_equal(again, saved, "saved graph exported as JSON again")
    with open(s.path("g.csv"), newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    check_equal(len(rows), len(saved["nodes"]) + 1, "nodes CSV rows")
    with open(s.path("g.relationships.csv"), newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    check_equal(len(rows), len(saved["links"]) + 1, "relationships CSV rows")
    if shutil.which("dot"):
        p = subprocess.run(["dot", "-Tcanon", s.path("g.dot")], capture_output=True)
        check(p.returncode == 0, f"graphviz rejects g.dot: {p.stderr.decode(errors='replace')}")
    else:
        print("note: graphviz not installed; DOT not parsed")


# --- Writing output -------------------------------------------------------------

def run_to_full_stdout(s, *args):
    with open("/dev/full", "wb") as full:
        p = subprocess.run([s.binary] + [str(a) for a in args], stdout=full,
                           stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, cwd=s.tmp,
                           env=s.env(), timeout=60)
    return p.returncode, p.stderr.decode("utf-8", "replace")


@test
def dev_full(s):
    if not os.path.exists("/dev/full"):
        skip("no /dev/full")
    s.write("g.json", saved_graph(s))
    for args in (["extract", s.samples, "-o", "/dev/full"],
                 ["build", s.samples, "-o", "/dev/full", "--format", "json"],
                 ["build", s.samples, "-o", "/dev/full", "--format", "graphml"],
                 ["merge", "g.json", "-o", "/dev/full", "--format", "gexf"],
                 ["export", "g.json", "-o", "/dev/full", "--format", "graphml"],
                 ["export", "g.json", "-o", "/dev/full", "--format", "dot"]):
        r = s.run(*args).expect(1, stderr_lines=1)
        check_equal(r.err, f"diplograph {args[0]}: cannot write /dev/full: No space left on "
                           "device\n", f"{args} message")
    for args in (["extract", s.samples], ["extract", s.samples, "-o", "-"],
                 ["export", "g.json", "-o", "-", "--format", "graphml"], ["stats", "g.json"],
                 ["stats", "g.json", "--json"]):
        code, err = run_to_full_stdout(s, *args)
        check_equal((code, err), (1, f"diplograph {args[0]}: cannot write to stdout\n"),
                    f"{args} > /dev/full")
    check_equal(listing(s.tmp), ["g.json", "samples.json"], "files left behind")


@test
def failed_export_keeps_old_output(s):
    graph = saved_graph(s)
    s.write("corrupt.json", graph[:len(graph) // 2])
    s.write("wrong.json", json.dumps({"directed": True, "multigraph": True,
                                      "graph": {"format": "diplograph-graph", "version": 1,
                                                "documents": "none"},
                                      "nodes": "x", "links": 7}))
    precious = b"precious earlier output\n"
    for name in ("out.graphml", "out.gexf", "out.json", "out.csv", "out.relationships.csv"):
        s.write(name, precious)
    before = listing(s.tmp)
    for source in ("corrupt.json", "wrong.json", "missing.json"):
        for out in ("out.graphml", "out.gexf", "out.json", "out.csv"):
            r = s.run("export", source, "-o", out).expect(1)
            check(r.err_lines() and r.err_lines()[0].startswith(source + ":"), r.describe())
            check_equal(s.read(out), precious, f"{out} after a failed export of {source}")
    check_equal(s.read("out.relationships.csv"), precious, "relationships CSV")
    check_equal(listing(s.tmp), before, "files (no temporaries left)")


@test
def failed_build_keeps_old_output(s):
    precious = b"precious earlier output\n"
    s.write("g.json", precious)
    s.write("x.jsonl", precious)
    s.write("bad.txt", b"\xff\xfe")
    before = listing(s.tmp)
    for args in (["build", "no-such-dir", "-o", "g.json"], ["build", "bad.txt", "-o", "g.json"],
                 ["merge", "no-such.json", "-o", "g.json"], ["extract", "bad.txt", "-o", "x.jsonl"],
                 ["extract", "no-such-dir", "-o", "x.jsonl"]):
        r = s.run(*args).expect(1, stderr_lines=2)
        out = args[-1]
        check_equal(r.err_lines()[1], f"diplograph {args[0]}: no input could be read; {out} "
                                      "not written", f"{args} message")
        check_equal(s.read(out), precious, f"{out} after `{' '.join(args)}`")
    check_equal(listing(s.tmp), before, "files (no temporaries left)")


@test
def output_permissions_follow_umask(s):
    old = os.umask(0o022)
    try:
        s.run("build", s.samples, "-o", "g.json").expect(0, stderr_empty=True)
        s.write("existing.graphml", b"old\n")
        os.chmod(s.path("existing.graphml"), 0o644)
        s.run("export", "g.json", "-o", "existing.graphml").expect(0, stderr_empty=True)
        s.run("extract", s.samples, "-o", "x.jsonl").expect(0, stderr_empty=True)
    finally:
        os.umask(old)
    modes = {n: oct(os.stat(s.path(n)).st_mode & 0o777)
             for n in ("g.json", "existing.graphml", "x.jsonl")}
    check_equal(modes, {n: "0o644" for n in modes}, "output file modes under umask 022")


def wait_for(predicate, seconds):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.02)
    return False


@test
def sigint_leaves_no_partial_output(s):
    # ~20000 small articles: a build of a few seconds or more.
    generate_articles(s, "many", 20000, paragraphs=1)
    old = b"earlier output\n"
    s.write("out.jsonl", old)
    before = listing(s.tmp)
    # extract: its output is open from the start; interrupt once it is.
    p = s.popen("extract", "many", "-o", "out.jsonl", "-j", "2")
    started = wait_for(lambda: writing_output(p, s.tmp) or p.poll() is not None, 20)
    running = p.poll() is None
    p.send_signal(signal.SIGINT)
    _, err = p.communicate(timeout=30)
    check(started and running, "extract finished (or opened no output) before SIGINT")
    check_equal(p.returncode, 130, f"extract exit code after SIGINT (stderr {err[-300:]!r})")
    check_equal(s.read("out.jsonl"), old, "out.jsonl after SIGINT")
    check_equal(listing(s.tmp), before, "files after SIGINT of extract")
    # build: interrupted while extracting; nothing is written at all.
    p = s.popen("build", "many", "-o", "graph.json", "-j", "2")
    time.sleep(0.7)
    running = p.poll() is None
    p.send_signal(signal.SIGINT)
    start = time.monotonic()
    _, err = p.communicate(timeout=30)
    check(running, "build finished within 0.7s; make the input bigger")
    check_equal(p.returncode, 130, f"build exit code after SIGINT (stderr {err[-300:]!r})")
    check(time.monotonic() - start < 5, "build took more than 5s to stop after SIGINT")
    check_equal(listing(s.tmp), before, "files after SIGINT of build")
    # SIGTERM is handled the same way (exit 128 + 15).
    p = s.popen("extract", "many", "-o", "out.jsonl")
    wait_for(lambda: writing_output(p, s.tmp) or p.poll() is not None, 20)
    p.send_signal(signal.SIGTERM)
    p.communicate(timeout=30)
    check_equal(p.returncode, 143, "extract exit code after SIGTERM")
    check_equal(listing(s.tmp), before, "files after SIGTERM of extract")


# --- Inputs from stdin, -j and order -----------------------------------------------

@test
def stdin_input(s):
    first = sample_files(s)[0]
    with open(first, "rb") as f:
        article = f.read()
    want = s.run("extract", first).expect(0, stderr_empty=True).stdout
    check_equal(len(want.splitlines()), 1, "records from one article")
    for args in (["extract", "-"], ["extract"], ["extract", "-", "-o", "-"]):
        r = s.run(*args, stdin=article).expect(0, stderr_empty=True)
        check_equal(r.stdout, want, f"`{' '.join(args)}` < {os.path.basename(first)}")
    # JSON Lines on stdin, and a document without an id.
    r = s.run("extract", "-", stdin=jsonl(GOOD_A, {"text": GOOD_B["text"]})).expect(
        0, stderr_empty=True)
    ids = record_ids(r.stdout)
    check_equal(ids[0], "good-a", "id from stdin JSON Lines")
    check(ids[1].startswith("stdin"), f"stdin document without an id got {ids[1]!r}")
    # build and merge from stdin, mixed with files.
    s.run("build", "-", "-o", "one.json", stdin=article).expect(0, stderr_empty=True)
    s.run("build", first, "-o", "ref.json").expect(0, stderr_empty=True)
    check_equal(s.read("one.json"), s.read("ref.json"), "build from stdin")
    s.run("extract", s.samples, "-o", "all.jsonl").expect(0, stderr_empty=True)
    s.run("build", "-", "-o", "from-stdin.json", stdin=s.read("all.jsonl")).expect(
        0, stderr_empty=True)
    s.run("build", s.samples, "-o", "from-dir.json").expect(0, stderr_empty=True)
    check_equal(s.read("from-stdin.json"), s.read("from-dir.json"),
                "build from extraction records on stdin vs from the articles")
    # An empty stdin is an empty input.
    r = s.run("extract", "-", stdin=b"").expect(1, stderr_lines=1)
    check(r.err.startswith("-"), f"empty stdin: {r.err!r}")


@test
def jobs_give_identical_output(s):
    generate_articles(s, "gen", 1100)
    outputs = {}
    for jobs in ("1", "4", "3"):
        s.run("extract", "gen", "-o", f"x{jobs}.jsonl", "-j", jobs, timeout=300).expect(
            0, stderr_empty=True)
        s.run("build", "gen", "-o", f"g{jobs}.json", "-j", jobs, timeout=300).expect(
            0, stderr_empty=True)
        outputs[jobs] = (s.read(f"x{jobs}.jsonl"), s.read(f"g{jobs}.json"))
    check_equal(record_ids(outputs["1"][0]), [f"gen-{i:05d}" for i in range(1100)],
                "records in input order")
    for jobs in ("4", "3"):
        check(outputs[jobs][0] == outputs["1"][0], f"extract -j {jobs} differs from -j 1")
        check(outputs[jobs][1] == outputs["1"][1], f"build -j {jobs} differs from -j 1")
    check_equal(leftover_temporaries(s.tmp), [], "temporary files")


@test
def input_order_does_not_matter(s):
    files = sample_files(s)
    s.run("build", s.samples, "-o", "dir.json").expect(0, stderr_empty=True)
    s.run("build", *reversed(files), "-o", "reversed.json").expect(0, stderr_empty=True)
    check(s.read("dir.json") == s.read("reversed.json"),
          "build from samples/ differs from build of its files in reverse order")
    shuffled = files[3:] + files[:3]
    s.run("build", *shuffled, "-o", "rotated.json", "-j", "2").expect(0, stderr_empty=True)
    check(s.read("dir.json") == s.read("rotated.json"), "build of rotated file list differs")
    # Articles without ids (ids from file names) and a JSON Lines file, mixed.
    s.write("mix/one.txt", "Date: 2025-05-20\n\n" + GOOD_B["text"] + "\n")
    s.write("mix/two.txt", GOOD_A["text"] + "\n")
    s.write("mix/three.jsonl", jsonl({"text": GOOD_C["text"], "date": GOOD_C["date"]}, GOOD_A))
    mix = sorted(os.path.join("mix", n) for n in os.listdir(s.path("mix")))
    s.run("build", "mix", "-o", "mix-dir.json", "--date", "2025-01-02").expect(0, stderr_empty=True)
    s.run("build", *reversed(mix), "-o", "mix-rev.json", "--date", "2025-01-02").expect(
        0, stderr_empty=True)
    check(s.read("mix-dir.json") == s.read("mix-rev.json"),
          "build of mix/ differs from its files listed in reverse order")


@test
def merge_order_does_not_matter(s):
    files = sample_files(s)
    s.run("build", s.samples, "-o", "all.json").expect(0, stderr_empty=True)
    parts = []
    for i, f in enumerate(files):
        parts.append(f"p{i}.json")
        s.run("build", f, "-o", parts[-1]).expect(0, stderr_empty=True)
    want = s.read("all.json")
    s.run("merge", *parts, "-o", "m1.json").expect(0, stderr_empty=True)
    s.run("merge", *reversed(parts), "-o", "m2.json").expect(0, stderr_empty=True)
    s.run("merge", *parts[:4], "-o", "left.json").expect(0, stderr_empty=True)
    s.run("merge", *parts[4:], "-o", "right.json").expect(0, stderr_empty=True)
    s.run("merge", "right.json", "left.json", "-o", "m3.json").expect(0, stderr_empty=True)
    s.run("merge", "all.json", "all.json", *parts, "-o", "m4.json").expect(0, stderr_empty=True)
    s.run("extract", s.samples, "-o", "all.jsonl").expect(0, stderr_empty=True)
    s.run("merge", "all.jsonl", "-o", "m5.json").expect(0, stderr_empty=True)
    for name, what in (("m1.json", "merge of per-article graphs"),
                       ("m2.json", "merge in reverse order"),
                       ("m3.json", "merge of merged halves"),
                       ("m4.json", "merge with every document twice"),
                       ("m5.json", "merge of the extraction records")):
        check(s.read(name) == want, f"{what} differs from build samples")


if __name__ == "__main__":
    sys.exit(suite.main())
