#!/usr/bin/python3
"""Sharded builds give the same graph as one build (CTest name: shard).

Usage: shard_test.py DIPLOGRAPH_BINARY SOURCE_DIR SHARED_DIR [-k SUBSTRING]

The corpus is the bundled samples/ (as JSON Lines) plus, when present,
SHARED_DIR/eval/dev/articles.jsonl. Checks, byte for byte:

  - `build -j 1` == `build -j 4`;
  - for 5 random splits into 2-4 shards: `extract` of each shard (JSON Lines
    on stdin, records on stdout, as a Hadoop Streaming or GNU parallel map
    step runs it), then `merge` of the shard outputs (in any order, and
    through per-shard graphs) == `build` of everything;
  - `merge G G` == G;
  - `build --low-memory` and `merge --low-memory` (external sort) == `build`,
    from articles, extraction records and saved graphs mixed; their usage
    errors;
  - (dev only) the dev graph has exactly one node for each of China, the
    United States, Guo Shengkun, Jeh Johnson, Loretta Lynch, the US-China
    cybercrime dialogue and the People's Liberation Army. Skipped with a
    message when SHARED_DIR/eval/dev is missing.
"""

import json
import os
import random
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import Suite, check, fail, skip  # noqa: E402

suite = Suite(__doc__)
SEED = 20240611
HEADERS = {"title": "title", "date": "date", "id": "id", "url": "url", "source": "source"}


def sample_articles(samples_dir):
    """The .txt samples as JSON objects (header lines become fields)."""
    out = []
    for name in sorted(os.listdir(samples_dir)):
        if not name.endswith(".txt"):
            continue
        with open(os.path.join(samples_dir, name), encoding="utf-8") as f:
            lines = f.read().split("\n")
        article = {"id": "samples/" + name[:-4]}
        i = 0
        while i < len(lines) and ":" in lines[i]:
            key, value = lines[i].split(":", 1)
            if key.strip().lower() not in HEADERS:
                break
            article[HEADERS[key.strip().lower()]] = value.strip()
            i += 1
        if i < len(lines) and not lines[i].strip():
            i += 1
        article["text"] = "\n".join(lines[i:])
        out.append(article)
    return out


def dev_articles_path(s):
    return os.path.join(s.shared_dir, "eval", "dev", "articles.jsonl")


def corpus_lines(s):
    """Every article of the corpus as one JSON line (bytes, no newline)."""
    lines = [json.dumps(a, ensure_ascii=False).encode("utf-8")
             for a in sample_articles(s.samples)]
    dev = dev_articles_path(s)
    if os.path.exists(dev):
        with open(dev, "rb") as f:
            lines += [line.rstrip(b"\r\n") for line in f if line.strip()]
    return lines


def write_corpus(s, lines, name="all.jsonl"):
    return s.write(name, b"".join(line + b"\n" for line in lines))


def build(s, *args):
    s.run("build", *args, "--no-progress").expect(0, stderr_empty=True)


@suite.test
def jobs_do_not_change_the_graph(s):
    corpus = write_corpus(s, corpus_lines(s))
    build(s, corpus, "-o", s.path("j1.json"), "-j", "1")
    build(s, corpus, "-o", s.path("j4.json"), "-j", "4")
    check(s.read("j1.json") == s.read("j4.json"), "build -j 1 and -j 4 differ")
    build(s, s.samples, "-o", s.path("s1.json"), "-j", "1")
    build(s, s.samples, "-o", s.path("s4.json"), "-j", "4")
    check(s.read("s1.json") == s.read("s4.json"), "build samples -j 1 and -j 4 differ")


def split(lines, rng):
    """A random split of `lines` into 2-4 non-empty shards (order shuffled)."""
    lines = list(lines)
    rng.shuffle(lines)
    parts = rng.randint(2, min(4, len(lines)))
    cuts = sorted(rng.sample(range(1, len(lines)), parts - 1))
    return [lines[a:b] for a, b in zip([0] + cuts, cuts + [len(lines)])]


