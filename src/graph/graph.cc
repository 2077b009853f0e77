// The KnowledgeGraph container: documents in, nodes and edges kept in step.
#include "diplograph/graph/graph.h"

#include <algorithm>
#include <utility>

#include "graph_internal.h"

namespace diplograph {

using graph_internal::DeriveEdge;
using graph_internal::DeriveNode;

KnowledgeGraph::KnowledgeGraph() : graph_(std::make_unique<BoostGraph>()) {}
KnowledgeGraph::~KnowledgeGraph() = default;

KnowledgeGraph::KnowledgeGraph(const KnowledgeGraph& other) : KnowledgeGraph() { Merge(other); }

KnowledgeGraph& KnowledgeGraph::operator=(const KnowledgeGraph& other) {
  if (this != &other) {
    KnowledgeGraph copy(other);
    *this = std::move(copy);
  }
  return *this;
}

// Moving the unique_ptr keeps every vertex and edge descriptor valid.
KnowledgeGraph::KnowledgeGraph(KnowledgeGraph&& other) noexcept : KnowledgeGraph() {
  *this = std::move(other);
}

KnowledgeGraph& KnowledgeGraph::operator=(KnowledgeGraph&& other) noexcept {
  if (this != &other) {
    graph_ = std::exchange(other.graph_, std::make_unique<BoostGraph>());
    vertices_ = std::exchange(other.vertices_, {});
    edges_ = std::exchange(other.edges_, {});
    docs_ = std::exchange(other.docs_, {});
    stale_nodes_ = std::exchange(other.stale_nodes_, {});
    stale_edges_ = std::exchange(other.stale_edges_, {});
    stale_.store(other.stale_.exchange(false));
  }
  return *this;
}

void KnowledgeGraph::EnsureDerived() const {
  if (!stale_.load(std::memory_order_acquire)) return;
  std::lock_guard<std::mutex> lock(derive_mu_);
  if (!stale_.load(std::memory_order_relaxed)) return;
  for (const std::string& id : stale_nodes_) {
    auto it = vertices_.find(id);
    if (it != vertices_.end()) DeriveNode(&(*graph_)[it->second]);
  }
  for (const EdgeKey& key : stale_edges_) {
    auto it = edges_.find(key);
    if (it != edges_.end()) DeriveEdge(&(*graph_)[it->second]);
  }
  stale_nodes_.clear();
  stale_edges_.clear();
  stale_.store(false, std::memory_order_release);
}

const KnowledgeGraph::BoostGraph& KnowledgeGraph::boost_graph() const {
  EnsureDerived();
  return *graph_;
}

KnowledgeGraph::AddResult KnowledgeGraph::AddRecord(const ExtractionRecord& record) {
  if (record.doc.id.empty()) return AddResult::kKept;
  return AddContribution(ContributionFromRecord(record));
}

KnowledgeGraph::AddResult KnowledgeGraph::AddContribution(DocContribution contribution) {
  if (contribution.doc.id.empty()) return AddResult::kKept;
  AddResult result = AddResult::kAdded;
  auto it = docs_.find(contribution.doc.id);
  if (it != docs_.end()) {
    const std::string& old = it->second.entry.fingerprint;
    if (old == contribution.doc.fingerprint) return AddResult::kUnchanged;
    if (old > contribution.doc.fingerprint) return AddResult::kKept;
    RemoveDocument(contribution.doc.id);
    result = AddResult::kReplaced;
  }
  InsertDocument(std::move(contribution));
  return result;
}

void KnowledgeGraph::Merge(const KnowledgeGraph& other) {
  if (&other == this) return;
  for (const auto& [id, slot] : other.docs_) AddContribution(other.ContributionOf(id));
}

KnowledgeGraph::Vertex KnowledgeGraph::VertexFor(const std::string& id) {
  auto it = vertices_.find(id);
  if (it != vertices_.end()) return it->second;
  ActorNode node;
  node.id = id;
  Vertex v = boost::add_vertex(std::move(node), *graph_);
  vertices_.emplace(id, v);
  return v;
}

void KnowledgeGraph::InsertDocument(DocContribution c) {
  DocSlot slot;
  slot.entry = std::move(c.doc);
  const std::string& doc_id = slot.entry.id;
  for (const auto& [key, ec] : c.edges) {  // endpoints must be nodes of this doc
    c.nodes.try_emplace(key.source);
    c.nodes.try_emplace(key.target);
  }
  for (auto& [id, nc] : c.nodes) {
    ActorNode& node = (*graph_)[VertexFor(id)];
    node.contrib[doc_id] = std::move(nc);
    stale_nodes_.insert(id);
    slot.nodes.push_back(id);
  }
  for (auto& [key, ec] : c.edges) {
    auto it = edges_.find(key);
    if (it == edges_.end()) {
      RelationEdge edge;
      edge.key = key;
      Edge e = boost::add_edge(vertices_.at(key.source), vertices_.at(key.target), std::move(edge),
                               *graph_)
                   .first;
      it = edges_.emplace(key, e).first;
    }
    RelationEdge& edge = (*graph_)[it->second];
    edge.contrib[doc_id] = std::move(ec);
    stale_edges_.insert(key);
    slot.edges.push_back(key);
  }
  stale_.store(true, std::memory_order_release);
  std::string key = doc_id;
  docs_.emplace(std::move(key), std::move(slot));
}

void KnowledgeGraph::RemoveDocument(const std::string& doc_id) {
  auto it = docs_.find(doc_id);
  if (it == docs_.end()) return;
  for (const EdgeKey& key : it->second.edges) {
    auto e = edges_.find(key);
    RelationEdge& edge = (*graph_)[e->second];
    edge.contrib.erase(doc_id);
    if (edge.contrib.empty()) {
      boost::remove_edge(e->second, *graph_);
      edges_.erase(e);
    } else {
      stale_edges_.insert(key);
    }
  }
  // Every edge of a remaining document has its endpoints in that document,
  // so a node left without contributions has no edges left either.
  for (const std::string& id : it->second.nodes) {
    auto v = vertices_.find(id);
    ActorNode& node = (*graph_)[v->second];
    node.contrib.erase(doc_id);
    if (node.contrib.empty()) {
      boost::clear_vertex(v->second, *graph_);
      boost::remove_vertex(v->second, *graph_);
      vertices_.erase(v);
    } else {
      stale_nodes_.insert(id);
    }
  }
  docs_.erase(it);
  stale_.store(true, std::memory_order_release);
}

size_t KnowledgeGraph::node_count() const { return vertices_.size(); }
size_t KnowledgeGraph::edge_count() const { return edges_.size(); }

const ActorNode* KnowledgeGraph::FindNode(std::string_view id) const {
  EnsureDerived();
  auto it = vertices_.find(id);
  return it == vertices_.end() ? nullptr : &(*graph_)[it->second];
}

const RelationEdge* KnowledgeGraph::FindEdge(const EdgeKey& key) const {
  EnsureDerived();
  auto it = edges_.find(key);
  return it == edges_.end() ? nullptr : &(*graph_)[it->second];
}

const DocumentEntry* KnowledgeGraph::FindDocument(std::string_view id) const {
  auto it = docs_.find(id);
  return it == docs_.end() ? nullptr : &it->second.entry;
}

void KnowledgeGraph::ForEachNode(const std::function<void(const ActorNode&)>& fn) const {
  EnsureDerived();
  for (const auto& [id, v] : vertices_) fn((*graph_)[v]);
}

void KnowledgeGraph::ForEachEdge(const std::function<void(const RelationEdge&)>& fn) const {
  EnsureDerived();
  for (const auto& [key, e] : edges_) fn((*graph_)[e]);
}

void KnowledgeGraph::ForEachDocument(const std::function<void(const DocumentEntry&)>& fn) const {
  for (const auto& [id, slot] : docs_) fn(slot.entry);
}

void KnowledgeGraph::ForEachIncidentEdge(std::string_view id,
                                         const std::function<void(const RelationEdge&)>& fn) const {
  EnsureDerived();
  auto it = vertices_.find(id);
  if (it == vertices_.end()) return;
  std::vector<const RelationEdge*> incident;
  for (auto [e, end] = boost::out_edges(it->second, *graph_); e != end; ++e) {
    incident.push_back(&(*graph_)[*e]);
  }
  for (auto [e, end] = boost::in_edges(it->second, *graph_); e != end; ++e) {
    const RelationEdge& edge = (*graph_)[*e];
    if (edge.key.source != edge.key.target) incident.push_back(&edge);  // loops once
  }
  std::sort(incident.begin(), incident.end(),
            [](const RelationEdge* a, const RelationEdge* b) { return a->key < b->key; });
  for (const RelationEdge* edge : incident) fn(*edge);
}

DocContribution KnowledgeGraph::ContributionOf(std::string_view doc_id) const {
  DocContribution out;
  auto it = docs_.find(doc_id);
  if (it == docs_.end()) return out;
  const DocSlot& slot = it->second;
  out.doc = slot.entry;
  for (const std::string& id : slot.nodes) {
    const ActorNode& node = (*graph_)[vertices_.at(id)];
    out.nodes.emplace(id, node.contrib.find(doc_id)->second);
  }
  for (const EdgeKey& key : slot.edges) {
    const RelationEdge& edge = (*graph_)[edges_.at(key)];
    out.edges.emplace(key, edge.contrib.find(doc_id)->second);
  }
  return out;
}

KnowledgeGraph KnowledgeGraph::Subgraph(const std::set<std::string>& node_ids,
                                        const std::set<EdgeKey>& edge_keys) const {
  KnowledgeGraph out;
  for (const auto& [doc_id, slot] : docs_) {
    DocContribution full = ContributionOf(doc_id);
    DocContribution part;
    part.doc = full.doc;
    for (auto& [key, ec] : full.edges) {
      if (!edge_keys.contains(key)) continue;
      part.nodes.emplace(key.source, full.nodes.at(key.source));
      part.nodes.emplace(key.target, full.nodes.at(key.target));
      part.edges.emplace(key, std::move(ec));
    }
    for (auto& [id, nc] : full.nodes) {
      if (node_ids.contains(id)) part.nodes.emplace(id, std::move(nc));
    }
    if (!part.nodes.empty()) out.AddContribution(std::move(part));
  }
  return out;
}

}  // namespace diplograph
