// query/schema.h: the names a query may use (labels, properties, functions,
// procedures) and "did you mean" suggestions for the ones it gets wrong.
#ifndef DIPLOGRAPH_QUERY_SCHEMA_H_
#define DIPLOGRAPH_QUERY_SCHEMA_H_

#include <string>
#include <string_view>
#include <vector>

#include "diplograph/query/index.h"
#include "diplograph/query/value.h"

namespace diplograph::query::internal {

// " (did you mean 'x'?)" for the candidate closest to `word` (case
// ignored) within a third of its length (at least 2 edits), else "".
std::string DidYouMean(std::string_view word, const std::vector<std::string>& candidates);

// The actor types a node label may name, with any others in the graph.
std::vector<std::string> KnownLabels(const GraphIndex& index);
// The event types of EventTypes(), with any others in the graph.
std::vector<std::string> KnownRelTypes(const GraphIndex& index);

// Node properties: name (also "label"), id, type, country, cameo, aliases,
// roles, documents, mentions, and for named occasions (type "event") the
// dates of their rounds: dates, first_date, last_date. -1 when unknown.
int FindNodeProperty(std::string_view name);
const std::vector<std::string>& NodePropertyNames();
Value NodeProperty(const GraphIndex& index, uint32_t node, int property);
inline constexpr int kNodeName = 0;
inline constexpr int kNodeId = 1;

// Edge properties: weight, mentions, first_date, last_date, dates,
// documents, cameo, goldstein, evidence, evidence_doc, symmetric, type (also
// "label"), source, target (actor ids). -1 when unknown.
int FindEdgeProperty(std::string_view name);
const std::vector<std::string>& EdgePropertyNames();
Value EdgeProperty(const GraphIndex& index, uint32_t edge, int property);

// A node or relationship as a result shows it (a map).
Value NodeAsMap(const GraphIndex& index, uint32_t node);
Value EdgeAsMap(const GraphIndex& index, uint32_t edge);
// `v` with every node and relationship inside replaced by its map.
Value Materialize(const GraphIndex& index, const Value& v);

enum class Fn {
  kCount,
  kCollect,
  kMin,
  kMax,
  kSum,
  kAvg,  // aggregates
  kType,
  kLabels,
  kLabel,
  kId,
  kSize,
  kLength,
  kToLower,
  kToUpper,
  kCoalesce,
  kToString,
  kToInteger,
  kToFloat,
  kAbs,
  kRound,
  kTrim,
  kStartNode,
  kEndNode,
  kHead,
  kLast,
  kSplit,
};

struct FunctionInfo {
  std::string_view name;
  Fn fn;
  int min_args;
  int max_args;  // -1 = any
  bool aggregate;
};

// Case-insensitive; nullptr when unknown.
const FunctionInfo* FindFunction(std::string_view name);
const FunctionInfo& FunctionAt(int id);
int FunctionId(const FunctionInfo& info);
std::vector<std::string> FunctionNames();

enum class Proc { kShortestPath, kPageRank, kBetweenness, kDegree, kComponents, kTimeline };

struct ProcedureInfo {
  std::string_view name;
  Proc proc;
  std::vector<std::string_view> params;  // the names of its arguments
  size_t min_args;
  std::vector<std::string> fields;  // what it yields, in order
};

// Case-insensitive; nullptr when unknown.
const ProcedureInfo* FindProcedure(std::string_view name);
const ProcedureInfo& ProcedureAt(int id);
int ProcedureId(const ProcedureInfo& info);
std::vector<std::string> ProcedureNames();

}  // namespace diplograph::query::internal

#endif  // DIPLOGRAPH_QUERY_SCHEMA_H_
