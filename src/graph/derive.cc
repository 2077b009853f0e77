// The derived side of KnowledgeGraph: resolution of raw actor ids into nodes,
// placing raw contributions into nodes and edges of the Boost graph, and
// recomputing the shown values of what changed.
//
// Every raw actor id is placed in one node (RawNode::home) and every raw
// edge in one edge (RawEdge::home); ActorNode::ids and RelationEdge::keys
// list what is placed where. A change re-places only the raw ids that
// changed or whose node id changed, with the raw edges of the latter.
#include <algorithm>
#include <atomic>
#include <cassert>
#include <exception>
#include <thread>
#include <utility>

#include "diplograph/graph/graph.h"
#include "flat_index.h"
#include "graph_internal.h"
#include "load_worker.h"
#include "resolve.h"
#include "stable_hash_map.h"

namespace diplograph {

using graph_internal::ActorProfile;
using graph_internal::Resolvable;

namespace {

void InsertSorted(std::vector<std::string>* v, const std::string& x) {
  auto it = std::lower_bound(v->begin(), v->end(), x);
  if (it == v->end() || *it != x) v->insert(it, x);
}

void EraseSorted(std::vector<std::string>* v, const std::string& x) {
  auto it = std::lower_bound(v->begin(), v->end(), x);
  if (it != v->end() && *it == x) v->erase(it);
}

// Sorts raw-id entries by id; a table filled in id order (a graph read
// back) is sorted already, which is checked in one pass.
template <typename Entry>
void SortById(std::vector<const Entry*>* entries) {
  auto by_id = [](const Entry* a, const Entry* b) { return a->first < b->first; };
  if (!std::is_sorted(entries->begin(), entries->end(), by_id)) {
    std::sort(entries->begin(), entries->end(), by_id);
  }
}

// Calls fn(i) for every i < n, on up to 4 threads for big n. Each call must
// touch only its own item's output; the result is the same on any number of
// threads.
template <typename Fn>
void ParallelFor(size_t n, const Fn& fn) {
  constexpr size_t kChunk = 2048;
  size_t threads = std::min<size_t>(std::max(1u, std::thread::hardware_concurrency()), 4);
  threads = std::min(threads, n / kChunk);
  if (threads <= 1) {
    for (size_t i = 0; i < n; ++i) fn(i);
    return;
  }
  std::atomic<size_t> next{0};
  std::vector<std::exception_ptr> errors(threads);
  auto work = [&](size_t t) {
    try {
      for (size_t begin; (begin = next.fetch_add(kChunk)) < n;) {
        for (size_t i = begin; i < std::min(n, begin + kChunk); ++i) fn(i);
      }
    } catch (...) {
      errors[t] = std::current_exception();
      next.store(n);
    }
  };
  std::vector<std::thread> pool;
  for (size_t t = 1; t < threads; ++t) pool.emplace_back(work, t);
  work(0);
  for (std::thread& th : pool) th.join();
  for (const std::exception_ptr& e : errors) {
    if (e) std::rethrow_exception(e);
  }
}

}  // namespace

std::string KnowledgeGraph::HomeOf(const std::string& raw_id) const {
  auto it = resolution_->node_of.find(raw_id);
  return it == resolution_->node_of.end() ? raw_id : it->second;
}

EdgeKey KnowledgeGraph::HomeOf(const EdgeKey& raw_key) const {
  return graph_internal::CanonicalEdgeKey(
      {HomeOf(raw_key.source), HomeOf(raw_key.target), raw_key.type});
}

std::map<std::string, KnowledgeGraph::Vertex, std::less<>>::iterator KnowledgeGraph::VertexFor(
    const std::string& id) const {
  auto it = vertices_.end();
  if (vertices_.empty() || !(std::prev(it)->first < id)) it = vertices_.lower_bound(id);
  if (it != vertices_.end() && it->first == id) return it;
  ActorNode node;
  node.id = id;
  Vertex v = boost::add_vertex(std::move(node), *graph_);
  return vertices_.emplace_hint(it, id, v);
}

// The vertex of node id `node_id`, which is placed. A node id is one of
// its raw ids, placed in its own node, so the raw id's hash entry knows the
// vertex (cheaper than searching vertices_ by string).
KnowledgeGraph::Vertex KnowledgeGraph::VertexOf(const std::string& node_id) const {
  const RawNodeEntry* raw = raw_nodes_->find(node_id);
  if (raw != nullptr && raw->second.home != nullptr && *raw->second.home == node_id) {
    return raw->second.vertex;
  }
  return vertices_.find(node_id)->second;
}

// Updates the profiles of changed raw ids (of all, with `all`); true if
// resolution must run again: a resolvable profile changed, appeared or
// went, a joined id changed (its document count picks the node id), or a
// document was removed.
bool KnowledgeGraph::UpdateProfiles(bool all) const {
  Resolution& r = *resolution_;
  bool again = std::exchange(r.recheck, false);
  if (all) {
    std::vector<const RawNodeEntry*> raws;
    raws.reserve(raw_nodes_->size());
    raw_nodes_->ForEach([&](const RawNodeEntry& entry) { raws.push_back(&entry); });
    SortById(&raws);
    std::vector<ActorProfile> made(raws.size());
    ParallelFor(raws.size(),
                [&](size_t i) { made[i] = graph_internal::ProfileOf(raws[i]->second.contrib); });
    r.profiles.clear();
    for (size_t i = 0; i < raws.size(); ++i) {
      r.profiles.emplace_hint(r.profiles.end(), raws[i]->first, std::move(made[i]));
    }
    return true;
  }
  for (const std::string& id : dirty_nodes_) {
    const RawNodeEntry* raw = raw_nodes_->find(id);
    auto old = r.profiles.find(id);
    if (raw == nullptr) {
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
    const std::string* home = raw->second.home;
    auto v = home == nullptr ? vertices_.end() : vertices_.find(*home);
    if (v != vertices_.end() && (*graph_)[v->second].ids.size() > 1) again = true;
  }
  return again;
}

// Brings resolution up to date; returns the raw ids whose node id changed.
std::vector<std::string> KnowledgeGraph::Resolve(bool all) const {
  std::vector<std::string> renamed;
  if (!UpdateProfiles(all) || resolution_->pinned) return renamed;
  std::vector<graph_internal::ResolveInput> actors;
  for (const auto& [id, profile] : resolution_->profiles) {
    if (Resolvable(profile)) {
      actors.push_back(
          {&id, &profile, graph_internal::DocSet(&raw_nodes_->find(id)->second.contrib)});
    }
  }
  auto fresh = graph_internal::ResolveActors(actors);
  std::unordered_map<std::string, std::string>& node_of = resolution_->node_of;
  for (const auto& [raw, node] : node_of) {
    auto it = fresh.find(raw);
    if (it == fresh.end() || it->second != node) renamed.push_back(raw);
  }
  for (const auto& [raw, node] : fresh) {
    if (!node_of.contains(raw)) renamed.push_back(raw);
  }
  node_of = std::move(fresh);
  return renamed;
}

void KnowledgeGraph::EnsureDerived() const {
  if (!stale_.load(std::memory_order_acquire)) return;
  std::lock_guard<std::mutex> lock(derive_mu_);
  if (!stale_.load(std::memory_order_relaxed)) return;
  if (vertices_.empty()) {
    DeriveAll();  // nothing placed yet (changes were not tracked)
  } else {
    DeriveChanges();
  }
  dirty_nodes_.clear();
  dirty_edges_.clear();
  gone_nodes_.clear();
  gone_edges_.clear();
  stale_.store(false, std::memory_order_release);
}

// Places every raw id and raw edge, in key order so that each insertion
// lands at the end of vertices_ / edges_, then derives every value.
void KnowledgeGraph::DeriveAll() const {
  PlaceIndex index;
  PlaceAllNodes(&index);
  std::vector<const RawEdgeEntry*> edges = std::exchange(load_order_, {});
  if (edges.size() != raw_edges_->size()) {  // not loaded in order
    edges.clear();
    edges.reserve(raw_edges_->size());
    raw_edges_->ForEach([&](const RawEdgeEntry& entry) { edges.push_back(&entry); });
    std::sort(edges.begin(), edges.end(), [](auto* a, auto* b) { return a->first < b->first; });
  }
  std::vector<Edge> placed;
  placed.reserve(edges.size());
  for (const auto* entry : edges) {
    placed.push_back(PlaceEdge(entry->first, entry->second, nullptr, &index));
  }
  DeriveEdgeValues(edges, placed);
  DeriveNodeValues(nullptr);
}

// Resolves every raw id and places it, in id order; `index` learns each
// node's vertex and which raw ids are joined.
void KnowledgeGraph::PlaceAllNodes(PlaceIndex* index) const {
  Resolve(true);
  std::vector<const RawNodeEntry*> nodes;
  nodes.reserve(raw_nodes_->size());
  raw_nodes_->ForEach([&](const RawNodeEntry& entry) { nodes.push_back(&entry); });
  SortById(&nodes);
  std::set<std::string> moved;  // stays empty: nothing was placed
  for (const auto* entry : nodes) PlaceNode(entry->first, entry->second, &moved, nullptr);
  index->vertex_of.Reserve(vertices_.size());
  for (const auto& [id, v] : vertices_) index->vertex_of.Insert(id, v);
  index->joined.Reserve(resolution_->node_of.size());
  for (const auto& [raw, node] : resolution_->node_of) index->joined.Insert(raw, 1);
}

// Each derivation reads contributions and writes its own node or edge. An
// edge of one raw key (most of them) is derived from that key's entry; an
// edge of several once, for its first key.
void KnowledgeGraph::DeriveEdgeValues(std::span<const RawEdgeEntry* const> entries,
                                      std::span<const Edge> placed) const {
  ParallelFor(placed.size(), [&](size_t i) {
    const RelationEdge& edge = (*graph_)[placed[i]];
    if (edge.keys.size() == 1) {
      DeriveEdgeFrom(placed[i], *entries[i]);
    } else if (edge.keys.front() == &entries[i]->first) {
      RederiveEdge(placed[i]);
    }
  });
}

void KnowledgeGraph::DeriveNodeValues(const std::vector<Vertex>* nodes) const {
  std::vector<Vertex> all_nodes;
  if (nodes == nullptr) {
    all_nodes.reserve(vertices_.size());
    for (const auto& [id, v] : vertices_) all_nodes.push_back(v);
    nodes = &all_nodes;
  }
  ParallelFor(nodes->size(), [&](size_t i) { RederiveNode((*nodes)[i]); });
}

void KnowledgeGraph::DeriveNodesButOccasions(std::span<const Vertex> nodes,
                                             std::vector<Vertex>* occasions) const {
  for (Vertex v : nodes) {
    if (!RederiveNode(v, /*dates=*/false)) occasions->push_back(v);
  }
}

// Re-places what changed (and what resolution renamed, with its edges),
// then derives again the nodes and edges that gained or lost anything.
void KnowledgeGraph::DeriveChanges() const {
  std::vector<std::string> renamed = Resolve(false);
  std::set<std::string> moved, touched_nodes;
  for (const auto& [home, raw] : gone_nodes_) {
    auto v = vertices_.find(home);
    if (v != vertices_.end()) EraseSorted(&(*graph_)[v->second].ids, raw);
    touched_nodes.insert(home);
  }
  auto place_node = [&](const std::string& id) {
    const RawNodeEntry* raw = raw_nodes_->find(id);
    if (raw != nullptr) PlaceNode(raw->first, raw->second, &moved, &touched_nodes);
  };
  for (const std::string& id : dirty_nodes_) place_node(id);
  for (const std::string& id : renamed) place_node(id);

  std::set<EdgeKey> touched_edges(gone_edges_.begin(), gone_edges_.end());
  auto place_edge = [&](const EdgeKey& key) {
    const RawEdgeEntry* raw = raw_edges_->find(key);
    if (raw != nullptr) PlaceEdge(raw->first, raw->second, &touched_edges);
  };
  for (const EdgeKey& key : dirty_edges_) place_edge(key);
  for (const std::string& id : moved) {  // their edges move with them
    for (const auto& [doc, c] : raw_nodes_->find(id)->second.contrib) {
      for (const RawEdgeEntry* e : docs_.find(doc)->second.edges) {
        if (e->first.source == id || e->first.target == id) place_edge(e->first);
      }
    }
  }
  RefreshEdges(touched_edges);  // first: an emptied edge goes before its nodes can
  RefreshNodes(touched_nodes);
}

// Derives `keys` again, removing the edges left without raw keys.
void KnowledgeGraph::RefreshEdges(const std::set<EdgeKey>& keys) const {
  for (const EdgeKey& key : keys) {
    auto e = edges_.find(key);
    if (e == edges_.end()) continue;
    if (!(*graph_)[e->second].keys.empty()) {
      RederiveEdge(e->second);
      continue;
    }
    Edge gone = e->second;
    edges_.erase(e);  // before its key goes with the edge
    boost::remove_edge(gone, *graph_);
  }
}

// Derives `ids` again, removing the nodes left without raw ids.
void KnowledgeGraph::RefreshNodes(const std::set<std::string>& ids) const {
  for (const std::string& id : ids) {
    auto v = vertices_.find(id);
    if (v == vertices_.end()) continue;
    if (!(*graph_)[v->second].ids.empty()) {
      RederiveNode(v->second);
      continue;
    }
    // Every edge of a raw id moved or went with it, so none is left here.
    assert(boost::out_degree(v->second, *graph_) == 0);
    assert(boost::in_degree(v->second, *graph_) == 0);
    boost::clear_vertex(v->second, *graph_);
    boost::remove_vertex(v->second, *graph_);
    vertices_.erase(v);
  }
}

// Puts raw id `raw_id` into the node of its node id, taking it out of the
// one it was in (then listed in `moved`). `touched` (if given) gains the
// nodes whose values must be derived again.
void KnowledgeGraph::PlaceNode(const std::string& raw_id, const RawNode& raw,
                               std::set<std::string>* moved, std::set<std::string>* touched) const {
  auto home = VertexFor(HomeOf(raw_id));
  if (raw.home != &home->first) {
    if (raw.home != nullptr) {
      auto v = vertices_.find(*raw.home);
      if (v != vertices_.end()) EraseSorted(&(*graph_)[v->second].ids, raw_id);
      if (touched != nullptr) touched->insert(*raw.home);
      moved->insert(raw_id);
    }
    InsertSorted(&(*graph_)[home->second].ids, raw_id);
    raw.home = &home->first;
  }
  raw.vertex = home->second;
  if (touched != nullptr) touched->insert(home->first);
}

// Likewise for a raw edge: into the edge between its ends' nodes.
KnowledgeGraph::Edge KnowledgeGraph::PlaceEdge(const EdgeKey& raw_key, const RawEdge& raw,
                                               std::set<EdgeKey>* touched, const PlaceIndex* index,
                                               Vertex raw_target) const {
  const auto& node_of = resolution_->node_of;
  auto is_joined = [&](const std::string& id) {
    return index != nullptr ? index->joined.Find(id) != nullptr : node_of.contains(id);
  };
  bool own = node_of.empty() || (!is_joined(raw_key.source) && !is_joined(raw_key.target));
  EdgeKey joined;
  if (!own) joined = HomeOf(raw_key);
  const EdgeKey& key = own ? raw_key : joined;  // raw keys are canonical already
  auto e = edges_.end();
  if (edges_.empty() || !(std::prev(e)->first.get() < key)) e = edges_.lower_bound(key);
  if (e == edges_.end() || e->first.get() != key) {
    Vertex source{}, target{};
    if (index == nullptr) {
      source = VertexOf(key.source);
      target = VertexOf(key.target);
    } else {
      if (index->last_source == nullptr || *index->last_source != key.source) {
        index->last_source_vertex = *index->vertex_of.Find(key.source);
        index->last_source = &(*graph_)[index->last_source_vertex].id;
      }
      source = index->last_source_vertex;
      target = own && raw_target != nullptr ? raw_target : *index->vertex_of.Find(key.target);
    }
    // Added empty, then given its key: Boost copies the property it is
    // given (twice), so the less it holds the better.
    Edge added = boost::add_edge(source, target, *graph_).first;
    (*graph_)[added].key = key;
    e = edges_.emplace_hint(e, std::cref((*graph_)[added].key), added);
  }
  const EdgeKey& home = e->first.get();
  if (raw.home != &home) {
    if (raw.home != nullptr) {
      auto old = edges_.find(*raw.home);
      if (old != edges_.end()) (*graph_)[old->second].keys.EraseEqual(raw_key);
      if (touched != nullptr) touched->insert(*raw.home);
    }
    (*graph_)[e->second].keys.Insert(&raw_key);
    raw.home = &home;
  }
  if (touched != nullptr) touched->insert(home);
  return e->second;
}

void KnowledgeGraph::RederiveEdge(Edge e) const {
  RelationEdge& edge = (*graph_)[e];
  std::vector<graph_internal::EdgeRef> refs;
  ForEachContribution(edge,
                      [&](const std::string& doc, const EdgeKey& raw, const EdgeContribution& c) {
                        refs.push_back({&doc, &raw, &c});
                      });
  graph_internal::DeriveEdge(&edge, refs);
}

// RederiveEdge() for an edge whose only raw key is `raw`.
void KnowledgeGraph::DeriveEdgeFrom(Edge e, const RawEdgeEntry& raw) const {
  if (raw.second.contrib.size() == 1) {  // most edges: no list to allocate
    const auto& [doc, c] = *raw.second.contrib.begin();
    const graph_internal::EdgeRef one{&doc, &raw.first, &c};
    graph_internal::DeriveEdge(&(*graph_)[e], std::span(&one, 1));
    return;
  }
  std::vector<graph_internal::EdgeRef> refs;
  refs.reserve(raw.second.contrib.size());
  for (const auto& [doc, c] : raw.second.contrib) refs.push_back({&doc, &raw.first, &c});
  graph_internal::DeriveEdge(&(*graph_)[e], refs);
}

bool KnowledgeGraph::RederiveNode(Vertex v, bool dates) const {
  ActorNode& node = (*graph_)[v];
  std::vector<graph_internal::NodeRef> refs;
  ForEachContribution(
      node, [&](const std::string& doc, const std::string& raw, const NodeContribution& c) {
        refs.push_back({&doc, &raw, &c});
      });
  graph_internal::DeriveNode(&node, refs);
  const bool occasion = node.type == "event";
  if (occasion && !dates) return false;
  node.dates.clear();
  if (occasion) {
    for (const auto& ref : refs) EventDates(*ref.raw_id, *ref.doc, &node.dates);
    graph_internal::SortUnique(&node.dates);
  }
  node.first_date = node.dates.empty() ? "" : node.dates.front();
  node.last_date = node.dates.empty() ? "" : node.dates.back();
  return true;
}

// The dates of document `doc`'s round of occasion `raw_id`: the dates of its
// events involving the occasion, else the document date.
void KnowledgeGraph::EventDates(const std::string& raw_id, const std::string& doc,
                                std::vector<std::string>* dates) const {
  auto slot = docs_.find(doc);
  if (slot == docs_.end()) return;
  size_t before = dates->size();
  for (const RawEdgeEntry* e : slot->second.edges) {
    if (e->first.source != raw_id && e->first.target != raw_id) continue;
    const EdgeContribution& c = e->second.contrib.find(doc)->second;
    dates->insert(dates->end(), c.dates.begin(), c.dates.end());
  }
  if (dates->size() == before) {
    std::string date = graph_internal::NormalizeDate(slot->second.entry.date);
    if (!date.empty()) dates->push_back(std::move(date));
  }
}

}  // namespace diplograph
