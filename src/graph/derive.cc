// The derived side of KnowledgeGraph: resolution of raw actor ids into nodes,
// placing raw contributions into nodes and edges of the Boost graph, and
// recomputing the shown values of what changed.
//
// Every raw actor id is placed in one node (RawNode::home) and every raw
// edge in one edge (RawEdge::home); ActorNode::ids and RelationEdge::keys
// list what is placed where. A change re-places only the raw ids that
// changed or whose node id changed, with the raw edges of the latter.
#include <algorithm>
#include <cassert>

#include "diplograph/graph/graph.h"
#include "graph_internal.h"
#include "resolve.h"

namespace diplograph {

using graph_internal::ActorProfile;
using graph_internal::Resolvable;

namespace {

template <typename T>
void InsertSorted(std::vector<T>* v, const T& x) {
  auto it = std::lower_bound(v->begin(), v->end(), x);
  if (it == v->end() || *it != x) v->insert(it, x);
}

template <typename T>
void EraseSorted(std::vector<T>* v, const T& x) {
  auto it = std::lower_bound(v->begin(), v->end(), x);
  if (it != v->end() && *it == x) v->erase(it);
}

}  // namespace

std::string KnowledgeGraph::HomeOf(const std::string& raw_id) const {
  auto it = resolution_->node_of.find(raw_id);
  return it == resolution_->node_of.end() ? raw_id : it->second;
}

EdgeKey KnowledgeGraph::HomeOf(const EdgeKey& raw_key) const {
  return graph_internal::CanonicalEdgeKey({HomeOf(raw_key.source), HomeOf(raw_key.target),
                                           raw_key.type});
}

KnowledgeGraph::Vertex KnowledgeGraph::VertexFor(const std::string& id) const {
  auto it = vertices_.find(id);
  if (it != vertices_.end()) return it->second;
  ActorNode node;
  node.id = id;
  Vertex v = boost::add_vertex(std::move(node), *graph_);
  vertices_.emplace(id, v);
  return v;
}

// Updates the profiles of changed raw ids; true if resolution must run again:
// a resolvable profile changed, appeared or went, a joined id changed (its
// document count picks the node id), or a document was removed.
bool KnowledgeGraph::ResolutionMayChange() const {
  Resolution& r = *resolution_;
  bool again = r.recheck;
  for (const std::string& id : dirty_nodes_) {
    auto raw = raw_nodes_.find(id);
    auto old = r.profiles.find(id);
    if (raw == raw_nodes_.end()) {
      if (old != r.profiles.end()) {
        again = again || Resolvable(old->second);
        r.profiles.erase(old);
      }
      continue;
    }
    ActorProfile p = graph_internal::ProfileOf(raw->second.contrib);
    if (old == r.profiles.end()) {
      again = again || Resolvable(p);
      r.profiles.emplace(id, std::move(p));
      continue;
    }
    if (!(old->second == p)) {
      again = again || Resolvable(p) || Resolvable(old->second);
      old->second = std::move(p);
    }
    const std::string& home = raw->second.home;
    auto v = home.empty() ? vertices_.end() : vertices_.find(home);
    if (v != vertices_.end() && (*graph_)[v->second].ids.size() > 1) again = true;
  }
  r.recheck = false;
  return again && !r.pinned;
}

void KnowledgeGraph::EnsureDerived() const {
  if (!stale_.load(std::memory_order_acquire)) return;
  std::lock_guard<std::mutex> lock(derive_mu_);
  if (!stale_.load(std::memory_order_relaxed)) return;
  std::set<std::string> to_place = dirty_nodes_;
  if (ResolutionMayChange()) {
    std::vector<graph_internal::ResolveInput> actors;
    for (const auto& [id, profile] : resolution_->profiles) {
      if (Resolvable(profile)) actors.push_back({&id, &profile, &raw_nodes_.at(id).contrib});
    }
    auto fresh = graph_internal::ResolveActors(actors);
    for (const auto& [raw, node] : resolution_->node_of) {
      auto it = fresh.find(raw);
      if (it == fresh.end() || it->second != node) to_place.insert(raw);
    }
    for (const auto& [raw, node] : fresh) {
      if (!resolution_->node_of.contains(raw)) to_place.insert(raw);
    }
    resolution_->node_of = std::move(fresh);
  }

  std::set<std::string> moved, touched_nodes;
  for (const auto& [home, raw] : gone_nodes_) {
    auto v = vertices_.find(home);
    if (v != vertices_.end()) EraseSorted(&(*graph_)[v->second].ids, raw);
    touched_nodes.insert(home);
  }
  PlaceNodes(to_place, &moved, &touched_nodes);

  std::set<EdgeKey> edges_to_place = dirty_edges_, touched_edges;
  for (const std::string& id : moved) {  // their edges move with them
    for (const auto& [doc, c] : raw_nodes_.find(id)->second.contrib) {
      for (const EdgeKey& key : docs_.find(doc)->second.edges) {
        if (key.source == id || key.target == id) edges_to_place.insert(key);
      }
    }
  }
  for (const auto& [home, raw] : gone_edges_) {
    auto e = edges_.find(home);
    if (e != edges_.end()) EraseSorted(&(*graph_)[e->second].keys, raw);
    touched_edges.insert(home);
  }
  PlaceEdges(edges_to_place, &touched_edges);
  RederiveEdges(touched_edges);  // drops empty edges before their nodes go
  RederiveNodes(touched_nodes);

  dirty_nodes_.clear();
  dirty_edges_.clear();
  gone_nodes_.clear();
  gone_edges_.clear();
  stale_.store(false, std::memory_order_release);
}

void KnowledgeGraph::PlaceNodes(const std::set<std::string>& raw_ids, std::set<std::string>* moved,
                                std::set<std::string>* touched) const {
  for (const std::string& id : raw_ids) {
    auto raw = raw_nodes_.find(id);
    if (raw == raw_nodes_.end()) continue;
    std::string home = HomeOf(id);
    std::string& placed = raw->second.home;
    if (placed != home) {
      if (!placed.empty()) {
        auto v = vertices_.find(placed);
        if (v != vertices_.end()) EraseSorted(&(*graph_)[v->second].ids, id);
        touched->insert(placed);
        moved->insert(id);
      }
      InsertSorted(&(*graph_)[VertexFor(home)].ids, id);
      placed = home;
    }
    touched->insert(home);
  }
}

void KnowledgeGraph::PlaceEdges(const std::set<EdgeKey>& raw_keys,
                                std::set<EdgeKey>* touched) const {
  for (const EdgeKey& key : raw_keys) {
    auto raw = raw_edges_.find(key);
    if (raw == raw_edges_.end()) continue;
    EdgeKey home = HomeOf(key);
    const RawEdge& r = raw->second;  // home and placed are mutable
    if (!r.placed || r.home != home) {
      if (r.placed) {
        auto e = edges_.find(r.home);
        if (e != edges_.end()) EraseSorted(&(*graph_)[e->second].keys, key);
        touched->insert(r.home);
      }
      auto e = edges_.find(home);
      if (e == edges_.end()) {
        RelationEdge edge;
        edge.key = home;
        Edge added = boost::add_edge(vertices_.at(home.source), vertices_.at(home.target),
                                     std::move(edge), *graph_)
                         .first;
        e = edges_.emplace(home, added).first;
      }
      InsertSorted(&(*graph_)[e->second].keys, key);
      r.home = home;
      r.placed = true;
    }
    touched->insert(home);
  }
}

void KnowledgeGraph::RederiveEdges(const std::set<EdgeKey>& keys) const {
  std::vector<graph_internal::EdgeRef> refs;
  for (const EdgeKey& key : keys) {
    auto it = edges_.find(key);
    if (it == edges_.end()) continue;
    RelationEdge& edge = (*graph_)[it->second];
    if (edge.keys.empty()) {
      boost::remove_edge(it->second, *graph_);
      edges_.erase(it);
      continue;
    }
    refs.clear();
    ForEachContribution(edge, [&](const std::string& doc, const EdgeKey& raw,
                                  const EdgeContribution& c) { refs.push_back({&doc, &raw, &c}); });
    graph_internal::DeriveEdge(&edge, refs);
  }
}

void KnowledgeGraph::RederiveNodes(const std::set<std::string>& ids) const {
  std::vector<graph_internal::NodeRef> refs;
  for (const std::string& id : ids) {
    auto it = vertices_.find(id);
    if (it == vertices_.end()) continue;
    ActorNode& node = (*graph_)[it->second];
    if (node.ids.empty()) {
      // Every edge of a raw id moved or went with it, so none is left here.
      assert(boost::out_degree(it->second, *graph_) == 0);
      assert(boost::in_degree(it->second, *graph_) == 0);
      boost::clear_vertex(it->second, *graph_);
      boost::remove_vertex(it->second, *graph_);
      vertices_.erase(it);
      continue;
    }
    refs.clear();
    ForEachContribution(node, [&](const std::string& doc, const std::string& raw,
                                  const NodeContribution& c) { refs.push_back({&doc, &raw, &c}); });
    graph_internal::DeriveNode(&node, refs);
    node.dates.clear();
    if (node.type == "event") {
      for (const auto& ref : refs) EventDates(*ref.raw_id, *ref.doc, &node.dates);
      graph_internal::SortUnique(&node.dates);
    }
    node.first_date = node.dates.empty() ? "" : node.dates.front();
    node.last_date = node.dates.empty() ? "" : node.dates.back();
  }
}

// The dates of document `doc`'s round of occasion `raw_id`: the dates of its
// events involving the occasion, else the document date.
void KnowledgeGraph::EventDates(const std::string& raw_id, const std::string& doc,
                                std::vector<std::string>* dates) const {
  auto slot = docs_.find(doc);
  if (slot == docs_.end()) return;
  size_t before = dates->size();
  for (const EdgeKey& key : slot->second.edges) {
    if (key.source != raw_id && key.target != raw_id) continue;
    const EdgeContribution& c = raw_edges_.find(key)->second.contrib.find(doc)->second;
    dates->insert(dates->end(), c.dates.begin(), c.dates.end());
  }
  if (dates->size() == before) {
    std::string date = graph_internal::NormalizeDate(slot->second.entry.date);
    if (!date.empty()) dates->push_back(std::move(date));
  }
}

}  // namespace diplograph
