#!/usr/bin/python3
"""The GraphML of the samples, read by the tools users read it with (CTest name: graphml_tools).

Usage: graphml_tools_test.py DIPLOGRAPH_BINARY SOURCE_DIR SHARED_DIR [-k SUBSTRING]

Builds samples/ into a saved graph, GraphML and GraphML --gephi, then:
  - xmllint validates both GraphML files against
    SHARED_DIR/xml-schemas/graphml/graphml.xsd (skipped, with a message,
    without the shared folder or xmllint);
  - networkx.read_graphml and igraph.Graph.Read_GraphML load the GraphML, with
    as many nodes and edges as the saved JSON graph, all directed;
  - every node carries the contract's label, type, country, aliases, mentions,
    documents, and every edge label, type, weight, cameo, goldstein,
    first_date, last_date, documents, evidence, with the saved graph's values;
  - in the --gephi GraphML exactly the symmetric edges are undirected.
"""

import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import Suite, check, check_equal, fail, short, skip  # noqa: E402

NODE_ATTRS = ["label", "type", "country", "aliases", "mentions", "documents"]
EDGE_ATTRS = ["label", "type", "weight", "cameo", "goldstein", "first_date", "last_date",
              "documents", "evidence"]
NS = "{http://graphml.graphdrawing.org/xmlns}"

suite = Suite(__doc__)


def build(s):
    """Builds the samples; returns the saved graph (parsed)."""
    s.run("build", s.samples, "-o", "samples.json").expect(0, stderr_empty=True)
    s.run("export", "samples.json", "-o", "samples.graphml").expect(0, stderr_empty=True)
    s.run("build", s.samples, "-o", "gephi.graphml", "--gephi").expect(0, stderr_empty=True)
    with open(s.path("samples.json"), encoding="utf-8") as f:
        saved = json.load(f)
    check(saved["nodes"] and saved["links"], "the samples' graph has no nodes or no links")
    return saved


