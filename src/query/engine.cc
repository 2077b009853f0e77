// QueryEngine: parse, prepare, match or call, project.
#include "diplograph/query/engine.h"

#include "diplograph/query/parser.h"
#include "exec.h"

namespace diplograph::query {

using internal::EvalContext;
using internal::Prepared;
using internal::Projector;
using internal::Row;

QueryEngine::QueryEngine(const KnowledgeGraph& graph, EngineOptions options)
    : index_(std::make_unique<GraphIndex>(graph)), options_(options) {}

QueryEngine::~QueryEngine() = default;

std::optional<ResultTable> QueryEngine::Execute(std::string_view src, std::string_view path,
                                                Diagnostics* diags) const {
  std::optional<Query> query = ParseQuery(src, path, diags);
  if (!query) return std::nullopt;
  return Run(std::move(*query), path, diags);
}

namespace {

// Feeds the rows of the CALLed procedure that pass its WHERE to `projector`.
bool RunCall(const Prepared& p, const GraphIndex& index, EvalContext* ctx, Projector* projector) {
  const CallClause& call = *p.query.call;
  std::optional<std::vector<Row>> rows = internal::RunProcedure(call, index, ctx);
  if (!rows) return false;
  Row row(p.vars.size());
  for (const Row& result : *rows) {
    for (const YieldItem& y : call.yields) row[y.slot] = result[y.field_index];
    bool pass = true;
    for (const Expr* cond : p.where) {
      if (!(pass = internal::IsTrue(internal::Eval(*cond, row, ctx)))) break;
    }
    if (ctx->failed) return false;
    if (pass && !projector->Add(row)) break;
  }
  return !ctx->failed;
}

}  // namespace

std::optional<ResultTable> QueryEngine::Run(Query query, std::string_view path,
                                            Diagnostics* diags) const {
  std::optional<Prepared> p = internal::Prepare(std::move(query), *index_, path, diags);
  if (!p) return std::nullopt;
  EvalContext ctx;
  ctx.index = index_.get();
  ctx.source = p->query.source;
  ctx.path = path;
  ctx.diags = diags;
  Projector projector(*p, &ctx);
  if (p->query.call) {
    if (!RunCall(*p, *index_, &ctx, &projector)) return std::nullopt;
  } else {
    internal::MatchPlan plan = internal::PlanMatch(*p, *index_);
    internal::RunMatch(*p, plan, *index_, options_, &ctx,
                       [&](const Row& row) { return projector.Add(row); });
  }
  if (ctx.failed) return std::nullopt;
  ResultTable table = projector.Finish(*index_);
  if (ctx.failed) return std::nullopt;
  return table;
}

}  // namespace diplograph::query
