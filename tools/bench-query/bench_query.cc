// bench_query: how fast `diplograph query` answers on a large graph.
//
// Writes a synthetic saved graph (default 1,000,000 edges among 50,000
// actors, in 20-edge documents), loads it as `diplograph query` does
// (ReadSavedGraph, then the query index), and times representative queries,
// the median of 5 runs each. Prints load time, query times and peak RSS
// (VmHWM from /proc/self/status).
//
// Build and run (not part of the default build or the tests):
//   cmake --build build --target bench_query
//   build/bench_query [--edges N] [--actors N] [--runs N] [--graph FILE] [--keep]
// --graph FILE reuses (or, if missing, writes) FILE instead of a temporary file.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <iostream>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

#include "diplograph/core/heap.h"
#include "diplograph/core/mapped_file.h"
#include "diplograph/event/record.h"
#include "diplograph/graph/saved_graph.h"
#include "diplograph/query/engine.h"
#include "diplograph/query/parser.h"
#include "diplograph/text/reader.h"

namespace {

using Clock = std::chrono::steady_clock;

struct Options {
  size_t edges = 1'000'000;
  uint32_t actors = 50'000;
  int runs = 5;
  std::string graph;
  bool keep = false;
};

// CPU time of the whole process (all threads), in ms.
double CpuMs() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

double Ms(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

std::string Status(const char* key) {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(key, 0) == 0) return line.substr(line.find_first_not_of(" \t", 6));
  }
  return "?";
}

// Actor i: 200 countries (the hubs), 4,800 organisations, the rest people;
// its id ("country-007") or its name ("Country 007").
std::string Actor(uint32_t i, bool name) {
  static const char* const kFormats[2][3] = {{"country-%03u", "agency-%05u", "actor-%06u"},
                                             {"Country %03u", "Agency %05u", "Actor %06u"}};
  char buf[32];
  std::snprintf(buf, sizeof(buf), kFormats[name][i < 200 ? 0 : i < 5000 ? 1 : 2], i);
  return buf;
}

std::string ActorId(uint32_t i) { return Actor(i, false); }
std::string ActorName(uint32_t i) { return Actor(i, true); }

const char* ActorType(uint32_t i) {
  return i < 200 ? "country" : i < 5000 ? "organization" : "person";
}

struct SynthEdge {
  uint32_t source;
  uint32_t target;
  uint8_t type;
  std::vector<uint32_t> docs;
};

struct Synth {
  std::vector<std::string> ids;
  std::vector<std::string> dates;                // by document
  std::vector<std::vector<uint32_t>> node_docs;  // by actor
  std::vector<SynthEdge> edges;
};

// One document: 8 actors (30% of picks are hubs) and 20 relations among them.
void AddDocument(std::mt19937_64& rng, const Options& o, Synth* s,
                 std::unordered_map<uint64_t, uint32_t>* edge_of) {
  const auto& types = diplograph::EventTypes();
  uint32_t doc = static_cast<uint32_t>(s->dates.size());
  char date[16];
  std::snprintf(date, sizeof(date), "%04d-%02d-%02d", 2000 + static_cast<int>(rng() % 25),
                1 + static_cast<int>(rng() % 12), 1 + static_cast<int>(rng() % 28));
  s->dates.emplace_back(date);
  std::vector<uint32_t> cast;
  while (cast.size() < 8) {
    uint32_t a = rng() % 10 < 3 ? static_cast<uint32_t>(rng() % 200)
                                : static_cast<uint32_t>(rng() % o.actors);
    if (std::find(cast.begin(), cast.end(), a) == cast.end()) cast.push_back(a);
  }
  for (uint32_t a : cast) s->node_docs[a].push_back(doc);
  for (int k = 0; k < 20 && s->edges.size() < o.edges; ++k) {
    uint32_t src = cast[rng() % 8];
    uint32_t dst = cast[rng() % 8];
    uint8_t type = static_cast<uint8_t>(rng() % types.size());
    if (src == dst) continue;
    if (types[type].symmetric && s->ids[dst] < s->ids[src]) std::swap(src, dst);
    uint64_t key = (static_cast<uint64_t>(src) * o.actors + dst) * 64 + type;
    auto [it, added] = edge_of->emplace(key, static_cast<uint32_t>(s->edges.size()));
    if (added) s->edges.push_back({src, dst, type, {}});
    std::vector<uint32_t>& docs = s->edges[it->second].docs;
    if (docs.empty() || docs.back() != doc) docs.push_back(doc);
  }
}

