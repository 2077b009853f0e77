// graph/load_worker.h (private): placing a whole graph's edges, at once
// (DeriveAll()) or while a Loader reads them (LoadWorker).
#ifndef DIPLOGRAPH_GRAPH_LOAD_WORKER_H_
#define DIPLOGRAPH_GRAPH_LOAD_WORKER_H_

#include <atomic>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>
#include <variant>
#include <vector>

#include "diplograph/graph/graph.h"
#include "flat_index.h"

namespace diplograph {

namespace graph_internal {
// For tests: the LoadWorker thread waits `us` microseconds before each
// batch, so that what its Finish() does while the thread is busy runs
// whatever the machine's speed (0, the default: no wait).
void SetLoadWorkerDelayForTesting(int us);
// For tests: how many edges LoadWorker threads have derived ahead
// (LoadWorker::DeriveAhead()) since the process started.
size_t EdgesDerivedAheadForTesting();
}  // namespace graph_internal

// What placing every edge at once looks up: each node id's vertex, which
// raw ids are joined under another id, and the last source placed (edges
// come in key order, so mostly the next one's source too).
struct KnowledgeGraph::PlaceIndex {
  graph_internal::FlatIndex<Vertex> vertex_of;
  graph_internal::FlatIndex<char> joined;
  mutable const std::string* last_source = nullptr;
  mutable Vertex last_source_vertex{};
};

// The second thread of a Loader: it stores the contributions the loader's
// thread reads and hands over, and may place the graph as it goes. First
// the nodes' contributions; once every node is in (EndNodes()), edge
// contributions; when placing, resolution and every node are placed at
// EndNodes(), and each new raw key as it comes. The loader's thread finds or adds raw ids and
// keys and keeps the documents' node lists; from a hand-over on, only this
// thread touches the contributions it was given, the documents' lists of
// keys, and the derived graph. Work comes in batches, to pay for the
// hand-over once per few thousand items.
//
//   LoadWorker worker(graph);
//   worker.AddNode(raw, doc, c);            // each new node contribution
//   worker.EndNodes(true);                  // every node is in; place
//   worker.AddEdge(entry, doc, c, place);   // each edge contribution
//   worker.Finish(late);                    // the graph is derived
class KnowledgeGraph::LoadWorker {
 public:
  explicit LoadWorker(const KnowledgeGraph& graph);
  // Stops the thread; what was not yet stored is lost and what was placed
  // stays half done (for a graph that is dropped).
  ~LoadWorker();
  LoadWorker(const LoadWorker&) = delete;
  LoadWorker& operator=(const LoadWorker&) = delete;

  // What `doc` says about raw id `raw`, which `doc` did not contribute yet.
  void AddNode(RawNodeEntry* raw, DocSlot* doc, NodeContribution c);
  // Every node is in: edge contributions come next. With `place`,
  // resolution and every node are placed first.
  void EndNodes(bool place);
  bool edges() const { return edges_; }      // EndNodes() was called
  bool placing() const { return placing_; }  // ... to place
  // What `doc` says about raw key `entry` (after EndNodes() only). With
  // `place` (when placing), the key is new and greater than every key
  // placed before: it is placed too.
  // `target`: the raw node of the key's target, or null (looked up then).
  void AddEdge(RawEdgeEntry* entry, DocSlot* doc, EdgeContribution c, bool place,
               const RawNodeEntry* target = nullptr);
  // Hands over what was given so far, to be done while the caller goes on.
  void Flush() { Hand(false); }
  // Waits until everything handed over is done; the thread goes on.
  void Sync();
  // Waits until everything handed over is done, and stops the thread.
  void Drain();
  // Drain(), then places `late` (new raw keys that came out of order,
  // sorted) and derives every value: the graph is up to date. After
  // EndNodes() only. While the thread places the last edges, the calling
  // one derives the nodes that read no edge and, with `in_order` (every
  // contribution of a raw key came with it, none later), the edges placed
  // so far; if any raw key then joins an edge placed before, or (without
  // `in_order`) the thread derived edges ahead, every edge is derived
  // again at the end.
  void Finish(const std::vector<const RawEdgeEntry*>& late, bool in_order);

 private:
  struct NodeJob {
    RawNodeEntry* raw;
    DocSlot* doc;
    NodeContribution c;
  };
  struct EdgeJob {
    RawEdgeEntry* entry;
    DocSlot* doc;
    EdgeContribution c;
    bool place;
    const RawNodeEntry* target_node;  // when placing: the key's target, if known
    Vertex target = nullptr;          // its vertex, once Prefetch() found it
  };
  struct EndNodesJob {
    bool place;
  };
  using Job = std::variant<NodeJob, EdgeJob, EndNodesJob>;
  // Raw keys placed one after another, and their edges; `from` on are not
  // derived yet.
  struct Placed {
    std::vector<const RawEdgeEntry*> entries;
    std::vector<Edge> edges;
    size_t from = 0;
  };

  void Run();
  void Do(Job& job);
  // Places raw key `entry` (`target`: its target's vertex, or null) and
  // adds it to placed_.
  void Place(const RawEdgeEntry* entry, Vertex target);
  // Hands the edges placed since the last call, but the last one (which
  // may have contributions yet), to Finish() to derive; those derived
  // ahead stay derived (Placed::from).
  void Publish();
  // While no work waits: whether placed edges can be derived here, and
  // deriving a few of them. Finish() derives them again if that turns out
  // to be early (a raw key came out of order or joined an earlier edge).
  bool CanDeriveAhead() const;
  void DeriveAhead();
  // Derives the edges of `p` from p->from to `end` (each of one raw key),
  // and moves p->from on.
  void DeriveUpTo(Placed* p, size_t end) const;
  // While the thread works, derives on the calling thread the nodes but
  // the occasions, then the edges Publish() hands over, leaving the rest
  // to DeriveNodeValues() / DeriveEdgeValues() on every core. The nodes
  // left are put in *nodes; the edges derived go to *derived, the others
  // to *rest.
  void DeriveWhileBusy(std::vector<Vertex>* nodes, bool edges, std::vector<Placed>* derived,
                       std::vector<Placed>* rest);
  bool Busy();  // the thread has work handed over yet
  // Starts fetching what Do(job) will read, a few jobs ahead: `early`,
  // the raw key, the document, and the target's raw node (or else its
  // vertex index slot); later, what those point to.
  void Prefetch(Job& job, bool early) const;
  void Hand(bool last);

  static constexpr size_t kBatch = 4096;

  const KnowledgeGraph& graph_;
  std::vector<Job> batch_;  // filled on the loader's thread
  bool edges_ = false;
  bool placing_ = false;

  std::mutex mu_;
  std::condition_variable ready_;        // work for the thread
  std::condition_variable idle_;         // the thread caught up
  std::vector<std::vector<Job>> queue_;  // batches handed over
  std::vector<std::vector<Job>> spare_;  // emptied batches, to fill again
  size_t handed_ = 0, done_ = 0;         // batches
  bool last_ = false;                    // no batch will follow
  bool nodes_placed_ = false;            // EndNodes(true) was done
  // Placed edges handed to Finish() to derive (Publish()), once it asks.
  std::atomic<bool> publish_{false};
  std::vector<Placed> derivable_;
  bool stop_ = false;  // give up

  // The thread's own.
  PlaceIndex index_;
  Placed placed_;                 // since the last Publish()
  bool joined_existing_ = false;  // a raw key joined an edge placed before
  std::exception_ptr error_;
  std::thread thread_;
};

}  // namespace diplograph

#endif  // DIPLOGRAPH_GRAPH_LOAD_WORKER_H_