@suite.test
def shards_extracted_and_merged_equal_one_build(s):
    lines = corpus_lines(s)
    build(s, write_corpus(s, lines), "-o", s.path("all.json"))
    want = s.read("all.json")
    rng = random.Random(SEED)
    for round_ in range(5):
        shards = split(lines, rng)
        outputs = []
        for k, shard in enumerate(shards):
            r = s.run("extract", "--no-progress", stdin=b"".join(x + b"\n" for x in shard))
            r.expect(0, stderr_empty=True)
            check(len(r.stdout.splitlines()) == len(shard),
                  f"shard {k}: {len(shard)} articles in, {len(r.stdout.splitlines())} records out")
            outputs.append(s.write(f"r{round_}/part-{k:05d}.jsonl", r.stdout))
        what = f"round {round_} ({len(shards)} shards of {[len(x) for x in shards]})"
        s.run("merge", *outputs, "-o", s.path(f"r{round_}/merged.json")).expect(0, stderr_empty=True)
        check(s.read(f"r{round_}/merged.json") == want, f"{what}: merge of the shards != build")
        s.run("merge", *reversed(outputs), "-o", s.path(f"r{round_}/reversed.json")).expect(0)
        check(s.read(f"r{round_}/reversed.json") == want, f"{what}: merge in reverse != build")
        graphs = []
        for k, part in enumerate(outputs):
            graphs.append(s.path(f"r{round_}/shard-{k}.json"))
            build(s, part, "-o", graphs[-1])
        s.run("merge", *graphs, "-o", s.path(f"r{round_}/graphs.json")).expect(0, stderr_empty=True)
        check(s.read(f"r{round_}/graphs.json") == want, f"{what}: merge of shard graphs != build")


@suite.test
def merging_a_graph_with_itself_changes_nothing(s):
    build(s, write_corpus(s, corpus_lines(s)), "-o", s.path("g.json"))
    s.run("merge", "g.json", "g.json", "-o", s.path("gg.json")).expect(0, stderr_empty=True)
    check(s.read("gg.json") == s.read("g.json"), "merge G G != G")


@suite.test
def low_memory_builds_equal_build(s):
    lines = corpus_lines(s)
    corpus = write_corpus(s, lines)
    build(s, corpus, "-o", s.path("all.json"))
    want = s.read("all.json")
    build(s, corpus, "-o", s.path("low.json"), "--low-memory", "-j", "2")
    check(s.read("low.json") == want, "build --low-memory != build")
    # Half the corpus as extraction records, a quarter as a saved graph,
    # the rest as articles; some documents come twice.
    rng = random.Random(SEED)
    shuffled = list(lines)
    rng.shuffle(shuffled)
    half, three_quarters = len(shuffled) // 2, 3 * len(shuffled) // 4
    r = s.run("extract", "--no-progress", stdin=b"".join(x + b"\n" for x in shuffled[:half]))
    r.expect(0, stderr_empty=True)
    records = s.write("part/records.jsonl", r.stdout)
    build(s, write_corpus(s, shuffled[half - 3:three_quarters], "part/q.jsonl"),
          "-o", s.path("part/q.json"))
    articles = write_corpus(s, shuffled[three_quarters:], "part/rest.jsonl")
    os.makedirs(s.path("tmp"))
    build(s, records, s.path("part/q.json"), articles, "-o", s.path("mixed.json"),
          "--low-memory", "--temp-dir", s.path("tmp"))
    check(s.read("mixed.json") == want, "build --low-memory of records, graph and articles != build")
    check(os.listdir(s.path("tmp")) == [], "temporary files left behind")
    s.run("merge", records, s.path("part/q.json"), s.path("all.json"), "--low-memory",
          "-o", s.path("merged.json")).expect(0, stderr_empty=True)
    check(s.read("merged.json") == want, "merge --low-memory != build")


