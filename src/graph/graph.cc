// The KnowledgeGraph container: documents in, their contributions kept by raw
// id; the nodes and edges derived from them are maintained in derive.cc.
#include "diplograph/graph/graph.h"

#include <algorithm>
#include <thread>
#include <utility>

#include "flat_index.h"
#include "graph_internal.h"
#include "load_worker.h"
#include "resolve.h"
#include "stable_hash_map.h"

namespace diplograph {

KnowledgeGraph::KnowledgeGraph()
    : raw_nodes_(std::make_unique<RawNodes>()),
      raw_edges_(std::make_unique<RawEdges>()),
      graph_(std::make_unique<BoostGraph>()),
      resolution_(std::make_unique<Resolution>()) {}
KnowledgeGraph::~KnowledgeGraph() = default;

KnowledgeGraph::KnowledgeGraph(const KnowledgeGraph& other) : KnowledgeGraph() {
  Merge(other);
  std::lock_guard<std::mutex> lock(other.derive_mu_);
  if (other.resolution_->pinned) {
    resolution_->pinned = true;
    resolution_->node_of = other.resolution_->node_of;
  }
}

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
    raw_nodes_ = std::exchange(other.raw_nodes_, std::make_unique<RawNodes>());
    raw_edges_ = std::exchange(other.raw_edges_, std::make_unique<RawEdges>());
    docs_ = std::exchange(other.docs_, {});
    graph_ = std::exchange(other.graph_, std::make_unique<BoostGraph>());
    vertices_ = std::exchange(other.vertices_, {});
    edges_ = std::exchange(other.edges_, {});
    resolution_ = std::exchange(other.resolution_, std::make_unique<Resolution>());
    dirty_nodes_ = std::exchange(other.dirty_nodes_, {});
    dirty_edges_ = std::exchange(other.dirty_edges_, {});
    gone_nodes_ = std::exchange(other.gone_nodes_, {});
    gone_edges_ = std::exchange(other.gone_edges_, {});
    load_order_ = std::exchange(other.load_order_, {});
    stale_.store(other.stale_.exchange(false));
  }
  return *this;
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

namespace {
bool PointsBefore(const EdgeKey* a, const EdgeKey& b) { return *a < b; }
}  // namespace

void RawKeyList::Insert(const EdgeKey* key) {
  if (empty()) {
    one_ = key;
    return;
  }
  if (many_.empty()) {
    if (*one_ == *key) return;
    many_.push_back(std::exchange(one_, nullptr));
  }
  auto it = std::lower_bound(many_.begin(), many_.end(), *key, PointsBefore);
  if (it == many_.end() || **it != *key) many_.insert(it, key);
}

void RawKeyList::ErasePointer(const EdgeKey* key) {
  auto it = std::find(begin(), end(), key);
  if (it != end()) Erase(static_cast<size_t>(it - begin()));
}

void RawKeyList::EraseEqual(const EdgeKey& key) {
  auto it = std::lower_bound(begin(), end(), key, PointsBefore);
  if (it != end() && **it == key) Erase(static_cast<size_t>(it - begin()));
}

void RawKeyList::Erase(size_t i) {
  if (many_.empty()) {
    one_ = nullptr;
    return;
  }
  many_.erase(many_.begin() + static_cast<ptrdiff_t>(i));
  if (many_.size() == 1) {  // back to one, held in place
    one_ = many_.front();
    many_ = {};
  }
}

size_t KnowledgeGraph::RawIdHash::operator()(const std::string& id) const {
  return graph_internal::StringHash64(id);
}

size_t KnowledgeGraph::EdgeKeyHash::operator()(const EdgeKey& k) const {
  using graph_internal::StringHash64;
  uint64_t h = StringHash64(k.source);
  h = (h ^ StringHash64(k.target)) * 0x9E3779B97F4A7C15ull;
  return (h ^ (h >> 32)) + StringHash64(k.type);
}

