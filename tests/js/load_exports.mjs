// diplograph's GraphML and GEXF, read by graphology (run by graphology_test.sh).
//
// Usage: node load_exports.mjs GRAPHML GEXF SAVED_JSON
//
// Parses GRAPHML with graphology-graphml and GEXF (1.3) with graphology-gexf,
// both given a Document from @xmldom/xmldom's DOMParser (an XML error fails),
// then checks against the saved graph (SAVED_JSON, node-link JSON):
//   - as many nodes and edges as its nodes and links arrays, with its node ids;
//   - every node has label and type, every edge label, type and weight, with
//     the saved graph's values (in the GEXF the event type is the edge's kind,
//     and its event_type attribute, as GEXF's own type is the direction);
//   - in the GraphML every edge is directed; in the GEXF exactly the met_with
//     edges are undirected.
// Prints what it checked; exits 1 on the first mismatch, 2 on a usage error.

import fs from 'node:fs';
import path from 'node:path';
import {DOMParser} from '@xmldom/xmldom';
import Graph from 'graphology';
import graphml from 'graphology-graphml';
import gexf from 'graphology-gexf';

class Mismatch extends Error {}

function fail(message) {
  throw new Mismatch(message);
}

function check(condition, message) {
  if (!condition) fail(message);
}

function short(value) {
  const text = JSON.stringify(value);
  return text.length > 300 ? text.slice(0, 300) + '...' : text;
}

function checkEqual(got, want, what) {
  if (JSON.stringify(got) !== JSON.stringify(want))
    fail(`${what}: got ${short(got)}, want ${short(want)}`);
}

function ok(message) {
  console.log(`ok: ${message}`);
}

