// graph/saved_graph_write.h (private): the saved-graph writer (format in
// saved_graph.h) one element at a time, shared by WriteSavedGraph() and the
// external builder (external_build.h), so both write the same bytes for the
// same documents.
#ifndef DIPLOGRAPH_GRAPH_SAVED_GRAPH_WRITE_H_
#define DIPLOGRAPH_GRAPH_SAVED_GRAPH_WRITE_H_

#include <functional>
#include <ostream>
#include <string>

#include "diplograph/graph/graph.h"

namespace diplograph::graph_internal {

// Calls its argument once per contribution, in document id order.
using NodeContribFn =
    std::function<void(const std::string& doc, const std::string& raw_id, const NodeContribution&)>;
using EdgeContribFn = std::function<void(const std::string& doc, const EdgeContribution&)>;
using EachNodeContrib = std::function<void(const NodeContribFn&)>;
using EachEdgeContrib = std::function<void(const EdgeContribFn&)>;

// Usage: the constructor writes the head; then Document() for every
// document, StartNodes(), Node() for every node, StartLinks(), Link() for
// every edge, each in sorted order; then Finish().
class SavedGraphWriter {
 public:
  explicit SavedGraphWriter(std::ostream& out);

  void Document(const DocumentEntry& d);
  void StartNodes();
  void Node(const ActorNode& n, const EachNodeContrib& contributions);
  void StartLinks();
  void Link(const RelationEdge& e, const EachEdgeContrib& contributions);
  // Writes the tail; false if the stream failed at any point.
  bool Finish();

 private:
  // Writes one element on its own line; `write` gets a JsonOut (saved_graph.cc).
  template <typename Fn>
  void Line(const Fn& write);

  std::ostream& out_;
  std::string line_;  // reused for each element
  bool first_ = true;
};

}  // namespace diplograph::graph_internal

#endif  // DIPLOGRAPH_GRAPH_SAVED_GRAPH_WRITE_H_