void KnowledgeGraph::InsertDocument(DocContribution c) {
  DocSlot slot;
  slot.entry = std::move(c.doc);
  const std::string& doc_id = slot.entry.id;
  for (const auto& [key, ec] : c.edges) {  // endpoints must be nodes of this doc
    c.nodes.try_emplace(key.source);
    c.nodes.try_emplace(key.target);
  }
  // Nothing placed yet: EnsureDerived() places everything, no need to track.
  const bool track = !vertices_.empty();
  load_order_.clear();
  slot.nodes.reserve(c.nodes.size());
  for (auto& [id, nc] : c.nodes) {  // sorted, so slot.nodes is too
    RawNodeEntry* raw = raw_nodes_->try_emplace(id).first;
    raw->second.contrib.emplace(doc_id, std::move(nc));
    if (track) dirty_nodes_.insert(id);
    slot.nodes.push_back(&raw->first);
  }
  slot.edges.reserve(c.edges.size());
  for (auto& [key, ec] : c.edges) {
    RawEdgeEntry* raw = raw_edges_->try_emplace(key).first;
    raw->second.contrib.emplace(doc_id, std::move(ec));
    if (track) dirty_edges_.insert(key);
    slot.edges.push_back(raw);
  }
  stale_.store(true, std::memory_order_release);
  std::string key = doc_id;
  docs_.emplace(std::move(key), std::move(slot));
}

void KnowledgeGraph::RemoveDocument(const std::string& doc_id) {
  auto it = docs_.find(doc_id);
  if (it == docs_.end()) return;
  const bool track = !vertices_.empty();
  load_order_.clear();
  for (RawEdgeEntry* e : it->second.edges) {
    e->second.contrib.erase(doc_id);
    if (track) dirty_edges_.insert(e->first);
    if (!e->second.contrib.empty()) continue;
    if (const EdgeKey* home = e->second.home) {  // drop the pointer before the key goes
      (*graph_)[edges_.find(*home)->second].keys.ErasePointer(&e->first);
      gone_edges_.insert(*home);
    }
    raw_edges_->erase(e);
  }
  for (const std::string* id : it->second.nodes) {
    RawNodeEntry* n = raw_nodes_->find(*id);
    n->second.contrib.erase(doc_id);
    if (track) dirty_nodes_.insert(*id);
    if (!n->second.contrib.empty()) continue;
    if (n->second.home != nullptr) gone_nodes_.emplace(*n->second.home, *id);
    raw_nodes_->erase(n);
  }
  docs_.erase(it);
  resolution_->recheck = true;  // a shared document may be gone: joins may change
  stale_.store(true, std::memory_order_release);
}

size_t KnowledgeGraph::node_count() const {
  EnsureDerived();
  return vertices_.size();
}

size_t KnowledgeGraph::edge_count() const {
  EnsureDerived();
  return edges_.size();
}

const KnowledgeGraph::BoostGraph& KnowledgeGraph::boost_graph() const {
  EnsureDerived();
  return *graph_;
}

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