// A GraphML id from an actor id, as the writer derives it (graphml_tools_test.py's name_token).
function nameToken(id) {
  const keep = /[A-Za-z0-9_-]/;
  let out = '';
  for (const byte of Buffer.from(id, 'utf8')) {
    const c = String.fromCharCode(byte);
    out += keep.test(c) ? c : '.' + byte.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

// The file as an XML Document, parsed by xmldom; XML errors are mismatches.
function readXml(file) {
  const problems = [];
  const parser = new DOMParser({
    locator: {},
    errorHandler: (level, message) => {
      if (level === 'warning') console.log(`note: ${path.basename(file)}: ${message}`);
      else problems.push(message);
    },
  });
  const doc = parser.parseFromString(fs.readFileSync(file, 'utf8'), 'application/xml');
  const more = problems.length > 5 ? `\n(and ${problems.length - 5} more)` : '';
  check(problems.length === 0,
        `xmldom cannot parse ${file}:\n${problems.slice(0, 5).join('\n')}${more}`);
  return doc;
}

function load(what, parse, file) {
  const doc = readXml(file);
  try {
    return parse(Graph, doc);
  } catch (e) {
    fail(`${what} rejects ${file}: ${e.message}`);
  }
}

// Node count, ids and label/type, and edge count.
function checkShape(what, graph, saved, nodeId) {
  checkEqual(graph.order, saved.nodes.length, `${what} node count`);
  checkEqual(graph.size, saved.links.length, `${what} edge count`);
  for (const node of saved.nodes) {
    const id = nodeId(node.id);
    check(graph.hasNode(id), `${what} has no node ${short(id)}`);
    const attrs = graph.getNodeAttributes(id);
    for (const name of ['label', 'type'])
      check(name in attrs, `${what} node ${id} lacks ${name}: ${short(attrs)}`);
    checkEqual(attrs.label, node.label, `${what} node ${id} label`);
    checkEqual(attrs.type, node.type, `${what} node ${id} type`);
  }
  ok(`${what}: ${graph.order} nodes, ${graph.size} edges, as in the saved graph; ` +
     'every node has the saved id, label and type');
}

// Edges, by (source, target, event type), against the saved links.
function checkEdges(what, graph, saved, nodeId, eventType) {
  const links = new Map();
  for (const link of saved.links)
    links.set(JSON.stringify([nodeId(link.source), nodeId(link.target), link.type]), link);
  const seen = new Set();
  graph.forEachEdge((edge, attrs, source, target, _sa, _ta, undirected) => {
    const what_ = `${what} edge ${short(edge)}`;
    const type = eventType(attrs);
    for (const name of ['label', 'weight'])
      check(name in attrs, `${what_} lacks ${name}: ${short(attrs)}`);
    check(type !== undefined, `${what_} has no event type: ${short(attrs)}`);
    let key = JSON.stringify([source, target, type]);
    if (undirected && !links.has(key)) key = JSON.stringify([target, source, type]);
    const link = links.get(key);
    check(link, `${what_} (${source} -> ${target}, ${type}) is not in the saved graph`);
    check(!seen.has(key), `${what_}: a second edge ${key}`);
    seen.add(key);
    checkEqual(attrs.label, link.label, `${what_} label`);
    checkEqual(attrs.weight, link.weight, `${what_} weight`);
  });
  checkEqual(seen.size, saved.links.length, `${what} edges matched to saved links`);
}

function checkGraphml(file, saved) {
  const graph = load('graphology-graphml', graphml.parse, file);
  checkShape('GraphML', graph, saved, nameToken);
  checkEdges('GraphML', graph, saved, nameToken, attrs => {
    check('type' in attrs, `GraphML edge lacks type: ${short(attrs)}`);
    return attrs.type;
  });
  ok('GraphML: every edge has label, type and weight, with the saved values');
  check(graph.type === 'directed' || graph.undirectedSize === 0,
        `GraphML read as a ${graph.type} graph with ${graph.undirectedSize} undirected edges`);
  checkEqual(graph.directedSize, saved.links.length, 'GraphML directed edge count');
  ok(`GraphML: all ${graph.directedSize} edges directed (graph type ${graph.type})`);
}

function checkGexf(file, saved) {
  const graph = load('graphology-gexf', gexf.parse, file);
  checkShape('GEXF', graph, saved, id => id);
  checkEdges('GEXF', graph, saved, id => id, attrs => {
    check('kind' in attrs && 'event_type' in attrs,
          `GEXF edge lacks kind or event_type: ${short(attrs)}`);
    checkEqual(attrs.event_type, attrs.kind, 'GEXF edge event_type (the kind)');
    return attrs.kind;
  });
  ok('GEXF: every edge has label, kind = event_type (the type) and weight, with the saved values');
  let metWith = 0;
  graph.forEachEdge((edge, attrs, _s, _t, _sa, _ta, undirected) => {
    const isMetWith = attrs.kind === 'met_with';
    check(undirected === isMetWith,
          `GEXF edge ${short(edge)} (${attrs.kind}) is ${undirected ? 'undirected' : 'directed'}`);
    if (isMetWith) metWith++;
  });
  check(metWith > 0, 'no met_with edges in the GEXF (the samples have some)');
  ok(`GEXF: the ${metWith} met_with edges undirected, the other ${graph.size - metWith} directed ` +
     `(graph type ${graph.type})`);
}

function main(argv) {
  if (argv.length !== 3) {
    console.error('usage: node load_exports.mjs GRAPHML GEXF SAVED_JSON');
    return 2;
  }
  const [graphmlFile, gexfFile, savedFile] = argv;
  try {
    const saved = JSON.parse(fs.readFileSync(savedFile, 'utf8'));
    check(Array.isArray(saved.nodes) && Array.isArray(saved.links),
          `${savedFile} has no nodes or links array`);
    check(saved.nodes.length && saved.links.length, `${savedFile}: no nodes or no links`);
    ok(`saved graph: ${saved.nodes.length} nodes, ${saved.links.length} links`);
    checkGraphml(graphmlFile, saved);
    checkGexf(gexfFile, saved);
  } catch (e) {
    if (!(e instanceof Mismatch)) throw e;
    console.log(`FAIL: ${e.message}`);
    return 1;
  }
  console.log('graphology reads the GraphML and the GEXF');
  return 0;
}

process.exitCode = main(process.argv.slice(2));
