// graph/graph.h: the knowledge graph of who did what to whom.
//
// WHAT IT IS
//   Documents contribute actors (under the actor id the extractor gave them)
//   and relations between them. Actors are nodes, keyed by a node id;
//   relations are edges, one per (source, target, event type); different
//   types between the same pair are separate edges. Both live in a
//   Boost.Graph adjacency_list (bidirectionalS, bundled ActorNode /
//   RelationEdge).
//
// WHAT IT GUARANTEES
//   The graph stores what each document contributed, under the ids that
//   document used ("raw" ids); everything else (which raw ids make one node,
//   and every shown value) is derived from the set of contributions and
//   recomputed whenever it changes. A document is the unit of change: it
//   contributes either all of its nodes and edges or none of them. Hence
//   AddRecord() and Merge() are exactly associative, commutative and
//   idempotent per document id:
//     - a document id not yet present is added;
//     - the same id with the same fingerprint changes nothing;
//     - the same id with a different fingerprint: the contribution whose
//       fingerprint string is greater wins (the other is dropped whole), so
//       the outcome does not depend on the order documents arrive in.
//   The fingerprint is the FNV-1a 64-bit hash (16 lower-case hex digits) of
//   the record's canonical JSON line (RecordToJsonLine()).
//   Iteration (ForEach*) is in sorted id order, so every output is
//   deterministic whatever the insertion order.
//
// ACTOR RESOLUTION (which raw ids make one node)
//   A deterministic function of the set of contributions, so merging stays
//   associative and commutative. Each raw id has a profile over all its
//   documents: type and country (the most common non-empty ones), the names
//   documents gave it, and its multi-word aliases. Two raw ids are joined
//   when they are spelling variants of one name:
//     - the same type, one of person, organization, event or location
//       (countries and document-scoped groups are never joined), and
//       compatible countries (equal, or one of them empty);
//     - a name of one equals (after folding case, accents and punctuation)
//       a name or a multi-word alias of the other, or (not for occasions,
//       whose names hold their parties' names: "Iceland-Egypt dialogue" is
//       not "Ireland-Egypt dialogue") the two names are one edit apart (a
//       substitution, insertion, deletion or swap of neighbours) inside one
//       word of 5 or more letters, not its first letter nor a digit, in
//       names of 8 or more characters; a person's name must have two or
//       more words (a surname alone never joins), an occasion's too;
//     - they never share a name exactly as written (the extractor gives
//       one name one id, so two ids with one name, such as two dictionary
//       people called Zhang Jun, were told apart on purpose), never appear
//       in the same document, and never end up in a node with two
//       different non-empty countries;
//     - a name (or alias) that more than 6 raw ids use, such as "strategic
//       dialogue", is not distinctive and joins nothing;
//     - a raw id whose candidate partners are not candidates of each other
//       (say an unplaced "Ministry of Foreign Affairs" matching both China's
//       and India's) is ambiguous and joins nothing.
//   Candidate pairs are joined in a fixed order (exact before one-edit, then
//   by ids). The node id of a joined set is the raw id used by the most
//   documents, ties the smallest. Dictionary ids are already shared by all
//   documents, so in practice they keep their id and absorb variants.
//   Contributions keep their raw ids (ContributionOf(), the saved graph), so
//   re-merging is exact and resolution is redone from the merged set.
//
// Example:
//   KnowledgeGraph g;
//   for (const ExtractionRecord& r : records) g.AddRecord(r);
//   g.Merge(other);  // e.g. a graph read back with ReadSavedGraph()
//   g.ForEachEdge([](const RelationEdge& e) { /* e.key, e.weight, ... */ });
//
// Records become contributions as follows (ContributionFromRecord()):
//   - every entity becomes a node, with or without events;
//   - events whose source or target is not among the record's entities, or
//     whose type is empty, are skipped and counted in
//     DocumentEntry::skipped_events; events with a `modality` (hypothetical,
//     negated) are not edges either and are counted in modal_events;
//   - symmetric types (EventTypeInfo::symmetric, e.g. met_with) are stored
//     with source <= target, so "A met B" and "B met A" are one edge;
//   - dates are normalised to "YYYY", "YYYY-MM" or "YYYY-MM-DD"; dates that
//     do not parse are dropped; strings are made valid UTF-8 (U+FFFD).
//
// Cost: adding a document costs O(its size x log graph size). Derived values
// are recomputed lazily on the first read after a change: resolution (about
// linear in the number of raw actor ids) only when a change can alter it,
// and then once per changed node or edge, so building from N documents stays
// linear in their total size however many documents mention one actor.
//
// Ownership: the graph owns all its data. Pointers and references returned by
// accessors stay valid until the next non-const call.
// Thread-safety: const methods may run concurrently (the lazy recomputation
// is done once, under a lock); anything else needs exclusive access.
#ifndef DIPLOGRAPH_GRAPH_GRAPH_H_
#define DIPLOGRAPH_GRAPH_GRAPH_H_

