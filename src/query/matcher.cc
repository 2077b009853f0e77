// RunMatch(): depth-first matching of a MatchPlan, one step at a time.
#include <algorithm>

#include "exec.h"
#include "schema.h"

namespace diplograph::query::internal {

namespace {

class Matcher {
 public:
  Matcher(const MatchPlan& plan, const GraphIndex& index, const EngineOptions& options,
          size_t slots, EvalContext* ctx, const RowSink& emit)
      : plan_(plan), index_(index), options_(options), ctx_(ctx), emit_(emit), row_(slots) {}

  void Run();

 private:
  bool RunStep(size_t s);
  bool Continue(size_t s);
  bool ScanNodes(size_t s);
  bool Expand(size_t s);
  bool VarExpand(size_t s, uint32_t at, int depth, std::vector<Value>* path);
  bool ScanEdges(size_t s);
  bool BindEdgeAndGo(size_t s, uint32_t e, uint32_t left, uint32_t right);
  bool NodeOk(const NodeTest& t, uint32_t n);
  bool PropsOk(const RelTest& t, uint32_t e);
  bool TypeOk(const RelTest& t, uint32_t e) const {
    return t.any_type || t.type_ok[index_.edge_type(e)];
  }
  bool Used(uint32_t e) const { return std::find(used_.begin(), used_.end(), e) != used_.end(); }
  // Binds (or, if bound, compares) the node of NodeTest `test`; *bound_here
  // says whether to unbind it afterwards.
  bool TryBind(int test, uint32_t n, bool* bound_here);
  void Unbind(int test, bool bound_here) {
    if (bound_here) row_[plan_.nodes[test].pattern->slot] = Value();
  }
  template <typename Fn>
  bool ForEachNeighbor(uint32_t x, Need need, const RelTest& t, Fn fn);

