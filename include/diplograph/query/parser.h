// query/parser.h: query text -> Query (query/ast.h), and how query errors
// are shown to people.
//
// Example:
//   Diagnostics diags;
//   std::optional<Query> q = ParseQuery(
//       "MATCH (a:person)-[:met_with]-(b) RETURN b.name", "query", &diags);
//   if (!q) for (const Diagnostic& d : diags.items())
//     std::cerr << RenderQueryDiagnostic(d, text);
// Thread-safety: the functions keep no state.
#ifndef DIPLOGRAPH_QUERY_PARSER_H_
#define DIPLOGRAPH_QUERY_PARSER_H_

#include <optional>
#include <string>
#include <string_view>

#include "diplograph/core/diagnostics.h"
#include "diplograph/query/ast.h"

namespace diplograph::query {

// Parses one query (a trailing ';' is allowed). Returns nullopt iff it
// appended an error to `diags`, as path:line:col with a message such as
// "expected ')', found 'RETURN'". Only the syntax is checked here; names
// (labels, types, properties, variables, functions) are checked when the
// engine prepares the query. *at_end, if given, says whether the error was
// that the text ended too early (so more input could complete it).
std::optional<Query> ParseQuery(std::string_view src, std::string_view path, Diagnostics* diags,
                                bool* at_end = nullptr);

// `d` as people read it: its ToString(), then the line of `src` it points
// to, then a caret under the column, each line ending in '\n':
//   query:1:10: error: unknown label 'persn' (did you mean 'person'?)
//   MATCH (a:persn) RETURN a
//            ^
// `line_offset` and `col_offset` are added to the printed position only (for
// a query that starts inside a larger text); the caret still uses `src`.
std::string RenderQueryDiagnostic(const Diagnostic& d, std::string_view src, int line_offset = 0,
                                  int col_offset = 0);

}  // namespace diplograph::query

#endif  // DIPLOGRAPH_QUERY_PARSER_H_