void WriteDocuments(const Synth& s, FILE* f) {
  std::fprintf(f,
               "{\"directed\":true,\"multigraph\":true,\"graph\":{\"format\":"
               "\"diplograph-graph\",\"version\":1,\"generator\":\"bench_query\","
               "\"documents\":[\n");
  for (size_t d = 0; d < s.dates.size(); ++d) {
    std::fprintf(f, "%s{\"id\":\"doc-%07zu\",\"date\":\"%s\",\"fingerprint\":\"%016zx\"}\n",
                 d ? "," : "", d, s.dates[d].c_str(), d + 1);
  }
}

void WriteNodes(const Synth& s, FILE* f) {
  std::fprintf(f, "]},\"nodes\":[\n");
  // In id order, as diplograph writes them.
  std::vector<uint32_t> order(s.node_docs.size());
  for (uint32_t a = 0; a < order.size(); ++a) order[a] = a;
  std::sort(order.begin(), order.end(),
            [&](uint32_t x, uint32_t y) { return s.ids[x] < s.ids[y]; });
  bool first = true;
  for (uint32_t a : order) {
    if (s.node_docs[a].empty()) continue;
    std::fprintf(f, "%s{\"id\":\"%s\",\"contrib\":{", first ? "" : ",", s.ids[a].c_str());
    first = false;
    for (size_t k = 0; k < s.node_docs[a].size(); ++k) {
      std::fprintf(f, "%s\"doc-%07u\":{\"name\":\"%s\",\"type\":\"%s\",\"mentions\":1}",
                   k ? "," : "", s.node_docs[a][k], ActorName(a).c_str(), ActorType(a));
    }
    std::fprintf(f, "}}\n");
  }
}

void WriteLinks(const Synth& s, FILE* f) {
  const auto& types = diplograph::EventTypes();
  std::fprintf(f, "],\"links\":[\n");
  // In key order (source, target, type), as diplograph writes them.
  std::vector<uint32_t> order(s.edges.size());
  for (uint32_t e = 0; e < order.size(); ++e) order[e] = e;
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    const SynthEdge& x = s.edges[a];
    const SynthEdge& y = s.edges[b];
    if (x.source != y.source) return s.ids[x.source] < s.ids[y.source];
    if (x.target != y.target) return s.ids[x.target] < s.ids[y.target];
    return types[x.type].name < types[y.type].name;
  });
  for (size_t e = 0; e < s.edges.size(); ++e) {
    const SynthEdge& x = s.edges[order[e]];
    const auto& t = types[x.type];
    std::string sentence =
        ActorName(x.source) + " " + std::string(t.name) + " " + ActorName(x.target) + ".";
    std::fprintf(f, "%s{\"source\":\"%s\",\"target\":\"%s\",\"type\":\"%s\",\"contrib\":{",
                 e ? "," : "", s.ids[x.source].c_str(), s.ids[x.target].c_str(),
                 std::string(t.name).c_str());
    for (size_t k = 0; k < x.docs.size(); ++k) {
      std::fprintf(f,
                   "%s\"doc-%07u\":{\"mentions\":1,\"dates\":[\"%s\"],\"goldstein_sum\":%.1f,"
                   "\"evidence\":{\"sentence\":\"%s\",\"start\":0,\"end\":%zu,\"confidence\":0.8}}",
                   k ? "," : "", x.docs[k], s.dates[x.docs[k]].c_str(), t.goldstein,
                   sentence.c_str(), sentence.size());
    }
    std::fprintf(f, "}}\n");
  }
  std::fprintf(f, "]}\n");
}

