// query/script.h: splitting a stream of query text (stdin, a prompt) into
// single queries.
//
// A ';' outside strings and comments ends a query. So does a line break,
// when the text so far is a whole query (it parses, or fails before its
// end) and the next line that is not blank or a comment starts a new one
// (with MATCH or CALL) or there is none. So both "one query a line" and
// queries spread over several lines (with or without ';') work.
// Thread-safety: the functions keep no state.
#ifndef DIPLOGRAPH_QUERY_SCRIPT_H_
#define DIPLOGRAPH_QUERY_SCRIPT_H_

#include <string>
#include <string_view>
#include <vector>

namespace diplograph::query {

struct Statement {
  std::string text;  // without the ';'
  int line = 1;      // 1-based position of its first byte in the whole text
  int col = 1;
};

// The non-blank queries of `text`, in order.
std::vector<Statement> SplitStatements(std::string_view text);

// True if `text` is the start of a query that more input could complete: it
// fails to parse only because it ends too early (an unfinished clause or
// string). False for a whole query and for one with an error before its end.
bool NeedsMoreInput(std::string_view text);

// True if `text` has a ';' outside strings and comments.
bool HasTerminator(std::string_view text);

}  // namespace diplograph::query

#endif  // DIPLOGRAPH_QUERY_SCRIPT_H_