#include <atomic>
#include <boost/graph/adjacency_list.hpp>
#include <compare>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "diplograph/core/node_pool.h"
#include "diplograph/event/record.h"

namespace diplograph {

namespace graph_internal {
template <typename Value>
class FlatIndex;
template <typename Key, typename Value, typename Hash>
class StableHashMap;
// Selects a std::list of pooled nodes (core/node_pool.h) for the graph's
// edges: a big graph has millions.
struct PooledListS {};
// A raw id's or key's contributions, by document id (pooled likewise).
template <typename Contribution>
using ContribMap = std::map<std::string, Contribution, std::less<>,
                            PoolAllocator<std::pair<const std::string, Contribution>>>;
}  // namespace graph_internal

}  // namespace diplograph

namespace boost {
template <typename Value>
struct container_gen<diplograph::graph_internal::PooledListS, Value> {
  using type = std::list<Value, diplograph::PoolAllocator<Value>>;
};
}  // namespace boost

namespace diplograph {

// What one document says about one actor.
struct NodeContribution {
  std::string name;  // the name the document used
  std::string type;
  std::string country;
  std::string cameo;
  std::vector<std::string> aliases;  // sorted, unique
  std::vector<std::string> roles;    // sorted, unique
  int64_t mentions = 0;              // number of mention spans
  bool operator==(const NodeContribution&) const = default;
};

// The best evidence sentence of one document for one edge.
struct EvidenceRef {
  std::string sentence;
  uint32_t start = 0;  // byte offsets into the document text
  uint32_t end = 0;
  double confidence = 0.0;
  bool operator==(const EvidenceRef&) const = default;
};

// What one document says about one relation.
struct EdgeContribution {
  int64_t mentions = 0;            // events of this (source, target, type)
  std::vector<std::string> dates;  // sorted, unique, normalised ISO dates
  double goldstein_sum = 0.0;      // sum over the events
  EvidenceRef evidence;            // highest confidence, ties by earlier offset
  std::string cameo;               // most common event code, ties smallest
  bool operator==(const EdgeContribution&) const = default;
};

struct EdgeKey {
  std::string source;
  std::string target;
  std::string type;
  auto operator<=>(const EdgeKey&) const = default;
};

// A node: one actor, made of one or more raw actor ids (see ACTOR
// RESOLUTION). Every field is derived from the contributions, which
// KnowledgeGraph::ForEachContribution() lists.
struct ActorNode {
  std::string id;                      // node id: one of `ids`
  std::vector<std::string> ids;        // the raw ids joined here, sorted
  std::string label;                   // name used by most documents, ties smallest; else id
  std::string type;                    // most common non-empty, ties smallest
  std::string country;                 // likewise
  std::string cameo;                   // likewise
  std::vector<std::string> aliases;    // all names and aliases but the label
  std::vector<std::string> roles;      // union, sorted
  std::vector<std::string> countries;  // every non-empty country, sorted
  std::vector<std::string> documents;  // sorted doc ids
  int64_t mentions = 0;                // sum
  // Nodes of type "event" (named occasions) only: the dates of their rounds.
  // A document's round is dated by its events that involve the occasion,
  // else by the document date. Union, sorted; first / last are "" when none.
  std::vector<std::string> dates;
  std::string first_date;
  std::string last_date;
};

// The raw keys joined in an edge (pointers into the graph), sorted by key.
// Most edges have one, which is held in place rather than on the heap.
class RawKeyList {
 public:
  using const_iterator = const EdgeKey* const*;

  size_t size() const { return many_.empty() ? (one_ != nullptr ? 1 : 0) : many_.size(); }
  bool empty() const { return size() == 0; }
  const_iterator begin() const { return many_.empty() ? &one_ : many_.data(); }
  const_iterator end() const { return begin() + size(); }
  const EdgeKey* front() const { return *begin(); }