bool Generate(const Options& o, const std::string& path) {
  Clock::time_point start = Clock::now();
  Synth s;
  for (uint32_t a = 0; a < o.actors; ++a) s.ids.push_back(ActorId(a));
  s.node_docs.resize(o.actors);
  std::unordered_map<uint64_t, uint32_t> edge_of;
  edge_of.reserve(o.edges);
  std::mt19937_64 rng(20161207);
  while (s.edges.size() < o.edges) AddDocument(rng, o, &s, &edge_of);
  FILE* f = std::fopen(path.c_str(), "w");
  if (f == nullptr) return false;
  WriteDocuments(s, f);
  WriteNodes(s, f);
  WriteLinks(s, f);
  bool ok = std::fclose(f) == 0;
  std::printf("generated %zu documents, %zu edges in %.0f ms -> %s\n", s.dates.size(),
              s.edges.size(), Ms(start), path.c_str());
  return ok;
}

// Runs `q` `runs` times; prints the median time, the first run's time (it
// may build lazy structures) and the row count.
void Time(const diplograph::query::QueryEngine& engine, const std::string& q, int runs) {
  std::vector<double> times;
  size_t rows = 0;
  for (int r = 0; r < runs; ++r) {
    diplograph::Diagnostics diags;
    Clock::time_point start = Clock::now();
    auto table = engine.Execute(q, "query", &diags);
    times.push_back(Ms(start));
    if (!table) {
      for (const auto& d : diags.items()) {
        std::cerr << diplograph::query::RenderQueryDiagnostic(d, q);
      }
      return;
    }
    rows = table->rows.size();
  }
  double first = times.front();
  std::sort(times.begin(), times.end());
  std::printf("%10.3f ms (first %9.3f)  %6zu rows  %s\n", times[times.size() / 2], first, rows,
              q.c_str());
}

const std::vector<std::string>& Queries() {
  static const std::vector<std::string> kQueries = {
      "MATCH (a {name: \"Actor 012345\"})-[e:accused]->(b) RETURN b.name, e.weight",
      "MATCH (a {name: \"Actor 012345\"})-[e]-(b) RETURN type(e) AS t, count(*) AS n "
      "ORDER BY n DESC",
      "MATCH (a:person {id: \"actor-012345\"})<-[e:met_with|praised]-(b) "
      "WHERE e.first_date >= \"2010\" RETURN b.name, e.first_date ORDER BY e.first_date",
      "MATCH (a {name: \"Country 007\"})-[e:met_with]-(b:person) RETURN b.name "
      "ORDER BY b.name LIMIT 20",
      "MATCH (a {name: \"Country 007\"})-[e]->(b {name: \"Country 042\"}) RETURN type(e), "
      "e.weight",
      "MATCH (a {name: \"Actor 012345\"})-[:met_with]-(b)-[:met_with]-(c) "
      "RETURN count(DISTINCT c)",
      "MATCH (a {name: \"Actor 012345\"})-[r:agreed*1..2]->(b) RETURN count(*)",
      "MATCH (a)-[e:expelled]->(b:country) WHERE e.first_date >= \"2020\" RETURN count(*)",
      "MATCH (n:country) RETURN count(*)",
      "MATCH (n) WHERE n.name STARTS WITH \"Agency 001\" RETURN count(*)",
      "CALL shortestPath(\"Actor 012345\", \"Actor 045678\") YIELD length RETURN length",
      "CALL timeline(\"Actor 012345\") YIELD date RETURN count(*)",
      "CALL degree() YIELD name, degree RETURN name, degree ORDER BY degree DESC LIMIT 10",
      "CALL components() YIELD component RETURN count(DISTINCT component)",
      "CALL pagerank() YIELD name, score RETURN name, score ORDER BY score DESC LIMIT 10",
  };
  return kQueries;
}

