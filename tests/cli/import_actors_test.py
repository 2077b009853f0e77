#!/usr/bin/python3
"""Command-line tests of `diplograph import-actors` (CTest name: import_actors).

Usage: import_actors_test.py DIPLOGRAPH_BINARY SOURCE_DIR SHARED_DIR [-k SUBSTRING]

Imports tests/data/sample.actors (invented people, some malformed lines),
then extracts an article naming them with --dict and checks their ids and
CAMEO codes; also --kind organizations, stdout output, usage errors and
unreadable input.
"""

import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import Suite, check, check_equal  # noqa: E402

suite = Suite(__doc__)
test = suite.test

ARTICLE = ("Title: Talks in Stockholm\nDate: 2021-05-04\n\n"
           "Oskar Drummelby met Marta Vellanova in Stockholm on Monday.\n")
CLEAN = ("# one invented person\n"
         "IDRIS_KALLENBACH_  [DEUGOV 150101-191231]\n"
         "+I._KALLENBACH_\n"
         "\t[DEUELI]\n")


def sample(s):
    return os.path.join(s.source_dir, "tests", "data", "sample.actors")


def entities_by_id(r):
    records = [json.loads(line) for line in r.out.splitlines()]
    check_equal(len(records), 1, "records")
    return {e["id"]: e for e in records[0]["entities"]}


@test
def help_works(s):
    for args in (["import-actors", "--help"], ["help", "import-actors"]):
        r = s.run(*args).expect(0, stderr_empty=True)
        check("usage: diplograph import-actors FILE.actors" in r.out, r.describe())
        check("--kind" in r.out and "--output" in r.out, r.describe())


@test
def sample_then_extract_with_dict(s):
    os.makedirs(s.path("dict"))
    r = s.run("import-actors", sample(s), "-o", s.path("dict")).expect(1)
    err = r.err_lines()
    check_equal(sum(": error: " in line for line in err), 3, f"errors in\n{r.err}")
    check(f"{sample(s)}:30: error: malformed CAMEO code 'ngagov'" in err, r.err)
    check(err[-1].endswith("wrote 7 people to " + s.path("dict", "people.imported.json")), r.err)
    with open(s.path("dict", "people.imported.json"), encoding="utf-8") as f:
        people = {p["id"]: p for p in json.load(f)["people"]}
    check_equal(sorted(people), ["halvard-quintrell", "jose-nandu-peralta", "marta-vellanova",
                                 "oskar-drummelby", "pella-darconte", "teodor-asanti-bright",
                                 "zephyrine-olu"], "imported ids")
    s.write("talks.txt", ARTICLE)
    r = s.run("extract", "--dict", s.path("dict"), "talks.txt").expect(0)
    found = entities_by_id(r)
    for pid, cameo, country in [("oskar-drummelby", "SWEGOV", "SWE"),
                                ("marta-vellanova", "ITAGOV", "ITA")]:
        check(pid in found, f"{pid} not extracted: {sorted(found)}")
        check_equal((found[pid]["type"], found[pid]["cameo"], found[pid]["country"]),
                    ("person", cameo, country), pid)


@test
def clean_file_to_stdout(s):
    s.write("clean.actors", CLEAN)
    r = s.run("import-actors", "clean.actors").expect(0, stderr_empty=True)
    people = json.loads(r.out)["people"]
    check_equal(people, [{
        "id": "idris-kallenbach", "name": "Idris Kallenbach", "aliases": ["I. Kallenbach"],
        "country": "DEU", "roles": [
            {"title": "Government official", "role": "cameo-gov", "country": "DEU",
             "cameo": "DEUGOV", "start": "2015-01-01", "end": "2019-12-31"},
            {"title": "Elite", "role": "cameo-eli", "country": "DEU", "cameo": "DEUELI",
             "start": None, "end": None}]}], "people")


@test
def organizations(s):
    s.write("orgs.actors", "NORTHWIND_TRADING_COUNCIL_ [IGOBUS]\n+NTC_\n")
    os.makedirs(s.path("d"))
    s.run("import-actors", "orgs.actors", "--kind", "organizations", "-o", "d").expect(0)
    with open(s.path("d", "organizations.imported.json"), encoding="utf-8") as f:
        orgs = json.load(f)["organizations"]
    check_equal(orgs, [{"id": "northwind-trading-council", "name": "Northwind Trading Council",
                        "type": "organization", "cameo": "IGOBUS", "country": None,
                        "parent": None, "aliases": ["Ntc"]}], "organizations")


@test
def errors(s):
    r = s.run("import-actors").expect(2, stderr_lines=1)
    check(r.err.startswith("diplograph import-actors: "), r.describe())
    s.write("clean.actors", CLEAN)
    s.run("import-actors", "clean.actors", "--kind", "things").expect(2, stderr_lines=1)
    r = s.run("import-actors", "missing.actors").expect(1)
    check("missing.actors" in r.err, r.describe())
    s.write("bad.actors", "+ORPHAN_\n[USAGOV junk]\n")
    r = s.run("import-actors", "bad.actors", "-o", "people.json").expect(1)
    check("bad.actors:1: error: a synonym line before the first entry" in r.err, r.describe())
    check(not os.path.exists(s.path("people.json")), "nothing to import: nothing written")
    r = s.run("import-actors", "clean.actors", "-o", "actors.json").expect(0)
    check("only from files named people*.json" in r.err, r.describe())


sys.exit(suite.main())