  // Adds `key` at its place in key order, unless there.
  void Insert(const EdgeKey* key);
  // Removes the pointer `key`; nothing if absent.
  void ErasePointer(const EdgeKey* key);
  // Removes the entry that points to a key equal to `key`; nothing if none.
  void EraseEqual(const EdgeKey& key);

 private:
  void Erase(size_t i);
  const EdgeKey* one_ = nullptr;      // the only key (nullptr while many_ has them)
  std::vector<const EdgeKey*> many_;  // two or more keys
};

// An edge, between node ids. Every field is derived from the contributions
// (KnowledgeGraph::ForEachContribution()).
struct RelationEdge {
  EdgeKey key;
  RawKeyList keys;  // the raw keys joined here

  int64_t weight = 0;                  // number of supporting documents
  int64_t mentions = 0;                // sum
  std::string first_date;              // smallest date string, "" when none
  std::string last_date;               // greatest date string, "" when none
  std::vector<std::string> dates;      // union, sorted
  std::vector<std::string> documents;  // sorted doc ids
  std::string evidence;                // best sentence: non-empty first, highest
  std::string evidence_doc;            // confidence, ties by smallest doc id
  double goldstein = 0.0;              // mean over mentions
  std::string cameo;                   // most common per document, ties smallest; else the
                                       // type's default code
  bool symmetric = false;              // from EventTypes()
};

// One row of the document table.
struct DocumentEntry {
  std::string id;
  std::string title;
  std::string date;
  std::string url;
  std::string source;
  std::string fingerprint;     // 16 lower-case hex digits
  int64_t skipped_events = 0;  // events with an unknown source or target
  int64_t modal_events = 0;    // hypothetical / negated events
  bool operator==(const DocumentEntry&) const = default;
};

// Everything one document contributes: the unit that is added or replaced.
// Precondition wherever one is consumed: every edge's source and target are
// in `nodes` (missing ones are added with an empty contribution).
struct DocContribution {
  DocumentEntry doc;
  std::map<std::string, NodeContribution> nodes;  // by actor id
  std::map<EdgeKey, EdgeContribution> edges;
};

// FNV-1a 64-bit hash of `bytes` as 16 lower-case hex digits.
std::string Fnv1a64Hex(std::string_view bytes);

// The contribution of `record` (rules in the file comment above).
DocContribution ContributionFromRecord(const ExtractionRecord& record);

class KnowledgeGraph {
 public:
  using BoostGraph =
      boost::adjacency_list<boost::vecS, boost::listS, boost::bidirectionalS, ActorNode,
                            RelationEdge, boost::no_property, graph_internal::PooledListS>;
  using Vertex = BoostGraph::vertex_descriptor;
  using Edge = BoostGraph::edge_descriptor;

  enum class AddResult {
    kAdded,      // a new document id
    kUnchanged,  // same id, same fingerprint
    kReplaced,   // same id, greater fingerprint: the old contribution is gone
    kKept,       // same id, smaller fingerprint: the new one was ignored
  };

  KnowledgeGraph();
  ~KnowledgeGraph();
  KnowledgeGraph(const KnowledgeGraph& other);
  KnowledgeGraph& operator=(const KnowledgeGraph& other);
  KnowledgeGraph(KnowledgeGraph&& other) noexcept;
  KnowledgeGraph& operator=(KnowledgeGraph&& other) noexcept;

  // Adds one document. A record without a doc id is ignored (kKept).
  AddResult AddRecord(const ExtractionRecord& record);
  // Adds a prepared contribution under the same rule (used by readers).
  AddResult AddContribution(DocContribution contribution);
  // Adds every document of `other` under the same rule.
  void Merge(const KnowledgeGraph& other);

  size_t node_count() const;
  size_t edge_count() const;
  size_t document_count() const { return docs_.size(); }
  bool empty() const { return docs_.empty(); }

  // nullptr when absent. Ids are node ids (ActorNode::id).
  const ActorNode* FindNode(std::string_view id) const;
  const RelationEdge* FindEdge(const EdgeKey& key) const;
  const DocumentEntry* FindDocument(std::string_view id) const;
  // The node id that the raw actor id `raw_id` resolved to; `raw_id` itself
  // when it was not joined with another id or is not in the graph.
  std::string NodeIdOf(std::string_view raw_id) const;

