// Actor resolution across documents, named occasions, and the merge laws
// once resolution joins ids.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <thread>
#include <tuple>

#include "diplograph/graph/external_build.h"
#include "diplograph/graph/graph.h"
#include "diplograph/graph/saved_graph.h"
#include "graph/load_worker.h"
#include "sample_records.h"

namespace diplograph {
namespace {

using testing::Entity;
using testing::Event;
using testing::Record;

KnowledgeGraph Build(const std::vector<ExtractionRecord>& records) {
  KnowledgeGraph g;
  for (const ExtractionRecord& r : records) g.AddRecord(r);
  return g;
}

// One document about `a` (and `b`, if given) with an event between them.
ExtractionRecord Doc(const std::string& id, const EntityRecord& a, const EntityRecord* b = nullptr,
                     const std::string& date = "2020-01-01") {
  std::vector<EntityRecord> ents = {a};
  std::vector<EventRecord> events;
  if (b != nullptr) {
    ents.push_back(*b);
    events.push_back(Event("met_with", a.id, b->id, date, 1.0, 0.8, a.name + " met " + b->name));
  }
  return Record(id, date, ents, events);
}

// The node ids of `g`, sorted.
std::vector<std::string> NodeIds(const KnowledgeGraph& g) {
  std::vector<std::string> ids;
  g.ForEachNode([&](const ActorNode& n) { ids.push_back(n.id); });
  return ids;
}

// The single node `raw_id` resolved to.
const ActorNode& NodeOf(const KnowledgeGraph& g, const std::string& raw_id) {
  const ActorNode* n = g.FindNode(g.NodeIdOf(raw_id));
  REQUIRE(n != nullptr);
  return *n;
}

TEST_CASE("Resolution.JoinsSpellingVariants") {
  EntityRecord usa = Entity("usa", "country", "United States", "USA");
  EntityRecord obama = Entity("barack-obama", "person", "Barack Obama", "USA");
  obama.roles = {"President"};
  EntityRecord barrack = Entity("barrack-obama", "person", "Barrack Obama");
  barrack.roles = {"US President"};

  SUBCASE("a misspelt person joins the id most documents use") {
    KnowledgeGraph g = Build({Doc("d1", obama, &usa), Doc("d2", obama), Doc("d3", barrack, &usa)});
    CHECK(NodeIds(g) == std::vector<std::string>{"barack-obama", "usa"});
    const ActorNode& n = NodeOf(g, "barrack-obama");
    CHECK(n.id == "barack-obama");
    CHECK(n.ids == std::vector<std::string>{"barack-obama", "barrack-obama"});
    CHECK(n.label == "Barack Obama");
    CHECK(n.aliases == std::vector<std::string>{"Barrack Obama"});
    CHECK(n.roles == std::vector<std::string>{"President", "US President"});
    CHECK(n.countries == std::vector<std::string>{"USA"});
    CHECK(n.documents == std::vector<std::string>{"d1", "d2", "d3"});
    const RelationEdge* met = g.FindEdge({"barack-obama", "usa", "met_with"});
    REQUIRE(met != nullptr);
    CHECK(met->weight == 2);
    CHECK(met->keys.size() == 2);
  }
  SUBCASE("unknown people, transliterations, organisations") {
    EntityRecord wang = Entity("wang-dong", "person", "Wang Dong");
    EntityRecord wangg = Entity("wang-dongg", "person", "Wang Dongg");
    EntityRecord sergei = Entity("sergei-skripal", "person", "Sergei Skripal", "RUS");
    EntityRecord sergey = Entity("sergey-skripal", "person", "Sergey Skripal");
    EntityRecord hez = Entity("hezbollah", "organization", "Hezbollah", "LBN");
    EntityRecord hiz = Entity("hizbollah", "organization", "Hizbollah");
    EntityRecord accented = Entity("jose-ruiz-perez", "person", "José Ruiz Pérez", "ESP");
    EntityRecord plain = Entity("jose-ruiz-perez-2", "person", "Jose Ruiz Perez");
    KnowledgeGraph g =
        Build({Doc("a", wang), Doc("b", wangg), Doc("c", wang), Doc("d", sergei), Doc("e", sergey),
               Doc("f", hez), Doc("g", hiz), Doc("h", accented), Doc("i", plain)});
    CHECK(g.NodeIdOf("wang-dongg") == "wang-dong");
    CHECK(g.NodeIdOf("sergey-skripal") == "sergei-skripal");  // a tie: the smaller id
    CHECK(NodeOf(g, "sergey-skripal").country == "RUS");
    CHECK(g.NodeIdOf("hizbollah") == "hezbollah");
    CHECK(g.NodeIdOf("jose-ruiz-perez-2") == "jose-ruiz-perez");
    CHECK(g.node_count() == 4);
  }
  SUBCASE("a name that is another id's multi-word alias") {
    EntityRecord pla = Entity("peoples-liberation-army", "organization", "People's Liberation Army",
                              "CHN", {"Chinese military", "PLA"});
    EntityRecord military = Entity("chinese-military", "organization", "Chinese military");
    KnowledgeGraph g = Build({Doc("a", pla), Doc("b", pla), Doc("c", military)});
    CHECK(g.NodeIdOf("chinese-military") == "peoples-liberation-army");
    CHECK(g.node_count() == 1);
  }
}

TEST_CASE("Resolution.KeepsDifferentActorsApart") {
  SUBCASE("a shared surname is not a name") {
    EntityRecord jeh = Entity("jeh-johnson", "person", "Jeh Johnson", "USA", {"Johnson"});
    EntityRecord boris = Entity("boris-johnson", "person", "Boris Johnson", "GBR", {"Johnson"});
    EntityRecord bare = Entity("johnson", "person", "Johnson");
    EntityRecord jed = Entity("jed-johnson", "person", "Jed Johnson", "USA");
    KnowledgeGraph g = Build({Doc("a", jeh), Doc("b", boris), Doc("c", bare), Doc("d", jed)});
    CHECK(g.node_count() == 4);
  }
  SUBCASE("different countries, and an ambiguous id between them") {
    EntityRecord chn =
        Entity("china-ministry-of-foreign-affairs", "organization",
               "Chinese Ministry of Foreign Affairs", "CHN", {"Ministry of Foreign Affairs"});
    EntityRecord ind =
        Entity("india-ministry-of-foreign-affairs", "organization",
               "Indian Ministry of Foreign Affairs", "IND", {"Ministry of Foreign Affairs"});
    EntityRecord bare =
        Entity("ministry-of-foreign-affairs", "organization", "Ministry of Foreign Affairs");
    KnowledgeGraph g = Build({Doc("a", chn), Doc("b", ind), Doc("c", bare)});
    CHECK(g.node_count() == 3);
    // Without India's, the bare ministry is China's.
    KnowledgeGraph h = Build({Doc("a", chn), Doc("c", bare)});
    CHECK(h.node_count() == 1);
    // A one-letter difference across countries never joins.
    EntityRecord uk = Entity("labour-party", "organization", "Labour Party", "GBR");
    EntityRecord au = Entity("labor-party", "organization", "Labor Party", "AUS");
    CHECK(Build({Doc("a", uk), Doc("b", au)}).node_count() == 2);
  }
  SUBCASE("groups are document-scoped") {
    EntityRecord g1 = Entity("d1--five-pla-officers", "group", "five PLA officers", "CHN");
    EntityRecord g2 = Entity("d2--five-pla-officers", "group", "five PLA officers", "CHN");
    EntityRecord g3 = Entity("d3--five-pla-oficers", "group", "five PLA oficers", "CHN");
    CHECK(Build({Doc("d1", g1), Doc("d2", g2), Doc("d3", g3)}).node_count() == 3);
  }
  SUBCASE("types, short words, first letters, digits") {
    EntityRecord person = Entity("wang-dong", "person", "Wang Dong");
    EntityRecord org = Entity("wang-dongg", "organization", "Wang Dongg");
    CHECK(Build({Doc("a", person), Doc("b", org)}).node_count() == 2);
    EntityRecord abc = Entity("abc-news", "organization", "ABC News", "USA");
    EntityRecord nbc = Entity("nbc-news", "organization", "NBC News", "USA");
    CHECK(Build({Doc("a", abc), Doc("b", nbc)}).node_count() == 2);
    EntityRecord li = Entity("li-peng", "person", "Li Peng");
    EntityRecord lin = Entity("li-pang", "person", "Li Pang");
    CHECK(Build({Doc("a", li), Doc("b", lin)}).node_count() == 2);
    EntityRecord brown = Entity("gordon-brown", "person", "Gordon Brown");
    EntityRecord crown = Entity("gordon-crown", "person", "Gordon Crown");
    CHECK(Build({Doc("a", brown), Doc("b", crown)}).node_count() == 2);
    EntityRecord g7 = Entity("group-of-7-summit", "event", "Group of 7 summit");
    EntityRecord g8 = Entity("group-of-8-summit", "event", "Group of 8 summit");
    CHECK(Build({Doc("a", g7), Doc("b", g8)}).node_count() == 2);
    EntityRecord isl = Entity("egy-isl-dialogue", "event", "Iceland-Egypt human rights dialogue");
    EntityRecord irl = Entity("egy-irl-dialogue", "event", "Ireland-Egypt human rights dialogue");
    CHECK(Build({Doc("a", isl), Doc("b", irl)}).node_count() == 2);
    EntityRecord talks = Entity("chn-usa-cyber-dialogue", "event", "China-US cyber dialogue");
    EntityRecord spelt = Entity("chn-usa-cyber-talks", "event", "China-U.S. Cyber Dialogue");
    CHECK(Build({Doc("a", talks), Doc("b", spelt)}).node_count() == 1);  // exact variants join
  }
  SUBCASE("one name as written, or one document, means two actors") {
    EntityRecord zhang = Entity("zhang-jun", "person", "Zhang Jun", "CHN");
    EntityRecord jurist = Entity("zhang-jun-jurist", "person", "Zhang Jun", "CHN");
    CHECK(Build({Doc("a", zhang), Doc("b", jurist)}).node_count() == 2);
    EntityRecord wang = Entity("wang-dong", "person", "Wang Dong");
    EntityRecord wangg = Entity("wang-dongg", "person", "Wang Dongg");
    CHECK(Build({Doc("a", wang, &wangg)}).node_count() == 2);
    // Once a document names both, earlier joins come apart.
    KnowledgeGraph g = Build({Doc("a", wang), Doc("b", wangg)});
    CHECK(g.node_count() == 1);
    g.AddRecord(Doc("c", wang, &wangg));
    CHECK(g.node_count() == 2);
    CHECK(g.FindEdge({"wang-dong", "wang-dongg", "met_with"}) != nullptr);
  }
}

// Every actor of the shipped dictionaries as one document: resolution must
// keep all of them apart (dictionary ids are kept as they are).
TEST_CASE("Resolution.NeverJoinsDictionaryActors") {
  const std::string dir = std::string(DIPLOGRAPH_TEST_DATA_DIR) + "/dict/";
  std::vector<ExtractionRecord> records;
  auto add = [&](const nlohmann::json& a, const std::string& type, const std::string& country) {
    std::vector<std::string> aliases;
    for (const char* key : {"aliases", "long_names"}) {
      if (a.contains(key)) {
        for (const auto& s : a[key]) aliases.push_back(s.get<std::string>());
      }
    }
    std::string id = a["id"].get<std::string>();
    records.push_back(Record("dict-" + id, "2020-01-01",
                             {Entity(id, type, a["name"].get<std::string>(), country, aliases)},
                             {}));
  };
  auto load = [&](const std::string& file, const char* list) {
    std::ifstream in(dir + file);
    REQUIRE(in.good());
    nlohmann::json j = nlohmann::json::parse(in);
    for (const auto& a : j[list]) {
      std::string country;
      for (const char* key : {"country", "iso3"}) {
        if (a.contains(key) && a[key].is_string()) country = a[key].get<std::string>();
      }
      std::string type = a.contains("type")                 ? a["type"].get<std::string>()
                         : std::string(list) == "people"    ? "person"
                         : std::string(list) == "countries" ? "country"
                                                            : "organization";
      add(a, type, country);
    }
  };
  load("countries.json", "countries");
  load("people.json", "people");
  load("organizations.json", "organizations");
  load("organizations-national.json", "organizations");
  load("media.json", "media");
  KnowledgeGraph g = Build(records);
  std::vector<std::string> joined;
  g.ForEachNode([&](const ActorNode& n) {
    if (n.ids.size() > 1) joined.push_back(n.ids[0] + " + " + n.ids[1]);
  });
  CHECK(joined == std::vector<std::string>{});
  CHECK(g.node_count() > 1000);
}

TEST_CASE("Occasions.CollectTheirRoundsDates") {
  EntityRecord dialogue = Entity("chn-usa-cyber-dialogue", "event", "cybercrime dialogue", "",
                                 {"China-US cybercrime talks"});
  EntityRecord guo = Entity("guo-shengkun", "person", "Guo Shengkun", "CHN");
  auto round = [&](const std::string& id, const std::string& date) {
    return Record(id, date, {dialogue, guo},
                  {Event("participated_in", "guo-shengkun", "chn-usa-cyber-dialogue", date)});
  };
  ExtractionRecord mention = Record("z", "2016-12-08", {dialogue}, {});  // no event: doc date
  KnowledgeGraph g = Build(
      {round("r1", "2015-12-01"), round("r3", "2016-12-07"), round("r2", "2016-06-14"), mention});
  const ActorNode* n = g.FindNode("chn-usa-cyber-dialogue");
  REQUIRE(n != nullptr);
  CHECK(n->type == "event");
  CHECK(n->dates ==
        std::vector<std::string>{"2015-12-01", "2016-06-14", "2016-12-07", "2016-12-08"});
  CHECK(n->first_date == "2015-12-01");
  CHECK(n->last_date == "2016-12-08");
  CHECK(n->documents == std::vector<std::string>{"r1", "r2", "r3", "z"});
  CHECK(g.FindEdge({"guo-shengkun", "chn-usa-cyber-dialogue", "participated_in"})->weight == 3);
  CHECK(g.FindNode("guo-shengkun")->dates.empty());  // only occasions have rounds
}

// Random documents about actors with spelling variants, to test the merge
// laws once resolution joins and splits ids.
class RandomCorpus {
 public:
  explicit RandomCorpus(unsigned seed) : rng_(seed) {}

