#include "diplograph/graph/stats.h"

#include <algorithm>
#include <boost/range/iterator_range.hpp>
#include <string_view>
#include <utility>
#include <vector>

#include "graph_internal.h"

namespace diplograph {

namespace {

void WidenRange(const std::string& date, GraphStats* s) {
  if (date.empty()) return;
  if (s->first_date.empty() || date < s->first_date) s->first_date = date;
  if (s->last_date.empty() || date > s->last_date) s->last_date = date;
}

}  // namespace

GraphStats ComputeStats(const KnowledgeGraph& graph, size_t top_n) {
  GraphStats s;
  s.nodes = graph.node_count();
  s.edges = graph.edge_count();
  s.documents = graph.document_count();
  graph.ForEachDocument([&](const DocumentEntry& d) {
    WidenRange(graph_internal::NormalizeDate(d.date), &s);
    s.skipped_events += d.skipped_events;
    s.modal_events += d.modal_events;
  });
  // Counted by type in a short list first: a graph has a few dozen types
  // and hundreds of thousands of edges.
  std::vector<std::pair<std::string_view, size_t>> by_type;
  graph.ForEachEdge([&](const RelationEdge& e) {
    auto it = std::find_if(by_type.begin(), by_type.end(),
                           [&](const auto& t) { return t.first == e.key.type; });
    if (it == by_type.end()) it = by_type.insert(by_type.end(), {e.key.type, 0});
    ++it->second;
    WidenRange(e.first_date, &s);
    WidenRange(e.last_date, &s);
  });
  for (const auto& [type, count] : by_type) s.edges_by_type[std::string(type)] += count;
  // Every node with its degree, summed over its edges in the Boost graph
  // (no look-up by id): out-edges, and in-edges but self-loops (counted once).
  const KnowledgeGraph::BoostGraph& g = graph.boost_graph();
  std::vector<std::pair<int64_t, const ActorNode*>> all;
  all.reserve(s.nodes);
  for (KnowledgeGraph::Vertex v : boost::make_iterator_range(boost::vertices(g))) {
    const ActorNode& n = g[v];
    ++s.nodes_by_type[n.type];
    int64_t degree = 0;
    for (KnowledgeGraph::Edge e : boost::make_iterator_range(boost::out_edges(v, g))) {
      degree += g[e].weight;
    }
    for (KnowledgeGraph::Edge e : boost::make_iterator_range(boost::in_edges(v, g))) {
      if (boost::source(e, g) != v) degree += g[e].weight;
    }
    all.emplace_back(degree, &n);
  }
  size_t n = std::min(top_n, all.size());
  std::partial_sort(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(n), all.end(),
                    [](const auto& a, const auto& b) {
                      return a.first != b.first ? a.first > b.first : a.second->id < b.second->id;
                    });
  for (size_t i = 0; i < n; ++i) {
    s.top_actors.push_back({all[i].second->id, all[i].second->label, all[i].first});
  }
  return s;
}

}  // namespace diplograph