  const MatchPlan& plan_;
  const GraphIndex& index_;
  const EngineOptions& options_;
  EvalContext* ctx_;
  const RowSink& emit_;
  Row row_;
  std::vector<uint32_t> used_;  // relationships bound in this row
};

void Matcher::Run() {
  for (const Expr* f : plan_.pre_filters) {
    if (!IsTrue(Eval(*f, row_, ctx_))) return;
  }
  if (!plan_.steps.empty()) RunStep(0);
}

bool Matcher::RunStep(size_t s) {
  switch (plan_.steps[s].kind) {
    case StepKind::kScanNodes:
      return ScanNodes(s);
    case StepKind::kExpand:
      return Expand(s);
    case StepKind::kScanEdges:
      return ScanEdges(s);
  }
  return false;
}

bool Matcher::Continue(size_t s) {
  for (const Expr* f : plan_.steps[s].filters) {
    bool pass = IsTrue(Eval(*f, row_, ctx_));
    if (ctx_->failed) return false;
    if (!pass) return true;
  }
  if (s + 1 < plan_.steps.size()) return RunStep(s + 1);
  return emit_(row_) && !ctx_->failed;
}

bool Matcher::NodeOk(const NodeTest& t, uint32_t n) {
  const ActorNode& node = index_.node(n);
  if (!t.labels.empty() &&
      std::find(t.labels.begin(), t.labels.end(), node.type) == t.labels.end()) {
    return false;
  }
  if (t.allowed && !std::binary_search(t.allowed->begin(), t.allowed->end(), n)) return false;
  for (const auto& [prop, expr] : t.props) {
    Value v = Eval(*expr, row_, ctx_);
    if (prop == kNodeName || prop == kNodeId) {
      if (v.kind != ValueKind::kString) return false;
      bool ok = prop == kNodeName ? NodeHasName(index_, n, v.s)
                                  : GraphIndex::NameKey(v.s) == GraphIndex::NameKey(node.id);
      if (!ok) return false;
      continue;
    }
    std::optional<bool> eq = ValuesEqual(NodeProperty(index_, n, prop), v);
    if (!eq || !*eq) return false;
  }
  return true;
}

bool Matcher::PropsOk(const RelTest& t, uint32_t e) {
  for (const auto& [prop, expr] : t.props) {
    std::optional<bool> eq = ValuesEqual(EdgeProperty(index_, e, prop), Eval(*expr, row_, ctx_));
    if (!eq || !*eq) return false;
  }
  return true;
}

bool Matcher::TryBind(int test, uint32_t n, bool* bound_here) {
  const NodeTest& t = plan_.nodes[test];
  Value& slot = row_[t.pattern->slot];
  *bound_here = false;
  if (!slot.is_null()) return slot.i == n && NodeOk(t, n);
  if (!NodeOk(t, n)) return false;
  slot = Value::Node(n);
  *bound_here = true;
  return true;
}

// Calls fn(edge, other end) for the edges of `x` that `need` allows; a
// symmetric edge may be followed either way. Stops when fn returns false.
template <typename Fn>
bool Matcher::ForEachNeighbor(uint32_t x, Need need, const RelTest& t, Fn fn) {
  for (uint32_t e : index_.out_edges(x)) {
    if (TypeOk(t, e) && (need != Need::kIn || index_.symmetric(e))) {
      if (!fn(e, index_.target(e))) return false;
    }
  }
  for (uint32_t e : index_.in_edges(x)) {
    if (!TypeOk(t, e)) continue;
    bool sym = index_.symmetric(e);
    if (need == Need::kOut && !sym) continue;
    if (index_.source(e) == x && (need != Need::kIn || sym)) continue;  // a loop, seen above
    if (!fn(e, index_.source(e))) return false;
  }
  return true;
}

bool Matcher::ScanNodes(size_t s) {
  const Step& st = plan_.steps[s];
  const NodeTest& t = plan_.nodes[st.node];
  Value& slot = row_[t.pattern->slot];
  if (!slot.is_null()) return !NodeOk(t, static_cast<uint32_t>(slot.i)) || Continue(s);
  auto visit = [&](uint32_t n) {
    if (!NodeOk(t, n)) return !ctx_->failed;
    row_[t.pattern->slot] = Value::Node(n);
    return Continue(s);
  };
  bool go = true;
  if (st.candidates) {
    for (size_t k = 0; go && k < st.candidates->size(); ++k) go = visit((*st.candidates)[k]);
  } else {
    for (uint32_t n = 0; go && n < index_.node_count(); ++n) go = visit(n);
  }
  row_[t.pattern->slot] = Value();
  return go;
}

bool Matcher::Expand(size_t s) {
  const Step& st = plan_.steps[s];
  const RelTest& rt = plan_.rels[st.rel];
  uint32_t x = static_cast<uint32_t>(row_[plan_.nodes[st.from].pattern->slot].i);
  if (rt.pattern->var_length) {
    std::vector<Value> path;
    return VarExpand(s, x, 0, &path);
  }
  Value& edge_slot = row_[rt.pattern->slot];
  return ForEachNeighbor(x, st.need, rt, [&](uint32_t e, uint32_t other) {
    if (Used(e) || !PropsOk(rt, e)) return !ctx_->failed;
    bool bound_here = false;
    if (!TryBind(st.node, other, &bound_here)) return !ctx_->failed;
    edge_slot = Value::Edge(e);
    used_.push_back(e);
    bool go = Continue(s);
    used_.pop_back();
    edge_slot = Value();
    Unbind(st.node, bound_here);
    return go;
  });
}

bool Matcher::VarExpand(size_t s, uint32_t at, int depth, std::vector<Value>* path) {
  const Step& st = plan_.steps[s];
  const RelTest& rt = plan_.rels[st.rel];
  const int max_hops = rt.pattern->max_hops < 0 ? options_.max_open_hops : rt.pattern->max_hops;
  if (depth >= rt.pattern->min_hops) {
    bool bound_here = false;
    if (TryBind(st.node, at, &bound_here)) {
      row_[rt.pattern->slot] = Value::List(*path);
      bool go = Continue(s);
      row_[rt.pattern->slot] = Value();
      Unbind(st.node, bound_here);
      if (!go) return false;
    }
  }
  if (depth >= max_hops) return true;
  return ForEachNeighbor(at, st.need, rt, [&](uint32_t e, uint32_t other) {
    if (Used(e) || !PropsOk(rt, e)) return !ctx_->failed;
    path->push_back(Value::Edge(e));
    used_.push_back(e);
    bool go = VarExpand(s, other, depth + 1, path);
    used_.pop_back();
    path->pop_back();
    return go;
  });
}

bool Matcher::BindEdgeAndGo(size_t s, uint32_t e, uint32_t left, uint32_t right) {
  const Step& st = plan_.steps[s];
  bool left_here = false;
  bool right_here = false;
  bool go = true;
  if (TryBind(st.left, left, &left_here)) {
    if (TryBind(st.right, right, &right_here)) {
      row_[plan_.rels[st.rel].pattern->slot] = Value::Edge(e);
      used_.push_back(e);
      go = Continue(s);
      used_.pop_back();
      row_[plan_.rels[st.rel].pattern->slot] = Value();
      Unbind(st.right, right_here);
    }
    Unbind(st.left, left_here);
  }
  return go && !ctx_->failed;
}

bool Matcher::ScanEdges(size_t s) {
  const Step& st = plan_.steps[s];
  const RelTest& rt = plan_.rels[st.rel];
  const Direction dir = rt.pattern->dir;
  for (int type : rt.type_ids) {
    for (uint32_t e : index_.EdgesOfType(type)) {
      if (Used(e) || !PropsOk(rt, e)) continue;
      uint32_t a = index_.source(e);
      uint32_t b = index_.target(e);
      bool both_ways = a != b && (dir == Direction::kBoth || index_.symmetric(e));
      bool forward = dir != Direction::kLeft;
      if (!BindEdgeAndGo(s, e, forward ? a : b, forward ? b : a)) return false;
      if (both_ways && !BindEdgeAndGo(s, e, forward ? b : a, forward ? a : b)) return false;
    }
  }
  return true;
}

}  // namespace

void RunMatch(const Prepared& prepared, const MatchPlan& plan, const GraphIndex& index,
              const EngineOptions& options, EvalContext* ctx, const RowSink& emit) {
  Matcher(plan, index, options, prepared.vars.size(), ctx, emit).Run();
}

}  // namespace diplograph::query::internal
