#include "diplograph/graph/graph.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <limits>
#include <thread>
#include <vector>

#include "diplograph/graph/saved_graph.h"
#include "diplograph/graph/stats.h"
#include "sample_records.h"

namespace diplograph {
namespace {

using testing::DocA;
using testing::DocB;
using testing::DocC;
using testing::Entity;
using testing::Event;
using testing::Record;

KnowledgeGraph Build(const std::vector<ExtractionRecord>& records) {
  KnowledgeGraph g;
  for (const ExtractionRecord& r : records) g.AddRecord(r);
  return g;
}

// DocA, rewritten: the meeting is gone, Xi appears, the US sanctions China.
ExtractionRecord DocA2() {
  ExtractionRecord r = DocA();
  r.entities.insert(r.entities.begin() + 3, Entity("xi-jinping", "person", "Xi Jinping", "CHN"));
  r.events = {Event("sanctioned", "usa", "china", "2016-12-07", -8.0, 0.9, "Sanctions.", 5)};
  return r;
}

TEST_CASE("KnowledgeGraph.BuildsNodesAndEdgesFromRecords") {
  KnowledgeGraph g = Build({DocA(), DocB(), DocC()});
  CHECK(g.node_count() == 5);
  CHECK(g.edge_count() == 3);
  CHECK(g.document_count() == 3);

  SUBCASE("an actor mentioned without events is a node") {
    const ActorNode* lynch = g.FindNode("loretta-lynch");
    REQUIRE(lynch != nullptr);
    CHECK(lynch->label == "Loretta Lynch");
    CHECK(lynch->documents == std::vector<std::string>{"c"});
  }
  SUBCASE("node values are derived from the documents") {
    const ActorNode* guo = g.FindNode("guo-shengkun");
    REQUIRE(guo != nullptr);
    CHECK(guo->label == "Guo Shengkun");  // 2 documents against 1 for "Guo"
    CHECK(guo->aliases == std::vector<std::string>{"Guo"});
    CHECK(guo->type == "person");
    CHECK(guo->country == "CHN");
    CHECK(guo->mentions == 5);
    CHECK(guo->documents == std::vector<std::string>{"a", "b", "c"});
  }
  SUBCASE("label ties go to the smallest name; other names become aliases") {
    const ActorNode* usa = g.FindNode("usa");
    REQUIRE(usa != nullptr);
    CHECK(usa->label == "US");
    CHECK(usa->aliases == std::vector<std::string>{"United States", "Washington"});
  }
  SUBCASE("a symmetric type is one edge whichever way round it was said") {
    const RelationEdge* met = g.FindEdge({"guo-shengkun", "jeh-johnson", "met_with"});
    REQUIRE(met != nullptr);
    CHECK(g.FindEdge({"jeh-johnson", "guo-shengkun", "met_with"}) == nullptr);
    CHECK(met->weight == 2);
    CHECK(met->mentions == 2);
    CHECK(met->symmetric);
    CHECK(met->cameo == "040");  // no code in the records: the type's default
    CHECK(met->evidence == "Johnson held talks with Guo.");  // confidence 0.95 > 0.9
    CHECK(met->evidence_doc == "b");
    CHECK(met->documents == std::vector<std::string>{"a", "b"});
  }
  SUBCASE("edge values: partial dates, Goldstein mean, best evidence") {
    const RelationEdge* acc = g.FindEdge({"usa", "china", "accused"});
    REQUIRE(acc != nullptr);
    CHECK(acc->weight == 1);
    CHECK(acc->mentions == 2);
    CHECK(acc->dates == std::vector<std::string>{"2014", "2014-05"});
    CHECK(acc->first_date == "2014");
    CHECK(acc->last_date == "2014-05");
    CHECK(acc->goldstein == doctest::Approx(-3.0));
    CHECK(acc->evidence == "The US charged that China stole secrets.");
    CHECK_FALSE(acc->symmetric);
  }
  SUBCASE("events with unknown actors or a modality are not edges") {
    const DocumentEntry* c = g.FindDocument("c");
    REQUIRE(c != nullptr);
    CHECK(c->skipped_events == 1);
    CHECK(c->modal_events == 1);
    CHECK(g.FindNode("nobody") == nullptr);
  }
  SUBCASE("incident edges, sorted, in both directions") {
    std::vector<std::string> types;
    g.ForEachIncidentEdge("usa", [&](const RelationEdge& e) { types.push_back(e.key.type); });
    CHECK(types == std::vector<std::string>{"intends_to_cooperate", "accused"});
  }
}

TEST_CASE("KnowledgeGraph.AddRecordResults") {
  KnowledgeGraph g;
  CHECK(g.AddRecord(DocA()) == KnowledgeGraph::AddResult::kAdded);
  CHECK(g.AddRecord(DocA()) == KnowledgeGraph::AddResult::kUnchanged);
  std::string fa = g.FindDocument("a")->fingerprint;
  std::string fa2 = ContributionFromRecord(DocA2()).doc.fingerprint;
  REQUIRE(fa != fa2);
  CHECK(fa.size() == 16);
  CHECK(g.AddRecord(DocA2()) ==
        (fa2 > fa ? KnowledgeGraph::AddResult::kReplaced : KnowledgeGraph::AddResult::kKept));
  ExtractionRecord no_id = DocB();
  no_id.doc.id.clear();
  CHECK(g.AddRecord(no_id) == KnowledgeGraph::AddResult::kKept);
}

TEST_CASE("KnowledgeGraph.PerDocumentReplace") {
  std::string fa = ContributionFromRecord(DocA()).doc.fingerprint;
  std::string fa2 = ContributionFromRecord(DocA2()).doc.fingerprint;
  KnowledgeGraph one = Build({DocA(), DocB(), DocA2()});
  KnowledgeGraph two = Build({DocA2(), DocB(), DocA()});
  CHECK(SavedGraphToString(one) == SavedGraphToString(two));
  bool a2_wins = fa2 > fa;
  CHECK(one.FindDocument("a")->fingerprint == std::max(fa, fa2));
  // The loser's contribution is gone whole.
  CHECK((one.FindNode("xi-jinping") != nullptr) == a2_wins);
  CHECK((one.FindEdge({"usa", "china", "sanctioned"}) != nullptr) == a2_wins);
  CHECK((one.FindEdge({"china", "usa", "intends_to_cooperate"}) != nullptr) == !a2_wins);
  const RelationEdge* met = one.FindEdge({"guo-shengkun", "jeh-johnson", "met_with"});
  REQUIRE(met != nullptr);  // doc b still supports it
  CHECK(met->weight == (a2_wins ? 1 : 2));
}

TEST_CASE("KnowledgeGraph.MergeIsAssociativeCommutativeIdempotent") {
  std::vector<ExtractionRecord> records = {DocA(), DocB(), DocC(), DocA2()};
  KnowledgeGraph x = Build({DocA()});
  KnowledgeGraph y = Build({DocB(), DocC()});
  KnowledgeGraph z = Build({DocA2()});
  auto merged = [](KnowledgeGraph l, const KnowledgeGraph& r) {
    l.Merge(r);
    return l;
  };
  const std::string xyz = SavedGraphToString(merged(merged(x, y), z));
  CHECK(SavedGraphToString(merged(x, merged(y, z))) == xyz);
  CHECK(SavedGraphToString(merged(merged(z, y), x)) == xyz);
  CHECK(SavedGraphToString(merged(merged(y, x), z)) == xyz);
  CHECK(SavedGraphToString(merged(y, y)) == SavedGraphToString(y));
  CHECK(SavedGraphToString(merged(merged(x, y), merged(x, y))) == SavedGraphToString(merged(x, y)));
  KnowledgeGraph self = merged(x, y);
  self.Merge(self);
  CHECK(SavedGraphToString(self) == SavedGraphToString(merged(x, y)));

  SUBCASE("every insertion order gives the same bytes") {
    std::vector<int> order = {0, 1, 2, 3};
    do {
      KnowledgeGraph g;
      for (int i : order) g.AddRecord(records[static_cast<size_t>(i)]);
      CHECK(SavedGraphToString(g) == xyz);
    } while (std::next_permutation(order.begin(), order.end()));
  }
}

TEST_CASE("KnowledgeGraph.CopyAndMoveKeepTheGraph") {
  KnowledgeGraph g = Build({DocA(), DocB()});
  const std::string bytes = SavedGraphToString(g);
  KnowledgeGraph copy = g;
  CHECK(SavedGraphToString(copy) == bytes);
  KnowledgeGraph moved = std::move(g);
  CHECK(SavedGraphToString(moved) == bytes);
  moved.AddRecord(DocC());  // descriptors still valid after the move
  CHECK(moved.node_count() == 5);
  copy = moved;
  CHECK(SavedGraphToString(copy) == SavedGraphToString(moved));
}

TEST_CASE("KnowledgeGraph.EvidenceTiesGoToTheSmallestDocument") {
  auto doc = [](std::string id, std::string sentence, uint32_t start) {
    return Record(std::move(id), "2020-01-01",
                  {Entity("x", "person", "X"), Entity("y", "person", "Y")},
                  {Event("praised", "x", "y", "2020-01-01", 3.4, 0.5, std::move(sentence), start)});
  };
  KnowledgeGraph g = Build({doc("d2", "second", 1), doc("d1", "first", 9)});
  CHECK(g.FindEdge({"x", "y", "praised"})->evidence == "first");

  SUBCASE("within a document: higher confidence, then the earlier offset") {
    ExtractionRecord r = doc("d3", "late", 50);
    r.events.push_back(Event("praised", "x", "y", "2020-01-02", 3.4, 0.5, "early", 10));
    r.events.push_back(Event("praised", "x", "y", "", 3.4, 0.4, "weak", 0));
    KnowledgeGraph one = Build({r});
    const RelationEdge* e = one.FindEdge({"x", "y", "praised"});
    CHECK(e->evidence == "early");
    CHECK(e->dates == std::vector<std::string>{"2020-01-01", "2020-01-02"});
  }
}

TEST_CASE("KnowledgeGraph.SanitisesInput") {
  ExtractionRecord r = Record("bad\xff", "2016-12-08T10:00:00Z",
                              {Entity("x", "person", "Bad \xc3 name"), Entity("y", "person", "Y")},
                              {Event("accused", "x", "y", "not a date")});
  r.events[0].goldstein = std::numeric_limits<double>::quiet_NaN();
  KnowledgeGraph g = Build({r});
  CHECK(g.FindDocument("bad\xEF\xBF\xBD") != nullptr);
  CHECK(g.FindNode("x")->label == "Bad \xEF\xBF\xBD name");
  CHECK(g.FindEdge({"x", "y", "accused"})->dates.empty());
  CHECK(g.FindEdge({"x", "y", "accused"})->goldstein == 0.0);
}

TEST_CASE("Stats.CountsRangeAndTopActors") {
  GraphStats s = ComputeStats(Build({DocA(), DocB(), DocC()}), 3);
  CHECK(s.nodes == 5);
  CHECK(s.edges == 3);
  CHECK(s.documents == 3);
  CHECK(s.nodes_by_type == std::map<std::string, size_t>{{"country", 2}, {"person", 3}});
  CHECK(s.edges_by_type == std::map<std::string, size_t>{
                               {"accused", 1}, {"intends_to_cooperate", 1}, {"met_with", 1}});
  CHECK(s.first_date == "2014");
  CHECK(s.last_date == "2016-12-09");
  CHECK(s.skipped_events == 1);
  CHECK(s.modal_events == 1);
  REQUIRE(s.top_actors.size() == 3);
  CHECK(s.top_actors[0].id == "china");  // all four have degree 2: by id
  CHECK(s.top_actors[0].degree == 2);
  CHECK(s.top_actors[1].id == "guo-shengkun");
  CHECK(s.top_actors[2].id == "jeh-johnson");
  CHECK(ComputeStats(KnowledgeGraph()).top_actors.empty());
}

TEST_CASE("KnowledgeGraph.HubActorsStayCheap") {
  // Derived values are recomputed once per read, not once per document.
  KnowledgeGraph g;
  for (int i = 0; i < 20000; ++i) {
    std::string id = "doc-" + std::to_string(i);
    g.AddRecord(Record(id, "2020-01-01",
                       {Entity("usa", "country", i % 3 ? "US" : "United States", "USA"),
                        Entity("x" + std::to_string(i % 50), "person", "X")},
                       {Event("accused", "usa", "x" + std::to_string(i % 50), "2020-01-01")}));
  }
  const ActorNode* usa = g.FindNode("usa");
  REQUIRE(usa != nullptr);
  CHECK(usa->documents.size() == 20000);
  CHECK(usa->label == "US");
  CHECK(g.FindEdge({"usa", "x7", "accused"})->weight == 400);
  g.AddRecord(Record("doc-0", "2020", {}, {}));  // replaces or is ignored
  CHECK(g.FindNode("usa")->documents.size() >= 19999);
}

TEST_CASE("KnowledgeGraph.ConcurrentReadersAfterAChange") {
  KnowledgeGraph g = Build({DocA(), DocB()});
  g.AddRecord(DocC());  // leaves derived values to recompute on the first read
  std::vector<std::string> labels(4);
  std::vector<std::thread> readers;
  for (size_t t = 0; t < labels.size(); ++t) {
    readers.emplace_back([&g, &labels, t] {
      g.ForEachNode([&](const ActorNode& n) { labels[t] += n.label + ";"; });
    });
  }
  for (std::thread& r : readers) r.join();
  for (const std::string& l : labels) CHECK(l == labels[0]);
  CHECK(labels[0].find("Loretta Lynch;") != std::string::npos);
}

TEST_CASE("KnowledgeGraph.Fingerprint") {
  CHECK(Fnv1a64Hex("") == "cbf29ce484222325");
  CHECK(Fnv1a64Hex("a") == "af63dc4c8601ec8c");
  CHECK(ContributionFromRecord(DocA()).doc.fingerprint == Fnv1a64Hex(RecordToJsonLine(DocA())));
}

}  // namespace
}  // namespace diplograph
