#!/usr/bin/python3
"""Checks diplograph's exports with the tools users read them with.

Usage: validate_exports.py WRITE_SAMPLES SHARED_DIR OUT_DIR

Runs WRITE_SAMPLES OUT_DIR (the nasty-names graph in every format), then:
  - every XML file is well-formed (xml.etree);
  - GraphML validates against SHARED_DIR/xml-schemas/graphml/graphml.xsd and
    GEXF 1.3 against SHARED_DIR/xml-schemas/gexf-1.3/gexf.rng (xmllint);
  - networkx reads the GraphML, the GEXF 1.2 and the saved JSON, igraph reads
    the GraphML, Python's csv module reads the Neo4j CSV; node and edge
    counts and attribute values match the saved graph;
  - the saved JSON validates against schemas/graph.schema.json (jsonschema);
  - graphviz's dot reads the DOT file.
Parts whose tools are missing are skipped with a "SKIP:" line. Exits 1 if any
check fails.
"""

import csv
import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

FAILURES = []


def check(ok, what):
    if not ok:
        FAILURES.append(what)
    return ok


def check_equal(got, want, what):
    return check(got == want, f"{what}: got {got!r}, want {want!r}")


# --- How each format is expected to carry a saved-graph string -------------

def xml_allowed(c):
    o = ord(c)
    if o < 0x20:
        return c in "\t\n\r"
    return not (0xD800 <= o <= 0xDFFF or o in (0xFFFE, 0xFFFF))


def xml_clean(s):
    return "".join(c if xml_allowed(c) else "\ufffd" for c in s)


def collapse(s):
    """GEXF labels are xs:token: XML whitespace runs become one space."""
    return " ".join(part for part in re.split(r"[ \t\n\r]+", s) if part)


def one_line(s):
    return "".join(" " if ord(c) < 0x20 or ord(c) == 0x7F else c for c in s)


