// query/eval.h: evaluating expressions against a row of bound variables.
// Internal to the query stage. One EvalContext per running query.
#ifndef DIPLOGRAPH_QUERY_EVAL_H_
#define DIPLOGRAPH_QUERY_EVAL_H_

#include <re2/re2.h>

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "diplograph/core/diagnostics.h"
#include "diplograph/query/ast.h"
#include "diplograph/query/index.h"
#include "plan.h"

namespace diplograph::query::internal {

struct EvalContext {
  const GraphIndex* index = nullptr;
  std::string_view source;  // the query text
  std::string_view path;
  Diagnostics* diags = nullptr;
  // Set by the first runtime error (a type mismatch, division by zero, a bad
  // regular expression); the query then stops.
  bool failed = false;
  // While projecting a group: the values of its aggregates, by Expr::aggregate.
  const std::vector<Value>* aggregates = nullptr;

  // Reports an error at byte `pos` of the query (the first one only).
  void Error(size_t pos, const std::string& message);
  // A compiled, cached regular expression; nullptr (and an error) if bad.
  const RE2* Regex(const std::string& pattern, size_t pos);

 private:
  std::unordered_map<std::string, std::unique_ptr<RE2>> regexes_;
};

Value Eval(const Expr& e, const Row& row, EvalContext* ctx);

// True iff `v` is the boolean true: null and false both reject a row.
inline bool IsTrue(const Value& v) { return v.kind == ValueKind::kBool && v.b; }

// A property of a node, relationship or map (null for null); an error for
// anything else.
Value PropertyOf(const Value& base, const std::string& name, size_t pos, EvalContext* ctx);

// A non-aggregate function applied to evaluated arguments (functions.cc).
Value CallFunction(const Expr& e, const std::vector<Value>& args, EvalContext* ctx);

// True if node `n`'s label or an alias matches `name` as NodesNamed() does.
bool NodeHasName(const GraphIndex& index, uint32_t n, std::string_view name);

}  // namespace diplograph::query::internal

#endif  // DIPLOGRAPH_QUERY_EVAL_H_
