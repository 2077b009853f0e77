// query/index.h: lookup tables over a KnowledgeGraph, built once at load so
// that queries touch only the nodes and edges they need.
//
// WHAT IT IS
//   Nodes and edges numbered 0..n-1 in the graph's sorted order (nodes by
//   id, edges by (source, target, type)); for every node its out- and
//   in-edges (compressed adjacency); nodes by folded name or alias, by id
//   and by type; edges by type. Building costs O((V + E) log) time and about
//   36 bytes an edge.
//
// Ownership: the index points into `graph`, which must outlive it and must
// not change while it lives. Thread-safety: immutable after construction
// except for the lazily built undirected Boost graph, which is built once
// under std::call_once; all methods may run concurrently.
#ifndef DIPLOGRAPH_QUERY_INDEX_H_
#define DIPLOGRAPH_QUERY_INDEX_H_

#include <boost/graph/adjacency_list.hpp>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "diplograph/graph/graph.h"

namespace diplograph::query {

// The simple undirected view (no parallel edges, no self-loops) that the
// Boost algorithms run on; vertex i is node i.
using UndirectedGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;

class GraphIndex {
 public:
  explicit GraphIndex(const KnowledgeGraph& graph);
  GraphIndex(const GraphIndex&) = delete;
  GraphIndex& operator=(const GraphIndex&) = delete;

  const KnowledgeGraph& graph() const { return *graph_; }
  uint32_t node_count() const { return static_cast<uint32_t>(nodes_.size()); }
  uint32_t edge_count() const { return static_cast<uint32_t>(edges_.size()); }
  const ActorNode& node(uint32_t n) const { return *nodes_[n]; }
  const RelationEdge& edge(uint32_t e) const { return *edges_[e]; }
  uint32_t source(uint32_t e) const { return ends_[e].source; }
  uint32_t target(uint32_t e) const { return ends_[e].target; }
  uint16_t edge_type(uint32_t e) const { return ends_[e].type; }
  bool symmetric(uint32_t e) const { return ends_[e].symmetric; }
  // RelationEdge::weight (supporting documents), kept here for the algorithms.
  int64_t weight(uint32_t e) const { return ends_[e].weight; }

  // Edges leaving / entering node `n` (a self-loop is in both), by edge number.
  std::span<const uint32_t> out_edges(uint32_t n) const;
  std::span<const uint32_t> in_edges(uint32_t n) const;

  // Nodes whose label or an alias equals `name` after NameKey(); sorted.
  std::span<const uint32_t> NodesNamed(std::string_view name) const;
  // The node with node id or raw actor id `id` (ActorNode::id or ::ids;
  // exactly, else ignoring ASCII case), or -1.
  int64_t NodeById(std::string_view id) const;
  // Nodes of actor type `type` (exact), sorted.
  std::span<const uint32_t> NodesOfType(std::string_view type) const;

  // Edge types present, sorted; edge_type(e) indexes this list.
  const std::vector<std::string>& edge_types() const { return edge_type_names_; }
  // The number of `type` in edge_types(), or -1.
  int TypeId(std::string_view type) const;
  // Edges of type id `type`, sorted.
  std::span<const uint32_t> EdgesOfType(int type) const;
  // Node types present, sorted.
  std::vector<std::string> node_types() const;
  // Every key NodesNamed() knows, with its nodes (for suggestions).
  const std::unordered_map<std::string, std::vector<uint32_t>>& names() const { return by_name_; }

  // The simple undirected graph of all edges, built on first use.
  const UndirectedGraph& undirected() const;

  // The key names are matched by: ASCII-folded (FoldToAscii), lower case.
  static std::string NameKey(std::string_view name);

 private:
  struct Ends {
    uint32_t source;
    uint32_t target;
    uint32_t weight;
    uint16_t type;
    bool symmetric;
  };
  void IndexNodes(const KnowledgeGraph& graph);
  void IndexEdges(const KnowledgeGraph& graph);
  void BuildAdjacency();

  const KnowledgeGraph* graph_;
  std::vector<const ActorNode*> nodes_;
  std::vector<const RelationEdge*> edges_;
  std::vector<Ends> ends_;
  std::vector<uint32_t> out_offsets_, out_list_, in_offsets_, in_list_;
  std::unordered_map<std::string, std::vector<uint32_t>> by_name_;
  std::unordered_map<std::string_view, uint32_t> by_id_;
  std::unordered_map<std::string, uint32_t> by_folded_id_;
  std::map<std::string, std::vector<uint32_t>, std::less<>> by_type_;
  std::vector<std::string> edge_type_names_;
  std::vector<std::vector<uint32_t>> edges_by_type_;

  mutable std::once_flag undirected_once_;
  mutable std::unique_ptr<UndirectedGraph> undirected_;
};

}  // namespace diplograph::query

#endif  // DIPLOGRAPH_QUERY_INDEX_H_
