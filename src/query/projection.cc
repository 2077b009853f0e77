// RETURN: projection, grouping with aggregates, DISTINCT, ORDER BY, SKIP, LIMIT.
#include <algorithm>

#include "exec.h"
#include "schema.h"

namespace diplograph::query::internal {

namespace {

bool HasAggregate(const Expr& e) {
  if (e.aggregate >= 0) return true;
  return std::any_of(e.args.begin(), e.args.end(),
                     [](const ExprPtr& a) { return HasAggregate(*a); });
}

}  // namespace

Projector::Projector(const Prepared& prepared, EvalContext* ctx)
    : p_(prepared), ret_(*prepared.query.ret), ctx_(ctx) {
  for (const ReturnItem& item : ret_.items) item_has_aggregate_.push_back(HasAggregate(*item.expr));
}

std::vector<Value> Projector::SortKeys(const std::vector<Value>& values, const Row* row) {
  std::vector<Value> keys;
  keys.reserve(ret_.order.size());
  for (const SortKey& key : ret_.order) {
    if (key.column >= 0) {
      keys.push_back(values[static_cast<size_t>(key.column)]);
    } else {
      keys.push_back(row != nullptr ? Eval(*key.expr, *row, ctx_) : Value());
    }
  }
  return keys;
}

void Projector::Keep(OutRow out) {
  if (ret_.distinct && !distinct_.insert(out.values).second) return;
  rows_.push_back(std::move(out));
}

bool Projector::Add(const Row& row) {
  if (p_.aggregating) {
    AddToGroup(row);
    return !ctx_->failed;
  }
  OutRow out;
  out.values.reserve(ret_.items.size());
  for (const ReturnItem& item : ret_.items) out.values.push_back(Eval(*item.expr, row, ctx_));
  out.keys = SortKeys(out.values, &row);
  Keep(std::move(out));
  if (ctx_->failed) return false;
  bool streaming = ret_.order.empty() && p_.limit >= 0;
  return !streaming || static_cast<int64_t>(rows_.size()) < p_.skip + p_.limit;
}

void Projector::AddToGroup(const Row& row) {
  std::vector<Value> key;
  for (size_t c = 0; c < ret_.items.size(); ++c) {
    if (!item_has_aggregate_[c]) key.push_back(Eval(*ret_.items[c].expr, row, ctx_));
  }
  auto [it, added] = group_of_.emplace(key, groups_.size());
  if (added) {
    groups_.push_back({row, std::vector<Accumulator>(p_.aggregates.size())});
    group_keys_.push_back(std::move(key));
  }
  Group& g = groups_[it->second];
  for (size_t k = 0; k < p_.aggregates.size(); ++k) Accumulate(*p_.aggregates[k], row, &g.acc[k]);
}

void Projector::Accumulate(const Expr& agg, const Row& row, Accumulator* acc) {
  if (agg.kind == ExprKind::kCountStar) {
    ++acc->count;
    return;
  }
  Value v = Eval(*agg.args[0], row, ctx_);
  if (v.is_null()) return;
  if (agg.distinct && !acc->seen.insert(v).second) return;
  Fn fn = FunctionAt(agg.function).fn;
  ++acc->count;
  if (fn == Fn::kCollect) {
    acc->items.push_back(std::move(v));
  } else if (fn == Fn::kMin || fn == Fn::kMax) {
    int c = acc->best.is_null() ? 0 : OrderValues(v, acc->best);
    if (acc->best.is_null() || (fn == Fn::kMin ? c < 0 : c > 0)) acc->best = std::move(v);
  } else if (fn == Fn::kSum || fn == Fn::kAvg) {
    if (!v.is_number()) {
      ctx_->Error(agg.pos, std::string(FunctionAt(agg.function).name) + "() needs numbers, not " +
                               KindWithArticle(v.kind));
      return;
    }
    acc->any_float = acc->any_float || v.kind == ValueKind::kFloat;
    if (v.kind == ValueKind::kInt) acc->int_sum += v.i;
    acc->sum += v.AsDouble();
  }
}

Value Projector::Final(const Expr& agg, const Accumulator& acc) {
  if (agg.kind == ExprKind::kCountStar) return Value::Int(acc.count);
  switch (FunctionAt(agg.function).fn) {
    case Fn::kCount:
      return Value::Int(acc.count);
    case Fn::kCollect:
      return Value::List(acc.items);
    case Fn::kMin:
    case Fn::kMax:
      return acc.best;
    case Fn::kSum:
      return acc.any_float ? Value::Float(acc.sum) : Value::Int(acc.int_sum);
    case Fn::kAvg:
      return acc.count == 0 ? Value() : Value::Float(acc.sum / static_cast<double>(acc.count));
    default:
      return Value();
  }
}

void Projector::FinishGroups() {
  if (groups_.empty() && std::all_of(item_has_aggregate_.begin(), item_has_aggregate_.end(),
                                     [](char c) { return c != 0; })) {
    groups_.push_back({Row(p_.vars.size()), std::vector<Accumulator>(p_.aggregates.size())});
    group_keys_.emplace_back();
  }
  for (size_t g = 0; g < groups_.size(); ++g) {
    std::vector<Value> finals;
    for (size_t k = 0; k < p_.aggregates.size(); ++k) {
      finals.push_back(Final(*p_.aggregates[k], groups_[g].acc[k]));
    }
    ctx_->aggregates = &finals;
    OutRow out;
    size_t next_key = 0;
    for (size_t c = 0; c < ret_.items.size(); ++c) {
      out.values.push_back(item_has_aggregate_[c]
                               ? Eval(*ret_.items[c].expr, groups_[g].first, ctx_)
                               : group_keys_[g][next_key++]);
    }
    ctx_->aggregates = nullptr;
    out.keys = SortKeys(out.values, nullptr);
    Keep(std::move(out));
  }
}

void Projector::SortRows() {
  std::stable_sort(rows_.begin(), rows_.end(), [&](const OutRow& a, const OutRow& b) {
    for (size_t k = 0; k < ret_.order.size(); ++k) {
      int c = OrderValues(a.keys[k], b.keys[k]);
      if (c != 0) return ret_.order[k].descending ? c > 0 : c < 0;
    }
    return false;
  });
}

ResultTable Projector::Finish(const GraphIndex& index) {
  if (p_.aggregating) FinishGroups();
  if (!ret_.order.empty()) SortRows();
  ResultTable table;
  for (const ReturnItem& item : ret_.items) table.columns.push_back(item.column);
  size_t begin = std::min(rows_.size(), static_cast<size_t>(p_.skip));
  size_t end =
      p_.limit < 0 ? rows_.size() : std::min(rows_.size(), begin + static_cast<size_t>(p_.limit));
  for (size_t r = begin; r < end; ++r) {
    std::vector<Value> values;
    for (const Value& v : rows_[r].values) values.push_back(Materialize(index, v));
    table.rows.push_back(std::move(values));
  }
  return table;
}

}  // namespace diplograph::query::internal
