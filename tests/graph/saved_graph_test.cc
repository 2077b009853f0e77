#include "diplograph/graph/saved_graph.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <random>
#include <sstream>

#include "graph/saved_rows.h"
#include "sample_records.h"

namespace diplograph {
namespace {

KnowledgeGraph Sample() {
  KnowledgeGraph g;
  g.AddRecord(testing::DocA());
  g.AddRecord(testing::DocB());
  g.AddRecord(testing::DocC());
  g.AddRecord(testing::Record("empty", "", {}, {}));  // a document without actors
  return g;
}

// Reads `text`, expecting failure; returns the diagnostics, one a line.
std::string ReadErrors(const std::string& text) {
  Diagnostics diags;
  std::optional<KnowledgeGraph> g = ReadSavedGraph(text, "g.json", &diags);
  CHECK_FALSE(g.has_value());
  CHECK(diags.HasErrors());
  std::string out;
  for (const Diagnostic& d : diags.items()) out += d.ToString() + "\n";
  return out;
}

// A small valid saved graph, one field a line, to break in places.
std::string Handmade(const std::string& version = "1", const std::string& mentions = "2",
                     const std::string& doc = "d1") {
  return "{\n"
         "  \"directed\": true, \"multigraph\": true,\n"
         "  \"graph\": {\"format\": \"diplograph-graph\", \"version\": " +
         version +
         ",\n"
         "            \"documents\": [{\"id\": \"d1\", \"fingerprint\": \"00000000000000aa\"}]},\n"
         "  \"nodes\": [\n"
         "    {\"id\": \"x\", \"contrib\": {\"d1\": {\"name\": \"X\", \"mentions\": " +
         mentions +
         "}}},\n"
         "    {\"id\": \"y\", \"contrib\": {\"" +
         doc +
         "\": {\"name\": \"Y\"}}}\n"
         "  ],\n"
         "  \"links\": [{\"source\": \"x\", \"target\": \"y\", \"key\": \"accused\",\n"
         "              \"contrib\": {\"d1\": {\"mentions\": 1, \"dates\": [\"2014\"]}}}]\n"
         "}\n";
}

TEST_CASE("SavedGraph.RoundTripIsExact") {
  KnowledgeGraph g = Sample();
  const std::string bytes = SavedGraphToString(g);
  Diagnostics diags;
  std::optional<KnowledgeGraph> back = ReadSavedGraph(bytes, "g.json", &diags);
  REQUIRE(back.has_value());
  CHECK(diags.empty());
  CHECK(SavedGraphToString(*back) == bytes);
  CHECK(back->node_count() == g.node_count());
  CHECK(back->edge_count() == g.edge_count());
  // Merging a read-back graph with its source changes nothing.
  back->Merge(g);
  CHECK(SavedGraphToString(*back) == bytes);

  SUBCASE("the empty graph too") {
    const std::string empty = SavedGraphToString(KnowledgeGraph());
    std::optional<KnowledgeGraph> e = ReadSavedGraph(empty, "e.json", &diags);
    REQUIRE(e.has_value());
    CHECK(e->empty());
    CHECK(SavedGraphToString(*e) == empty);
  }
}

TEST_CASE("SavedGraph.IsNodeLinkJson") {
  const std::string bytes = SavedGraphToString(Sample());
  nlohmann::ordered_json j = nlohmann::ordered_json::parse(bytes);
  CHECK(j["directed"] == true);
  CHECK(j["multigraph"] == true);
  CHECK(j["graph"]["format"] == "diplograph-graph");
  CHECK(j["graph"]["version"] == 1);
  CHECK(j["graph"]["documents"].size() == 4);
  REQUIRE(j["nodes"].size() == 5);
  CHECK(j["nodes"][0]["id"] == "china");
  CHECK(j["nodes"][0].begin().key() == "id");
  REQUIRE(j["links"].size() == 3);
  const auto& link = j["links"][1];  // (china, usa, intends_to_cooperate) sorts second
  CHECK(link["source"] == "guo-shengkun");
  CHECK(link["key"] == "met_with");
  CHECK(link["weight"] == 2);
  CHECK(link["symmetric"] == true);
  CHECK(link["contrib"].contains("a"));
  CHECK(link["contrib"]["b"]["evidence"]["confidence"] == 0.95);
  // One element a line: the nodes start lines of their own.
  CHECK(bytes.find("\n{\"id\":\"china\",\"label\":\"China\"") != std::string::npos);
  CHECK(bytes.find("\"generator\":\"diplograph\"") != std::string::npos);
}

TEST_CASE("SavedGraph.ReadsHandmadeFiles") {
  Diagnostics diags;
  std::optional<KnowledgeGraph> g = ReadSavedGraph(Handmade(), "g.json", &diags);
  REQUIRE(g.has_value());
  CHECK(g->FindNode("x")->label == "X");
  CHECK(g->FindNode("x")->mentions == 2);
  const RelationEdge* e = g->FindEdge({"x", "y", "accused"});
  REQUIRE(e != nullptr);
  CHECK(e->first_date == "2014");
  CHECK(e->cameo == "112");
}

TEST_CASE("SavedGraph.Errors") {
  SUBCASE("a newer version") {
    CHECK(ReadErrors(Handmade("2")) ==
          "g.json:3:54: error: graph format version 2 is newer than this diplograph "
          "supports (1)\n");
  }
  SUBCASE("malformed JSON has line:col") {
    std::string text = Handmade();
    text.replace(text.find("\"name\": \"Y\""), 11, "\"name\": Y");
    CHECK(ReadErrors(text) ==
          "g.json:7:44: error: malformed JSON: syntax error while parsing value - "
          "invalid literal; last read: '\"name\": Y'\n");
    CHECK(ReadErrors("") ==
          "g.json:1:1: error: malformed JSON: syntax error while parsing value - "
          "unexpected end of input; expected '[', '{', or a literal\n");
  }
  SUBCASE("wrong field types point at the value") {
    CHECK(ReadErrors(Handmade("1", "\"two\"")) ==
          "g.json:6:61: error: nodes[0].contrib.d1.mentions must be a non-negative integer, "
          "not string\n");
    CHECK(ReadErrors(Handmade("1", "-1")) ==
          "g.json:6:61: error: nodes[0].contrib.d1.mentions must be a non-negative integer, "
          "not number\n");
    CHECK(ReadErrors(Handmade("\"1\"")) ==
          "g.json:3:54: error: graph.version must be an integer, not string\n");
  }
  SUBCASE("contributions must name known documents") {
    CHECK(ReadErrors(Handmade("1", "2", "d9")) ==
          "g.json:7:35: error: nodes[1].contrib.d9: document 'd9' is not in graph.documents\n"
          "g.json:10:33: error: document 'd1' supports this link but not its node 'y'\n");
  }
  SUBCASE("not a saved graph") {
    CHECK(ReadErrors("[1, 2]") ==
          "g.json:1:1: error: a saved graph must be a JSON object, "
          "not array\n");
    CHECK(ReadErrors("{\"doc\": {}}") ==
          "g.json:1:1: error: not a diplograph saved graph (graph.format must be "
          "\"diplograph-graph\")\n");
  }
  SUBCASE("every bad field is reported") {
    std::string text = Handmade();
    text.replace(text.find("\"id\": \"x\""), 9, "\"id\": 7");
    text.replace(text.find("\"dates\": [\"2014\"]"), 17, "\"dates\": [2014]");
    std::string errors = ReadErrors(text);
    CHECK(errors.find("nodes[0].id must be a string, not number") != std::string::npos);
    CHECK(errors.find("links[0].contrib.d1.dates[0] must be a string, not number") !=
          std::string::npos);
  }
}

TEST_CASE("SavedGraph.MutatedFilesFailCleanlyOrRoundTrip") {
  const std::string good = SavedGraphToString(Sample());
  std::mt19937 rng(7);
  auto pick = [&](size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(rng); };
  const std::string alphabet = "{}[]\",:-0123456789aez \n\\";
  int accepted = 0;
  for (int round = 0; round < 1000; ++round) {
    std::string text = good;
    for (int edits = 1 + static_cast<int>(pick(3)); edits > 0; --edits) {
      size_t at = pick(text.size());
      switch (pick(3)) {
        case 0:
          text.erase(at, 1 + pick(8));
          break;
        case 1:
          text[at] = alphabet[pick(alphabet.size())];
          break;
        default:
          text.insert(at, text.substr(pick(text.size()), 1 + pick(12)));
          break;
      }
    }
    Diagnostics diags;
    std::optional<KnowledgeGraph> g = ReadSavedGraph(text, "m.json", &diags);
    CHECK(g.has_value() != diags.HasErrors());
    for (const Diagnostic& d : diags.items()) CHECK((d.line > 0 && d.col > 0));
    if (!g) continue;
    ++accepted;
    const std::string once = SavedGraphToString(*g);
    std::optional<KnowledgeGraph> again = ReadSavedGraph(once, "m.json", &diags);
    REQUIRE(again.has_value());
    CHECK(SavedGraphToString(*again) == once);
  }
  CHECK(accepted > 10);
}

// Links of the usual shape are read straight from the text; others are
// parsed first. A "graph" member after the links makes the reader parse
// the whole file instead (another layout) without moving anything, so
// both readings of the same links can be compared, errors included.
struct BothReadings {
  std::string piecewise, whole;  // the graph written back, or the errors
};
BothReadings ReadBothWays(const std::string& text) {
  auto read = [](const std::string& t) {
    Diagnostics diags;
    std::optional<KnowledgeGraph> g = ReadSavedGraph(t, "g.json", &diags);
    std::string out = g.has_value() ? SavedGraphToString(*g) : "";
    for (const Diagnostic& d : diags.items()) out += d.ToString() + "\n";
    return out;
  };
  const size_t header = text.find("\"graph\"");
  const size_t header_end = text.find("\"nodes\"");
  std::string whole = text;
  whole.insert(whole.rfind('}'),
               "," + text.substr(header, text.rfind(',', header_end) - header) + "\n");
  return {read(text), read(whole)};
}

const char kNodes[] =
    "{\"id\":\"x\",\"contrib\":{\"d1\":{\"name\":\"X\"},\"d2\":{\"name\":\"X\"}}},\n"
    "{\"id\":\"y\",\"contrib\":{\"d1\":{\"name\":\"Y\"},\"d2\":{\"name\":\"Y\"}}},\n"
    "{\"id\":\"z\",\"contrib\":{\"d1\":{\"name\":\"Z\"},\"d2\":{\"name\":\"Z\"}}}";

std::string LinksGraph(const std::string& links, const std::string& nodes = kNodes) {
  return "{\"directed\":true,\"multigraph\":true,\n"
         "\"graph\":{\"format\":\"diplograph-graph\",\"version\":1,\"documents\":[\n"
         "{\"id\":\"d1\",\"fingerprint\":\"00000000000000aa\"},\n"
         "{\"id\":\"d2\",\"fingerprint\":\"00000000000000bb\"}]},\n"
         "\"nodes\":[\n" +
         nodes + "\n],\n\"links\":[\n" + links + "\n]}\n";
}

// Random edits of text[from, to): values replaced, pieces inserted.
std::string Mutated(std::string t, size_t from, size_t to, std::mt19937* rng) {
  auto pick = [&](size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(*rng); };
  const std::string pieces[] = {"null", "1",   "-0",   "1.5",   "1e2", "\"\"",     "\"x\"", "[]",
                                "{}",   "[\"2014\"]", "true", "\"d1\"", "\"a\\n\"", " ",   ","};
  for (int edits = 1 + static_cast<int>(pick(2)); edits > 0; --edits) {
    const size_t at = from + pick(to - from);
    if (pick(2) == 0) {
      t.insert(at, pieces[pick(std::size(pieces))]);
    } else {
      // A value replaced: from a ':' to the next ',' or '}'.
      const size_t colon = t.find(':', at);
      if (colon == std::string::npos || colon >= to) continue;
      const size_t end = t.find_first_of(",}", colon + 1);
      t.replace(colon + 1, end - colon - 1, pieces[pick(std::size(pieces))]);
    }
  }
  return t;
}

// Both readings of `text` agree, and report `error`.
void CheckSameError(const std::string& text, const std::string& error) {
  const BothReadings r = ReadBothWays(text);
  CHECK(r.piecewise == r.whole);
  CHECK(r.piecewise.find(error) != std::string::npos);
}

// Both readings agree on 400 random edits of text[from, to).
void CheckMutationsReadTheSame(const std::string& text, size_t from, size_t to, unsigned seed) {
  std::mt19937 rng(seed);
  int same = 0;
  for (int round = 0; round < 400; ++round) {
    const BothReadings r = ReadBothWays(Mutated(text, from, to, &rng));
    CHECK(r.piecewise == r.whole);
    same += r.piecewise == r.whole;
  }
  CHECK(same == 400);
}

TEST_CASE("SavedGraph.LinksReadDirectlyOrParsedGiveTheSameGraph") {
  const std::string links[] = {
      // The shape graphs are written in, derived members and all.
      R"({"source":"x","target":"y","key":"accused","type":"accused","label":"accused",)"
      R"("weight":1,"dates":["2013","2014-02-01"],"documents":["d1"],"evidence":"X accused Y.",)"
      R"("goldstein":-2.0,"symmetric":false,"contrib":{"d1":{"mentions":2,)"
      R"("dates":["2014-02-01","2013","2013"],"goldstein_sum":-4.0,"cameo":"112",)"
      R"("evidence":{"sentence":"X accused \"Y\" \u00e9.","start":0,"end":14,"confidence":0.9}}}})",
      // A key without a type; whitespace; two documents; numbers in other forms.
      " { \"source\" : \"x\" , \"target\":\"z\",\n \"key\":\"met_with\", \"contrib\": {\"d2\": "
      "{\"mentions\": 1, \"goldstein_sum\": 1e1, \"evidence\": {\"confidence\": 1, \"start\": "
      "4294967295}}, \"d1\":{}} }",
      // Made canonical: a symmetric type with its ends the other way.
      R"({"source":"y","target":"x","type":"met_with","contrib":{"d2":{"mentions":3}}})",
      // Members unknown at every level, nested.
      R"({"extra":{"a":[1,{"b":null}]},"source":"y","target":"z","type":"threatened",)"
      R"("contrib":{"d2":{"x":[[],{}],"evidence":{"y":{"z":[true]},"sentence":"Y threatened Z."}}}})",
      // Left to the parser: null, a duplicate member, "-0". (The escaped
      // key is decoded, and read directly.)
      R"({"source":"x","target":"y","type":"praised","cameo":null,"contrib":{"d1":{"cameo":null,)"
      R"("mentions":1,"mentions":5}}})",
      R"({"source":"z","target":"y","type":"criticized","contrib":{"d2":{"mentions":-0,)"
      R"("dates":[]}}})",
      R"({"sour\u0063e":"z","target":"x","type":"sanctioned","contrib":{"d2":{"mentions":1}}})",
  };
  std::string all;
  for (const std::string& l : links) all += (all.empty() ? "" : ",\n") + l;
  const BothReadings ok = ReadBothWays(LinksGraph(all));
  CHECK(ok.piecewise == ok.whole);
  REQUIRE(ok.piecewise.find("error") == std::string::npos);
  Diagnostics diags;
  std::optional<KnowledgeGraph> g = ReadSavedGraph(LinksGraph(all), "g.json", &diags);
  REQUIRE(g.has_value());
  CHECK(g->edge_count() == 7);
  const RelationEdge* accused = g->FindEdge({"x", "y", "accused"});
  REQUIRE(accused != nullptr);
  CHECK(accused->mentions == 2);
  CHECK(accused->dates == std::vector<std::string>{"2013", "2014-02-01"});
  CHECK(accused->evidence == "X accused \"Y\" \xC3\xA9.");
  CHECK(accused->goldstein == -2.0);
  CHECK(g->FindEdge({"x", "y", "met_with"}) != nullptr);
  CHECK(g->FindEdge({"x", "y", "praised"})->mentions == 5);
  CHECK(g->FindEdge({"z", "x", "sanctioned"}) != nullptr);

  SUBCASE("errors read the same") {
    // Each with an error of its own, after a good link.
    const std::pair<std::string, std::string> bad[] = {
        {R"({"source":"x","target":"y","type":"blamed","contrib":{}})", "link has no documents"},
        {R"({"source":"x","target":"y","type":"blamed","contrib":{"d9":{"mentions":1}}})",
         "document 'd9' is not in graph.documents"},
        {R"({"source":"x","target":"w","type":"blamed","contrib":{"d1":{"mentions":1}}})",
         "supports this link but not its node 'w'"},
        {R"({"source":"x","target":"y","type":"blamed","contrib":{"d1":{"mentions":"1"}}})",
         "mentions must be a non-negative integer, not string"},
        {R"({"source":"x","target":"y","type":"blamed","contrib":{"d1":{"dates":[1]}}})",
         "dates[0] must be a string, not number"},
        {R"({"source":"x","target":"y","type":"blamed","contrib":{"d1":{"evidence":{"end":-1}}}})",
         "end must be a non-negative integer"},
        {R"({"source":"x","target":"y","type":"blamed",)"
         R"("contrib":{"d1":{"evidence":{"start":4294967296}}}})",
         "start is too large"},
        {R"({"source":"x","target":"y","type":"","contrib":{"d1":{}}})", "type is empty"},
        {R"({"source":"x","target":"y","key":"blamed","type":"","contrib":{"d1":{}}})",
         "type is empty"},
        {R"({"source":"","target":"y","type":"blamed","contrib":{"d1":{}}})", "source is empty"},
        {R"({"source":"x","target":"y","type":"blamed","contrib":[]})",
         "contrib must be an object, not array"},
        {R"({"source":"x","target":"y","type":"accused","contrib":{"d1":{}}})",
         "duplicate link x -accused-> y"},
        {R"({"source":"x","target":"y","type":"blamed","contrib":{"d1":{"mentions":1e999}}})",
         "malformed JSON"},
        {R"({"source":"x","target":"y","type":"blamed","contrib":{"d1":{"mentions":1},}})",
         "malformed JSON"},
        {R"({"source":"x","target":"y","type":"blamed","contrib":{"d1":{"cameo":"\x"}}})",
         "malformed JSON"},
    };
    for (const auto& [l, error] : bad) {
      CAPTURE(l);
      CheckSameError(LinksGraph(links[0] + ",\n" + l), error);
    }
  }

  SUBCASE("mutated links read the same") {
    const std::string text = LinksGraph(all);
    CheckMutationsReadTheSame(text, text.find("\"links\"") + 9, text.rfind(']'), 11);
  }
}

