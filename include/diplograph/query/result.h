// query/result.h: the table a query returns, and its text, JSON and CSV forms.
// Plain data: a ResultTable never refers back to the graph (nodes and
// relationships arrive as maps). Thread-safety: the functions keep no state.
#ifndef DIPLOGRAPH_QUERY_RESULT_H_
#define DIPLOGRAPH_QUERY_RESULT_H_

#include <ostream>
#include <string>
#include <vector>

#include "diplograph/query/value.h"

namespace diplograph::query {

struct ResultTable {
  std::vector<std::string> columns;
  std::vector<std::vector<Value>> rows;  // each as long as `columns`
};

// An aligned text table: a header, a rule of dashes, one line a row; columns
// two spaces apart, numbers right-aligned, widths in code points. A table
// with no rows prints its header and rule only.
void WriteTextTable(const ResultTable& table, std::ostream& out);

// A JSON array of row objects (column -> value), one row a line.
void WriteJsonRows(const ResultTable& table, std::ostream& out);

// RFC 4180 CSV with a header line: null is an empty field, lists and maps
// are JSON text, floats are written in full.
void WriteCsvRows(const ResultTable& table, std::ostream& out);

}  // namespace diplograph::query

#endif  // DIPLOGRAPH_QUERY_RESULT_H_
