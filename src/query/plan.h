// query/plan.h: a checked query (Prepared) and how its patterns are
// matched (MatchPlan). Internal to the query stage.
#ifndef DIPLOGRAPH_QUERY_PLAN_H_
#define DIPLOGRAPH_QUERY_PLAN_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diplograph/core/diagnostics.h"
#include "diplograph/query/ast.h"
#include "diplograph/query/engine.h"
#include "diplograph/query/index.h"

namespace diplograph::query::internal {

enum class VarKind { kNode, kEdge, kEdgeList, kValue };

struct Variable {
  std::string name;  // "" for an anonymous node or relationship
  VarKind kind = VarKind::kValue;
};

using Row = std::vector<Value>;

// A query whose names are resolved (the "resolved" fields of the AST).
struct Prepared {
  Query query;
  std::vector<Variable> vars;           // by slot
  std::vector<const Expr*> aggregates;  // by Expr::aggregate
  std::vector<const Expr*> where;       // the AND-ed conditions of every WHERE
  bool aggregating = false;             // RETURN has an aggregate
  int64_t skip = 0;
  int64_t limit = -1;  // -1 = none
};

// Checks `query` against the names `index` knows. Returns nullopt iff it
// appended errors to `diags` (every error found, not just the first).
std::optional<Prepared> Prepare(Query query, const GraphIndex& index, std::string_view path,
                                Diagnostics* diags);

// A node pattern, ready to test candidates.
struct NodeTest {
  const NodePattern* pattern = nullptr;
  std::vector<std::string> labels;                 // any of; empty = all
  std::optional<std::vector<uint32_t>> allowed;    // sorted; from a name or id
  std::vector<std::pair<int, const Expr*>> props;  // other properties
};

// A relationship pattern, ready to test edges.
struct RelTest {
  const RelPattern* pattern = nullptr;
  bool any_type = true;
  std::vector<char> type_ok;  // by type id
  std::vector<int> type_ids;  // sorted
  std::vector<std::pair<int, const Expr*>> props;
};

enum class Need { kOut, kIn, kAny };  // which edges of the known node to follow

enum class StepKind { kScanNodes, kExpand, kScanEdges };

struct Step {
  StepKind kind = StepKind::kScanNodes;
  int node = -1;  // NodeTest: the node bound (kScanNodes) or reached (kExpand)
  int from = -1;  // kExpand: the NodeTest of the node already bound
  int rel = -1;   // kExpand, kScanEdges: the RelTest
  int left = -1;  // kScanEdges: the NodeTests at the edge's two pattern ends
  int right = -1;
  Need need = Need::kAny;  // kExpand
  // kScanNodes: the candidates; nullopt = every node.
  std::optional<std::vector<uint32_t>> candidates;
  std::vector<const Expr*> filters;  // conditions to test once this step binds
};

struct MatchPlan {
  std::vector<NodeTest> nodes;
  std::vector<RelTest> rels;
  std::vector<Step> steps;
  std::vector<const Expr*> pre_filters;  // conditions on no pattern variable
};

// Plans the MATCH clauses of `prepared`: picks for each pattern the most
// selective start (a bound node, a name or id, a label, a typed edge scan)
// and puts each WHERE condition right after the step that binds its last
// variable. Evaluates constant property values now.
MatchPlan PlanMatch(const Prepared& prepared, const GraphIndex& index);

}  // namespace diplograph::query::internal

#endif  // DIPLOGRAPH_QUERY_PLAN_H_
