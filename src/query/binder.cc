// Prepare(): resolves the names of a parsed query and reports what a person
// can fix: unknown labels, relationship types, properties, variables,
// functions, procedures and fields, each with a suggestion where one is close.
#include <algorithm>
#include <map>

#include "binder_internal.h"
#include "diplograph/core/strings.h"
#include "schema.h"

namespace diplograph::query::internal {

void Binder::Error(size_t pos, const std::string& message) {
  int line = 0;
  int col = 0;
  LineColAt(p_.query.source, pos, &line, &col);
  diags_->Error(path_, line, col, message);
  ok_ = false;
}

int Binder::Declare(const std::string& name, VarKind kind) {
  int slot = static_cast<int>(p_.vars.size());
  p_.vars.push_back({name, kind});
  if (!name.empty()) scope_[name] = slot;
  return slot;
}

int Binder::Lookup(std::string_view name) const {
  auto it = scope_.find(name);
  return it == scope_.end() ? -1 : it->second;
}

std::vector<std::string> Binder::VisibleNames() const {
  std::vector<std::string> out;
  for (const auto& [name, slot] : scope_) out.push_back(name);
  return out;
}

std::optional<Prepared> Binder::Run() {
  Query& q = p_.query;
  for (MatchClause& m : q.matches) BindMatch(m);
  if (q.call) BindCall(*q.call);
  if (q.call && !q.ret && ok_) DefaultReturn(*q.call);
  if (q.ret) BindReturn(*q.ret);
  if (!ok_) return std::nullopt;
  return std::move(p_);
}

void Binder::BindMatch(MatchClause& m) {
  for (PathPattern& p : m.patterns) {
    for (size_t k = 0; k < p.nodes.size(); ++k) {
      BindNode(p.nodes[k]);
      if (k < p.rels.size()) BindRel(p.rels[k]);
    }
  }
  if (m.where) {
    BindExpr(*m.where, false);
    SplitAnd(m.where.get());
  }
}

std::string Binder::Canonical(const std::string& name, const std::vector<std::string>& known,
                              size_t pos, const char* what) {
  std::string lower = AsciiLower(name);
  for (const std::string& k : known) {
    if (AsciiLower(k) == lower) return k;
  }
  Error(pos, std::string("unknown ") + what + " '" + name + "'" + DidYouMean(name, known));
  return name;
}

void Binder::BindNode(NodePattern& n) {
  std::vector<std::string> known = KnownLabels(index_);
  for (size_t k = 0; k < n.labels.size(); ++k) {
    n.labels[k] = Canonical(n.labels[k], known, n.label_pos[k], "label");
  }
  BindProps(n.props, true);
  if (n.var.empty()) {
    n.slot = Declare("", VarKind::kNode);
    return;
  }
  int slot = Lookup(n.var);
  if (slot < 0) {
    n.slot = Declare(n.var, VarKind::kNode);
  } else if (p_.vars[slot].kind != VarKind::kNode) {
    Error(n.pos + 1, "'" + n.var + "' is already a relationship or a value, not a node");
  } else {
    n.slot = slot;
  }
}

void Binder::BindRel(RelPattern& r) {
  std::vector<std::string> known = KnownRelTypes(index_);
  for (size_t k = 0; k < r.types.size(); ++k) {
    r.types[k] = Canonical(r.types[k], known, r.type_pos[k], "relationship type");
  }
  BindProps(r.props, false);
  VarKind kind = r.var_length ? VarKind::kEdgeList : VarKind::kEdge;
  if (!r.var.empty() && Lookup(r.var) >= 0) {
    Error(r.pos, "'" + r.var + "' is already bound; each relationship needs its own variable");
    return;
  }
  r.slot = Declare(r.var, kind);
}

void Binder::BindProps(std::vector<PropertyMatch>& props, bool node) {
  for (PropertyMatch& m : props) {
    int id = node ? FindNodeProperty(m.key) : FindEdgeProperty(m.key);
    if (id < 0) {
      const auto& names = node ? NodePropertyNames() : EdgePropertyNames();
      Error(m.pos, std::string("unknown ") + (node ? "node" : "relationship") + " property '" +
                       m.key + "'" + DidYouMean(m.key, names));
    }
    BindExpr(*m.value, false);
  }
}

void Binder::BindCall(CallClause& c) {
  const ProcedureInfo* info = FindProcedure(c.name);
  if (info == nullptr) {
    Error(c.pos, "unknown procedure '" + c.name + "'" + DidYouMean(c.name, ProcedureNames()) +
                     "; the procedures are shortestPath, pagerank, betweenness, degree, "
                     "components, timeline");
    return;
  }
  c.procedure = ProcedureId(*info);
  if (c.args.size() < info->min_args || c.args.size() > info->params.size()) {
    std::string params;
    for (std::string_view p : info->params) params += (params.empty() ? "" : ", ") + std::string(p);
    std::string takes = info->min_args == info->params.size()
                            ? std::to_string(info->params.size())
                            : "at most " + std::to_string(info->params.size());
    Error(c.pos, std::string(info->name) + "() takes " + takes + " argument" +
                     (info->params.size() == 1 ? "" : "s") +
                     (params.empty() ? "" : " (" + params + ")") + ", got " +
                     std::to_string(c.args.size()));
  }
  for (ExprPtr& arg : c.args) BindExpr(*arg, false);
  BindYields(c, *info);
  if (c.where) {
    BindExpr(*c.where, false);
    SplitAnd(c.where.get());
  }
}

void Binder::BindYields(CallClause& c, const ProcedureInfo& info) {
  if (!c.has_yield || c.yield_star) {
    c.yields.clear();
    for (size_t k = 0; k < info.fields.size(); ++k) {
      c.yields.push_back({info.fields[k], info.fields[k], c.pos, static_cast<int>(k), -1});
    }
  }
  for (YieldItem& y : c.yields) {
    auto it = std::find(info.fields.begin(), info.fields.end(), y.field);
    if (it == info.fields.end()) {
      std::string all;
      for (const std::string& f : info.fields) all += (all.empty() ? "" : ", ") + f;
      Error(y.pos, "unknown field '" + y.field + "' of " + std::string(info.name) + "()" +
                       DidYouMean(y.field, info.fields) + "; it yields " + all);
      if (Lookup(y.alias) < 0) y.slot = Declare(y.alias, VarKind::kValue);  // no more errors
      continue;
    }
    y.field_index = static_cast<int>(it - info.fields.begin());
    if (Lookup(y.alias) >= 0) {
      Error(y.pos, "'" + y.alias + "' is yielded twice; rename one with AS");
      continue;
    }
    y.slot = Declare(y.alias, VarKind::kValue);
  }
}

// CALL without RETURN returns what it yields, in order.
void Binder::DefaultReturn(const CallClause& c) {
  ReturnClause r;
  r.pos = c.pos;
  for (const YieldItem& y : c.yields) {
    ReturnItem item;
    item.expr = std::make_unique<Expr>();
    item.expr->kind = ExprKind::kVariable;
    item.expr->name = y.alias;
    item.expr->pos = item.expr->end = c.pos;
    item.column = y.alias;
    r.items.push_back(std::move(item));
  }
  p_.query.ret = std::move(r);
}

void Binder::BindReturn(ReturnClause& r) {
  if (r.star) ExpandStar(r);
  std::map<std::string, size_t> seen;
  for (ReturnItem& item : r.items) {
    BindExpr(*item.expr, true);
    if (!seen.emplace(item.column, 0).second) {
      Error(item.expr->pos, "the column '" + item.column + "' appears twice; name one with AS");
    }
  }
  p_.aggregating = !p_.aggregates.empty();
  BindOrder(r);
  p_.skip = r.skip ? ConstantCount(r.skip, "SKIP") : 0;
  p_.limit = r.limit ? ConstantCount(r.limit, "LIMIT") : -1;
}

void Binder::ExpandStar(ReturnClause& r) {
  for (const auto& [name, slot] : scope_) {
    ReturnItem item;
    item.expr = std::make_unique<Expr>();
    item.expr->kind = ExprKind::kVariable;
    item.expr->name = name;
    item.expr->pos = item.expr->end = r.pos;
    item.column = name;
    r.items.push_back(std::move(item));
  }
  if (r.items.empty()) Error(r.pos, "RETURN * needs a named variable to return");
}

namespace {

std::string WithoutSpaces(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') out += c;
  }
  return out;
}

}  // namespace

