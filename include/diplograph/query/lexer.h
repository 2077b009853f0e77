// query/lexer.h: splits query text into tokens.
//
// Tokens keep byte offsets into the text and own only what had to be decoded
// (string literals with escapes, `quoted` identifiers). Keywords are plain
// identifiers; the parser compares them ignoring case. Arrows are not tokens:
// the parser reads `<-`, `->` and `--` from '<', '-' and '>'.
// Thread-safety: the functions keep no state.
#ifndef DIPLOGRAPH_QUERY_LEXER_H_
#define DIPLOGRAPH_QUERY_LEXER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "diplograph/core/diagnostics.h"

namespace diplograph::query {

enum class TokenKind {
  kEnd,
  kIdent,
  kString,
  kInt,
  kFloat,
  kLParen,
  kRParen,
  kLBracket,
  kRBracket,
  kLBrace,
  kRBrace,
  kComma,
  kColon,
  kSemicolon,
  kDot,
  kDotDot,
  kPipe,
  kStar,
  kPlus,
  kMinus,
  kSlash,
  kPercent,
  kEq,
  kNe,
  kLt,
  kLe,
  kGt,
  kGe,
  kRegexMatch,
};

struct Token {
  TokenKind kind = TokenKind::kEnd;
  size_t pos = 0;  // byte offsets into the text
  size_t end = 0;
  std::string text;     // kIdent: the name; kString: the decoded value
  bool quoted = false;  // kIdent written in backticks (never a keyword)
  int64_t int_value = 0;
  double float_value = 0.0;
};

// Tokens of `src`, ending with one kEnd token. `//` starts a comment to the
// end of the line. Strings take '...' or "..." with \\ \' \" \n \t \r \uXXXX
// escapes. On a bad character, an unterminated string or a number out of
// range, appends an error (path:line:col) to `diags` and stops there (the
// last token is then kEnd at the error). *at_end, if given, says whether the
// error was that the text ended early (an unterminated string or comment).
std::vector<Token> Lex(std::string_view src, std::string_view path, Diagnostics* diags,
                       bool* at_end = nullptr);

}  // namespace diplograph::query

#endif  // DIPLOGRAPH_QUERY_LEXER_H_
