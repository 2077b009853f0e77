// query/binder_internal.h: the Binder behind Prepare() (plan.h), shared by
// binder.cc (clauses and patterns) and binder_expr.cc (expressions).
#ifndef DIPLOGRAPH_QUERY_BINDER_INTERNAL_H_
#define DIPLOGRAPH_QUERY_BINDER_INTERNAL_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "plan.h"
#include "schema.h"

namespace diplograph::query::internal {

// Resolves names in place and collects every error (not just the first).
class Binder {
 public:
  Binder(Query query, const GraphIndex& index, std::string_view path, Diagnostics* diags)
      : index_(index), path_(path), diags_(diags) {
    p_.query = std::move(query);
  }

  std::optional<Prepared> Run();

 private:
  void Error(size_t pos, const std::string& message);
  int Declare(const std::string& name, VarKind kind);
  int Lookup(std::string_view name) const;
  std::vector<std::string> VisibleNames() const;

  void BindMatch(MatchClause& m);
  void BindNode(NodePattern& n);
  void BindRel(RelPattern& r);
  void BindProps(std::vector<PropertyMatch>& props, bool node);
  std::string Canonical(const std::string& name, const std::vector<std::string>& known, size_t pos,
                        const char* what);
  void BindCall(CallClause& c);
  void BindYields(CallClause& c, const ProcedureInfo& info);
  void DefaultReturn(const CallClause& c);
  void BindReturn(ReturnClause& r);
  void ExpandStar(ReturnClause& r);
  void BindOrder(ReturnClause& r);
  int64_t ConstantCount(const ExprPtr& e, const char* clause);

  void BindExpr(Expr& e, bool allow_aggregates, bool in_aggregate = false);
  void BindProperty(Expr& e);
  void BindFunction(Expr& e, bool allow_aggregates, bool in_aggregate);
  void BindAggregate(Expr& e, bool allow_aggregates, bool in_aggregate, std::string_view name);
  void CheckRegex(const Expr& pattern);
  void SplitAnd(const Expr* e);

  Prepared p_;
  const GraphIndex& index_;
  std::string_view path_;
  Diagnostics* diags_;
  bool ok_ = true;
  std::map<std::string, int, std::less<>> scope_;
};

}  // namespace diplograph::query::internal

#endif  // DIPLOGRAPH_QUERY_BINDER_INTERNAL_H_