void Binder::BindOrder(ReturnClause& r) {
  const std::string& src = p_.query.source;
  for (SortKey& key : r.order) {
    const Expr& e = *key.expr;
    for (size_t c = 0; c < r.items.size() && key.column < 0; ++c) {
      if (e.kind == ExprKind::kVariable && r.items[c].column == e.name)
        key.column = static_cast<int>(c);
    }
    std::string text = WithoutSpaces(std::string_view(src).substr(e.pos, e.end - e.pos));
    for (size_t c = 0; c < r.items.size() && key.column < 0; ++c) {
      const Expr& item = *r.items[c].expr;
      if (WithoutSpaces(std::string_view(src).substr(item.pos, item.end - item.pos)) == text &&
          !r.star) {
        key.column = static_cast<int>(c);
      }
    }
    if (key.column >= 0) continue;
    if (p_.aggregating || r.distinct) {
      Error(e.pos, std::string("after ") + (r.distinct ? "DISTINCT" : "an aggregation") +
                       ", ORDER BY can only use the returned columns (by name or alias)");
      continue;
    }
    BindExpr(*key.expr, false);
  }
}

int64_t Binder::ConstantCount(const ExprPtr& e, const char* clause) {
  if (e->kind != ExprKind::kLiteral || e->literal.kind != ValueKind::kInt) {
    Error(e->pos,
          std::string(clause) + " needs a non-negative whole number, such as " + clause + " 10");
    return 0;
  }
  return e->literal.i;
}

void Binder::SplitAnd(const Expr* e) {
  if (e->kind == ExprKind::kBinary && e->op == Op::kAnd) {
    SplitAnd(e->args[0].get());
    SplitAnd(e->args[1].get());
  } else {
    p_.where.push_back(e);
  }
}

std::optional<Prepared> Prepare(Query query, const GraphIndex& index, std::string_view path,
                                Diagnostics* diags) {
  return Binder(std::move(query), index, path, diags).Run();
}

}  // namespace diplograph::query::internal
