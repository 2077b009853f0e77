#!/usr/bin/python3
"""Hostile input and faults: no crash, no hang, nothing lost (CTest name: hostile).

Usage: hostile_test.py DIPLOGRAPH_BINARY SOURCE_DIR SHARED_DIR [-k SUBSTRING]

Extends cli_test.py (which covers invalid UTF-8 and NUL bytes in whole files,
empty files, deep and truncated JSON, unreadable files, a version-2 graph on
its own, the 50 MB line's message and time, the first set of XML-forbidden
names, /dev/full and SIGINT during extraction) with what it does not check:
random bytes and empty files among good articles, invalid UTF-8 inside one
JSON Lines record, NUL characters escaped in JSON, numbers too large for a
double, wrong field types in documents and extraction records, the memory the
50 MB lines take, JSON Lines files of many chunks (read as if whole, in
bounded memory, a NUL byte past the first chunk), floods of bad records
(linear time, bounded output), deep saved graphs, FIFOs and symlink loops in
folders, more names no format may break on (every export format parsed back),
a newer graph among good inputs, SIGKILL during build, SIGINT while the output
is written, CSV pairs that fail half-way, offsets too large for 32 bits in
extraction records, and the --max-doc-bytes / --max-json-depth options (no
document limit above 4 GiB, the most 32-bit offsets address).
Each bad input must give one clear line with file and line (or byte offset),
exit code 1, and the good documents of the same run must still come out.
"""

import csv
import json
import os
import random
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

# Known limitations: subtest name -> why. They report XFAIL, not FAIL.
EXPECTED_FAILURES = {}

suite = Suite(__doc__, EXPECTED_FAILURES)
test = suite.test

GOOD_TXT = "Id: good-txt\nDate: 2025-03-11\n\nPoland expelled three Russian diplomats.\n"


def line(obj):
    return json.dumps(obj).encode("utf-8") + b"\n"


def graph_doc_ids(s, name):
    return [d["id"] for d in json.loads(s.read(name))["graph"]["documents"]]


def position(data, offset):
    """1-based (line, col) of byte `offset` of `data`, as diplograph counts."""
    start = data.rfind(b"\n", 0, offset) + 1
    return data.count(b"\n", 0, offset) + 1, offset - start + 1


def text_problem(path, data):
    """The one-line error diplograph gives for a file that is not text."""
    if b"\0" in data:
        n = data.index(b"\0")
        what = f"binary file (NUL byte at byte {n})"
    else:
        try:
            data.decode("utf-8")
            return None
        except UnicodeDecodeError as e:
            n = e.start
        what = f"invalid UTF-8 at byte {n}"
    ln, col = position(data, n)
    return f"{path}:{ln}:{col}: error: {what}"


