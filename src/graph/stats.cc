#include "diplograph/graph/stats.h"

#include <algorithm>

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
  std::map<std::string, int64_t> degree;
  graph.ForEachNode([&](const ActorNode& n) {
    ++s.nodes_by_type[n.type];
    degree[n.id] = 0;
  });
  graph.ForEachEdge([&](const RelationEdge& e) {
    ++s.edges_by_type[e.key.type];
    WidenRange(e.first_date, &s);
    WidenRange(e.last_date, &s);
    degree[e.key.source] += e.weight;
    if (e.key.target != e.key.source) degree[e.key.target] += e.weight;
  });
  std::vector<ActorDegree> all;
  all.reserve(degree.size());
  for (const auto& [id, d] : degree) all.push_back({id, graph.FindNode(id)->label, d});
  size_t n = std::min(top_n, all.size());
  std::partial_sort(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(n), all.end(),
                    [](const ActorDegree& a, const ActorDegree& b) {
                      return a.degree != b.degree ? a.degree > b.degree : a.id < b.id;
                    });
  all.resize(n);
  s.top_actors = std::move(all);
  return s;
}

}  // namespace diplograph