  // `n` records; with `repeats`, some ids come twice (the version with the
  // greater fingerprint wins).
  std::vector<ExtractionRecord> Records(int n, bool repeats) {
    std::vector<ExtractionRecord> out;
    for (int i = 0; i < n; ++i) {
      std::string id = "doc-" + std::to_string(repeats ? Pick(n * 9 / 10 + 1) : i);
      std::vector<EntityRecord> ents;
      std::vector<size_t> chosen;
      for (int k = 1 + Pick(4); k > 0; --k) {
        size_t a = static_cast<size_t>(Pick(static_cast<int>(Actors().size())));
        if (std::find(chosen.begin(), chosen.end(), a) == chosen.end()) chosen.push_back(a);
      }
      std::sort(chosen.begin(), chosen.end(),
                [](size_t a, size_t b) { return Actors()[a].id < Actors()[b].id; });
      for (size_t a : chosen) ents.push_back(Actors()[a]);
      std::vector<EventRecord> events;
      static const char* kTypes[] = {"met_with", "accused", "participated_in", "praised"};
      for (int k = Pick(4); k > 0 && ents.size() > 1; --k) {
        const EntityRecord& s = ents[static_cast<size_t>(Pick(static_cast<int>(ents.size())))];
        const EntityRecord& t = ents[static_cast<size_t>(Pick(static_cast<int>(ents.size())))];
        if (s.id == t.id) continue;
        events.push_back(Event(kTypes[Pick(4)], s.id, t.id, "2016-0" + std::to_string(1 + Pick(9)),
                               1.0, 0.1 * Pick(10), "S" + std::to_string(Pick(5)), 0));
      }
      out.push_back(Record(id, "2016-12-0" + std::to_string(1 + Pick(9)), ents, events));
    }
    return out;
  }

