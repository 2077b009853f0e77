// Splitting query text into single queries.
#include "diplograph/query/script.h"

#include <cctype>

#include "diplograph/core/diagnostics.h"
#include "diplograph/core/strings.h"
#include "diplograph/query/lexer.h"
#include "diplograph/query/parser.h"

namespace diplograph::query {

namespace {

bool IsBlankQuery(std::string_view text) {
  Diagnostics diags;
  return Lex(text, "", &diags).size() == 1 && !diags.HasErrors();
}

bool StartsQuery(std::string_view line) {
  for (std::string_view word : {"match", "call"}) {
    if (line.size() >= word.size() && AsciiLower(line.substr(0, word.size())) == word) {
      if (line.size() == word.size()) return true;
      unsigned char next = static_cast<unsigned char>(line[word.size()]);
      if (!(std::isalnum(next) || next == '_' || next >= 0x80)) return true;
    }
  }
  return false;
}

// Whether the next line that is not blank or a comment starts a new query
// (true at the end of the text).
bool NextLineStartsQuery(std::string_view text, size_t from) {
  while (from < text.size()) {
    size_t nl = text.find('\n', from);
    std::string_view line = Trim(text.substr(from, nl == std::string_view::npos ? nl : nl - from));
    if (!line.empty() && !line.starts_with("//")) return StartsQuery(line);
    if (nl == std::string_view::npos) break;
    from = nl + 1;
  }
  return true;
}

void Push(std::string_view text, size_t begin, size_t end, std::vector<Statement>* out) {
  std::string_view piece = text.substr(begin, end - begin);
  size_t skip = piece.find_first_not_of(" \t\r\n\f\v");
  if (skip == std::string_view::npos || IsBlankQuery(piece)) return;
  piece.remove_prefix(skip);
  size_t last = piece.find_last_not_of(" \t\r\n\f\v");
  Statement s;
  s.text = std::string(piece.substr(0, last + 1));
  LineColAt(text, begin + skip, &s.line, &s.col);
  out->push_back(std::move(s));
}

// Calls on_boundary(i) for each ';' and each line break at byte i outside
// strings and comments.
template <typename Fn>
void ScanBoundaries(std::string_view text, Fn on_boundary) {
  char quote = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    char next = i + 1 < text.size() ? text[i + 1] : '\0';
    if (quote != 0) {
      if (c == '\\' && quote != '`') {
        ++i;
      } else if (c == quote) {
        quote = 0;
      }
    } else if (c == '\'' || c == '"' || c == '`') {
      quote = c;
    } else if (c == '/' && next == '/') {
      size_t nl = text.find('\n', i);
      i = (nl == std::string_view::npos ? text.size() : nl) - 1;
    } else if (c == '/' && next == '*') {
      size_t close = text.find("*/", i + 2);
      i = close == std::string_view::npos ? text.size() : close + 1;
    } else if (c == ';' || c == '\n') {
      on_boundary(i);
    }
  }
}

}  // namespace

std::vector<Statement> SplitStatements(std::string_view text) {
  std::vector<Statement> out;
  size_t begin = 0;
  ScanBoundaries(text, [&](size_t i) {
    if (text[i] == '\n') {
      std::string_view piece = text.substr(begin, i - begin);
      if (IsBlankQuery(piece) || NeedsMoreInput(piece) || !NextLineStartsQuery(text, i + 1)) {
        return;
      }
    }
    Push(text, begin, i, &out);
    begin = i + 1;
  });
  Push(text, begin, text.size(), &out);
  return out;
}

bool NeedsMoreInput(std::string_view text) {
  Diagnostics diags;
  bool at_end = false;
  return !ParseQuery(text, "", &diags, &at_end) && at_end;
}

bool HasTerminator(std::string_view text) {
  bool found = false;
  ScanBoundaries(text, [&](size_t i) { found = found || text[i] == ';'; });
  return found;
}

}  // namespace diplograph::query