TEST_CASE("SavedGraph.NodesReadDirectlyOrParsedGiveTheSameGraph") {
  const std::string nodes =
      // The shape graphs are written in, derived members and all; a raw id
      // of the node's.
      R"({"id":"x","label":"X","type":"person","country":"FRA","cameo":"FRAGOV","aliases":["Xa"],)"
      R"("roles":["minister"],"documents":["d1","d2"],"mentions":3,"contrib":{"d1":{"name":"X",)"
      R"("type":"person","country":"FRA","cameo":"FRAGOV","aliases":["Xb","Xa","Xa"],)"
      R"("roles":["minister"],"mentions":2},"d2":{"id":"x2","name":"X \"the\" \u00e9",)"
      R"("aliases":[],"mentions":1}}},)"
      "\n"
      // Whitespace, unknown members, an empty raw id (the node's own).
      R"( { "contrib" : {"d1": {"id":"", "name":"Y", "extra":{"a":[{}]}}, "d2":{}},)"
      R"( "id" : "y", "more":[1,[2]] },)"
      "\n"
      // Left to the parser: null, a duplicate member, "-0" (the last with
      // an escaped key, which alone would be decoded and read directly).
      R"({"id":"z","label":null,"contrib":{"d1":{"name":"Z","name":"Zed","type":null}}},)"
      "\n"
      R"({"\u0069d":"w","contrib":{"d2":{"mentions":-0}}})";
  const std::string links =
      R"({"source":"x2","target":"y","type":"met_with","contrib":{"d2":{"mentions":1}}})";
  const BothReadings ok = ReadBothWays(LinksGraph(links, nodes));
  CHECK(ok.piecewise == ok.whole);
  REQUIRE(ok.piecewise.find("error") == std::string::npos);
  Diagnostics diags;
  std::optional<KnowledgeGraph> g = ReadSavedGraph(LinksGraph(links, nodes), "g.json", &diags);
  REQUIRE(g.has_value());
  CHECK(g->node_count() == 5);  // x2 (its name differs) stays apart from x
  CHECK(g->FindNode("x")->aliases == std::vector<std::string>{"Xa", "Xb"});
  CHECK(g->FindNode("x2")->label == "X \"the\" \xC3\xA9");
  CHECK(g->FindNode("z")->label == "Zed");
  CHECK(g->FindNode("w") != nullptr);
  CHECK(g->FindEdge({"x2", "y", "met_with"}) != nullptr);

  SUBCASE("errors read the same") {
    const std::pair<std::string, std::string> bad[] = {
        {R"({"id":"v","contrib":{}})", "node 'v' has no documents"},
        {R"({"id":"v","contrib":{"d9":{"name":"V"}}})", "document 'd9' is not in graph.documents"},
        {R"({"id":"x","contrib":{"d1":{"name":"X"}}})", "duplicate node id 'x'"},
        {R"({"id":"v","contrib":{"d1":{"name":"V"},"d1":{"name":"V"}}})",
         "document 'd1' contributes actor 'v' twice"},
        {R"({"id":"v","contrib":{"d1":{"mentions":"1"}}})",
         "mentions must be a non-negative integer, not string"},
        {R"({"id":"v","contrib":{"d1":{"aliases":[1]}}})", "aliases[0] must be a string"},
        {R"({"id":"","contrib":{"d1":{}}})", "id is empty"},
        {R"({"id":"v","contrib":[]})", "contrib must be an object, not array"},
        {R"({"id":"v","contrib":{"d1":{"name":"V"},}})", "malformed JSON"},
        {R"({"id":"v","contrib":{"":{"name":"V"}}})",
         "g.json:10:25: error: nodes[4].contrib.: document '' is not in graph.documents"},
    };
    for (const auto& [n, error] : bad) {
      CAPTURE(n);
      CheckSameError(LinksGraph(links, nodes + ",\n" + n), error);
    }
  }

  SUBCASE("mutated nodes read the same") {
    const std::string text = LinksGraph(links, nodes);
    CheckMutationsReadTheSame(text, text.find("\"nodes\"") + 9, text.find("\"links\"") - 3, 12);
  }
}

