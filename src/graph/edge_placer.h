// graph/edge_placer.h (private): placing a whole graph's edges, at once
// (DeriveAll()) or while a Loader reads them (EdgePlacer).
#ifndef DIPLOGRAPH_GRAPH_EDGE_PLACER_H_
#define DIPLOGRAPH_GRAPH_EDGE_PLACER_H_

#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

#include "diplograph/graph/graph.h"
#include "flat_index.h"

namespace diplograph {

// What placing every edge at once looks up: each node id's vertex, which
// raw ids are joined under another id, and the last source placed (edges
// come in key order, so mostly the next one's source too).
struct KnowledgeGraph::PlaceIndex {
  graph_internal::FlatIndex<Vertex> vertex_of;
  graph_internal::FlatIndex<char> joined;
  mutable const std::string* last_source = nullptr;
  mutable Vertex last_source_vertex{};
};

// Stores the edge contributions a Loader reads, and places their raw keys,
// on a thread of its own: first resolution and every node (all nodes are
// in when it starts), then each contribution as it comes. The loader's
// thread finds or adds the raw key and hands over the rest; from then on
// only this thread touches the key's contributions, the documents' lists
// of keys, and the derived graph. Contributions come in batches, to pay for
// the hand-over once per few thousand.
//
//   EdgePlacer placer(graph);              // every node of `graph` is in
//   placer.Add(entry, doc, c, in_order);   // each edge contribution
//   placer.Finish(late);                   // the graph is derived
class KnowledgeGraph::EdgePlacer {
 public:
  explicit EdgePlacer(const KnowledgeGraph& graph);
  // Stops the thread; contributions not yet stored are lost and what was
  // placed stays half done (for a graph that is dropped).
  ~EdgePlacer();
  EdgePlacer(const EdgePlacer&) = delete;
  EdgePlacer& operator=(const EdgePlacer&) = delete;

  // What `doc` says about raw key `entry`. With `place`, the key is new and
  // greater than every key placed before: it is placed too.
  void Add(RawEdgeEntry* entry, DocSlot* doc, EdgeContribution c, bool place);
  // Waits until every contribution is stored; places nothing more.
  void Drain();
  // Drain(), then places `late` (new raw keys that came out of order,
  // sorted) and derives every value: the graph is up to date.
  void Finish(const std::vector<const RawEdgeEntry*>& late);

 private:
  struct Job {
    RawEdgeEntry* entry;
    DocSlot* doc;
    EdgeContribution c;
    bool place;
  };

  void Run();
  void Hand(bool last);

  static constexpr size_t kBatch = 4096;

  const KnowledgeGraph& graph_;
  PlaceIndex index_;
  std::vector<Job> batch_;  // filled on the loader's thread

  std::mutex mu_;
  std::condition_variable ready_;
  std::vector<std::vector<Job>> queue_;  // batches handed over
  std::vector<std::vector<Job>> spare_;  // emptied batches, to fill again
  bool last_ = false;                    // no batch will follow
  bool stop_ = false;                    // give up

  // The placer thread's own.
  std::vector<const RawEdgeEntry*> entries_;  // placed, in order
  std::vector<Edge> placed_;                  // their edges
  std::exception_ptr error_;
  std::thread thread_;
};

}  // namespace diplograph

#endif  // DIPLOGRAPH_GRAPH_EDGE_PLACER_H_
