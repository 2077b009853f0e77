#!/usr/bin/python3
"""Validates diplograph's data files and outputs against schemas/ (CTest name: schemas).

Usage: schema_test.py DIPLOGRAPH_BINARY SOURCE_DIR SHARED_DIR [-k SUBSTRING]

  - every data/dict/<kind>*.json against schemas/dict-<kind>.schema.json
    (kind from the file name: countries, organizations, media, organs, titles,
    people; organizations-national* has dict-organizations-national.schema.json);
  - data/lexicon/events.json against schemas/lexicon-events.schema.json;
  - `diplograph extract samples` output, line by line, against
    schemas/extraction.schema.json;
  - the saved graph of `diplograph build samples` against schemas/graph.schema.json.

Skips (exit 77) only when python3-jsonschema cannot be imported.
"""

import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import SKIP_CODE, Suite, check, fail  # noqa: E402

try:
    import jsonschema
except ImportError:
    print("SKIP: python3-jsonschema cannot be imported (apt-get install python3-jsonschema)")
    sys.exit(SKIP_CODE)

DICT_KINDS = ["organizations-national", "countries", "organizations", "media", "organs",
              "titles", "people"]  # longest prefix first

suite = Suite(__doc__)


def load_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def validator(s, schema_name):
    path = os.path.join(s.source_dir, "schemas", schema_name)
    check(os.path.exists(path), f"missing schema {path}")
    schema = load_json(path)
    cls = jsonschema.validators.validator_for(schema)
    try:
        cls.check_schema(schema)
    except jsonschema.SchemaError as e:
        fail(f"{schema_name} is not a valid JSON Schema: {e.message}")
    return cls(schema, format_checker=getattr(cls, "FORMAT_CHECKER", jsonschema.FormatChecker()))


def validate(v, instance, what, limit=10):
    errors = sorted(v.iter_errors(instance), key=lambda e: list(e.absolute_path))
    if errors:
        shown = "\n  ".join(f"at /{'/'.join(str(p) for p in e.absolute_path)}: {e.message[:300]}"
                            for e in errors[:limit])
        fail(f"{what}: {len(errors)} schema error(s):\n  {shown}")


def dict_kind(name):
    for kind in DICT_KINDS:
        if name == kind + ".json" or name.startswith(kind + "-") or name.startswith(kind + "."):
            return kind
    return None


@suite.test
def dictionaries(s):
    folder = os.path.join(s.source_dir, "data", "dict")
    names = sorted(n for n in os.listdir(folder) if n.endswith(".json"))
    check(names, f"no dictionaries in {folder}")
    problems = []
    seen = set()
    for name in names:
        kind = dict_kind(name)
        if kind is None:
            problems.append(f"{name}: no schema for this kind of dictionary "
                            f"(expected a name starting with one of {DICT_KINDS})")
            continue
        seen.add(kind)
        try:
            validate(validator(s, f"dict-{kind}.schema.json"), load_json(os.path.join(folder, name)),
                     f"data/dict/{name} against dict-{kind}.schema.json")
        except Exception as e:  # collect every file's problems
            problems.append(str(e))
    check(not problems, "\n".join(problems))
    missing = set(DICT_KINDS) - seen
    check(not missing, f"no dictionary of kind(s) {sorted(missing)} in data/dict")


@suite.test
def event_lexicon(s):
    validate(validator(s, "lexicon-events.schema.json"),
             load_json(os.path.join(s.source_dir, "data", "lexicon", "events.json")),
             "data/lexicon/events.json")


@suite.test
def extraction_records(s):
    v = validator(s, "extraction.schema.json")
    s.run("extract", s.samples, "-o", "samples.jsonl").expect(0, stderr_empty=True)
    lines = s.read("samples.jsonl").decode("utf-8").splitlines()
    check(len(lines) == 10, f"want 10 records from samples/, got {len(lines)}")
    for i, line in enumerate(lines, 1):
        record = json.loads(line)
        validate(v, record, f"extract output line {i} ({record.get('doc', {}).get('id')})")


@suite.test
def saved_graph(s):
    v = validator(s, "graph.schema.json")
    s.run("build", s.samples, "-o", "samples.json").expect(0, stderr_empty=True)
    graph = json.loads(s.read("samples.json"))
    validate(v, graph, "saved graph of samples/")
    check(len(graph["graph"]["documents"]) == 10, "the saved graph does not hold 10 documents")


if __name__ == "__main__":
    sys.exit(suite.main())