  int Pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }
  std::mt19937& rng() { return rng_; }

 private:
  static const std::vector<EntityRecord>& Actors() {
    static const std::vector<EntityRecord> actors = {
        Entity("barack-obama", "person", "Barack Obama", "USA"),
        Entity("barrack-obama", "person", "Barrack Obama"),
        Entity("jeh-johnson", "person", "Jeh Johnson", "USA", {"Johnson"}),
        Entity("boris-johnson", "person", "Boris Johnson", "GBR", {"Johnson"}),
        Entity("wang-dong", "person", "Wang Dong"),
        Entity("wang-dongg", "person", "Wang Dongg"),
        Entity("wang-donng", "person", "Wang Donng"),
        Entity("hezbollah", "organization", "Hezbollah", "LBN"),
        Entity("hizbollah", "organization", "Hizbollah"),
        Entity("china-ministry-of-foreign-affairs", "organization",
               "Chinese Ministry of Foreign Affairs", "CHN", {"Ministry of Foreign Affairs"}),
        Entity("ministry-of-foreign-affairs", "organization", "Ministry of Foreign Affairs"),
        Entity("chn-usa-cyber-dialogue", "event", "cybercrime dialogue"),
        Entity("china", "country", "China", "CHN"),
        Entity("usa", "country", "United States", "USA"),
    };
    return actors;
  }