  // In sorted order: nodes by id, edges by (source, target, type), documents
  // by id. `fn` must not modify the graph.
  void ForEachNode(const std::function<void(const ActorNode&)>& fn) const;
  void ForEachEdge(const std::function<void(const RelationEdge&)>& fn) const;
  void ForEachDocument(const std::function<void(const DocumentEntry&)>& fn) const;
  // Edges with `id` as source or target (a self-loop once), sorted by key.
  void ForEachIncidentEdge(std::string_view id,
                           const std::function<void(const RelationEdge&)>& fn) const;

  // What each document contributed to `node` (a node of this graph), in
  // document id order, with the raw actor id that document used. A
  // document contributes at most once to a node.
  void ForEachContribution(
      const ActorNode& node,
      const std::function<void(const std::string& doc, const std::string& raw_id,
                               const NodeContribution&)>& fn) const;
  // Likewise for an edge; `raw_key` is the key under that document's ids.
  void ForEachContribution(const RelationEdge& edge,
                           const std::function<void(const std::string& doc, const EdgeKey& raw_key,
                                                    const EdgeContribution&)>& fn) const;

  // Everything document `doc_id` contributes, under its raw ids (empty when
  // absent).
  DocContribution ContributionOf(std::string_view doc_id) const;

  // A copy holding only the nodes in `node_ids` and the edges in
  // `edge_keys` (plus the endpoints of those edges), each with all its
  // contributions, and the documents that support any of them. It keeps
  // this graph's resolution. Meant as a view for export: a subgraph holds
  // partial documents, so do not merge it back into a full graph.
  KnowledgeGraph Subgraph(const std::set<std::string>& node_ids,
                          const std::set<EdgeKey>& edge_keys) const;

  // The underlying Boost graph, for BGL algorithms (read-only).
  const BoostGraph& boost_graph() const;

  class Loader;

 private:
  friend class Loader;

  // One raw actor id and what each document said about it. `home` is the
  // key of the node it is placed in (nullptr when not yet placed); derived.
  struct RawNode {
    graph_internal::ContribMap<NodeContribution> contrib;  // by doc id
    mutable const std::string* home = nullptr;
    mutable Vertex vertex{};                // the vertex of `home`, once placed
    const std::string* last_doc = nullptr;  // while a Loader fills it: the greatest doc id
  };
  struct RawEdge {  // likewise, placed in an edge of edges_
    graph_internal::ContribMap<EdgeContribution> contrib;  // by doc id
    mutable const EdgeKey* home = nullptr;
  };
  struct EdgeKeyHash {
    size_t operator()(const EdgeKey& k) const;
  };
  struct RawIdHash {
    size_t operator()(const std::string& id) const;
  };
  // Entries stay in place while the tables grow (stable_hash_map.h).
  using RawNodes = graph_internal::StableHashMap<std::string, RawNode, RawIdHash>;
  using RawEdges = graph_internal::StableHashMap<EdgeKey, RawEdge, EdgeKeyHash>;
  using RawEdgeEntry = std::pair<const EdgeKey, RawEdge>;
  struct DocSlot {
    DocumentEntry entry;
    std::vector<const std::string*> nodes;  // keys of raw_nodes_, sorted by id
    std::vector<RawEdgeEntry*> edges;       // entries of raw_edges_, sorted by key
    // While a Loader fills them: maybe not sorted (then Loader::unsorted_
    // lists the document).
    bool nodes_unsorted = false;
    bool edges_unsorted = false;
  };
  struct Resolution;  // derived: which raw ids make one node (resolve.h)

  void RemoveDocument(const std::string& doc_id);
  void InsertDocument(DocContribution contribution);
  // What `doc` says about raw key `raw` (a second word replaces the first).
  static void AddEdgeContribution(RawEdgeEntry* raw, DocSlot* doc, EdgeContribution c);
  // Likewise for a raw id; false (nothing changed) if `doc` contributed it.
  using RawNodeEntry = std::pair<const std::string, RawNode>;
  static bool AddNodeContribution(RawNodeEntry* raw, const std::string& doc, NodeContribution c);