def run_measured(s, *args, timeout=60):
    """Runs the binary; returns (exit code, stderr text, seconds, peak RSS in MB)."""
    with open(s.path(".stdout"), "wb") as out, open(s.path(".stderr"), "wb") as err:
        start = time.monotonic()
        p = subprocess.Popen([s.binary] + [str(a) for a in args], cwd=s.tmp, env=s.env(),
                             stdin=subprocess.DEVNULL, stdout=out, stderr=err)
        deadline = start + timeout
        while True:
            pid, status, usage = os.wait4(p.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                p.kill()
                p.wait()
                fail(f"`diplograph {' '.join(map(str, args))}` did not finish in {timeout}s")
            time.sleep(0.02)
        seconds = time.monotonic() - start
    p.returncode = os.waitstatus_to_exitcode(status)
    with open(s.path(".stderr"), "rb") as f:
        stderr = f.read().decode("utf-8", "replace")
    for n in (".stdout", ".stderr"):
        os.remove(s.path(n))
    return p.returncode, stderr, seconds, usage.ru_maxrss / 1024


def sanitized(s):
    """True if the binary is built with AddressSanitizer (it needs more memory)."""
    with open(s.binary, "rb") as f:
        data = f.read()
    # Linked statically (clang) the runtime names itself; dynamically (GCC) only __asan_init.
    return b"AddressSanitizer" in data or b"__asan_init" in data


def wait_for(predicate, seconds, step=0.002):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(step)
    return False


def write_many_docs(s, name, count):
    """A JSON Lines file of `count` small documents (a build of a few seconds)."""
    texts = [GOOD_A["text"], GOOD_B["text"], GOOD_C["text"]]
    with open(s.path(name), "w") as f:
        for i in range(count):
            f.write(json.dumps({"id": f"doc-{i:05d}", "date": "2025-03-11",
                                "text": f"{texts[i % 3]} Item {i}."}) + "\n")


# --- Bad files among good ones ---------------------------------------------------

@test
def random_bytes_and_empty_files_among_good_articles(s):
    rng = random.Random(20250311)
    noise = {name: bytes(rng.randrange(256) for _ in range(4096))
             for name in ("noise.txt", "noise.jsonl", "noise.json")}
    s.write("d/a.txt", GOOD_TXT)
    s.write("d/b.jsonl", line(GOOD_A) + line(GOOD_B))
    for name, data in noise.items():
        s.write("d/" + name, data)
    s.write("d/empty.txt", b"")
    s.write("d/empty.jsonl", b"")
    want = {text_problem("d/" + n, d) for n, d in noise.items()}
    want |= {"d/empty.txt: error: empty document (no text)", "d/empty.jsonl: error: empty file"}
    for args, out in ((["extract", "d", "-o", "x.jsonl"], "x.jsonl"), (["build", "d", "-o", "g.json"],
                                                                         "g.json")):
        r = s.run(*args).expect(1, stderr_lines=5)
        check_equal(set(r.err_lines()), want, f"{args[0]} messages")
        ids = record_ids(s.read(out)) if out.endswith(".jsonl") else graph_doc_ids(s, out)
        check_equal(sorted(ids), ["good-a", "good-b", "good-txt"], f"{args[0]}: documents kept")
    check_equal(leftover_temporaries(s.tmp), [], "temporary files")


@test
def invalid_utf8_inside_one_record(s):
    bad_title = b'{"id": "t", "title": "caf\xe9", "text": "x"}\n'
    bad_id = b'{"id": "s\xc3", "text": "y"}\n'
    data = line(GOOD_A) + bad_title + line(GOOD_B) + bad_id + line(GOOD_C)
    s.write("u.jsonl", data)
    s.write("h.txt", b"Title: caf\xe9\n\n" + GOOD_B["text"].encode() + b"\n")
    s.write("ok.txt", GOOD_TXT)
    r = s.run("extract", "u.jsonl", "h.txt", "ok.txt").expect(1, stderr_lines=3)
    want = []
    for bad in (bad_title, bad_id):
        try:
            bad.decode("utf-8")
        except UnicodeDecodeError as e:
            n = data.index(bad) + e.start
        ln, col = position(data, n)
        want.append(f"u.jsonl:{ln}:{col}: error: invalid UTF-8 at byte {n}")
    want.append("h.txt:1:11: error: invalid UTF-8 at byte 10")
    check_equal(r.err_lines(), want, "messages")
    check_equal(record_ids(r.stdout), ["good-a", "good-b", "good-c", "good-txt"], "records kept")


@test
def nul_characters(s):
    # A NUL escaped in JSON is valid JSON but not text: that record only.
    s.write("esc.jsonl", line(GOOD_A) + b'{"id": "n", "text": "nul \\u0000 here"}\n' + line(GOOD_B))
    # A raw NUL makes a binary file, reported once, among good files.
    s.write("d/a.txt", GOOD_TXT)
    s.write("d/z.txt", b"Id: z\n\nPoland\0expelled diplomats.\n")
    r = s.run("extract", "esc.jsonl", "d").expect(1, stderr_lines=2)
    check_equal(r.err_lines(), ["esc.jsonl:2: error: document text contains a NUL character",
                                "d/z.txt:3:7: error: binary file (NUL byte at byte 13)"],
                "messages")
    check_equal(record_ids(r.stdout), ["good-a", "good-b", "good-txt"], "records kept")


@test
def numbers_too_large(s):
    data = line(GOOD_A) + b'{"id": "big", "text": "x", "score": 1e999}\n' + line(GOOD_B)
    s.write("n.jsonl", data)
    r = s.run("extract", "n.jsonl").expect(1, stderr_lines=1)
    col = data.split(b"\n")[1].index(b"1e999") + 1
    check_equal(r.err, f"n.jsonl:2:{col}: error: malformed JSON: number overflow parsing "
                       "'1e999'\n", "message")
    check_equal(record_ids(r.stdout), ["good-a", "good-b"], "records kept")
    graph = ('{"directed":true,"multigraph":true,"graph":{"format":"diplograph-graph",'
             '"version":1,"documents":[]},\n"nodes":[],"links":[-1e400]}\n')
    s.write("g.json", graph)
    r = s.run("stats", "g.json").expect(1, stderr_lines=1)
    col = graph.split("\n")[1].index("-1e400") + 1
    check_equal(r.err, f"g.json:2:{col}: error: malformed JSON: number overflow parsing "
                       "'-1e400'\n", "saved graph message")
    s.write("dict/countries.json", '{"countries": [{"id": "x", "name": "X", "rank": 1e999}]}')
    r = s.run("extract", "n.jsonl", "--dict", "dict").expect(1, stderr_lines=1)
    check_equal(r.err, "dict/countries.json: error: malformed JSON in dictionary: number out of "
                       "range\n", "dictionary message")


@test
def wrong_field_types(s):
    docs = [
        ({"text": "a", "title": {"x": 1}}, 'field "title" must be a string, not object'),
        ({"text": "a", "url": True}, 'field "url" must be a string, not boolean'),
        ({"text": "a", "source": 7}, 'field "source" must be a string, not number'),
        ({"text": "a", "id": 1.5}, 'field "id" must be a string, not number'),
        ({"text": ["a"]}, 'field "text" must be a string, not array'),
        ({"body": "a"}, 'record has no "text" field'),
        ("just a string", "expected a JSON object, not string"),
        (42, "expected a JSON object, not number"),
        ([GOOD_C], "expected a JSON object, not array"),
        (None, "expected a JSON object, not null"),
    ]
    data = line(GOOD_A) + b"".join(line(d) for d, _ in docs) + line(GOOD_B)
    s.write("t.jsonl", data)
    r = s.run("extract", "t.jsonl").expect(1, stderr_lines=len(docs))
    check_equal(r.err_lines(), [f"t.jsonl:{i + 2}: error: {m}" for i, (_, m) in enumerate(docs)],
                "document messages")
    check_equal(record_ids(r.stdout), ["good-a", "good-b"], "records kept")
    # The same in a JSON array: each element at its own line.
    s.write("t.json", "[\n" + ",\n".join(json.dumps(d) for d, _ in docs) + ",\n"
            + json.dumps(GOOD_C) + "\n]\n")
    r = s.run("extract", "t.json").expect(1, stderr_lines=len(docs))
    check_equal(r.err_lines(), [f"t.json:{i + 2}: error: {m}" for i, (_, m) in enumerate(docs)],
                "array messages")
    check_equal(record_ids(r.stdout), ["good-c"], "array records kept")
    # Extraction records with fields of the wrong type, among good ones.
    good = json.loads(s.run("extract", "-", stdin=line(GOOD_B)).expect(0).stdout)
    bad = []
    for mutate in (lambda r: r.__setitem__("entities", {"x": 1}),
                   lambda r: r["entities"][0].__setitem__("aliases", "x"),
                   lambda r: r["entities"][0]["mentions"][0].__setitem__("start", -4),
                   lambda r: r["events"][0].__setitem__("goldstein", "high"),
                   lambda r: r["events"][0].__setitem__("source", 3),
                   lambda r: r["doc"].__setitem__("date", ["2025"])):
        rec = json.loads(json.dumps(good))
        mutate(rec)
        bad.append(rec)
    s.write("r.jsonl", line(good) + b"".join(line(b) for b in bad) + line(GOOD_A))
    r = s.run("build", "r.jsonl", "-o", "g.json").expect(1, stderr_lines=len(bad))
    for i, l in enumerate(r.err_lines()):
        check(l.startswith(f"r.jsonl:{i + 2}: error: "), f"record line {i + 2}: {l!r}")
    check_equal(graph_doc_ids(s, "g.json"), ["good-a", "good-b"], "documents in the graph")
    # Offsets past 32 bits are refused rather than wrapped round to small ones.
    for mutate, message in (
            (lambda r: r["events"][0]["evidence"].__setitem__("start", 2**32 + 5),
             "evidence.start is too large"),
            (lambda r: r["entities"][0]["mentions"][0].__setitem__("end", 2**40),
             "mention.end is too large")):
        rec = json.loads(json.dumps(good))
        mutate(rec)
        s.write("o.jsonl", line(rec) + line(GOOD_A))
        r = s.run("build", "o.jsonl", "-o", "o.json").expect(1, stderr_lines=1)
        check_equal(r.err, f"o.jsonl:1: error: {message}\n", "offset message")
        check_equal(graph_doc_ids(s, "o.json"), ["good-a"], "documents beside a bad offset")


# --- Size, floods and depth ----------------------------------------------------------

@test
def huge_single_lines_memory(s):
    size = 50 * 1000 * 1000
    sentence = b"Poland expelled three Russian diplomats on Tuesday. "
    body = (sentence * (size // len(sentence) + 1))[:size]
    s.write("big.txt", body)
    s.write("big.jsonl", line(GOOD_A) + b'{"id": "big", "text": "' + body + b'"}\n' + line(GOOD_B))
    s.write("ok.txt", GOOD_TXT)
    limit_mb = 6 * size / 1e6 * (3 if sanitized(s) else 1)
    for args in (["extract", "big.txt", "ok.txt", "-o", "x.jsonl"],
                 ["build", "big.jsonl", "-o", "g.json"]):
        code, err, seconds, rss = run_measured(s, *args)
        check_equal(code, 1, f"{args}: exit code (stderr {err!r})")
        check_equal(len(err.splitlines()), 1, f"{args}: stderr lines: {err!r}")
        check(re.fullmatch(r"big\.(txt|jsonl:2): error: (document|record) of \d+ bytes exceeds the "
                           r"limit of 8388608 bytes\n", err), f"{args}: message {err!r}")
        check(seconds < 30, f"{args}: took {seconds:.1f}s")
        check(rss < limit_mb, f"{args}: peak memory {rss:.0f} MB for a {size // 10**6} MB "
                              f"input (limit {limit_mb:.0f} MB)")
    check_equal(record_ids(s.read("x.jsonl")), ["good-txt"], "records kept")
    check_equal(graph_doc_ids(s, "g.json"), ["good-a", "good-b"], "documents kept")


CHUNK = 4 << 20  # JSON Lines are read in chunks of about this size (cli/inputs.cc)
LIMIT = 8 << 20  # the default --max-doc-bytes


def padded_article(i, pad, with_id):
    """An article whose line is `pad` bytes longer than its content: the
    "pad" field is read as JSON and then ignored."""
    texts = [GOOD_A["text"], GOOD_B["text"], GOOD_C["text"]]
    doc = {"id": f"doc-{i}"} if with_id else {}
    doc.update(date="2025-03-11", text=f"{texts[i % 3]} Item {i}.", pad="x" * pad)
    return json.dumps(doc).encode()


@test
def json_lines_read_in_chunks_as_whole(s):
    # A JSON Lines file of many chunks must read exactly as one read whole.
    # big.jsonl and whole/big.jsonl have the same lines but for padding, so
    # the second is one chunk, read whole: the same records, default ids and
    # messages (but for byte offsets), where big.jsonl's chunks end at random
    # places in its lines. big.jsonl also has a line longer than a chunk, one
    # over the limit and a long blank one (short or blank in the other).
    rng = random.Random(20250311)
    big, small = [], []  # line n is big[n - 1], its end included

    def add(data, small_data=None, end=b"\n"):
        big.append(data + end)
        small.append((data if small_data is None else small_data) + end)

    add(b"\xef\xbb\xbf", end=b"\r\n")  # a byte order mark, then a blank line
    add(b" \t ")
    specials = {
        40: lambda: add(b'{"id": "cut", "text": "x",'),
        55: lambda: add(b'{"id": "u1", "text": "caf\xe9"}', end=b"\r\n"),
        60: lambda: add(padded_article(9000, 5 * CHUNK // 4, True), padded_article(9000, 0, True)),
        70: lambda: add(b"[" + json.dumps(GOOD_A).encode() + b"]"),
        75: lambda: add(b'{"id": "over", "text": "' + b"y" * (9 << 20) + b'"}', b""),
        80: lambda: add(b" " * (5 << 20), b"  "),
        90: lambda: add(b"{"),
        95: lambda: add(b'{"text": 1e999}'),
        110: lambda: add(b'  {"id": "u2", "title": "\xc3", "text": "z"}'),
    }
    for i in range(120):
        if i in specials:
            specials[i]()
        add(padded_article(i, rng.randrange(50000, 400000), i % 4 != 0),
            padded_article(i, 0, i % 4 != 0), b"\r\n" if i % 5 == 0 else b"\n")
    add(padded_article(120, 300000, False), padded_article(120, 0, False), end=b"")
    big_data, small_data = b"".join(big), b"".join(small)
    check(len(big_data) > 8 * CHUNK and len(small_data) < CHUNK, "file sizes")
    s.write("big.jsonl", big_data)
    s.write("whole/big.jsonl", small_data)
    starts = {}  # line number -> (offset in big, offset in small)
    for n in range(1, len(big) + 1):
        starts[n] = (sum(map(len, big[:n - 1])), sum(map(len, small[:n - 1])))
    over_line = 1 + next(n for n, l in enumerate(big) if l.startswith(b'{"id": "over"'))
    for stdin in (False, True):
        # stdin with a byte order mark is an article, not JSON: it starts after it there.
        skip = 3 if stdin else 0
        args = ["extract", "-" if stdin else "big.jsonl"]
        want = s.run(*args, stdin=small_data[skip:] if stdin else None, cwd=s.path("whole"))
        got = s.run(*args, stdin=big_data[skip:] if stdin else None)
        want_err = []
        for message in want.err_lines():
            m = re.fullmatch(r"(.*?):(\d+):(\d+): error: invalid UTF-8 at byte (\d+)", message)
            if m:
                n = int(m.group(2))
                at = int(m.group(4)) - starts[n][1] + starts[n][0]
                message = f"{m.group(1)}:{n}:{m.group(3)}: error: invalid UTF-8 at byte {at}"
                check(big_data[at + skip] >= 0x80 and at > CHUNK, f"{message}: a late bad byte")
            want_err.append(message)
        check_equal(len(want_err), 6, f"{args}: messages of the whole file")
        want_err.insert(sum(1 for m in want_err if int(m.split(":")[1]) < over_line),
                        f"{args[1]}:{over_line}: error: record of {len(big[over_line - 1]) - 1} "
                        f"bytes exceeds the limit of {LIMIT} bytes")
        check_equal(got.err_lines(), want_err, f"{args}: messages")
        check_equal(got.returncode, 1, f"{args}: exit code")
        check_equal(got.stdout, want.stdout, f"{args}: records")
        ids = record_ids(got.stdout)
        check_equal(len(ids), 122, f"{args}: records")
        check("doc-9000" in ids and ("stdin-3" if stdin else "big-3") in ids, f"ids {ids[:5]}")
    s.run("build", "big.jsonl", "-o", "g.json").expect(1, stderr_lines=7)
    s.run("build", "big.jsonl", "-o", "g.json", cwd=s.path("whole")).expect(1, stderr_lines=6)
    check_equal(s.read("g.json"), s.read("whole/g.json"), "graphs")


@test
def nul_byte_in_large_json_lines(s):
    # A NUL byte makes a binary file: one error, worded as for a file read
    # whole. Near the start (binary files show one at once) nothing of the
    # file is read; past the first chunk, the records of the chunks before it
    # are, and nothing after it.
    good = b"".join(padded_article(i, 100000, True) + b"\n" for i in range(100))
    for name, data in (("early.jsonl", line(GOOD_A) + b"\x00\x01\x02\n" + good),
                       ("late.jsonl", good + b'{"text": "a\x00b"}\n' + line(GOOD_B))):
        s.write(name, data)
        r = s.run("build", name, "-o", "g.json")
        check_equal((r.returncode, r.err_lines()[0]), (1, text_problem(name, data)), name)
        if name == "early.jsonl":
            check_equal(r.err_lines()[1:], ["diplograph build: no input could be read; g.json "
                                            "not written"], "early.jsonl: messages")
            continue
        check_equal(len(r.err_lines()), 1, f"{name}: messages")
        ids = graph_doc_ids(s, "g.json")
        check(0 < len(ids) < 100 and sorted(ids) == sorted(f"doc-{i}" for i in range(len(ids))),
              f"{name}: documents before the NUL: {ids}")


@test
def large_json_lines_in_bounded_memory(s):
    # JSON Lines are read a chunk at a time: peak memory does not grow with
    # the file, as it did (by the file's size) when read whole.
    if sanitized(s):
        skip("AddressSanitizer keeps freed memory in quarantine")
    s.write("small.jsonl", line(GOOD_A))
    code, _, _, base = run_measured(s, "extract", "small.jsonl", "-o", "x.jsonl")
    check_equal(code, 0, "small.jsonl: exit code")
    size = 0
    with open(s.path("big.jsonl"), "wb") as f:
        for i in range(160):
            data = padded_article(i, 1000000 + i * 7919, True) + b"\n"
            f.write(data)
            size += len(data)
    code, err, seconds, rss = run_measured(s, "extract", "big.jsonl", "-o", "x.jsonl")
    check_equal((code, err), (0, ""), "big.jsonl: exit code and messages")
    check_equal(len(record_ids(s.read("x.jsonl"))), 160, "records")
    check(rss < base + 40, f"peak memory {rss:.0f} MB for a {size / 1e6:.0f} MB file, "
                           f"{base:.0f} MB for a small one")


@test
def floods_of_bad_records_stay_linear(s):
    # A million bad lines, 500000 non-objects in an array, 300000 bad
    # nodes: each file must finish fast (no quadratic line:col), and the
    # messages stop at 1000 with a count of the rest.
    s.write("lines.jsonl", line(GOOD_A) + b"x\n" * 1000000 + line(GOOD_B))
    s.write("array.json", "[" + ",".join(["1"] * 500000) + "]")
    s.write("graph.json", '{"directed":true,"multigraph":true,"graph":{"format":'
            '"diplograph-graph","version":1,"documents":[]},"nodes":['
            + ",".join(["7"] * 300000) + '],"links":[]}')
    code, err, seconds, _ = run_measured(s, "extract", "lines.jsonl", "-o", "x.jsonl")
    lines = err.splitlines()
    check_equal((code, len(lines)), (1, 1001), f"lines.jsonl: exit code, stderr lines")
    check(lines[0].startswith("lines.jsonl:2:1: error: malformed JSON: "), lines[0])
    check_equal(lines[-1], "diplograph: 999000 more problems not shown", "summary line")
    check(seconds < 30, f"lines.jsonl: took {seconds:.1f}s")
    check_equal(record_ids(s.read("x.jsonl")), ["good-a", "good-b"], "records kept")
    code, err, seconds, _ = run_measured(s, "extract", "array.json", "-o", "y.jsonl")
    lines = err.splitlines()
    check_equal((code, len(lines)), (1, 1002), "array.json: exit code, stderr lines")
    check_equal(lines[0], "array.json:1: error: expected a JSON object, not number", "first")
    check_equal(lines[-2:], ["diplograph: 499000 more problems not shown",
                             "diplograph extract: no input could be read; y.jsonl not written"],
                "last lines")
    check(seconds < 30, f"array.json: took {seconds:.1f}s")
    code, err, seconds, _ = run_measured(s, "stats", "graph.json")
    lines = err.splitlines()
    check_equal((code, len(lines)), (1, 21), "graph.json: exit code, stderr lines")
    check_equal(lines[0], "graph.json:1:110: error: nodes[0] must be an object, not number",
                "first")
    check_equal(lines[-1], "graph.json: error: 299980 more errors in this graph not shown",
                "summary line")
    check(seconds < 30, f"graph.json: took {seconds:.1f}s")


@test
def deep_json_everywhere(s):
    head = ('{"directed":true,"multigraph":true,"graph":{"format":"diplograph-graph",'
            '"version":1,"documents":[]},"nodes":')
    s.write("deep-graph.json", head + "[" * 1000000 + "]" * 1000000 + ',"links":[]}')
    r = s.run("stats", "deep-graph.json").expect(1, stderr_lines=1)
    check_equal(r.err, f"deep-graph.json:1:{len(head) + 512}: error: JSON nested deeper than "
                       "512 levels\n", "graph message")
    s.write("cut-graph.json", head + "[" * 100000)
    r = s.run("export", "cut-graph.json", "-o", "x.graphml").expect(1, stderr_lines=1)
    check(r.err.startswith("cut-graph.json:1:") and "malformed JSON" in r.err, r.describe())
    s.write("deep-record.jsonl", line(GOOD_A) + b'{"doc": {"id": "d"}, "entities": '
            + b"[" * 100000 + b"\n" + line(GOOD_B))
    r = s.run("build", "deep-record.jsonl", "-o", "g.json").expect(1, stderr_lines=1)
    check_equal(r.err, "deep-record.jsonl:2: error: JSON nested deeper than 64 levels\n",
                "record message")
    check_equal(graph_doc_ids(s, "g.json"), ["good-a", "good-b"], "documents kept")
    check(not os.path.exists(s.path("x.graphml")), "export wrote output from a cut graph")


@test
def fifo_and_symlink_loops_do_not_hang(s):
    s.write("d/a.txt", GOOD_TXT)
    os.mkfifo(s.path("d/pipe.txt"))
    os.symlink(".", s.path("d/loop"))
    os.symlink("..", s.path("d/up"))
    os.symlink("nowhere.txt", s.path("d/dangling.txt"))
    r = s.run("extract", "d", timeout=30).expect(0, stderr_empty=True)
    check_equal(record_ids(r.stdout), ["good-txt"], "records")


# --- Names no export may break on ------------------------------------------------------

NASTY = [
    "C1 \u0080\u0085\u009f controls",
    "bidi \u202e\u2066 override \u200d\u200b zero-width \ufeff BOM",
    "private \ue000 and astral \U0010fffd \U0001f3f3\ufe0f\u200d\U0001f308",
    "CR\ralone, comma, \"quote\", back\\slash",
    "dot {braces} |pipes| <angle> -- and -> and ;",
    "xml &lt; &#x0; <!DOCTYPE x [<!ENTITY e \"y\">]> &e;",
    "\u0000\u0001\u0008\u001f\u007f",
    "   ",
    "x" * 20000,
]


def nasty_record():
    ids = [f"nasty-{i}" for i in range(len(NASTY))]
    entities = [{"id": ids[i], "type": "organization", "name": name, "aliases": [name + "!"],
                 "country": "", "cameo": "", "roles": [name],
                 "mentions": [{"start": 0, "end": 1, "text": name}]}
                for i, name in enumerate(NASTY)]
    # Ids made of the names too: ids are XML attributes, DOT node names, CSV keys.
    entities += [dict(e, id=f"id {name}") for e, name in zip(entities[:7], NASTY)]
    all_ids = [e["id"] for e in entities]
    events = [{"type": "accused", "source": all_ids[i], "target": all_ids[(i + 1) % len(all_ids)],
               "date": "2025-03-11", "cameo": "112", "goldstein": -2.0, "confidence": 0.8,
               "evidence": {"sentence": NASTY[i % len(NASTY)], "start": 0, "end": 1}}
              for i in range(len(all_ids))]
    return {"doc": {"id": "nasty \u0085\u202e doc", "title": NASTY[5], "date": "2025-03-11",
                    "url": NASTY[4], "source": NASTY[3]},
            "entities": entities, "events": events}


@test
def more_nasty_names_through_every_format(s):
    s.write("nasty.jsonl", line(nasty_record()))
    s.run("build", "nasty.jsonl", "-o", "nasty.json").expect(0, stderr_empty=True)
    saved = json.loads(s.read("nasty.json"))
    nodes, links = len(saved["nodes"]), len(saved["links"])
    check_equal(nodes, len(nasty_record()["entities"]), "nodes in the saved graph")
    outputs = [("g.graphml", []), ("gephi.graphml", ["--gephi"]), ("g.gexf", []),
               ("g12.gexf", ["--gexf-version", "1.2"]), ("g.dot", []), ("g.csv", []),
               ("again.json", [])]
    for name, extra in outputs:
        s.run("export", "nasty.json", "-o", name, *extra).expect(0, stderr_empty=True)
    for name in ("g.graphml", "gephi.graphml", "g.gexf", "g12.gexf"):
        try:
            root = ET.parse(s.path(name)).getroot()
        except ET.ParseError as e:
            fail(f"{name} is not well-formed XML: {e}")
        found = [el for el in root.iter() if el.tag.rsplit("}", 1)[-1] == "node"]
        check_equal(len(found), nodes, f"{name}: nodes")
        if shutil.which("xmllint"):
            p = subprocess.run(["xmllint", "--noout", "--nonet", s.path(name)],
                               capture_output=True)
            check(p.returncode == 0, f"xmllint rejects {name}: {p.stderr[:500]!r}")
    check_equal(json.loads(s.read("again.json")), saved, "JSON export")
    for name, want in (("g.csv", nodes), ("g.relationships.csv", links)):
        with open(s.path(name), newline="", encoding="utf-8") as f:
            rows = list(csv.reader(f))
        check_equal(len(rows), want + 1, f"{name}: rows")
        check(all(len(r) == len(rows[0]) for r in rows), f"{name}: ragged rows")
    with open(s.path("g.csv"), newline="", encoding="utf-8") as f:
        ids = {r[0] for r in list(csv.reader(f))[1:]}
    # CSV fields are one line: control characters become spaces (csv.h).
    check_equal(ids, {re.sub("[\x00-\x1f\x7f]", " ", n["id"]) for n in saved["nodes"]},
                "CSV node ids read back")
    # Graphviz's gvpr parses without a layout (a 20000-character label is too
    # wide to lay out, but must still parse).
    if shutil.which("gvpr"):
        p = subprocess.run(["gvpr", 'BEG_G { printf("%d %d\\n", nNodes($G), nEdges($G)) }',
                            s.path("g.dot")], capture_output=True)
        check(p.returncode == 0 and not p.stderr, f"graphviz rejects g.dot: {p.stderr[:500]!r}")
        check_equal(p.stdout, f"{nodes} {links}\n".encode(), "nodes and edges graphviz read")
    else:
        print("note: graphviz not installed; DOT not parsed")


# --- Graph versions ---------------------------------------------------------------------

@test
def newer_graph_among_good_inputs(s):
    s.write("a.jsonl", line(GOOD_A))
    s.run("build", "a.jsonl", "-o", "a.json").expect(0, stderr_empty=True)
    graph = json.loads(s.read("a.json"))
    s.write("b.jsonl", line(GOOD_B))
    s.run("extract", "b.jsonl", "-o", "b.records.jsonl").expect(0, stderr_empty=True)
    for version, message in ((2, "graph format version 2 is newer than this diplograph supports "
                                 "(1)"),
                             (0, "graph format version 0 is not valid"),
                             ("1", "graph.version must be an integer, not string"),
                             (1.5, "graph.version must be an integer, not number")):
        g = json.loads(json.dumps(graph))
        g["graph"]["version"] = version
        s.write("new.json", json.dumps(g))
        for args in (["build", "new.json", "b.jsonl", "-o", "out.json"],
                     ["merge", "b.records.jsonl", "new.json", "-o", "out.json"]):
            r = s.run(*args).expect(1, stderr_lines=1)
            check(re.fullmatch(rf"new\.json:1:\d+: error: {re.escape(message)}\n", r.err),
                  f"{args} version {version!r}: {r.err!r}")
            check_equal(graph_doc_ids(s, "out.json"), ["good-b"], f"{args}: documents kept")


# --- Atomic output ----------------------------------------------------------------------

@test
def sigkill_during_build(s):
    # Killed while it extracts (the output is written at the end; a kill
    # while it is written is sigkill_while_writing_leaves_no_temporary).
    write_many_docs(s, "many.jsonl", 60000)
    old = b"earlier graph\n"
    s.write("out.json", old)
    before = listing(s.tmp)
    for delay in (0.3, 0.8):
        p = s.popen("build", "many.jsonl", "-o", "out.json", "-j", "2")
        time.sleep(delay)
        running = p.poll() is None
        p.kill()
        p.communicate(timeout=30)
        check(running, f"build finished within {delay}s; make the input bigger")
        check_equal(p.returncode, -signal.SIGKILL, "killed")
        check_equal(s.read("out.json"), old, f"out.json after SIGKILL at {delay}s")
        check_equal(listing(s.tmp), before, f"files after SIGKILL at {delay}s")


def write_big_graph(s, name, n):
    """A synthetic saved graph of n documents, nodes and links (slow to write)."""
    docs = [{"id": f"d{i:06d}", "fingerprint": f"{i:016x}"} for i in range(n)]
    node = {"name": "", "type": "person", "mentions": 1}
    nodes = [{"id": f"n{i:06d}", "contrib": {f"d{i:06d}": dict(node, name=f"Actor {i}"),
                                             f"d{(i + 1) % n:06d}": dict(node, name=f"A{i}")}}
             for i in range(n)]
    links = [{"source": f"n{i:06d}", "target": f"n{(i + 1) % n:06d}", "key": "accused",
              "contrib": {f"d{(i + 1) % n:06d}": {"mentions": 1, "dates": ["2025-03-11"],
                                                  "goldstein_sum": -2.0, "cameo": "112"}}}
             for i in range(n)]
    s.write(name, json.dumps({"directed": True, "multigraph": True,
                              "graph": {"format": "diplograph-graph", "version": 1,
                                        "documents": docs}, "nodes": nodes, "links": links}))


def interrupt_while_writing(s, sig):
    """Exports a big graph and sends `sig` once its output file is open."""
    write_big_graph(s, "big.json", 10000)
    old = b"earlier export\n"
    s.write("out.graphml", old)
    before = listing(s.tmp)
    p = s.popen("export", "big.json", "-o", "out.graphml")
    seen = wait_for(lambda: writing_output(p, s.tmp) or p.poll() is not None, 60)
    running = p.poll() is None
    p.send_signal(sig)
    _, err = p.communicate(timeout=30)
    if not (seen and running):
        skip("the export finished before its output file was seen open")
    check_equal(s.read("out.graphml"), old, f"out.graphml after signal {sig}")
    return p.returncode, err, before


@test
def sigint_while_writing(s):
    code, err, before = interrupt_while_writing(s, signal.SIGINT)
    check_equal(code, 130, f"exit code after SIGINT (stderr {err[-300:]!r})")
    check_equal(listing(s.tmp), before, "files after SIGINT")


@test
def sigkill_while_writing_leaves_no_temporary(s):
    # The output has no name until it is complete (O_TMPFILE), so a kill
    # leaves nothing for anyone to clean up.
    code, _, before = interrupt_while_writing(s, signal.SIGKILL)
    check_equal(code, -signal.SIGKILL, "killed")
    check_equal(leftover_temporaries(s.tmp), [], "temporary files after SIGKILL")
    check_equal(listing(s.tmp), before, "files after SIGKILL")
    # extract streams its records into the output from the start.
    write_many_docs(s, "many.jsonl", 60000)
    s.write("out.jsonl", b"earlier records\n")
    before = listing(s.tmp)
    p = s.popen("extract", "many.jsonl", "-o", "out.jsonl", "-j", "2")
    seen = wait_for(lambda: writing_output(p, s.tmp) or p.poll() is not None, 60)
    running = p.poll() is None
    p.kill()
    p.communicate(timeout=30)
    check(seen and running, "extract finished before its output file was seen open")
    check_equal(s.read("out.jsonl"), b"earlier records\n", "out.jsonl after SIGKILL of extract")
    check_equal(listing(s.tmp), before, "files after SIGKILL of extract")


@test
def csv_pair_is_replaced_together_or_not_at_all(s):
    s.write("a.jsonl", line(GOOD_A) + line(GOOD_B))
    s.run("build", "a.jsonl", "-o", "g.json").expect(0, stderr_empty=True)
    precious = b"precious earlier output\n"
    s.write("out.csv", precious)
    os.mkdir(s.path("out.relationships.csv"))  # cannot be replaced by a file
    before = listing(s.tmp)
    r = s.run("export", "g.json", "-o", "out.csv").expect(1, stderr_lines=1)
    check_equal(r.err, "diplograph export: cannot replace out.relationships.csv: Is a "
                       "directory\n", "message")
    check_equal(s.read("out.csv"), precious, "out.csv after the relationships file failed")
    check_equal(listing(s.tmp), before, "files (no temporaries left)")
    if os.path.exists("/dev/full"):
        r = s.run("export", "g.json", "-o", "/dev/full", "--format", "csv").expect(
            1, stderr_lines=1)
        check_equal(r.err, "diplograph export: cannot write /dev/full: No space left on device\n",
                    "/dev/full message")


# --- Limits -----------------------------------------------------------------------------

@test
def limit_options(s):
    for option, values, message in (
            ("--max-doc-bytes", ["0", "-5", "abc", "1e3", "", "99999999999999999999"],
             "diplograph extract: --max-doc-bytes needs a positive number"),
            ("--max-json-depth", ["0", "-1", "x", "100001"],
             "diplograph extract: --max-json-depth needs a positive number")):
        for v in values:
            r = s.run("extract", "-", option, v).expect(2, stderr_lines=1)
            check(r.err.startswith(message), f"{option} {v!r}: {r.err!r}")
    # Offsets into a document are 32-bit: no limit may let a larger one in.
    for v in ["4294967296", "1099511627776", "9223372036854775807"]:
        r = s.run("extract", "-", "--max-doc-bytes", v).expect(2, stderr_lines=1)
        check(r.err.startswith("diplograph extract: --max-doc-bytes can be at most 4294967295"),
              f"--max-doc-bytes {v}: {r.err!r}")
    s.write("ok.jsonl", line(GOOD_A))
    s.run("extract", "ok.jsonl", "--max-doc-bytes", "4294967295").expect(0, stderr_empty=True)
    s.write("a.jsonl", line(GOOD_A) + line(dict(GOOD_B, text="x" * 500)) + line(GOOD_C))
    r = s.run("extract", "a.jsonl", "--max-doc-bytes", "300").expect(1, stderr_lines=1)
    check(re.fullmatch(r"a\.jsonl:2: error: record of \d+ bytes exceeds the limit of 300 bytes\n",
                       r.err), r.describe())
    check_equal(record_ids(r.stdout), ["good-a", "good-c"], "records kept")
    s.write("a.json", json.dumps([GOOD_A, dict(GOOD_B, text="x" * 500), GOOD_C], indent=1))
    r = s.run("extract", "a.json", "--max-doc-bytes", "300").expect(1, stderr_lines=1)
    check(re.fullmatch(r"a\.json:\d+: error: document text exceeds the limit of 300 bytes\n",
                       r.err), r.describe())
    check_equal(record_ids(r.stdout), ["good-a", "good-c"], "array records kept")
    s.write("d.jsonl", line(GOOD_A) + line(dict(GOOD_B, extra=[[[]]])) + line(GOOD_C))
    r = s.run("extract", "d.jsonl", "--max-json-depth", "3").expect(1, stderr_lines=1)
    check_equal(r.err, "d.jsonl:2: error: JSON nested deeper than 3 levels\n", "depth message")
    check_equal(record_ids(r.stdout), ["good-a", "good-c"], "records kept")
    s.run("extract", "d.jsonl", "--max-json-depth", "4").expect(0, stderr_empty=True)


if __name__ == "__main__":
    sys.exit(suite.main())
