// Graph algorithms over the query index: PageRank, Brandes betweenness,
// components, degrees, shortest paths and timelines.
#include "diplograph/query/algorithms.h"

#include <algorithm>
#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/connected_components.hpp>
#include <boost/pending/queue.hpp>
#include <cmath>
#include <map>
#include <set>

namespace diplograph::query {

namespace {

using UVertex = boost::graph_traits<UndirectedGraph>::vertex_descriptor;

// Edge weights (documents) as doubles, and the sum of the weights each node
// passes rank along (both ways for symmetric edges).
struct RankInput {
  std::vector<double> weight;  // by edge
  std::vector<double> out;     // by node
};

RankInput MakeRankInput(const GraphIndex& index) {
  RankInput in;
  in.weight.resize(index.edge_count());
  in.out.assign(index.node_count(), 0.0);
  for (uint32_t e = 0; e < index.edge_count(); ++e) {
    double w = static_cast<double>(index.weight(e));
    in.weight[e] = w;
    in.out[index.source(e)] += w;
    if (index.symmetric(e)) in.out[index.target(e)] += w;
  }
  return in;
}

// One power-iteration step; returns the L1 change.
double PageRankStep(const GraphIndex& index, const RankInput& in, double damping,
                    const std::vector<double>& rank, std::vector<double>* next) {
  const double n = static_cast<double>(rank.size());
  double dangling = 0.0;
  std::vector<double> share(rank.size(), 0.0);  // rank per unit of out-weight
  for (size_t u = 0; u < rank.size(); ++u) {
    if (in.out[u] <= 0.0) {
      dangling += rank[u];
    } else {
      share[u] = damping * rank[u] / in.out[u];
    }
  }
  std::fill(next->begin(), next->end(), (1.0 - damping) / n + damping * dangling / n);
  for (uint32_t e = 0; e < index.edge_count(); ++e) {
    uint32_t s = index.source(e);
    uint32_t t = index.target(e);
    (*next)[t] += share[s] * in.weight[e];
    if (index.symmetric(e)) (*next)[s] += share[t] * in.weight[e];
  }
  double change = 0.0;
  for (size_t u = 0; u < rank.size(); ++u) change += std::fabs((*next)[u] - rank[u]);
  return change;
}

// Stops a breadth-first search at the first target it reaches.
struct PathFound {
  UVertex at;
};

class PathRecorder : public boost::default_bfs_visitor {
 public:
  PathRecorder(std::vector<int64_t>* pred, const std::vector<char>* is_target)
      : pred_(pred), is_target_(is_target) {}
  void tree_edge(boost::graph_traits<UndirectedGraph>::edge_descriptor e,
                 const UndirectedGraph& g) const {
    UVertex to = boost::target(e, g);
    (*pred_)[to] = static_cast<int64_t>(boost::source(e, g));
    if ((*is_target_)[to]) throw PathFound{to};
  }