  std::mt19937 rng_;
};

std::vector<std::vector<ExtractionRecord>> RandomSplit(const std::vector<ExtractionRecord>& all,
                                                       size_t parts, RandomCorpus* rc) {
  std::vector<std::vector<ExtractionRecord>> out(parts);
  for (const ExtractionRecord& r : all) {
    out[static_cast<size_t>(rc->Pick(static_cast<int>(parts)))].push_back(r);
  }
  return out;
}

TEST_CASE("Resolution.MergeLawsHold") {
  for (unsigned seed = 1; seed <= 12; ++seed) {
    CAPTURE(seed);
    RandomCorpus rc(seed);
    std::vector<ExtractionRecord> all = rc.Records(40, seed % 3 == 0);
    KnowledgeGraph whole = Build(all);
    const std::string bytes = SavedGraphToString(whole);
    size_t joined = 0;
    whole.ForEachNode([&](const ActorNode& n) { joined += n.ids.size() - 1; });
    if (seed == 1) CHECK(joined > 0);  // the test means something

    // build(all) == merge(build(A), build(B), ...) for random splits.
    for (size_t parts = 2; parts <= 4; ++parts) {
      KnowledgeGraph merged;
      for (const auto& part : RandomSplit(all, parts, &rc)) merged.Merge(Build(part));
      CHECK(SavedGraphToString(merged) == bytes);
    }
    // merge(G, G) == G, also through a saved copy.
    KnowledgeGraph twice = whole;
    twice.Merge(whole);
    CHECK(SavedGraphToString(twice) == bytes);
    Diagnostics diags;
    std::optional<KnowledgeGraph> back = ReadSavedGraph(bytes, "g.json", &diags);
    REQUIRE(back.has_value());
    CHECK(SavedGraphToString(*back) == bytes);
    back->Merge(whole);
    CHECK(SavedGraphToString(*back) == bytes);

    // Order does not matter, nor do reads in between (incremental upkeep).
    std::vector<ExtractionRecord> shuffled = all;
    std::shuffle(shuffled.begin(), shuffled.end(), rc.rng());
    KnowledgeGraph stepwise;
    for (const ExtractionRecord& r : shuffled) {
      stepwise.AddRecord(r);
      if (seed % 2 == 0 || rc.Pick(3) == 0) stepwise.ForEachNode([](const ActorNode&) {});
    }
    CHECK(SavedGraphToString(stepwise) == bytes);
    CHECK(stepwise.node_count() == whole.node_count());
  }
}

TEST_CASE("Resolution.SavedGraphKeepsRawIds") {
  EntityRecord obama = Entity("barack-obama", "person", "Barack Obama", "USA");
  EntityRecord barrack = Entity("barrack-obama", "person", "Barrack Obama");
  EntityRecord usa = Entity("usa", "country", "United States", "USA");
  KnowledgeGraph g = Build({Doc("d1", obama, &usa), Doc("d2", obama), Doc("d3", barrack, &usa)});
  const std::string bytes = SavedGraphToString(g);
  nlohmann::json j = nlohmann::json::parse(bytes);
  REQUIRE(j["nodes"].size() == 2);
  CHECK(j["nodes"][0]["contrib"]["d3"]["id"] == "barrack-obama");
  CHECK_FALSE(j["nodes"][0]["contrib"]["d1"].contains("id"));
  CHECK(g.ContributionOf("d3").nodes.contains("barrack-obama"));
  CHECK(g.ContributionOf("d3").edges.contains({"barrack-obama", "usa", "met_with"}));
  Diagnostics diags;
  std::optional<KnowledgeGraph> back = ReadSavedGraph(bytes, "g.json", &diags);
  REQUIRE(back.has_value());
  CHECK(back->ContributionOf("d3").edges.contains({"barrack-obama", "usa", "met_with"}));
  // A later document that names both splits them again, from the saved graph too.
  back->AddRecord(Doc("d4", obama, &barrack));
  CHECK(back->node_count() == 3);
  CHECK(SavedGraphToString(*back) ==
        SavedGraphToString(Build({Doc("d4", obama, &barrack), Doc("d1", obama, &usa),
                                  Doc("d2", obama), Doc("d3", barrack, &usa)})));
}

TEST_CASE("Resolution.SubgraphKeepsTheParentsNodes") {
  EntityRecord wang = Entity("wang-dong", "person", "Wang Dong");
  EntityRecord wangg = Entity("wang-dongg", "person", "Wang Dongg");
  EntityRecord usa = Entity("usa", "country", "United States", "USA");
  KnowledgeGraph g = Build({Doc("a", wang, &usa), Doc("b", wang), Doc("b2", wang),
                            Doc("c", wangg, &usa), Doc("d", wangg, &usa)});
  CHECK(g.NodeIdOf("wang-dongg") == "wang-dong");  // 3 documents against 2
  KnowledgeGraph sub = g.Subgraph({}, {{"usa", "wang-dong", "met_with"}});
  CHECK(NodeIds(sub) == std::vector<std::string>{"usa", "wang-dong"});
  // Docs a, c and d alone would make "wang-dongg" the node id; the view keeps
  // the parent's.
  CHECK(sub.FindNode("wang-dong")->documents == std::vector<std::string>{"a", "c", "d"});
  CHECK(Build({Doc("a", wang, &usa), Doc("c", wangg, &usa), Doc("d", wangg, &usa)})
            .NodeIdOf("wang-dong") == "wang-dongg");
  KnowledgeGraph copy = sub;
  CHECK(SavedGraphToString(copy) == SavedGraphToString(sub));
}

}  // namespace
}  // namespace diplograph

