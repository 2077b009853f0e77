// query/exec.h: running a prepared query: matching patterns, calling
// procedures, projecting RETURN. Internal to the query stage.
#ifndef DIPLOGRAPH_QUERY_EXEC_H_
#define DIPLOGRAPH_QUERY_EXEC_H_

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <vector>

#include "diplograph/query/engine.h"
#include "diplograph/query/result.h"
#include "eval.h"
#include "plan.h"

namespace diplograph::query::internal {

// Receives each matched row; returns false when it wants no more.
using RowSink = std::function<bool(const Row&)>;

// Matches `plan` against the graph, passing every complete row to `emit`
// (relationships are never bound twice in one row). Stops early when `emit`
// returns false or on a runtime error (ctx->failed).
void RunMatch(const Prepared& prepared, const MatchPlan& plan, const GraphIndex& index,
              const EngineOptions& options, EvalContext* ctx, const RowSink& emit);

// The rows of the CALLed procedure, one value a field of its ProcedureInfo.
// nullopt after reporting a bad argument (an actor that matches nothing).
std::optional<std::vector<Row>> RunProcedure(const CallClause& call, const GraphIndex& index,
                                             EvalContext* ctx);

// RETURN: projection, aggregation, DISTINCT, ORDER BY, SKIP and LIMIT.
class Projector {
 public:
  Projector(const Prepared& prepared, EvalContext* ctx);

  // Takes one row; returns false once it needs no more (LIMIT reached with
  // no ORDER BY, DISTINCT or aggregate).
  bool Add(const Row& row);
  // The result, with nodes and relationships as maps.
  ResultTable Finish(const GraphIndex& index);

 private:
  struct OutRow {
    std::vector<Value> values;
    std::vector<Value> keys;  // ORDER BY keys
  };
  struct Accumulator {
    int64_t count = 0;
    int64_t int_sum = 0;
    double sum = 0.0;
    bool any_float = false;
    Value best;
    std::vector<Value> items;
    std::set<Value, bool (*)(const Value&, const Value&)> seen{
        [](const Value& a, const Value& b) { return OrderValues(a, b) < 0; }};
  };
  struct Group {
    Row first;
    std::vector<Accumulator> acc;
  };

  void AddToGroup(const Row& row);
  void FinishGroups();
  void SortRows();
  void Accumulate(const Expr& agg, const Row& row, Accumulator* acc);
  Value Final(const Expr& agg, const Accumulator& acc);
  void Keep(OutRow out);
  std::vector<Value> SortKeys(const std::vector<Value>& values, const Row* row);

  const Prepared& p_;
  const ReturnClause& ret_;
  EvalContext* ctx_;
  std::vector<char> item_has_aggregate_;
  std::vector<OutRow> rows_;
  std::set<std::vector<Value>, RowLess> distinct_;
  std::map<std::vector<Value>, size_t, RowLess> group_of_;
  std::vector<Group> groups_;
  std::vector<std::vector<Value>> group_keys_;
};

}  // namespace diplograph::query::internal

#endif  // DIPLOGRAPH_QUERY_EXEC_H_