def name_token(s):
    """A GraphML id from an actor id, as the writer derives it."""
    keep = set(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_")
    return "".join(chr(b) if b in keep else ".%02X" % b for b in s.encode("utf-8"))


def read_xml(s, name):
    """GraphML as {node id: {attr: text}} and [(edge element, {attr: text})]."""
    try:
        root = ET.parse(s.path(name)).getroot()
    except ET.ParseError as e:
        fail(f"{name} is not well-formed XML: {e}")
    keys = {k.get("id"): (k.get("for"), k.get("attr.name")) for k in root.iter(NS + "key")}
    graph = root.find(NS + "graph")
    check(graph is not None, f"{name} has no <graph>")

    def attrs(element):
        out = {}
        for d in element.findall(NS + "data"):
            check(d.get("key") in keys, f"{name}: <data key={d.get('key')!r}> has no <key>")
            out[keys[d.get("key")][1]] = d.text or ""
        return out

    nodes = {n.get("id"): attrs(n) for n in graph.iter(NS + "node")}
    edges = [(e, attrs(e)) for e in graph.iter(NS + "edge")]
    return graph, nodes, edges


@suite.test
def xmllint_schema(s):
    xsd = os.path.join(s.shared_dir, "xml-schemas", "graphml", "graphml.xsd")
    if not os.path.exists(xsd):
        skip(f"{xsd} not found (no ../shared); GraphML schema validation skipped")
    if shutil.which("xmllint") is None:
        skip("xmllint not found (apt-get install libxml2-utils); schema validation skipped")
    build(s)
    for name in ("samples.graphml", "gephi.graphml"):
        p = subprocess.run(["xmllint", "--noout", "--nonet", "--schema", xsd, s.path(name)],
                           capture_output=True, text=True, timeout=120)
        check(p.returncode == 0, f"xmllint rejects {name}:\n{p.stderr[-3000:]}")


@suite.test
def networkx_reads_it(s):
    try:
        import networkx as nx
    except ImportError:
        skip("python3-networkx cannot be imported")
    saved = build(s)
    g = nx.read_graphml(s.path("samples.graphml"), force_multigraph=True)
    check(g.is_directed(), "networkx reads an undirected graph")
    check_equal(g.number_of_nodes(), len(saved["nodes"]), "networkx node count")
    check_equal(g.number_of_edges(), len(saved["links"]), "networkx edge count")
    for node in saved["nodes"]:
        nid = name_token(node["id"])
        check(nid in g, f"networkx has no node {nid!r}")
        data = g.nodes[nid]
        check_equal(data.get("label"), node["label"], f"node {nid} label")
        check_equal(data.get("type"), node["type"], f"node {nid} type")
        check_equal(data.get("mentions"), node["mentions"], f"node {nid} mentions")
        check_equal(data.get("documents"), len(node["documents"]), f"node {nid} documents")
        # networkx drops empty <data> elements, so empty values are absent here.
        check_equal(data.get("country"), node["country"] or None, f"node {nid} country")
        check_equal(data.get("aliases"), "; ".join(node["aliases"]) or None, f"node {nid} aliases")
    edges = {(u, v, d.get("label")): d for u, v, d in g.edges(data=True)}
    check_equal(len(edges), len(saved["links"]), "distinct (source, target, type) edges")
    for link in saved["links"]:
        key = (name_token(link["source"]), name_token(link["target"]), link["type"])
        check(key in edges, f"networkx has no edge {key}")
        data = edges[key]
        check_equal(data.get("type"), link["type"], f"edge {key} type")
        check_equal(data.get("weight"), link["weight"], f"edge {key} weight")
        check_equal(data.get("goldstein"), link["goldstein"], f"edge {key} goldstein")
        check_equal(data.get("documents"), "; ".join(link["documents"]), f"edge {key} documents")
        check_equal(data.get("first_date"), link["first_date"] or None, f"edge {key} first_date")
        check_equal(data.get("last_date"), link["last_date"] or None, f"edge {key} last_date")
        check_equal(data.get("evidence"), link["evidence"] or None, f"edge {key} evidence")


@suite.test
def igraph_reads_it(s):
    try:
        import igraph
    except ImportError:
        skip("python3-igraph cannot be imported")
    saved = build(s)
    g = igraph.Graph.Read_GraphML(s.path("samples.graphml"))
    check(g.is_directed(), "igraph reads an undirected graph")
    check_equal(g.vcount(), len(saved["nodes"]), "igraph node count")
    check_equal(g.ecount(), len(saved["links"]), "igraph edge count")
    missing = set(NODE_ATTRS) - set(g.vs.attributes())
    check(not missing, f"igraph nodes lack {sorted(missing)}")
    missing = set(EDGE_ATTRS) - set(g.es.attributes())
    check(not missing, f"igraph edges lack {sorted(missing)}")
    by_id = {n["id"]: n for n in saved["nodes"]}
    got = sorted((v["id"], v["label"], v["type"], v["country"]) for v in g.vs)
    want = sorted((name_token(n["id"]), n["label"], n["type"], n["country"]) for n in by_id.values())
    check_equal(got, want, "igraph node ids, labels, types and countries")
    got = sorted((g.vs[e.source]["id"], g.vs[e.target]["id"], e["label"], int(e["weight"]))
                 for e in g.es)
    want = sorted((name_token(l["source"]), name_token(l["target"]), l["type"], l["weight"])
                  for l in saved["links"])
    check_equal(got, want, "igraph edges (source, target, label, weight)")


@suite.test
def contract_attributes(s):
    saved = build(s)
    _, nodes, edges = read_xml(s, "samples.graphml")
    check_equal(sorted(nodes), sorted(name_token(n["id"]) for n in saved["nodes"]),
                "GraphML node ids (stable, from actor ids)")
    for nid, attrs in nodes.items():
        missing = [a for a in NODE_ATTRS if a not in attrs]
        check(not missing, f"node {nid} lacks {missing}: {short(attrs)}")
    check_equal(len(edges), len(saved["links"]), "GraphML edge count")
    ids = set()
    for element, attrs in edges:
        what = f"edge {element.get('id')!r}"
        missing = [a for a in EDGE_ATTRS if a not in attrs]
        check(not missing, f"{what} lacks {missing}: {short(attrs)}")
        check_equal(attrs["label"], attrs["type"], f"{what} label (the event type)")
        check(int(attrs["weight"]) >= 1, f"{what} weight {attrs['weight']!r}")
        check(attrs["evidence"].strip(), f"{what} has no evidence sentence")
        check(element.get("id") and element.get("id") not in ids, f"{what}: missing or repeated id")
        ids.add(element.get("id"))
    # One edge per (source, target, type).
    triples = [(e.get("source"), e.get("target"), a["type"]) for e, a in edges]
    check_equal(len(set(triples)), len(triples), "distinct (source, target, type) edges")


@suite.test
def gephi_option(s):
    saved = build(s)
    graph, nodes, edges = read_xml(s, "gephi.graphml")
    check_equal(len(nodes), len(saved["nodes"]), "--gephi node count")
    check_equal(len(edges), len(saved["links"]), "--gephi edge count")
    check_equal(graph.get("edgedefault"), "directed", "--gephi edgedefault")
    symmetric = {(name_token(l["source"]), name_token(l["target"]), l["type"])
                 for l in saved["links"] if l.get("symmetric")}
    check(symmetric, "no symmetric (met_with) links in the samples' graph")
    for element, attrs in edges:
        key = (element.get("source"), element.get("target"), attrs.get("type"))
        want = "false" if key in symmetric else None
        check_equal(element.get("directed"), want, f"--gephi edge {key} directed attribute")
    _, plain_nodes, plain_edges = read_xml(s, "samples.graphml")
    check(all(e.get("directed") is None for e, _ in plain_edges),
          "the default GraphML has undirected edges")


if __name__ == "__main__":
    sys.exit(suite.main())
