// graph/stats.h: summary counts of a knowledge graph (`diplograph stats`).
// Pure functions of the graph; thread-safe as the graph's const methods are.
#ifndef DIPLOGRAPH_GRAPH_STATS_H_
#define DIPLOGRAPH_GRAPH_STATS_H_

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "diplograph/graph/graph.h"

namespace diplograph {

struct ActorDegree {
  std::string id;
  std::string label;
  int64_t degree = 0;  // total weight of incident edges (a self-loop once)
};

struct GraphStats {
  size_t nodes = 0;
  size_t edges = 0;
  size_t documents = 0;
  std::map<std::string, size_t> nodes_by_type;  // "" for nodes of no type
  std::map<std::string, size_t> edges_by_type;
  // Smallest and greatest of the document dates and event dates (string
  // order of normalised ISO dates, so "2014" sorts before "2014-05"); "" when
  // the graph has no dates.
  std::string first_date;
  std::string last_date;
  std::vector<ActorDegree> top_actors;  // by degree descending, ties by id
  int64_t skipped_events = 0;           // sum of DocumentEntry::skipped_events
  int64_t modal_events = 0;             // sum of DocumentEntry::modal_events
};

// Counts for `graph`, with at most `top_n` top actors.
GraphStats ComputeStats(const KnowledgeGraph& graph, size_t top_n = 10);

}  // namespace diplograph

#endif  // DIPLOGRAPH_GRAPH_STATS_H_
