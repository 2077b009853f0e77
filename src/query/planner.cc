// PlanMatch(): the order in which patterns are matched, and where each WHERE
// condition is tested.
#include <algorithm>
#include <limits>
#include <map>

#include "plan.h"
#include "schema.h"

namespace diplograph::query::internal {

namespace {

constexpr double kUnusable = std::numeric_limits<double>::infinity();

std::vector<uint32_t> SortedUnion(std::vector<uint32_t> a, std::span<const uint32_t> b) {
  a.insert(a.end(), b.begin(), b.end());
  std::sort(a.begin(), a.end());
  a.erase(std::unique(a.begin(), a.end()), a.end());
  return a;
}

std::vector<uint32_t> SortedIntersection(const std::vector<uint32_t>& a,
                                         const std::vector<uint32_t>& b) {
  std::vector<uint32_t> out;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

// The nodes a name or id string may denote (a superset of exact matches).
std::vector<uint32_t> Lookup(const GraphIndex& index, int property, const std::string& value) {
  if (property == kNodeId) {
    int64_t n = index.NodeById(value);
    return n < 0 ? std::vector<uint32_t>{} : std::vector<uint32_t>{static_cast<uint32_t>(n)};
  }
  std::span<const uint32_t> named = index.NodesNamed(value);
  return {named.begin(), named.end()};
}

void CollectSlots(const Expr& e, std::vector<int>* slots) {
  if (e.kind == ExprKind::kVariable && e.slot >= 0) slots->push_back(e.slot);
  for (const ExprPtr& arg : e.args) CollectSlots(*arg, slots);
}

class Planner {
 public:
  Planner(const Prepared& p, const GraphIndex& index)
      : p_(p), index_(index), bound_(p.vars.size(), 0) {}

  MatchPlan Run();

 private:
  NodeTest MakeNodeTest(const NodePattern& n) const;
  RelTest MakeRelTest(const RelPattern& r) const;
  void PushDown(const Expr& e);
  double NodeCost(int test) const;
  double RelCost(int test) const;
  std::optional<std::vector<uint32_t>> Candidates(int test) const;
  struct Anchor {
    size_t pattern = 0;
    bool at_rel = false;  // a typed edge scan, else a node
    int index = 0;        // of the node or relationship in the pattern
  };
  Anchor ChooseAnchor(const std::vector<char>& done) const;
  void Emit(size_t pattern, bool at_rel, int anchor);
  void AddStep(Step step, std::vector<int> binds);
  void Expand(int from, int to, int rel, bool forward);
  void PlaceFilters();

  const Prepared& p_;
  const GraphIndex& index_;
  MatchPlan plan_;
  std::vector<const PathPattern*> patterns_;
  std::vector<int> node_base_, rel_base_;
  std::vector<char> bound_;
  std::map<int, std::vector<uint32_t>> slot_candidates_;  // from WHERE x.name = "..."
  std::vector<std::vector<int>> step_binds_;
};

NodeTest Planner::MakeNodeTest(const NodePattern& n) const {
  NodeTest t;
  t.pattern = &n;
  t.labels = n.labels;
  for (const PropertyMatch& m : n.props) {
    int id = FindNodeProperty(m.key);
    const Expr& v = *m.value;
    bool constant = v.kind == ExprKind::kLiteral && v.literal.kind == ValueKind::kString;
    if ((id == kNodeName || id == kNodeId) && constant) {
      std::vector<uint32_t> found = Lookup(index_, id, v.literal.s);
      t.allowed = t.allowed ? SortedIntersection(*t.allowed, found) : found;
    } else {
      t.props.emplace_back(id, &v);
    }
  }
  return t;
}

RelTest Planner::MakeRelTest(const RelPattern& r) const {
  RelTest t;
  t.pattern = &r;
  t.any_type = r.types.empty();
  if (!t.any_type) {
    t.type_ok.assign(index_.edge_types().size(), 0);
    for (const std::string& type : r.types) {
      int id = index_.TypeId(type);
      if (id >= 0 && !t.type_ok[id]) {
        t.type_ok[id] = 1;
        t.type_ids.push_back(id);
      }
    }
    std::sort(t.type_ids.begin(), t.type_ids.end());
  }
  for (const PropertyMatch& m : r.props)
    t.props.emplace_back(FindEdgeProperty(m.key), m.value.get());
  return t;
}

// Learns candidates from `x.name = "..."`, `x.id = "..."` and `x.name IN [...]`.
void Planner::PushDown(const Expr& e) {
  if (e.kind != ExprKind::kBinary || (e.op != Op::kEq && e.op != Op::kIn)) return;
  const Expr* prop = e.args[0].get();
  const Expr* value = e.args[1].get();
  if (e.op == Op::kEq && prop->kind != ExprKind::kProperty) std::swap(prop, value);
  if (prop->kind != ExprKind::kProperty || prop->args[0]->kind != ExprKind::kVariable) return;
  int slot = prop->args[0]->slot;
  int id = FindNodeProperty(prop->name);
  if (slot < 0 || p_.vars[slot].kind != VarKind::kNode || (id != kNodeName && id != kNodeId)) {
    return;
  }
  std::vector<const Expr*> values;
  if (e.op == Op::kIn && value->kind == ExprKind::kList) {
    for (const ExprPtr& item : value->args) values.push_back(item.get());
  } else if (e.op == Op::kEq) {
    values.push_back(value);
  }
  std::vector<uint32_t> found;
  for (const Expr* v : values) {
    if (v->kind != ExprKind::kLiteral || v->literal.kind != ValueKind::kString) return;
    found = SortedUnion(std::move(found), Lookup(index_, id, v->literal.s));
  }
  if (values.empty()) return;
  auto it = slot_candidates_.find(slot);
  if (it == slot_candidates_.end()) {
    slot_candidates_.emplace(slot, std::move(found));
  } else {
    it->second = SortedIntersection(it->second, found);
  }
}

std::optional<std::vector<uint32_t>> Planner::Candidates(int test) const {
  const NodeTest& t = plan_.nodes[test];
  std::optional<std::vector<uint32_t>> best = t.allowed;
  auto it = slot_candidates_.find(t.pattern->slot);
  if (it != slot_candidates_.end() && (!best || it->second.size() < best->size())) {
    best = it->second;
  }
  if (!best && !t.labels.empty()) {
    std::vector<uint32_t> typed;
    for (const std::string& label : t.labels)
      typed = SortedUnion(std::move(typed), index_.NodesOfType(label));
    best = std::move(typed);
  }
  return best;
}

double Planner::NodeCost(int test) const {
  if (bound_[plan_.nodes[test].pattern->slot]) return 1.0;
  std::optional<std::vector<uint32_t>> c = Candidates(test);
  return c ? static_cast<double>(c->size()) : static_cast<double>(index_.node_count()) + 1.0;
}

double Planner::RelCost(int test) const {
  const RelTest& t = plan_.rels[test];
  if (t.any_type || t.pattern->var_length) return kUnusable;
  double n = 0;
  for (int type : t.type_ids) n += static_cast<double>(index_.EdgesOfType(type).size());
  return n;
}

void Planner::AddStep(Step step, std::vector<int> binds) {
  for (int slot : binds) bound_[slot] = 1;
  plan_.steps.push_back(std::move(step));
  step_binds_.push_back(std::move(binds));
}

void Planner::Expand(int from, int to, int rel, bool forward) {
  Step s;
  s.kind = StepKind::kExpand;
  s.from = from;
  s.node = to;
  s.rel = rel;
  Direction dir = plan_.rels[rel].pattern->dir;
  s.need = dir == Direction::kBoth                 ? Need::kAny
           : (dir == Direction::kRight) == forward ? Need::kOut
                                                   : Need::kIn;
  AddStep(std::move(s), {plan_.rels[rel].pattern->slot, plan_.nodes[to].pattern->slot});
}

void Planner::Emit(size_t pattern, bool at_rel, int anchor) {
  const int nb = node_base_[pattern];
  const int rb = rel_base_[pattern];
  const int last = static_cast<int>(patterns_[pattern]->nodes.size()) - 1;
  int right_from = anchor;  // the node from which to walk right
  int left_from = anchor;   // and left
  Step s;
  if (at_rel) {
    s.kind = StepKind::kScanEdges;
    s.rel = rb + anchor;
    s.left = nb + anchor;
    s.right = nb + anchor + 1;
    right_from = anchor + 1;
    AddStep(std::move(s),
            {plan_.rels[rb + anchor].pattern->slot, plan_.nodes[nb + anchor].pattern->slot,
             plan_.nodes[nb + anchor + 1].pattern->slot});
  } else {
    s.kind = StepKind::kScanNodes;
    s.node = nb + anchor;
    if (!bound_[plan_.nodes[s.node].pattern->slot]) s.candidates = Candidates(s.node);
    AddStep(std::move(s), {plan_.nodes[nb + anchor].pattern->slot});
  }
  for (int j = right_from; j < last; ++j) Expand(nb + j, nb + j + 1, rb + j, true);
  for (int j = left_from; j > 0; --j) Expand(nb + j, nb + j - 1, rb + j - 1, false);
}

Planner::Anchor Planner::ChooseAnchor(const std::vector<char>& done) const {
  Anchor best;
  double best_cost = kUnusable;
  auto consider = [&](double cost, size_t pattern, bool at_rel, size_t k) {
    if (cost < best_cost) {
      best_cost = cost;
      best = {pattern, at_rel, static_cast<int>(k)};
    }
  };
  for (size_t pi = 0; pi < patterns_.size(); ++pi) {
    if (done[pi]) continue;
    for (size_t k = 0; k < patterns_[pi]->nodes.size(); ++k) {
      consider(NodeCost(node_base_[pi] + static_cast<int>(k)), pi, false, k);
    }
    for (size_t k = 0; k < patterns_[pi]->rels.size(); ++k) {
      consider(RelCost(rel_base_[pi] + static_cast<int>(k)), pi, true, k);
    }
  }
  return best;
}

void Planner::PlaceFilters() {
  std::vector<char> bound(p_.vars.size(), 0);
  std::vector<std::vector<int>> needs;
  for (const Expr* cond : p_.where) {
    std::vector<int> slots;
    CollectSlots(*cond, &slots);
    needs.push_back(std::move(slots));
  }
  std::vector<char> placed(p_.where.size(), 0);
  for (size_t k = 0; k < p_.where.size(); ++k) {
    if (needs[k].empty()) {
      plan_.pre_filters.push_back(p_.where[k]);
      placed[k] = 1;
    }
  }
  for (size_t s = 0; s < plan_.steps.size(); ++s) {
    for (int slot : step_binds_[s]) bound[slot] = 1;
    for (size_t k = 0; k < p_.where.size(); ++k) {
      bool ready = std::all_of(needs[k].begin(), needs[k].end(), [&](int v) { return bound[v]; });
      if (!placed[k] && (ready || s + 1 == plan_.steps.size())) {
        plan_.steps[s].filters.push_back(p_.where[k]);
        placed[k] = 1;
      }
    }
  }
}

MatchPlan Planner::Run() {
  for (const MatchClause& m : p_.query.matches) {
    for (const PathPattern& p : m.patterns) {
      patterns_.push_back(&p);
      node_base_.push_back(static_cast<int>(plan_.nodes.size()));
      rel_base_.push_back(static_cast<int>(plan_.rels.size()));
      for (const NodePattern& n : p.nodes) plan_.nodes.push_back(MakeNodeTest(n));
      for (const RelPattern& r : p.rels) plan_.rels.push_back(MakeRelTest(r));
    }
  }
  for (const Expr* cond : p_.where) PushDown(*cond);
  std::vector<char> done(patterns_.size(), 0);
  for (size_t round = 0; round < patterns_.size(); ++round) {
    Anchor a = ChooseAnchor(done);
    done[a.pattern] = 1;
    Emit(a.pattern, a.at_rel, a.index);
  }
  PlaceFilters();
  return std::move(plan_);
}

}  // namespace

MatchPlan PlanMatch(const Prepared& prepared, const GraphIndex& index) {
  return Planner(prepared, index).Run();
}

}  // namespace diplograph::query::internal