std::string KnowledgeGraph::NodeIdOf(std::string_view raw_id) const {
  EnsureDerived();
  return HomeOf(std::string(raw_id));
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

void KnowledgeGraph::ForEachContribution(
    const ActorNode& node,
    const std::function<void(const std::string&, const std::string&, const NodeContribution&)>& fn)
    const {
  std::vector<graph_internal::NodeRef> refs;
  for (const std::string& raw : node.ids) {
    const RawNodeEntry* it = raw_nodes_->find(raw);
    if (it == nullptr) continue;
    for (const auto& [doc, c] : it->second.contrib) refs.push_back({&doc, &it->first, &c});
  }
  if (node.ids.size() > 1) {
    std::sort(refs.begin(), refs.end(),
              [](const auto& a, const auto& b) { return *a.doc < *b.doc; });
  }
  for (const auto& ref : refs) fn(*ref.doc, *ref.raw_id, *ref.c);
}

void KnowledgeGraph::ForEachContribution(
    const RelationEdge& edge,
    const std::function<void(const std::string&, const EdgeKey&, const EdgeContribution&)>& fn)
    const {
  std::vector<graph_internal::EdgeRef> refs;
  for (const EdgeKey* raw : edge.keys) {
    const RawEdgeEntry* it = raw_edges_->find(*raw);
    if (it == nullptr) continue;
    for (const auto& [doc, c] : it->second.contrib) refs.push_back({&doc, &it->first, &c});
  }
  if (edge.keys.size() > 1) {
    std::sort(refs.begin(), refs.end(),
              [](const auto& a, const auto& b) { return *a.doc < *b.doc; });
  }
  for (const auto& ref : refs) fn(*ref.doc, *ref.raw_key, *ref.c);
}

DocContribution KnowledgeGraph::ContributionOf(std::string_view doc_id) const {
  DocContribution out;
  auto it = docs_.find(doc_id);
  if (it == docs_.end()) return out;
  const DocSlot& slot = it->second;
  out.doc = slot.entry;
  for (const std::string* id : slot.nodes) {
    out.nodes.emplace(*id, raw_nodes_->find(*id)->second.contrib.find(doc_id)->second);
  }
  for (const RawEdgeEntry* e : slot.edges) {
    out.edges.emplace(e->first, e->second.contrib.find(doc_id)->second);
  }
  return out;
}

KnowledgeGraph KnowledgeGraph::Subgraph(const std::set<std::string>& node_ids,
                                        const std::set<EdgeKey>& edge_keys) const {
  EnsureDerived();
  KnowledgeGraph out;
  for (const auto& [doc_id, slot] : docs_) {
    DocContribution full = ContributionOf(doc_id);
    DocContribution part;
    part.doc = full.doc;
    for (auto& [key, ec] : full.edges) {
      if (!edge_keys.contains(HomeOf(key))) continue;
      part.nodes.emplace(key.source, full.nodes.at(key.source));
      part.nodes.emplace(key.target, full.nodes.at(key.target));
      part.edges.emplace(key, std::move(ec));
    }
    for (auto& [id, nc] : full.nodes) {
      if (node_ids.contains(HomeOf(id))) part.nodes.emplace(id, std::move(nc));
    }
    if (!part.nodes.empty()) out.AddContribution(std::move(part));
  }
  out.resolution_->pinned = true;  // the view shows this graph's nodes
  out.raw_nodes_->ForEach([&](const RawNodeEntry& entry) {
    auto it = resolution_->node_of.find(entry.first);
    if (it != resolution_->node_of.end()) out.resolution_->node_of.emplace(entry.first, it->second);
  });
  return out;
}

// Whether a second thread has a core of its own.
static bool TwoCores() { return std::thread::hardware_concurrency() >= 2; }

KnowledgeGraph::Loader::Loader()
    : docs_(std::make_unique<graph_internal::FlatIndex<DocSlot*>>()),
      raw_ids_(std::make_unique<graph_internal::FlatIndex<RawNodeEntry*>>()),
      no_worker_(!TwoCores()) {}
KnowledgeGraph::Loader::~Loader() = default;

bool KnowledgeGraph::Loader::AddDocument(DocumentEntry entry) {
  if (entry.id.empty()) return false;
  auto& docs = graph_.docs_;
  auto hint = docs.end();
  if (!docs.empty() && !(std::prev(hint)->first < entry.id)) hint = docs.lower_bound(entry.id);
  if (hint != docs.end() && hint->first == entry.id) return false;
  std::string id = entry.id;
  auto it = docs.emplace_hint(hint, std::move(id), DocSlot{});
  it->second.entry = std::move(entry);
  docs_->Insert(it->first, &it->second);
  graph_.stale_.store(true, std::memory_order_release);
  return true;
}

KnowledgeGraph::Loader::Doc KnowledgeGraph::Loader::FindDocument(std::string_view id) const {
  DocSlot* const* slot = docs_->Find(id);
  if (slot == nullptr) return nullptr;
  // A document is mostly looked up to be given a node or an edge, which
  // reads its id and its lists: start fetching them (documents come in no
  // order, so they are seldom in cache).
  __builtin_prefetch(&(*slot)->entry.id);
  __builtin_prefetch(&(*slot)->nodes);
  return *slot;
}

void KnowledgeGraph::Loader::PrefetchDocument(std::string_view id, int step) const {
  if (step == 0) {
    docs_->Prefetch(id);
  } else if (step == 1) {
    if (DocSlot* const* slot = docs_->PrefetchKey(id)) {
      __builtin_prefetch(&(*slot)->entry.id);
      __builtin_prefetch(&(*slot)->nodes);
    }
  } else if (DocSlot* const* slot = docs_->Find(id)) {
    __builtin_prefetch((*slot)->nodes.data());  // HasNode() searches it
  }
}

void KnowledgeGraph::Loader::PrefetchNode(std::string_view raw_id, int step) const {
  if (step == 0) {
    raw_ids_->Prefetch(raw_id);
  } else if (step == 1) {
    raw_ids_->PrefetchKey(raw_id);
  }
}

KnowledgeGraph::RawNodeEntry* KnowledgeGraph::Loader::RawNodeFor(std::string_view raw_id,
                                                                 bool add) {
  if (last_node_ != nullptr && last_node_->first == raw_id) return last_node_;
  if (RawNodeEntry* const* found = raw_ids_->Find(raw_id)) return last_node_ = *found;
  if (!add) return nullptr;
  RawNodeEntry* raw;
  if (max_node_ == nullptr || max_node_->first < raw_id) {
    // Greater than every raw id so far, so new: no look-up (rows in id
    // order need none, and the index is built only if one is done).
    raw = graph_.raw_nodes_->append_new(std::string(raw_id));
  } else {
    raw = graph_.raw_nodes_->try_emplace(std::string(raw_id)).first;
  }
  raw_ids_->Insert(raw->first, raw);
  return last_node_ = raw;
}

// Contribution maps are keyed by document id; a row lists its documents in
// that order, so each insertion lands at the end.
template <typename Map, typename Value>
static std::pair<typename Map::iterator, bool> EmplaceLast(Map* m, const std::string& doc,
                                                           Value&& value) {
  if (m->empty() || std::prev(m->end())->first < doc) {
    return {m->emplace_hint(m->end(), doc, std::forward<Value>(value)), true};
  }
  return m->try_emplace(doc, std::forward<Value>(value));
}

bool KnowledgeGraph::AddNodeContribution(RawNodeEntry* raw, const std::string& doc,
                                         NodeContribution c) {
  return EmplaceLast(&raw->second.contrib, doc, std::move(c)).second;
}

bool KnowledgeGraph::Loader::AddNode(Doc doc, std::string_view raw_id, NodeContribution c) {
  if (worker_ != nullptr && worker_->edges()) DropPlacement();
  if (worker_ == nullptr && !no_worker_ && graph_.load_order_.empty()) {
    worker_ = std::make_unique<LoadWorker>(graph_);
  }
  RawNodeEntry* raw = RawNodeFor(raw_id, true);
  const std::string& id = doc->entry.id;
  if (worker_ == nullptr) {
    if (!AddNodeContribution(raw, id, std::move(c))) return false;
  } else if (raw->second.last_doc == nullptr || *raw->second.last_doc < id) {
    // After every document given for this raw id: new, so the worker can
    // store it (rows list their documents in order, so this is the rule).
    raw->second.last_doc = &id;
    worker_->AddNode(raw, doc, std::move(c));
  } else {
    worker_->Sync();  // it has stored all it was given: look for `doc`
    if (!AddNodeContribution(raw, id, std::move(c))) return false;
  }
  if (doc->nodes.empty()) doc->nodes.reserve(8);  // a document names a few actors
  doc->nodes.push_back(&raw->first);
  if (max_node_ == nullptr || max_node_->first < raw->first) {
    max_node_ = raw;
  } else if (max_node_ != raw && !std::exchange(doc->nodes_unsorted, true)) {
    unsorted_.push_back(doc);
  }
  return true;
}

KnowledgeGraph::Loader::Node KnowledgeGraph::Loader::FindNode(std::string_view raw_id) {
  // Not through RawNodeFor(): its check of the last id would read an entry
  // that nothing else here touches.
  RawNodeEntry* const* found = raw_ids_->Find(raw_id);
  return found == nullptr ? nullptr : *found;
}

bool KnowledgeGraph::Loader::HasNode(Doc doc, Node node) const {
  // The document's own list (the worker may be filling the raw id's map).
  return node != nullptr &&
         std::find(doc->nodes.begin(), doc->nodes.end(), &node->first) != doc->nodes.end();
}

void KnowledgeGraph::Loader::ReserveEdges(size_t n) { graph_.raw_edges_->reserve(n); }

void KnowledgeGraph::Loader::EndNodes(bool place) {
  // The worker needs a core of its own; and edges added so far would have
  // to be told apart.
  if (worker_ == nullptr) {
    if (no_worker_ || !graph_.load_order_.empty() || !graph_.vertices_.empty()) return;
    worker_ = std::make_unique<LoadWorker>(graph_);
  }
  if (!worker_->edges() && graph_.load_order_.empty()) worker_->EndNodes(place);
}

// Back to no worker and nothing placed: Finish() leaves everything to be
// derived at once.
void KnowledgeGraph::Loader::DropPlacement() {
  worker_->Drain();  // every contribution handed over is stored
  worker_.reset();
  no_worker_ = true;
  KnowledgeGraph& g = graph_;
  g.graph_ = std::make_unique<BoostGraph>();
  g.vertices_.clear();
  g.edges_.clear();
  g.resolution_ = std::make_unique<Resolution>();
  g.raw_nodes_->ForEach([](const RawNodeEntry& entry) {
    entry.second.home = nullptr;
    entry.second.vertex = {};
  });
  g.raw_edges_->ForEach([](const RawEdgeEntry& entry) { entry.second.home = nullptr; });
}

void KnowledgeGraph::Loader::AddEdge(Doc doc, const EdgeKey& raw_key, EdgeContribution c,
                                     Node target) {
  bool place = false;  // the worker places the key (new, and the greatest yet)
  if (last_edge_ == nullptr || last_edge_->first != raw_key) {
    if (max_edge_ == nullptr || max_edge_->first < raw_key) {
      // Greater than every key so far, so new: no look-up (rows in key
      // order need none, and the index is built only if one is done).
      last_edge_ = graph_.raw_edges_->append_new(raw_key);
      max_edge_ = last_edge_;
      graph_.load_order_.push_back(last_edge_);
      place = worker_ != nullptr && worker_->placing();
    } else {
      keys_in_order_ = false;
      auto [entry, added] = graph_.raw_edges_->try_emplace(raw_key);
      last_edge_ = entry;
      if (added) late_.push_back(entry);
    }
  }
  if (last_edge_ != max_edge_ && !std::exchange(doc->edges_unsorted, true)) {
    unsorted_.push_back(doc);
  }
  if (worker_ != nullptr && worker_->edges()) {
    worker_->AddEdge(last_edge_, doc, std::move(c), place, place ? target : nullptr);
  } else {
    AddEdgeContribution(last_edge_, doc, std::move(c));
  }
}

void KnowledgeGraph::AddEdgeContribution(RawEdgeEntry* raw, DocSlot* doc, EdgeContribution c) {
  auto [it, added] = EmplaceLast(&raw->second.contrib, doc->entry.id, std::move(c));
  if (added) {
    doc->edges.push_back(raw);
  } else {
    it->second = std::move(c);  // not moved from: the emplace did not happen
  }
}

KnowledgeGraph KnowledgeGraph::Loader::Finish() && {
  auto by_id = [](const std::string* a, const std::string* b) { return *a < *b; };
  auto entry_by_key = [](const RawEdgeEntry* a, const RawEdgeEntry* b) {
    return a->first < b->first;
  };
  auto& order = graph_.load_order_;
  if (worker_ != nullptr) worker_->Flush();
  // Lists given only ids and keys greater than any before are sorted; the
  // others are sorted here. Node lists are this thread's: they are sorted
  // while the worker, if any, stores what it was given.
  for (DocSlot* slot : unsorted_) {
    if (std::exchange(slot->nodes_unsorted, false) &&
        !std::is_sorted(slot->nodes.begin(), slot->nodes.end(), by_id)) {
      std::sort(slot->nodes.begin(), slot->nodes.end(), by_id);
    }
  }
  // Raw keys come in the order of their links, which only keys under joined
  // ids break: those few are sorted apart (late_) and placed or merged in.
  std::sort(late_.begin(), late_.end(), entry_by_key);
  if (worker_ != nullptr && worker_->placing()) {  // placed but for the late keys
    worker_->Finish(late_, keys_in_order_);
    worker_.reset();
    order.clear();
    graph_.stale_.store(false, std::memory_order_release);
  } else {
    if (worker_ != nullptr) {  // it has contributions to store yet
      worker_->Drain();
      worker_.reset();
    }
    const size_t in_order = order.size();
    order.insert(order.end(), late_.begin(), late_.end());
    std::inplace_merge(order.begin(), order.begin() + static_cast<ptrdiff_t>(in_order), order.end(),
                       entry_by_key);
  }
  for (DocSlot* slot : unsorted_) {  // the worker, if any, has stored every key by now
    if (std::exchange(slot->edges_unsorted, false) &&
        !std::is_sorted(slot->edges.begin(), slot->edges.end(), entry_by_key)) {
      std::sort(slot->edges.begin(), slot->edges.end(), entry_by_key);
    }
  }
  unsorted_.clear();
  docs_ = std::make_unique<graph_internal::FlatIndex<DocSlot*>>();
  raw_ids_ = std::make_unique<graph_internal::FlatIndex<RawNodeEntry*>>();
  last_node_ = nullptr;
  last_edge_ = nullptr;
  late_.clear();
  no_worker_ = !TwoCores();
  max_node_ = nullptr;
  max_edge_ = nullptr;
  keys_in_order_ = true;
  return std::exchange(graph_, KnowledgeGraph());
}

}  // namespace diplograph
