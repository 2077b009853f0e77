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

// Places the raw keys a Loader adds, in key order, on a thread of its own:
// first resolution and every node (all nodes are in when it starts), then
// each key as it comes. The loader's thread only adds contributions and
// keys, and this one only reads keys and writes the derived graph, so the
// two never write the same memory. Keys come in batches, to pay for the
// hand-over once per few thousand.
//
//   EdgePlacer placer(graph);       // every node of `graph` is in
//   placer.Add(entry);              // each new raw key, in key order
//   placer.Finish(late);            // the graph is derived
class KnowledgeGraph::EdgePlacer {
 public:
  explicit EdgePlacer(const KnowledgeGraph& graph);
  // Stops the thread; what it placed stays half done (the caller drops it).
  ~EdgePlacer();
  EdgePlacer(const EdgePlacer&) = delete;
  EdgePlacer& operator=(const EdgePlacer&) = delete;

  // A new raw key, greater than every key added before.
  void Add(const RawEdgeEntry* entry);
  // Waits for the thread, places `late` (raw keys that came out of order,
  // sorted), then derives every value: the graph is up to date.
  void Finish(const std::vector<const RawEdgeEntry*>& late);

 private:
  void Run();
  void Hand(bool last);

  static constexpr size_t kBatch = 4096;

  const KnowledgeGraph& graph_;
  PlaceIndex index_;
  std::vector<const RawEdgeEntry*> batch_;  // filled on the loader's thread

  std::mutex mu_;
  std::condition_variable ready_;
  std::vector<std::vector<const RawEdgeEntry*>> queue_;  // batches handed over
  bool last_ = false;                                    // no batch will follow
  bool stop_ = false;                                    // give up

  // The placer thread's own.
  std::vector<const RawEdgeEntry*> entries_;  // placed, in order
  std::vector<Edge> placed_;                  // their edges
  std::exception_ptr error_;
  std::thread thread_;
};

}  // namespace diplograph

#endif  // DIPLOGRAPH_GRAPH_EDGE_PLACER_H_
