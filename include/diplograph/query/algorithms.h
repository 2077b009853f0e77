// query/algorithms.h: graph algorithms behind the CALL procedures.
//
// All run on a GraphIndex; node numbers are the index's. Results are
// deterministic: every loop runs in node or edge number order. The
// "undirected view" is GraphIndex::undirected(): every edge in both
// directions, parallel edges and self-loops dropped.
// Thread-safety: the functions keep no state.
#ifndef DIPLOGRAPH_QUERY_ALGORITHMS_H_
#define DIPLOGRAPH_QUERY_ALGORITHMS_H_

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "diplograph/query/index.h"

namespace diplograph::query {

// Weighted PageRank: node u passes rank to v in proportion to the weight of
// its edges u->v (a symmetric edge counts both ways). Nodes without
// outgoing weight (dangling) spread their rank evenly over all nodes.
// Iterates until the L1 change drops below `tolerance` or `max_iterations`.
// Scores sum to 1 (an empty graph gives an empty vector).
std::vector<double> PageRank(const GraphIndex& index, double damping = 0.85,
                             int max_iterations = 100, double tolerance = 1e-10);

// Betweenness centrality on the undirected view by Brandes' algorithm
// (boost::brandes_betweenness_centrality), not normalised: the number of
// shortest paths between other pairs through each node, each unordered pair
// once (as networkx's betweenness_centrality(normalized=False)). O(V E).
std::vector<double> Betweenness(const GraphIndex& index);

// Weakly connected components (boost::connected_components on the
// undirected view), numbered 0.. in the order of their first node.
std::vector<int> WeakComponents(const GraphIndex& index, int* count = nullptr);

struct NodeDegree {
  int64_t in = 0;        // edges into the node (a symmetric edge counts at both ends)
  int64_t out = 0;       // edges out of the node (likewise)
  int64_t degree = 0;    // distinct incident edges, a self-loop once
  int64_t weighted = 0;  // the sum of their weights (documents)
};
std::vector<NodeDegree> Degrees(const GraphIndex& index);

// A shortest path on the undirected view (boost::breadth_first_search) from
// any node of `from` to any node of `to`, as node numbers from one end to
// the other; empty when there is none. Ties go to the path found first in
// node number order.
std::vector<uint32_t> ShortestPath(const GraphIndex& index, std::span<const uint32_t> from,
                                   std::span<const uint32_t> to);

struct TimelineEntry {
  std::string date;  // "" for edges without dates (they come last)
  uint32_t edge = 0;
  int64_t weight = 0;    // documents reporting the edge on this date
  std::string evidence;  // the best sentence of those documents
  std::vector<std::string> documents;
};

// The events of every edge touching a node of `actors`: one entry a (edge,
// date) from the dates its documents give, sorted by date, then edge
// number. Documents that give the edge no date count under one undated
// entry (date "", sorted last).
std::vector<TimelineEntry> Timeline(const GraphIndex& index, std::span<const uint32_t> actors);

}  // namespace diplograph::query

#endif  // DIPLOGRAPH_QUERY_ALGORITHMS_H_