TEST_CASE("SavedGraph.WrittenRowsAreReadDirectly") {
  // Every node and link of a written graph takes the direct reading.
  const std::string bytes = SavedGraphToString(Sample());
  JsonArena arena;
  int nodes = 0, links = 0;
  size_t at = 0;
  while ((at = bytes.find("\n{\"", at)) != std::string::npos) {
    const std::string_view line =
        std::string_view(bytes).substr(at + 1, bytes.find('\n', at + 1) - at - 1);
    at += 1;
    const std::string_view row = line.substr(0, line.rfind('}') + 1);  // no ',' after
    JsonParser p(row);
    if (row.starts_with("{\"id\"") && row.find("\"contrib\"") != std::string::npos) {
      graph_internal::NodeRow n;
      CHECK(graph_internal::ReadNodeRow(&p, &arena, &n));
      CHECK(p.offset() == row.size());
      CHECK(n.contrib.size > 0);
      ++nodes;
    } else if (row.starts_with("{\"source\"")) {
      graph_internal::LinkRow l;
      CHECK(graph_internal::ReadLinkRow(&p, &arena, &l));
      CHECK(p.offset() == row.size());
      CHECK(l.contrib.size > 0);
      CHECK(!l.key.type.empty());
      ++links;
    }
  }
  CHECK(nodes == 5);
  CHECK(links == 3);
  // And the reader takes that reading for each of them.
  const size_t before = graph_internal::RowsReadDirectlyForTesting();
  Diagnostics diags;
  REQUIRE(ReadSavedGraph(bytes, "g.json", &diags).has_value());
  CHECK(graph_internal::RowsReadDirectlyForTesting() - before == 5 + 3);

  SUBCASE("anything else is left to the parser, untouched") {
    const std::string others[] = {
        R"({"id":"x","contrib":{"d1":{"name":null}}})",
        R"({"id":"x","id":"y","contrib":{"d1":{}}})",
        R"({"id":"x","contrib":{"d1":{"mentions":-0}}})",
        R"({"id":"x","contrib":{}})",
        R"({"id":"","contrib":{"d1":{}}})",
        R"({"id":"x","contrib":{"d1":{"aliases":["a",1]}}})",
        R"({"id":"x","contrib":{"d1":{"name":"X"},}})",
        R"({"source":"x","target":"y","type":"a","contrib":{"d1":{"dates":null}}})",
        R"({"source":"x","target":"y","type":"a","contrib":{"d1":{"evidence":{"start":-1}}}})",
        R"({"source":"x","target":"y","key":"a","type":"","contrib":{"d1":{}}})",
        R"({"source":"x","target":"y","type":"a","contrib":{"d1":{"mentions":1e999}}})",
        R"({"source":"x","target":"y","type":"a","contrib":{"d1":[]}})",
        R"({"source":"x","target":"y","type":"a"})",
        "[1]",
    };
    for (const std::string& text : others) {
      CAPTURE(text);
      JsonParser p(text);
      graph_internal::NodeRow n;
      graph_internal::LinkRow l;
      CHECK_FALSE((text.starts_with("{\"id\"") ? graph_internal::ReadNodeRow(&p, &arena, &n)
                                               : graph_internal::ReadLinkRow(&p, &arena, &l)));
      CHECK(p.offset() == 0);
      CHECK_FALSE(p.failed());
    }
  }
}

TEST_CASE("SavedGraph.LooksLikeSavedGraph") {
  CHECK(LooksLikeSavedGraph(SavedGraphToString(KnowledgeGraph())));
  CHECK(LooksLikeSavedGraph("  \n{ \"nodes\": []}"));
  CHECK_FALSE(LooksLikeSavedGraph("{\"doc\": {\"id\": \"a\"}, \"entities\": []}"));
  CHECK_FALSE(LooksLikeSavedGraph("Title: hello"));
  CHECK_FALSE(LooksLikeSavedGraph(""));
}

TEST_CASE("SavedGraph.WriteReportsStreamFailure") {
  std::ostringstream out;
  out.setstate(std::ios::badbit);
  CHECK_FALSE(WriteSavedGraph(Sample(), out));
}

}  // namespace
}  // namespace diplograph