def name_token(s):
    keep = set(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_")
    return "".join(chr(b) if b in keep else ".%02X" % b for b in s.encode("utf-8"))


def edge_id(link):
    return ":".join(name_token(link[k]) for k in ("source", "type", "target"))


def node_expect(node):
    """GraphML / GEXF attribute values of a saved node (None: absent)."""
    values = {
        "type": node["type"], "country": node["country"], "cameo": node["cameo"],
        "aliases": "; ".join(node["aliases"]), "roles": "; ".join(node["roles"]),
    }
    out = {k: xml_clean(v) if v else None for k, v in values.items()}  # empty = absent
    out["mentions"] = node["mentions"]
    out["documents"] = len(node["documents"])
    return out


def edge_expect(link):
    values = {
        "cameo": link["cameo"], "first_date": link["first_date"],
        "last_date": link["last_date"], "documents": "; ".join(link["documents"]),
        "evidence": link["evidence"],
    }
    out = {k: xml_clean(v) if v else None for k, v in values.items()}  # empty = absent
    out.update(mentions=link["mentions"], goldstein=link["goldstein"],
               symmetric=link["symmetric"])
    return out


def compare_attrs(got, want, what):
    for key, value in want.items():
        check_equal(got.get(key), value, f"{what} {key}")


# --- The checks -------------------------------------------------------------

def check_well_formed(out_dir):
    for name in sorted(os.listdir(out_dir)):
        if name.endswith((".graphml", ".gexf")):
            try:
                ET.parse(os.path.join(out_dir, name))
            except ET.ParseError as e:
                check(False, f"{name} is not well-formed XML: {e}")


def check_schemas(out_dir, shared_dir):
    schemas = os.path.join(shared_dir, "xml-schemas")
    if not os.path.isdir(schemas):
        print(f"SKIP: ../shared not found (no {schemas}); schema validation skipped")
        return
    if shutil.which("xmllint") is None:
        print("SKIP: xmllint not found; schema validation skipped")
        return
    runs = [
        (["--schema", os.path.join(schemas, "graphml", "graphml.xsd")],
         ["graph.graphml", "graph-gephi.graphml"]),
        (["--relaxng", os.path.join(schemas, "gexf-1.3", "gexf.rng")], ["graph.gexf"]),
    ]
    for args, files in runs:
        for f in files:
            r = subprocess.run(["xmllint", "--noout", "--nonet"] + args +
                               [os.path.join(out_dir, f)], capture_output=True, text=True)
            check(r.returncode == 0, f"xmllint {f}: {r.stderr.strip()}")
    print("ok: GraphML and GEXF 1.3 validate against their schemas")


def check_networkx(out_dir, saved):
    try:
        import networkx as nx
        from networkx.readwrite import json_graph
    except ImportError:
        print("SKIP: python3-networkx not installed; networkx checks skipped")
        return
    nodes, links = saved["nodes"], saved["links"]

    g = nx.read_graphml(os.path.join(out_dir, "graph.graphml"), force_multigraph=True)
    check_equal(g.number_of_nodes(), len(nodes), "networkx GraphML node count")
    check_equal(g.number_of_edges(), len(links), "networkx GraphML edge count")
    check(g.is_directed(), "networkx GraphML is directed")
    for node in nodes:
        nid = name_token(node["id"])
        if check(nid in g, f"networkx GraphML has node {nid}"):
            data = g.nodes[nid]
            check_equal(data.get("label"), xml_clean(node["label"]), f"GraphML {nid} label")
            compare_attrs(data, node_expect(node), f"GraphML node {nid}")
    for link in links:
        key = (name_token(link["source"]), name_token(link["target"]), edge_id(link))
        if check(g.has_edge(*key), f"networkx GraphML has edge {key}"):
            data = g.edges[key]
            check_equal(data.get("label"), xml_clean(link["type"]), f"GraphML {key} label")
            check_equal(data.get("weight"), link["weight"], f"GraphML {key} weight")
            compare_attrs(data, edge_expect(link), f"GraphML edge {key}")

    g = nx.read_gexf(os.path.join(out_dir, "graph-1.2.gexf"))
    check_equal(g.number_of_nodes(), len(nodes), "networkx GEXF 1.2 node count")
    check_equal(g.number_of_edges(), len(links), "networkx GEXF 1.2 edge count")
    for node in nodes:
        nid = xml_clean(node["id"])
        if check(nid in g, f"networkx GEXF has node {nid!r}"):
            data = g.nodes[nid]
            check_equal(data.get("label"), collapse(xml_clean(node["label"])),
                        f"GEXF {nid!r} label")
            compare_attrs(data, node_expect(node), f"GEXF node {nid!r}")
            check("viz" in data, f"GEXF node {nid!r} has a colour")
    edges = {d.get("id"): (u, v, d) for u, v, d in g.edges(data=True)}
    for link in links:
        eid = edge_id(link)
        if check(eid in edges, f"networkx GEXF has edge {eid}"):
            u, v, data = edges[eid]
            check_equal((u, v), (xml_clean(link["source"]), xml_clean(link["target"])),
                        f"GEXF {eid} ends")
            check_equal(data.get("weight"), float(link["weight"]), f"GEXF {eid} weight")
            check_equal(data.get("event_type"), xml_clean(link["type"]), f"GEXF {eid} type")
            compare_attrs(data, edge_expect(link), f"GEXF edge {eid}")
            check(bool(data.get("spells")) == bool(link["dates"]), f"GEXF {eid} spells")

    g = json_graph.node_link_graph(saved)
    check_equal(g.number_of_nodes(), len(nodes), "networkx JSON node count")
    check_equal(g.number_of_edges(), len(links), "networkx JSON edge count")
    check(g.is_multigraph() and g.is_directed(), "networkx JSON is a MultiDiGraph")
    for link in links:
        key = (link["source"], link["target"], link["type"])
        if check(g.has_edge(*key), f"networkx JSON has edge {key}"):
            check_equal(g.edges[key]["weight"], link["weight"], f"JSON {key} weight")
    check_equal(g.graph.get("format"), "diplograph-graph", "networkx JSON graph format")
    print("ok: networkx reads GraphML, GEXF 1.2 and the saved JSON")


def check_igraph(out_dir, saved):
    try:
        import igraph
    except ImportError:
        print("SKIP: python3-igraph not installed; igraph checks skipped")
        return
    g = igraph.Graph.Read_GraphML(os.path.join(out_dir, "graph.graphml"))
    check_equal(g.vcount(), len(saved["nodes"]), "igraph node count")
    check_equal(g.ecount(), len(saved["links"]), "igraph edge count")
    check(g.is_directed(), "igraph graph is directed")
    want = {name_token(n["id"]): xml_clean(n["label"]) for n in saved["nodes"]}
    check_equal(dict(zip(g.vs["id"], g.vs["label"])), want, "igraph node labels")
    weights = sorted(zip(g.es["label"], g.es["weight"]))
    check_equal(weights, sorted((xml_clean(l["type"]), l["weight"]) for l in saved["links"]),
                "igraph edge labels and weights")
    print("ok: igraph reads GraphML")


def check_csv(out_dir, saved):
    with open(os.path.join(out_dir, "nodes.csv"), newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    check_equal(rows[0][:3], ["id:ID", ":LABEL", "name"], "nodes.csv header")
    check_equal([r[0] for r in rows[1:]], [one_line(n["id"]) for n in saved["nodes"]],
                "nodes.csv ids")
    check_equal([r[2] for r in rows[1:]], [one_line(n["label"]) for n in saved["nodes"]],
                "nodes.csv names")
    with open(os.path.join(out_dir, "relationships.csv"), newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    check_equal(rows[0][:3], [":START_ID", ":END_ID", ":TYPE"], "relationships.csv header")
    check_equal([(r[0], r[1], r[3], int(r[4])) for r in rows[1:]],
                [(one_line(l["source"]), one_line(l["target"]), one_line(l["type"]),
                  l["weight"]) for l in saved["links"]], "relationships.csv rows")
    print("ok: the Neo4j CSV reads back")


def check_json_schema(saved):
    try:
        import jsonschema
    except ImportError:
        print("SKIP: python3-jsonschema not installed; graph.schema.json check skipped")
        return
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "..", "..", "schemas", "graph.schema.json")) as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(saved))
    for e in errors[:10]:
        check(False, f"graph.json against graph.schema.json: {e.message} at {list(e.path)}")
    if not errors:
        print("ok: the saved graph validates against schemas/graph.schema.json")


def check_dot(out_dir):
    if shutil.which("dot") is None:
        print("SKIP: graphviz not installed; DOT syntax check skipped")
        return
    r = subprocess.run(["dot", "-Tcanon", os.path.join(out_dir, "graph.dot")],
                       capture_output=True, text=True)
    if check(r.returncode == 0, f"dot rejects graph.dot: {r.stderr.strip()}"):
        print("ok: graphviz reads the DOT file")


def main(argv):
    if len(argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    writer, shared_dir, out_dir = argv[1:]
    if os.path.isdir(out_dir):
        shutil.rmtree(out_dir)
    subprocess.run([writer, out_dir], check=True)
    with open(os.path.join(out_dir, "graph.json"), encoding="utf-8") as f:
        saved = json.load(f)
    check_well_formed(out_dir)
    check_schemas(out_dir, shared_dir)
    check_networkx(out_dir, saved)
    check_igraph(out_dir, saved)
    check_csv(out_dir, saved)
    check_json_schema(saved)
    check_dot(out_dir)
    for failure in FAILURES:
        print("FAIL:", failure)
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
