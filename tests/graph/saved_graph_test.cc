#include "diplograph/graph/saved_graph.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <random>
#include <sstream>

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
