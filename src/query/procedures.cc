// CALL procedures: rows from the graph algorithms (query/algorithms.h).
#include <algorithm>

#include "diplograph/core/strings.h"
#include "diplograph/query/algorithms.h"
#include "exec.h"
#include "schema.h"

namespace diplograph::query::internal {

namespace {

Value Strings(const std::vector<std::string>& v) {
  std::vector<Value> items;
  for (const std::string& s : v) items.push_back(Value::String(s));
  return Value::List(std::move(items));
}

Value TextOrNull(const std::string& s) { return s.empty() ? Value() : Value::String(s); }

// id, name, type of node `n`, then `more`.
Row NodeRow(const GraphIndex& index, uint32_t n, std::vector<Value> more) {
  const ActorNode& node = index.node(n);
  Row row = {Value::String(node.id), Value::String(node.label), TextOrNull(node.type)};
  for (Value& v : more) row.push_back(std::move(v));
  return row;
}

// The closest name to `wanted` among the index's names, for a suggestion.
std::string ClosestActor(const GraphIndex& index, const std::string& wanted) {
  std::string key = GraphIndex::NameKey(wanted);
  int limit = std::max<int>(2, static_cast<int>(key.size()) / 3);
  int best = limit + 1;
  const std::string* best_key = nullptr;
  for (const auto& [name, nodes] : index.names()) {
    int d = EditDistance(key, name, limit);
    if (d < best || (d == best && best_key != nullptr && name < *best_key)) {
      best = d;
      best_key = &name;
    }
  }
  if (best_key == nullptr) return "";
  const std::vector<uint32_t>& nodes = index.names().at(*best_key);
  return " (did you mean '" + index.node(nodes.front()).label + "'?)";
}

// The nodes an actor argument names (by id, name or alias).
std::optional<std::vector<uint32_t>> ResolveActor(const GraphIndex& index, const CallClause& call,
                                                  size_t arg, const Value& v, EvalContext* ctx) {
  const ProcedureInfo& info = ProcedureAt(call.procedure);
  size_t pos = call.args[arg]->pos;
  if (v.kind != ValueKind::kString) {
    ctx->Error(pos, std::string(info.name) +
                        "() needs an actor's name, alias or id as a "
                        "string, not " +
                        KindWithArticle(v.kind));
    return std::nullopt;
  }
  std::span<const uint32_t> named = index.NodesNamed(v.s);
  std::vector<uint32_t> nodes(named.begin(), named.end());
  if (int64_t id = index.NodeById(v.s); id >= 0) nodes.push_back(static_cast<uint32_t>(id));
  std::sort(nodes.begin(), nodes.end());
  nodes.erase(std::unique(nodes.begin(), nodes.end()), nodes.end());
  if (nodes.empty()) {
    ctx->Error(pos, "no actor has the name, alias or id '" + v.s + "'" + ClosestActor(index, v.s));
    return std::nullopt;
  }
  return nodes;
}

// The type of an edge joining u and v (the first by edge number).
std::string TypeBetween(const GraphIndex& index, uint32_t u, uint32_t v) {
  uint32_t best = index.edge_count();
  for (uint32_t e : index.out_edges(u)) {
    if (index.target(e) == v) best = std::min(best, e);
  }
  for (uint32_t e : index.in_edges(u)) {
    if (index.source(e) == v) best = std::min(best, e);
  }
  return best < index.edge_count() ? index.edge(best).key.type : std::string();
}

std::optional<std::vector<Row>> ShortestPathRows(const GraphIndex& index, const CallClause& call,
                                                 const std::vector<Value>& args, EvalContext* ctx) {
  auto from = ResolveActor(index, call, 0, args[0], ctx);
  auto to = ResolveActor(index, call, 1, args[1], ctx);
  if (!from || !to) return std::nullopt;
  std::vector<uint32_t> path = ShortestPath(index, *from, *to);
  if (path.empty()) return std::vector<Row>{};
  std::vector<std::string> names, ids, types;
  for (size_t k = 0; k < path.size(); ++k) {
    names.push_back(index.node(path[k]).label);
    ids.push_back(index.node(path[k]).id);
    if (k > 0) types.push_back(TypeBetween(index, path[k - 1], path[k]));
  }
  return std::vector<Row>{{Strings(names), Strings(ids), Strings(types),
                           Value::Int(static_cast<int64_t>(path.size()) - 1)}};
}

std::optional<std::vector<Row>> PageRankRows(const GraphIndex& index, const CallClause& call,
                                             const std::vector<Value>& args, EvalContext* ctx) {
  double damping = 0.85;
  if (!args.empty()) {
    if (!args[0].is_number() || args[0].AsDouble() <= 0.0 || args[0].AsDouble() >= 1.0) {
      ctx->Error(call.args[0]->pos,
                 "pagerank() damping must be a number between 0 and 1, "
                 "such as 0.85");
      return std::nullopt;
    }
    damping = args[0].AsDouble();
  }
  std::vector<double> score = PageRank(index, damping);
  std::vector<Row> rows;
  for (uint32_t n = 0; n < index.node_count(); ++n) {
    rows.push_back(NodeRow(index, n, {Value::Float(score[n])}));
  }
  return rows;
}

std::vector<Row> BetweennessRows(const GraphIndex& index) {
  std::vector<double> score = Betweenness(index);
  std::vector<Row> rows;
  for (uint32_t n = 0; n < index.node_count(); ++n) {
    rows.push_back(NodeRow(index, n, {Value::Float(score[n])}));
  }
  return rows;
}

std::vector<Row> DegreeRows(const GraphIndex& index) {
  std::vector<NodeDegree> d = Degrees(index);
  std::vector<Row> rows;
  for (uint32_t n = 0; n < index.node_count(); ++n) {
    rows.push_back(NodeRow(index, n,
                           {Value::Int(d[n].in), Value::Int(d[n].out), Value::Int(d[n].degree),
                            Value::Int(d[n].weighted)}));
  }
  return rows;
}

std::vector<Row> ComponentRows(const GraphIndex& index) {
  int count = 0;
  std::vector<int> component = WeakComponents(index, &count);
  std::vector<int64_t> size(static_cast<size_t>(count), 0);
  for (int c : component) ++size[static_cast<size_t>(c)];
  std::vector<Row> rows;
  for (uint32_t n = 0; n < index.node_count(); ++n) {
    rows.push_back(NodeRow(
        index, n, {Value::Int(component[n]), Value::Int(size[static_cast<size_t>(component[n])])}));
  }
  return rows;
}

std::optional<std::vector<Row>> TimelineRows(const GraphIndex& index, const CallClause& call,
                                             const std::vector<Value>& args, EvalContext* ctx) {
  auto actors = ResolveActor(index, call, 0, args[0], ctx);
  if (!actors) return std::nullopt;
  std::vector<Row> rows;
  for (TimelineEntry& t : Timeline(index, *actors)) {
    const RelationEdge& e = index.edge(t.edge);
    rows.push_back({TextOrNull(t.date), Value::String(e.key.type),
                    Value::String(index.node(index.source(t.edge)).label),
                    Value::String(index.node(index.target(t.edge)).label), Value::Int(t.weight),
                    TextOrNull(t.evidence), Strings(t.documents)});
  }
  return rows;
}

}  // namespace

std::optional<std::vector<Row>> RunProcedure(const CallClause& call, const GraphIndex& index,
                                             EvalContext* ctx) {
  std::vector<Value> args;
  const Row none;
  for (const ExprPtr& arg : call.args) args.push_back(Eval(*arg, none, ctx));
  if (ctx->failed) return std::nullopt;
  switch (ProcedureAt(call.procedure).proc) {
    case Proc::kShortestPath:
      return ShortestPathRows(index, call, args, ctx);
    case Proc::kPageRank:
      return PageRankRows(index, call, args, ctx);
    case Proc::kBetweenness:
      return BetweennessRows(index);
    case Proc::kDegree:
      return DegreeRows(index);
    case Proc::kComponents:
      return ComponentRows(index);
    case Proc::kTimeline:
      return TimelineRows(index, call, args, ctx);
  }
  return std::nullopt;
}

}  // namespace diplograph::query::internal