namespace diplograph {
namespace {

// The external builder writes the graph's bytes: joined ids, replaced
// documents, occasions' rounds, any input order, one sort run or many.
TEST_CASE("ExternalBuild.WritesTheSavedGraphOfTheSameDocuments") {
  for (unsigned seed = 1; seed <= 12; ++seed) {
    CAPTURE(seed);
    RandomCorpus rc(seed);
    std::vector<ExtractionRecord> all = rc.Records(60, seed % 2 == 0);
    EntityRecord odd = Entity(std::string("nul\0id", 6), "organization", "Odd\nName");
    all.push_back(Record("odd", "2016-05-04", {odd}, {}));
    const std::string bytes = SavedGraphToString(Build(all));
    for (size_t buffer : {size_t{1}, size_t{4096}, size_t{1} << 26}) {
      CAPTURE(buffer);
      std::vector<ExtractionRecord> shuffled = all;
      std::shuffle(shuffled.begin(), shuffled.end(), rc.rng());
      KnowledgeGraph g;
      ExternalGraphBuilder b({.temp_dir = "", .sort_buffer_bytes = buffer});
      std::string error;
      REQUIRE(b.Open(&error));
      for (const ExtractionRecord& r : shuffled) CHECK(b.AddRecord(r) == g.AddRecord(r));
      CHECK(b.document_count() == g.document_count());
      std::ostringstream out;
      REQUIRE(b.Write(out, &error));
      CHECK(out.str() == bytes);
    }
  }
}

// A saved graph is loaded row by row (KnowledgeGraph::Loader); rows in any
// order, hence raw keys and document rows out of order, give the same graph,
// and so does a graph that then changes.
TEST_CASE("SavedGraph.RowsInAnyOrderLoadTheSameGraph") {
  for (unsigned seed = 1; seed <= 12; ++seed) {
    CAPTURE(seed);
    RandomCorpus rc(seed);
    std::vector<ExtractionRecord> all = rc.Records(60, seed % 2 == 0);
    const KnowledgeGraph whole = Build(all);
    const std::string bytes = SavedGraphToString(whole);
    // One element a line, each but the last ending in ',': shuffle the
    // lines of "nodes" and of "links".
    std::vector<std::string> lines;
    std::istringstream in(bytes);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    for (const char* head : {"\"nodes\":[", "\"links\":["}) {
      size_t first = 0;
      while (first < lines.size() && lines[first] != head) ++first;
      REQUIRE(first < lines.size());
      ++first;
      size_t last = first;
      while (last < lines.size() && lines[last].starts_with("{")) ++last;
      for (size_t i = first; i < last; ++i) {
        if (lines[i].ends_with(",")) lines[i].pop_back();
      }
      std::shuffle(lines.begin() + static_cast<ptrdiff_t>(first),
                   lines.begin() + static_cast<ptrdiff_t>(last), rc.rng());
      for (size_t i = first; i + 1 < last; ++i) lines[i] += ",";
    }
    std::string shuffled;
    for (const std::string& line : lines) shuffled += line + "\n";
    Diagnostics diags;
    std::optional<KnowledgeGraph> back =
        ReadSavedGraph(shuffled, "g.json", &diags, {.release = {}, .derive = true});
    REQUIRE_MESSAGE(back.has_value(),
                    (diags.empty() ? std::string() : diags.items()[0].ToString()));
    CHECK(SavedGraphToString(*back) == bytes);
    // Changes after a load, before or after its first read, are kept as
    // after any build.
    std::optional<KnowledgeGraph> unread = ReadSavedGraph(shuffled, "g.json", &diags);
    REQUIRE(unread.has_value());
    std::vector<ExtractionRecord> more = rc.Records(8, true);
    KnowledgeGraph grown = whole;
    for (const ExtractionRecord& r : more) {
      grown.AddRecord(r);
      back->AddRecord(r);
      unread->AddRecord(r);
    }
    const std::string grown_bytes = SavedGraphToString(grown);
    CHECK(SavedGraphToString(*back) == grown_bytes);
    CHECK(SavedGraphToString(*unread) == grown_bytes);
  }
}

// How a Loader is fed (LoadThroughLoader()).
enum class Feed {
  kPlaced,        // EndNodes(true) after the nodes: edges placed as they come
  kStored,        // EndNodes(false): stored as they come, placed on first use
  kAtOnce,        // no EndNodes(): likewise
  kShuffled,      // placed as they come, raw ids and keys in any order
  kNodeAfterward  // one document's rows come last: an AddNode() after placing
};

// `whole` again, fed row by row to a Loader as `feed` says.
std::string LoadThroughLoader(const KnowledgeGraph& whole, Feed feed, std::mt19937* rng) {
  struct NodeRow {
    std::string doc, id;
    NodeContribution c;
  };
  struct EdgeRow {
    EdgeKey key;
    std::string doc;
    EdgeContribution c;
  };
  std::vector<NodeRow> nodes;
  std::vector<EdgeRow> edges;
  std::string held;  // kNodeAfterward: the document fed last
  KnowledgeGraph::Loader loader;
  whole.ForEachDocument([&](const DocumentEntry& d) {
    CHECK(loader.AddDocument(d));
    DocContribution c = whole.ContributionOf(d.id);
    if (held.empty() && !c.edges.empty()) held = d.id;
    for (auto& [id, nc] : c.nodes) nodes.push_back({d.id, id, nc});
    for (auto& [key, ec] : c.edges) edges.push_back({key, d.id, ec});
  });
  std::sort(edges.begin(), edges.end(), [](const EdgeRow& a, const EdgeRow& b) {
    return std::tie(a.key, a.doc) < std::tie(b.key, b.doc);
  });
  if (feed == Feed::kShuffled) {  // documents of a raw id in any order too
    std::shuffle(nodes.begin(), nodes.end(), *rng);
    std::shuffle(edges.begin(), edges.end(), *rng);
  }
  if (feed != Feed::kNodeAfterward) held.clear();
  auto add_nodes = [&](bool of_held) {
    for (const NodeRow& r : nodes) {
      if ((r.doc == held) == of_held) CHECK(loader.AddNode(loader.FindDocument(r.doc), r.id, r.c));
    }
  };
  auto add_edges = [&](bool of_held) {
    for (const EdgeRow& r : edges) {
      if ((r.doc == held) != of_held) continue;
      // With its target's raw node, or not (then the loader looks it up).
      const KnowledgeGraph::Loader::Node target =
          (*rng)() % 2 == 0 ? loader.FindNode(r.key.target) : nullptr;
      loader.AddEdge(loader.FindDocument(r.doc), r.key, r.c, target);
    }
  };
  add_nodes(false);
  if (!nodes.empty() && nodes.front().doc != held) {  // a second word is refused
    const NodeRow& r = nodes.front();
    CHECK_FALSE(loader.AddNode(loader.FindDocument(r.doc), r.id, r.c));
  }
  if (feed != Feed::kAtOnce) loader.EndNodes(feed != Feed::kStored);
  add_edges(false);
  add_nodes(true);
  add_edges(true);
  return SavedGraphToString(std::move(loader).Finish());
}

// Placing edges while a Loader reads on gives the graph placing them at
// the end gives: joined ids, raw keys out of order, nodes added after
// edges were placed, and enough keys for many hand-overs between threads.
TEST_CASE("Loader.PlacingWhileLoadingGivesTheSameGraph") {
  for (unsigned seed = 1; seed <= 8; ++seed) {
    CAPTURE(seed);
    RandomCorpus rc(seed);
    std::vector<ExtractionRecord> all = rc.Records(80, seed % 2 == 0);
    if (seed == 1) {  // thousands of raw keys between hundreds of actors
      all.clear();
      std::mt19937 rng(seed);
      for (int i = 0; i < 3000; ++i) {
        std::vector<EntityRecord> ents;
        for (int k = 0; k < 4; ++k) {
          const int a = static_cast<int>(rng() % 600);
          ents.push_back(Entity("actor-" + std::to_string(a), "person",
                                "Actor " + std::to_string(a) + " Person"));
        }
        std::sort(ents.begin(), ents.end(), [](auto& a, auto& b) { return a.id < b.id; });
        ents.erase(
            std::unique(ents.begin(), ents.end(), [](auto& a, auto& b) { return a.id == b.id; }),
            ents.end());
        std::vector<EventRecord> events;
        for (size_t k = 1; k < ents.size(); ++k) {
          events.push_back(Event(k % 2 ? "accused" : "met_with", ents[k - 1].id, ents[k].id,
                                 "2019-0" + std::to_string(1 + k), 1.0, 0.8, "S."));
        }
        all.push_back(Record("doc-" + std::to_string(i), "2019-01-01", ents, events));
      }
    }
    const KnowledgeGraph whole = Build(all);
    const std::string bytes = SavedGraphToString(whole);
    // Also with a worker slow enough that the loader's thread, once done,
    // derives nodes and edges alongside it.
    for (int delay_us : {0, 1000}) {
      CAPTURE(delay_us);
      graph_internal::SetLoadWorkerDelayForTesting(delay_us);
      for (Feed feed :
           {Feed::kPlaced, Feed::kStored, Feed::kAtOnce, Feed::kShuffled, Feed::kNodeAfterward}) {
        CAPTURE(static_cast<int>(feed));
        CHECK(LoadThroughLoader(whole, feed, &rc.rng()) == bytes);
      }
    }
    graph_internal::SetLoadWorkerDelayForTesting(0);
  }
}

// The loader's second thread, once it has caught up, derives the edges it
// placed. A contribution that comes afterwards, out of key order, to a raw
// key already derived must still count: the graph is that of Build().
TEST_CASE("Loader.ALateContributionUndoesEdgesDerivedAhead") {
  std::mt19937 rng(7);
  std::vector<ExtractionRecord> all;
  for (int i = 0; i < 3000; ++i) {
    std::vector<EntityRecord> ents;
    for (int k = 0; k < 4; ++k) {
      const int a = static_cast<int>(rng() % 300);
      ents.push_back(
          Entity("actor-" + std::to_string(a), "person", "Actor " + std::to_string(a) + " Person"));
    }
    std::sort(ents.begin(), ents.end(), [](auto& a, auto& b) { return a.id < b.id; });
    ents.erase(std::unique(ents.begin(), ents.end(), [](auto& a, auto& b) { return a.id == b.id; }),
               ents.end());
    std::vector<EventRecord> events;
    for (size_t k = 1; k < ents.size(); ++k) {
      events.push_back(Event("accused", ents[k - 1].id, ents[k].id,
                             "2019-0" + std::to_string(1 + k), -2.0, 0.8, "S" + std::to_string(i)));
    }
    all.push_back(Record("doc-" + std::to_string(10000 + i), "2019-01-01", ents, events));
  }
  const KnowledgeGraph whole = Build(all);
  struct EdgeRow {
    EdgeKey key;
    std::string doc;
    EdgeContribution c;
  };
  std::vector<EdgeRow> edges;
  KnowledgeGraph::Loader loader;
  whole.ForEachDocument([&](const DocumentEntry& d) { CHECK(loader.AddDocument(d)); });
  whole.ForEachDocument([&](const DocumentEntry& d) {
    const DocContribution c = whole.ContributionOf(d.id);
    for (const auto& [id, nc] : c.nodes) CHECK(loader.AddNode(loader.FindDocument(d.id), id, nc));
    for (const auto& [key, ec] : c.edges) edges.push_back({key, d.id, ec});
  });
  std::sort(edges.begin(), edges.end(), [](const EdgeRow& a, const EdgeRow& b) {
    return std::tie(a.key, a.doc) < std::tie(b.key, b.doc);
  });
  // The last contribution of the first raw key that has several.
  size_t held = 0;
  while (held + 1 < edges.size() && edges[held + 1].key != edges[held].key) ++held;
  REQUIRE(held + 1 < edges.size());
  while (held + 1 < edges.size() && edges[held + 1].key == edges[held].key) ++held;
  REQUIRE(edges.size() > 2 * 4096);  // batches enough for the thread to catch up between
  const size_t before = graph_internal::EdgesDerivedAheadForTesting();
  loader.EndNodes(true);
  for (size_t i = 0; i < edges.size(); ++i) {
    if (i != held) loader.AddEdge(loader.FindDocument(edges[i].doc), edges[i].key, edges[i].c);
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(200));  // it derives what it placed
  // Without a second core there is no second thread. With one, it derives
  // in key order from the first key: past the held key, one of the first.
  if (std::thread::hardware_concurrency() >= 2) {
    CHECK(graph_internal::EdgesDerivedAheadForTesting() - before > 100);
  }
  loader.AddEdge(loader.FindDocument(edges[held].doc), edges[held].key, edges[held].c);
  CHECK(SavedGraphToString(std::move(loader).Finish()) == SavedGraphToString(whole));
}

TEST_CASE("RawKeyList.HoldsOneKeyInPlaceAndKeepsKeyOrder") {
  const EdgeKey a{"a", "b", "met_with"}, b{"a", "c", "met_with"}, c{"b", "c", "accused"};
  RawKeyList keys;
  CHECK(keys.empty());
  keys.Insert(&b);
  CHECK(keys.size() == 1);
  CHECK(keys.front() == &b);
  keys.Insert(&c);
  keys.Insert(&a);
  keys.Insert(&a);  // there already
  REQUIRE(keys.size() == 3);
  CHECK(std::vector<const EdgeKey*>(keys.begin(), keys.end()) ==
        std::vector<const EdgeKey*>{&a, &b, &c});
  keys.EraseEqual(EdgeKey{"a", "c", "met_with"});  // by value
  CHECK(std::vector<const EdgeKey*>(keys.begin(), keys.end()) ==
        std::vector<const EdgeKey*>{&a, &c});
  keys.ErasePointer(&a);
  CHECK(keys.size() == 1);
  CHECK(keys.front() == &c);
  keys.ErasePointer(&b);  // absent: nothing
  CHECK(keys.size() == 1);
  keys.EraseEqual(c);
  CHECK(keys.empty());
  CHECK(keys.begin() == keys.end());
  keys.Insert(&a);
  keys.Insert(&a);  // one key, there already
  CHECK(keys.size() == 1);
  keys.ErasePointer(&a);
  CHECK(keys.empty());
}

TEST_CASE("ExternalBuild.ReportsAnUnusableFolder") {
  ExternalGraphBuilder b({.temp_dir = "/nonexistent/folder"});
  std::string error;
  CHECK_FALSE(b.Open(&error));
  CHECK(error.find("/nonexistent/folder") != std::string::npos);
}

TEST_CASE("ExternalBuild.EmptyInputWritesAnEmptyGraph") {
  ExternalGraphBuilder b;
  std::string error;
  REQUIRE(b.Open(&error));
  std::ostringstream out;
  REQUIRE(b.Write(out, &error));
  CHECK(out.str() == SavedGraphToString(KnowledgeGraph()));
}

}  // namespace
}  // namespace diplograph