  // Derived state (graph.cc keeps the truth, derive.cc the rest).
  void EnsureDerived() const;
  void DeriveAll() const;
  struct PlaceIndex;  // look-ups for placing every edge at once (load_worker.h)
  class LoadWorker;   // a Loader's second thread (load_worker.h)
  // DeriveAll() in steps: resolution and every node, then each edge placed
  // with PlaceEdge(), then every value: of the edges (`placed[i]` is where
  // raw key `entries[i]` went; every raw key of an edge of several is given
  // once, in some call), then of the nodes in `nodes` (all when nullptr).
  void PlaceAllNodes(PlaceIndex* index) const;
  void DeriveEdgeValues(std::span<const RawEdgeEntry* const> entries,
                        std::span<const Edge> placed) const;
  void DeriveNodeValues(const std::vector<Vertex>* nodes) const;
  // Derives the nodes of `nodes` that are not occasions, which read no
  // edge, and adds the others to *occasions: safe while edges are being
  // placed.
  void DeriveNodesButOccasions(std::span<const Vertex> nodes, std::vector<Vertex>* occasions) const;
  void DeriveChanges() const;
  void RefreshEdges(const std::set<EdgeKey>& keys) const;
  void RefreshNodes(const std::set<std::string>& ids) const;
  std::vector<std::string> Resolve(bool all) const;
  bool UpdateProfiles(bool all) const;
  void PlaceNode(const std::string& raw_id, const RawNode& raw, std::set<std::string>* moved,
                 std::set<std::string>* touched) const;
  // `target`, when not null, is the vertex of raw_key.target (looked up
  // ahead by the caller).
  Edge PlaceEdge(const EdgeKey& raw_key, const RawEdge& raw, std::set<EdgeKey>* touched,
                 const PlaceIndex* index = nullptr, Vertex target = nullptr) const;
  void RederiveEdge(Edge e) const;
  void DeriveEdgeFrom(Edge e, const RawEdgeEntry& raw) const;
  // Without `dates`, an occasion's dates (read from its documents' raw
  // keys) are left as they were; false for such a node.
  bool RederiveNode(Vertex v, bool dates = true) const;
  std::string HomeOf(const std::string& raw_id) const;
  EdgeKey HomeOf(const EdgeKey& raw_key) const;
  std::map<std::string, Vertex, std::less<>>::iterator VertexFor(const std::string& id) const;
  Vertex VertexOf(const std::string& node_id) const;
  void EventDates(const std::string& raw_id, const std::string& doc,
                  std::vector<std::string>* dates) const;

  // The truth.
  std::unique_ptr<RawNodes> raw_nodes_;
  std::unique_ptr<RawEdges> raw_edges_;
  std::map<std::string, DocSlot, std::less<>> docs_;

  // Derived, guarded by derive_mu_ in const methods; `stale_` says whether
  // anything changed since the last EnsureDerived(). While nothing is placed
  // (a new graph) changes are not tracked one by one: all is placed at once.
  mutable std::unique_ptr<BoostGraph> graph_;
  mutable std::map<std::string, Vertex, std::less<>> vertices_;
  // Keyed by the RelationEdge::key of the edge itself (Boost keeps edge
  // properties in place), so the key is not stored twice.
  mutable std::map<std::reference_wrapper<const EdgeKey>, Edge, std::less<EdgeKey>,
                   PoolAllocator<std::pair<const std::reference_wrapper<const EdgeKey>, Edge>>>
      edges_;
  mutable std::unique_ptr<Resolution> resolution_;
  mutable std::set<std::string> dirty_nodes_;                         // raw ids changed
  mutable std::set<EdgeKey> dirty_edges_;                             // raw keys changed
  mutable std::set<std::pair<std::string, std::string>> gone_nodes_;  // (home, raw id)
  mutable std::set<EdgeKey> gone_edges_;                              // edges that lost a raw key
  // Raw edges in key order, as a Loader placed them, so that DeriveAll()
  // need not sort them; empty once anything changes.
  mutable std::vector<const RawEdgeEntry*> load_order_;
  mutable std::atomic<bool> stale_{false};
  mutable std::mutex derive_mu_;
};

// Fills a new graph the way a saved graph lists it: first the document
// table, then, node by node and edge by edge, what each document
// contributed under the raw ids it used. The result is the graph that
// AddContribution() of every document's contribution gives, built without
// gathering the contributions document by document (several times cheaper
// for a whole saved graph). Contributions of one raw id or raw key are
// cheapest given together, in document id order, and raw ids and keys in
// increasing order. Where two cores are, a second thread stores the
// contributions while the caller reads on (the loader is still used from
// one thread only).
//
//   KnowledgeGraph::Loader loader;
//   loader.AddDocument(entry);
//   KnowledgeGraph::Loader::Doc doc = loader.FindDocument("doc-1");
//   loader.AddNode(doc, "guo-shengkun", contribution);
//   loader.EndNodes(/*place=*/true);
//   loader.AddEdge(doc, key, edge_contribution);
//   KnowledgeGraph g = std::move(loader).Finish();
class KnowledgeGraph::Loader {
 public:
  using Doc = DocSlot*;  // a document of the table; nullptr: none

