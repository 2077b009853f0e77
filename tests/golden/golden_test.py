#!/usr/bin/python3
"""Golden-file tests of whole-pipeline output (CTest name: golden).

Usage: golden_test.py DIPLOGRAPH_BINARY SOURCE_DIR SHARED_DIR [-k SUBSTRING]

Runs diplograph on the bundled samples/ from the source directory, exactly as
tools/update-golden does, and compares the output byte for byte with the
checked-in files in tests/golden/:

  diplograph build samples -o samples.graph.json    -> samples.graph.json
  diplograph extract samples -o samples.extract.jsonl -> samples.extract.jsonl
  diplograph build samples -o samples.graphml       -> samples.graphml
  (and `export samples.graph.json -o X.graphml` must give the same GraphML)

A run fails if it exits non-zero or writes anything to stderr. On a mismatch
the test prints the first lines of a unified diff. If the change is intended,
review the whole diff and regenerate the files with

  tools/update-golden build/diplograph
"""

import difflib
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "cli"))
from common import Suite, fail  # noqa: E402

DIFF_LINES = 60

suite = Suite(__doc__)


def compare(s, name, got):
    golden_path = os.path.join(s.source_dir, "tests", "golden", name)
    update = "tools/update-golden build/diplograph"
    if not os.path.exists(golden_path):
        fail(f"tests/golden/{name} is missing; generate it with {update}")
    with open(golden_path, "rb") as f:
        want = f.read()
    if got == want:
        return
    diff = list(difflib.unified_diff(
        want.decode("utf-8", "replace").splitlines(keepends=True),
        got.decode("utf-8", "replace").splitlines(keepends=True),
        fromfile=f"tests/golden/{name}", tofile=f"{name} from the current binary"))
    shown = "".join(l if len(l) <= 400 else l[:400] + " [...]\n" for l in diff[:DIFF_LINES])
    if not diff:  # differs only in bytes that decoding or line splitting hides
        shown = f"(no line differs; sizes {len(want)} and {len(got)} bytes)\n"
    more = f"... {len(diff) - DIFF_LINES} more diff lines\n" if len(diff) > DIFF_LINES else ""
    fail(f"output differs from tests/golden/{name}:\n{shown}{more}"
         f"If the change is intended, review the whole diff and run: {update}")


def run_golden(s, *args):
    """Runs diplograph from the source directory, like tools/update-golden."""
    return s.run(*args, cwd=s.source_dir).expect(0, stderr_empty=True)


@suite.test
def saved_graph(s):
    run_golden(s, "build", "samples", "-o", s.path("samples.graph.json"), "--no-progress")
    compare(s, "samples.graph.json", s.read("samples.graph.json"))


@suite.test
def extraction_records(s):
    run_golden(s, "extract", "samples", "-o", s.path("samples.extract.jsonl"), "--no-progress")
    compare(s, "samples.extract.jsonl", s.read("samples.extract.jsonl"))


@suite.test
def graphml(s):
    run_golden(s, "build", "samples", "-o", s.path("samples.graphml"), "--no-progress")
    compare(s, "samples.graphml", s.read("samples.graphml"))
    # A saved graph exported again gives the same GraphML as building it directly.
    run_golden(s, "export", os.path.join("tests", "golden", "samples.graph.json"),
               "-o", s.path("exported.graphml"))
    compare(s, "samples.graphml", s.read("exported.graphml"))


if __name__ == "__main__":
    sys.exit(suite.main())
