// query/engine.h: runs queries against a built knowledge graph.
//
// WHAT IT IS
//   The front of the query stage: it indexes the graph once (GraphIndex),
//   then parses, checks and evaluates any number of queries against it.
//   Checking resolves names and reports what a person can fix, with
//   suggestions: "unknown label 'persn' (did you mean 'person'?)", unknown
//   relationship types, properties, variables, functions, procedures and
//   YIELD fields, and actor names that match nothing.
//
// WHAT IT GUARANTEES
//   Results are deterministic: without ORDER BY, rows come in the order the
//   patterns are matched, which follows the index's node and edge numbers.
//   A one-hop pattern anchored on a name, id or label reads only the
//   anchor's adjacency.
//
// Example:
//   QueryEngine engine(graph);
//   Diagnostics diags;
//   auto table = engine.Execute("CALL pagerank() YIELD name, score "
//                               "RETURN name, score ORDER BY score DESC LIMIT 10",
//                               "query", &diags);
//
// Ownership: the engine points into `graph`, which must outlive it and must
// not change while it lives. Thread-safety: Execute() and Run() are const and
// may run concurrently.
#ifndef DIPLOGRAPH_QUERY_ENGINE_H_
#define DIPLOGRAPH_QUERY_ENGINE_H_

#include <memory>
#include <optional>
#include <string_view>

#include "diplograph/core/diagnostics.h"
#include "diplograph/graph/graph.h"
#include "diplograph/query/ast.h"
#include "diplograph/query/index.h"
#include "diplograph/query/result.h"

namespace diplograph::query {

struct EngineOptions {
  // The longest path an open variable-length pattern (`*`, `*2..`) follows.
  int max_open_hops = 10;
};

class QueryEngine {
 public:
  explicit QueryEngine(const KnowledgeGraph& graph, EngineOptions options = {});
  ~QueryEngine();
  QueryEngine(const QueryEngine&) = delete;
  QueryEngine& operator=(const QueryEngine&) = delete;

  const GraphIndex& index() const { return *index_; }

  // Parses, checks and runs `src`. Returns nullopt iff it appended at least
  // one error to `diags` (path:line:col, positions within `src`).
  std::optional<ResultTable> Execute(std::string_view src, std::string_view path,
                                     Diagnostics* diags) const;

  // Checks and runs a parsed query (`query.source` must be its text).
  std::optional<ResultTable> Run(Query query, std::string_view path, Diagnostics* diags) const;

 private:
  std::unique_ptr<GraphIndex> index_;
  EngineOptions options_;
};

}  // namespace diplograph::query

#endif  // DIPLOGRAPH_QUERY_ENGINE_H_