 private:
  std::vector<int64_t>* pred_;
  const std::vector<char>* is_target_;
};

}  // namespace

std::vector<double> PageRank(const GraphIndex& index, double damping, int max_iterations,
                             double tolerance) {
  const size_t n = index.node_count();
  if (n == 0) return {};
  RankInput in = MakeRankInput(index);
  std::vector<double> rank(n, 1.0 / static_cast<double>(n));
  std::vector<double> next(n);
  for (int it = 0; it < max_iterations; ++it) {
    double change = PageRankStep(index, in, damping, rank, &next);
    rank.swap(next);
    if (change < tolerance) break;
  }
  return rank;
}

std::vector<double> Betweenness(const GraphIndex& index) {
  const UndirectedGraph& g = index.undirected();
  std::vector<double> centrality(boost::num_vertices(g), 0.0);
  boost::brandes_betweenness_centrality(
      g, boost::centrality_map(boost::make_iterator_property_map(
             centrality.begin(), boost::get(boost::vertex_index, g))));
  return centrality;
}

std::vector<int> WeakComponents(const GraphIndex& index, int* count) {
  const UndirectedGraph& g = index.undirected();
  std::vector<int> component(boost::num_vertices(g), 0);
  int k = component.empty() ? 0
                            : boost::connected_components(
                                  g, boost::make_iterator_property_map(
                                         component.begin(), boost::get(boost::vertex_index, g)));
  if (count != nullptr) *count = k;
  return component;
}

std::vector<NodeDegree> Degrees(const GraphIndex& index) {
  std::vector<NodeDegree> d(index.node_count());
  for (uint32_t e = 0; e < index.edge_count(); ++e) {
    uint32_t s = index.source(e);
    uint32_t t = index.target(e);
    int64_t w = index.weight(e);
    ++d[s].out;
    ++d[t].in;
    if (index.symmetric(e) && s != t) {
      ++d[t].out;
      ++d[s].in;
    }
    ++d[s].degree;
    d[s].weighted += w;
    if (t != s) {
      ++d[t].degree;
      d[t].weighted += w;
    }
  }
  return d;
}

std::vector<uint32_t> ShortestPath(const GraphIndex& index, std::span<const uint32_t> from,
                                   std::span<const uint32_t> to) {
  const UndirectedGraph& g = index.undirected();
  const size_t n = boost::num_vertices(g);
  std::vector<char> is_target(n, 0);
  for (uint32_t t : to) is_target[t] = 1;
  for (uint32_t s : from) {
    if (is_target[s]) return {s};
  }
  std::vector<int64_t> pred(n, -1);
  std::vector<boost::default_color_type> color(n, boost::white_color);
  boost::queue<UVertex> queue;
  std::vector<UVertex> sources(from.begin(), from.end());
  try {
    boost::breadth_first_search(
        g, sources.begin(), sources.end(), queue, PathRecorder(&pred, &is_target),
        boost::make_iterator_property_map(color.begin(), boost::get(boost::vertex_index, g)));
  } catch (const PathFound& found) {
    std::vector<uint32_t> path;
    for (int64_t v = static_cast<int64_t>(found.at); v >= 0; v = pred[v]) {
      path.push_back(static_cast<uint32_t>(v));
    }
    std::reverse(path.begin(), path.end());
    return path;
  }
  return {};
}

namespace {

struct DateBucket {
  int64_t weight = 0;
  const EvidenceRef* best = nullptr;
  std::vector<std::string> documents;
};

void AddToBucket(const std::string& doc, const EdgeContribution& c, DateBucket* b) {
  ++b->weight;
  b->documents.push_back(doc);
  const EvidenceRef& ev = c.evidence;
  if (ev.sentence.empty()) return;
  if (b->best == nullptr || ev.confidence > b->best->confidence) b->best = &ev;
}

}  // namespace

std::vector<TimelineEntry> Timeline(const GraphIndex& index, std::span<const uint32_t> actors) {
  std::set<uint32_t> edges;
  for (uint32_t a : actors) {
    edges.insert(index.out_edges(a).begin(), index.out_edges(a).end());
    edges.insert(index.in_edges(a).begin(), index.in_edges(a).end());
  }
  std::vector<TimelineEntry> out;
  for (uint32_t e : edges) {
    std::map<std::string, DateBucket> buckets;
    index.graph().ForEachContribution(
        index.edge(e), [&](const std::string& doc, const EdgeKey&, const EdgeContribution& c) {
          if (c.dates.empty()) AddToBucket(doc, c, &buckets[""]);
          for (const std::string& date : c.dates) AddToBucket(doc, c, &buckets[date]);
        });
    for (auto& [date, b] : buckets) {
      out.push_back(
          {date, e, b.weight, b.best ? b.best->sentence : std::string(), std::move(b.documents)});
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const TimelineEntry& a, const TimelineEntry& b) {
    if (a.date.empty() != b.date.empty()) return b.date.empty();
    if (a.date != b.date) return a.date < b.date;
    return a.edge < b.edge;
  });
  return out;
}

}  // namespace diplograph::query
