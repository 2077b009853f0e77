// Prepare(), expressions: variables, properties, functions, aggregates and
// regular expressions.
#include <re2/re2.h>

#include "binder_internal.h"
#include "diplograph/core/strings.h"

namespace diplograph::query::internal {

void Binder::BindExpr(Expr& e, bool allow_aggregates, bool in_aggregate) {
  switch (e.kind) {
    case ExprKind::kLiteral:
      return;
    case ExprKind::kVariable:
      e.slot = Lookup(e.name);
      if (e.slot < 0) {
        Error(e.pos, "unknown variable '" + e.name + "'" + DidYouMean(e.name, VisibleNames()));
      }
      return;
    case ExprKind::kProperty:
      BindExpr(*e.args[0], allow_aggregates, in_aggregate);
      return BindProperty(e);
    case ExprKind::kFunction:
      return BindFunction(e, allow_aggregates, in_aggregate);
    case ExprKind::kCountStar:
      if (AsciiLower(e.name) != "count") {
        const FunctionInfo* f = FindFunction(e.name);
        Error(e.pos, f != nullptr ? "only count() takes *, not " + std::string(f->name) + "()"
                                  : "unknown function '" + e.name + "'" +
                                        DidYouMean(e.name, FunctionNames()));
        return;
      }
      return BindAggregate(e, allow_aggregates, in_aggregate, "count");
    default:
      break;
  }
  for (ExprPtr& arg : e.args) BindExpr(*arg, allow_aggregates, in_aggregate);
  if (e.kind == ExprKind::kBinary && e.op == Op::kRegex) CheckRegex(*e.args[1]);
}

void Binder::BindProperty(Expr& e) {
  const Expr& base = *e.args[0];
  if (base.kind != ExprKind::kVariable || base.slot < 0) return;
  const Variable& var = p_.vars[base.slot];
  size_t pos = e.end - std::min(e.end - e.pos, e.name.size());
  if (var.kind == VarKind::kNode && FindNodeProperty(e.name) < 0) {
    Error(pos, "unknown property '" + e.name + "' of node '" + var.name + "'" +
                   DidYouMean(e.name, NodePropertyNames()));
  } else if (var.kind == VarKind::kEdge && FindEdgeProperty(e.name) < 0) {
    Error(pos, "unknown property '" + e.name + "' of relationship '" + var.name + "'" +
                   DidYouMean(e.name, EdgePropertyNames()));
  } else if (var.kind == VarKind::kEdgeList) {
    Error(pos, "'" + var.name +
                   "' is a list of relationships (a variable-length pattern); "
                   "take one first, as in " +
                   var.name + "[0]." + e.name);
  }
}

void Binder::BindFunction(Expr& e, bool allow_aggregates, bool in_aggregate) {
  const FunctionInfo* info = FindFunction(e.name);
  if (info == nullptr) {
    Error(e.pos, "unknown function '" + e.name + "'" + DidYouMean(e.name, FunctionNames()));
    for (ExprPtr& arg : e.args) BindExpr(*arg, allow_aggregates, in_aggregate);
    return;
  }
  e.function = FunctionId(*info);
  int n = static_cast<int>(e.args.size());
  if (n < info->min_args || (info->max_args >= 0 && n > info->max_args)) {
    std::string want = info->max_args < 0 ? "at least " + std::to_string(info->min_args)
                                          : std::to_string(info->min_args);
    Error(e.pos, std::string(info->name) + "() takes " + want + " argument" +
                     (want == "1" ? "" : "s") + ", got " + std::to_string(n));
  }
  if (info->aggregate) {
    BindAggregate(e, allow_aggregates, in_aggregate, info->name);
    for (ExprPtr& arg : e.args) BindExpr(*arg, false, true);
    return;
  }
  if (e.distinct) Error(e.pos, "DISTINCT works only inside an aggregate, as in count(DISTINCT x)");
  for (ExprPtr& arg : e.args) BindExpr(*arg, allow_aggregates, in_aggregate);
}

void Binder::BindAggregate(Expr& e, bool allow_aggregates, bool in_aggregate,
                           std::string_view name) {
  if (in_aggregate) {
    Error(e.pos, std::string(name) + "() cannot be inside another aggregate");
  } else if (!allow_aggregates) {
    Error(e.pos, std::string(name) +
                     "() is an aggregate; use it in RETURN, not in WHERE, "
                     "pattern properties or ORDER BY");
  } else {
    e.aggregate = static_cast<int>(p_.aggregates.size());
    p_.aggregates.push_back(&e);
  }
}

void Binder::CheckRegex(const Expr& pattern) {
  if (pattern.kind != ExprKind::kLiteral || pattern.literal.kind != ValueKind::kString) return;
  RE2::Options options;
  options.set_log_errors(false);
  RE2 re(pattern.literal.s, options);
  if (!re.ok()) Error(pattern.pos, "bad regular expression: " + re.error());
}

}  // namespace diplograph::query::internal
