// The query index: numbered nodes and edges, adjacency and lookup tables.
#include "diplograph/query/index.h"

#include <algorithm>

#include "diplograph/core/strings.h"

namespace diplograph::query {

namespace {

const std::vector<uint32_t>& Empty() {
  static const std::vector<uint32_t> kEmpty;
  return kEmpty;
}

// Offsets and items of a compressed adjacency list from (key, item) pairs.
void Compress(size_t keys, const std::vector<std::pair<uint32_t, uint32_t>>& pairs,
              std::vector<uint32_t>* offsets, std::vector<uint32_t>* list) {
  offsets->assign(keys + 1, 0);
  for (const auto& [key, item] : pairs) ++(*offsets)[key + 1];
  for (size_t k = 0; k < keys; ++k) (*offsets)[k + 1] += (*offsets)[k];
  list->resize(pairs.size());
  std::vector<uint32_t> next(offsets->begin(), offsets->end() - 1);
  for (const auto& [key, item] : pairs) (*list)[next[key]++] = item;
}

}  // namespace

std::string GraphIndex::NameKey(std::string_view name) {
  return AsciiLower(FoldToAscii(Trim(name)));
}

GraphIndex::GraphIndex(const KnowledgeGraph& graph) : graph_(&graph) {
  IndexNodes(graph);
  IndexEdges(graph);
  BuildAdjacency();
}

void GraphIndex::IndexNodes(const KnowledgeGraph& graph) {
  nodes_.reserve(graph.node_count());
  graph.ForEachNode([&](const ActorNode& n) { nodes_.push_back(&n); });
  by_id_.reserve(nodes_.size());
  for (uint32_t i = 0; i < nodes_.size(); ++i) {
    const ActorNode& n = *nodes_[i];
    by_id_.emplace(n.id, i);
    by_folded_id_.try_emplace(NameKey(n.id), i);
    for (const std::string& raw : n.ids) {
      by_id_.try_emplace(raw, i);
      by_folded_id_.try_emplace(NameKey(raw), i);
    }
    by_type_[n.type].push_back(i);
    auto add_name = [&](std::string_view name) {
      std::vector<uint32_t>& list = by_name_[NameKey(name)];
      if (list.empty() || list.back() != i) list.push_back(i);
    };
    add_name(n.label);
    for (const std::string& alias : n.aliases) add_name(alias);
  }
}

void GraphIndex::IndexEdges(const KnowledgeGraph& graph) {
  edges_.reserve(graph.edge_count());
  graph.ForEachEdge([&](const RelationEdge& e) { edges_.push_back(&e); });
  std::map<std::string, uint16_t, std::less<>> type_ids;
  for (const RelationEdge* e : edges_) type_ids.emplace(e->key.type, 0);
  for (auto& [name, id] : type_ids) {
    id = static_cast<uint16_t>(edge_type_names_.size());
    edge_type_names_.push_back(name);
  }
  edges_by_type_.resize(edge_type_names_.size());
  ends_.reserve(edges_.size());
  uint32_t source = 0;
  for (uint32_t k = 0; k < edges_.size(); ++k) {
    const EdgeKey& key = edges_[k]->key;
    uint16_t type = type_ids.find(key.type)->second;
    // Edges come sorted by source: look each source up once.
    if (k == 0 || key.source != edges_[k - 1]->key.source) source = by_id_.at(key.source);
    uint32_t weight = static_cast<uint32_t>(std::clamp<int64_t>(edges_[k]->weight, 0, UINT32_MAX));
    ends_.push_back({source, by_id_.at(key.target), weight, type, edges_[k]->symmetric});
    edges_by_type_[type].push_back(k);
  }
}

void GraphIndex::BuildAdjacency() {
  std::vector<std::pair<uint32_t, uint32_t>> pairs;
  pairs.reserve(ends_.size());
  for (uint32_t k = 0; k < ends_.size(); ++k) pairs.emplace_back(ends_[k].source, k);
  Compress(nodes_.size(), pairs, &out_offsets_, &out_list_);
  pairs.clear();
  for (uint32_t k = 0; k < ends_.size(); ++k) pairs.emplace_back(ends_[k].target, k);
  Compress(nodes_.size(), pairs, &in_offsets_, &in_list_);
}

std::span<const uint32_t> GraphIndex::out_edges(uint32_t n) const {
  return {out_list_.data() + out_offsets_[n], out_list_.data() + out_offsets_[n + 1]};
}

std::span<const uint32_t> GraphIndex::in_edges(uint32_t n) const {
  return {in_list_.data() + in_offsets_[n], in_list_.data() + in_offsets_[n + 1]};
}

std::span<const uint32_t> GraphIndex::NodesNamed(std::string_view name) const {
  auto it = by_name_.find(NameKey(name));
  return it == by_name_.end() ? std::span<const uint32_t>(Empty()) : it->second;
}

int64_t GraphIndex::NodeById(std::string_view id) const {
  auto it = by_id_.find(id);
  if (it != by_id_.end()) return it->second;
  auto folded = by_folded_id_.find(NameKey(id));
  if (folded == by_folded_id_.end()) return -1;
  return folded->second;
}

std::span<const uint32_t> GraphIndex::NodesOfType(std::string_view type) const {
  auto it = by_type_.find(type);
  return it == by_type_.end() ? std::span<const uint32_t>(Empty()) : it->second;
}

int GraphIndex::TypeId(std::string_view type) const {
  auto it = std::lower_bound(edge_type_names_.begin(), edge_type_names_.end(), type);
  if (it == edge_type_names_.end() || *it != type) return -1;
  return static_cast<int>(it - edge_type_names_.begin());
}

std::span<const uint32_t> GraphIndex::EdgesOfType(int type) const {
  if (type < 0 || static_cast<size_t>(type) >= edges_by_type_.size()) return Empty();
  return edges_by_type_[type];
}

std::vector<std::string> GraphIndex::node_types() const {
  std::vector<std::string> out;
  for (const auto& [type, list] : by_type_) {
    if (!type.empty()) out.push_back(type);
  }
  return out;
}

const UndirectedGraph& GraphIndex::undirected() const {
  std::call_once(undirected_once_, [this] {
    std::vector<std::pair<uint32_t, uint32_t>> pairs;
    pairs.reserve(ends_.size());
    for (const Ends& e : ends_) {
      if (e.source != e.target) {
        pairs.emplace_back(std::min(e.source, e.target), std::max(e.source, e.target));
      }
    }
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
    undirected_ = std::make_unique<UndirectedGraph>(pairs.begin(), pairs.end(), nodes_.size());
  });
  return *undirected_;
}

}  // namespace diplograph::query