@suite.test
def low_memory_usage_errors(s):
    corpus = write_corpus(s, corpus_lines(s)[:2])
    for args, message in [
            (["-o", "g.graphml", "--low-memory"], "--low-memory writes saved graphs only"),
            (["-o", "g.json", "--temp-dir", "."], "--temp-dir goes with --low-memory")]:
        r = s.run("build", corpus, *args)
        r.expect(2)
        check(message.encode() in r.stderr, f"{args}: stderr {r.stderr!r}")
    r = s.run("build", corpus, "-o", "g.json", "--low-memory", "--temp-dir", s.path("missing"))
    check(r.returncode not in (0, 2) and b"missing" in r.stderr and not os.path.exists(s.path("g.json")),
          f"a missing --temp-dir: exit {r.returncode}, stderr {r.stderr!r}")


# Runs the rest of argv with files limited to LIMIT bytes: a write past it
# fails with EFBIG (SIGXFSZ ignored), as a full disk would fail.
FILE_SIZE_LIMIT = ("import os, resource, signal, sys\n"
                   "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
                   "n = int(sys.argv[1])\n"
                   "resource.setrlimit(resource.RLIMIT_FSIZE, (n, n))\n"
                   "os.execv(sys.argv[2], sys.argv[2:])\n")


@suite.test
def low_memory_write_errors_are_reported(s):
    corpus = write_corpus(s, corpus_lines(s)[:3])
    os.makedirs(s.path("tmp"))
    build(s, corpus, "-o", s.path("ok.json"), "--low-memory", "--temp-dir", s.path("tmp"))
    size = os.path.getsize(s.path("ok.json"))
    # The temporary files fail first (smaller limits), then the output.
    for limit in (1000, size // 2):
        r = s.run("build", corpus, "-o", "g.json", "--low-memory", "--temp-dir", s.path("tmp"),
                  prefix=(sys.executable, "-c", FILE_SIZE_LIMIT, str(limit)))
        check(r.returncode == 1 and b"File too large" in r.stderr,
              f"limit {limit}: exit {r.returncode}, stderr {r.stderr!r}")
        check(len(r.stderr.splitlines()) == 1, f"limit {limit}: want one line, got {r.stderr!r}")
        check(not os.path.exists(s.path("g.json")), f"limit {limit}: a partial g.json was left")
        check(os.listdir(s.path("tmp")) == [], f"limit {limit}: temporary files left behind")


# (what, test on a node): each must match exactly one node of the dev graph.
def named(name):
    def matches(node):
        names = [node.get("label", "")] + node.get("aliases", [])
        return any(n.lower() == name.lower() for n in names)
    return name, matches


def cyber_dialogue(node):
    names = [node.get("label", "")] + node.get("aliases", [])
    pattern = re.compile(r"cyber ?crimes?|cyber(security)? dialogue", re.I)
    return node.get("type") == "event" and any(pattern.search(n) for n in names)


DEV_ACTORS = [named("China"), named("United States"), named("Guo Shengkun"),
              named("Jeh Johnson"), named("Loretta Lynch"),
              ("the US-China cybercrime dialogue", cyber_dialogue),
              named("People's Liberation Army")]


@suite.test
def dev_actors_are_one_node_each(s):
    dev = dev_articles_path(s)
    if not os.path.exists(dev):
        skip(f"{dev} is missing: only the samples were checked")
    build(s, dev, "-o", s.path("dev.json"))
    with open(s.path("dev.json"), encoding="utf-8") as f:
        nodes = json.load(f)["nodes"]
    problems = []
    for what, matches in DEV_ACTORS:
        found = [n for n in nodes if matches(n)]
        if len(found) != 1:
            shown = "; ".join(f"{n['id']} ({n.get('type')}: {n.get('label')!r}, aliases "
                              f"{n.get('aliases')})" for n in found) or "none"
            problems.append(f"{what}: {len(found)} nodes: {shown}")
    if problems:
        fail("\n  ".join(["want one node each:"] + problems))


sys.exit(suite.main())