bool ParseOptions(int argc, char** argv, Options* o) {
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    bool has_value = i + 1 < argc;
    if (a == "--edges" && has_value) {
      o->edges = std::stoul(argv[++i]);
    } else if (a == "--actors" && has_value) {
      o->actors = static_cast<uint32_t>(std::stoul(argv[++i]));
    } else if (a == "--runs" && has_value) {
      o->runs = std::max(1, std::stoi(argv[++i]));
    } else if (a == "--graph" && has_value) {
      o->graph = argv[++i];
      o->keep = true;
    } else if (a == "--keep") {
      o->keep = true;
    } else {
      std::cerr << "usage: bench_query [--edges N] [--actors N] [--runs N] [--graph FILE] "
                   "[--keep]\n";
      return false;
    }
  }
  return o->actors >= 200;
}

// Reads and parses the saved graph, then derives it (as the first query
// would); prints the times. nullopt after printing the errors.
std::optional<diplograph::KnowledgeGraph> Load(const std::string& path) {
  Clock::time_point start = Clock::now();
  double cpu0 = CpuMs();
  // Mapped, checked as text and read with its pages released as it goes,
  // as the command line reads a saved graph.
  diplograph::Diagnostics diags;
  diplograph::MappedFile map;
  std::string_view content;
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  struct stat st {};
  if (fd < 0 || ::fstat(fd, &st) != 0 || st.st_size <= 0 ||
      !map.Map(fd, static_cast<size_t>(st.st_size))) {
    std::cerr << path << ": cannot map the file\n";
    if (fd >= 0) ::close(fd);
    return std::nullopt;
  }
  ::close(fd);
  content = map.data();
  if (!diplograph::CheckText(content, path, &diags)) {
    for (const auto& d : diags.items()) std::cerr << d.ToString() << "\n";
    return std::nullopt;
  }
  map.Release(content.size());
  double read_ms = Ms(start);
  double cpu1 = CpuMs();
  std::optional<diplograph::KnowledgeGraph> graph = diplograph::ReadSavedGraph(
      content, path, &diags, {.release = [&map](size_t n) { map.Release(n); }, .derive = true});
  double parse_ms = Ms(start) - read_ms;
  double cpu2 = CpuMs();
  for (const auto& d : diags.items()) std::cerr << d.ToString() << "\n";
  if (!graph) return std::nullopt;
  Clock::time_point derive_start = Clock::now();
  graph->ForEachNode([](const diplograph::ActorNode&) {});  // derives every node and edge
  double derive_ms = Ms(derive_start);
  double cpu3 = CpuMs();
  std::printf(
      "load: map and check %.0f ms (cpu %.0f), parse and build %.0f ms (cpu %.0f), derive %.0f ms "
      "(cpu %.0f)",
      read_ms, cpu1 - cpu0, parse_ms, cpu2 - cpu1, derive_ms, cpu3 - cpu2);
  return graph;
}

}  // namespace

int main(int argc, char** argv) {
  diplograph::GrowHeapInLargeSteps();  // as the command line does
  Options o;
  if (!ParseOptions(argc, argv, &o)) return 2;
  std::string path =
      o.graph.empty() ? "/tmp/bench_query_" + std::to_string(getpid()) + ".json" : o.graph;
  if (!std::ifstream(path) && !Generate(o, path)) return 1;
  Clock::time_point start = Clock::now();
  std::optional<diplograph::KnowledgeGraph> graph = Load(path);
  if (!graph) return 1;
  Clock::time_point index_start = Clock::now();
  diplograph::query::QueryEngine engine(*graph);
  std::printf(", query index %.0f ms; total %.0f ms; peak RSS so far %s\n", Ms(index_start),
              Ms(start), Status("VmHWM").c_str());
  std::printf("graph: %u nodes, %u edges, %zu documents\n", engine.index().node_count(),
              engine.index().edge_count(), graph->document_count());
  std::printf("queries (median of %d):\n", o.runs);
  for (const std::string& q : Queries()) Time(engine, q, o.runs);
  std::printf("peak RSS %s, RSS now %s\n", Status("VmHWM").c_str(), Status("VmRSS").c_str());
  if (!o.keep) std::remove(path.c_str());
  return 0;
}