  Loader();
  ~Loader();
  Loader(const Loader&) = delete;
  Loader& operator=(const Loader&) = delete;

  // False (and nothing added) when a document with this id came before or
  // the id is empty.
  bool AddDocument(DocumentEntry entry);
  // The document `id` of the table, or nullptr.
  Doc FindDocument(std::string_view id) const;
  // Hints that FindDocument(id) / FindNode(raw_id), and a HasNode() or an
  // AddEdge() for that document, will follow: what they read starts coming
  // into cache. For a reader that looks a few elements ahead and calls
  // these in steps, 0 for the farthest element, 1 and 2 for the next ones
  // (each step fetches what the one before brought in points to).
  void PrefetchDocument(std::string_view id, int step) const;
  void PrefetchNode(std::string_view raw_id, int step) const;

  // What `doc` says about raw actor id `raw_id`. False (nothing added) if
  // `doc` already contributed `raw_id`.
  bool AddNode(Doc doc, std::string_view raw_id, NodeContribution c);
  // A raw actor id some document contributed (nullptr: none did yet).
  using Node = const RawNodeEntry*;
  Node FindNode(std::string_view raw_id);
  // True if `doc` contributed `node`.
  bool HasNode(Doc doc, Node node) const;
  // What `doc` says about the relation `raw_key` (canonical: see
  // ContributionFromRecord()); a second contribution of the same document
  // replaces the first. Both ends must be nodes of `doc` (HasNode()).
  // `target`, when the caller has it: FindNode(raw_key.target), which
  // saves a look-up when the edge is placed.
  void AddEdge(Doc doc, const EdgeKey& raw_key, EdgeContribution c, Node target = nullptr);
  // Room for `n` raw keys (a hint).
  void ReserveEdges(size_t n);
  // Says that every node is in. Where two cores are, contributions are
  // stored on a second thread while the caller reads on; with `place`,
  // from here on each new raw key is placed in the graph there too, and
  // Finish() returns the graph derived (for a graph read, not changed). A
  // later AddNode() is allowed: it drops what was placed, and the graph
  // comes out the same.
  void EndNodes(bool place);

  // The graph; the loader is empty afterwards.
  KnowledgeGraph Finish() &&;

 private:
  RawNodeEntry* RawNodeFor(std::string_view raw_id, bool add);

  KnowledgeGraph graph_;
  std::unique_ptr<graph_internal::FlatIndex<DocSlot*>> docs_;  // keys in graph_.docs_
  // The entries of graph_.raw_nodes_, by raw id.
  std::unique_ptr<graph_internal::FlatIndex<RawNodeEntry*>> raw_ids_;
  RawNodeEntry* last_node_ = nullptr;  // the last raw id looked up
  RawEdgeEntry* last_edge_ = nullptr;  // the last raw key added
  // The greatest raw id and raw key given so far: a document given one
  // that is not may have its lists out of order (DocSlot::*_unsorted). New
  // raw keys that were the greatest go to graph_.load_order_ (in order),
  // the others to late_, for Finish().
  const RawNodeEntry* max_node_ = nullptr;
  const RawEdgeEntry* max_edge_ = nullptr;
  std::vector<const RawEdgeEntry*> late_;
  std::vector<DocSlot*> unsorted_;  // documents with a list maybe out of order (some twice)
  bool keys_in_order_ = true;       // no contribution came after a greater raw key
  // Where two cores are, a second thread stores contributions and, after
  // EndNodes(true), places the raw keys of load_order_ as they come.
  std::unique_ptr<LoadWorker> worker_;
  bool no_worker_ = false;  // one core, or placing was dropped: no worker
  void DropPlacement();
};

}  // namespace diplograph

#endif  // DIPLOGRAPH_GRAPH_GRAPH_H_
