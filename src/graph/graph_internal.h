// graph/graph_internal.h: helpers shared by the graph stage's .cc files.
#ifndef DIPLOGRAPH_GRAPH_GRAPH_INTERNAL_H_
#define DIPLOGRAPH_GRAPH_GRAPH_INTERNAL_H_

#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "diplograph/graph/graph.h"

namespace diplograph::graph_internal {

// One document's contribution to a node or edge, pointing into the graph.
struct NodeRef {
  const std::string* doc;
  const std::string* raw_id;
  const NodeContribution* c;
};
struct EdgeRef {
  const std::string* doc;
  const EdgeKey* raw_key;
  const EdgeContribution* c;
};

// Recompute the derived fields of a node / edge (all but its id, key and
// raw ids) from its contributions, given in document id order.
void DeriveNode(ActorNode* node, const std::vector<NodeRef>& contrib);
void DeriveEdge(RelationEdge* edge, std::span<const EdgeRef> contrib);

// `s` as valid UTF-8 (bad sequences become U+FFFD).
std::string ValidUtf8(std::string_view s);

// "YYYY", "YYYY-MM" or "YYYY-MM-DD" for a parseable ISO date, else "".
std::string NormalizeDate(std::string_view s);

// The most common non-empty key, ties by the smallest; "" when none.
std::string MostCommon(const std::map<std::string, int>& counts);

// Sorts and removes duplicates and empty strings.
void SortUnique(std::vector<std::string>* v);

// For symmetric event types, puts the smaller id first.
EdgeKey CanonicalEdgeKey(EdgeKey key);

}  // namespace diplograph::graph_internal

#endif  // DIPLOGRAPH_GRAPH_GRAPH_INTERNAL_H_
