// Fuzzes the query lexer and parser (query/lexer.h, query/parser.h) on
// arbitrary bytes. Checks their contract: ParseQuery returns nothing exactly
// when it reported an error; every diagnostic renders (with its caret line)
// whatever line and column it names.
#include <cstdint>
#include <string>
#include <string_view>

#include "diplograph/query/lexer.h"
#include "diplograph/query/parser.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 8192) return 0;
  std::string_view src(reinterpret_cast<const char*>(data), size);
  diplograph::Diagnostics lex_diags;
  auto tokens = diplograph::query::Lex(src, "fuzz", &lex_diags);
  FUZZ_CHECK(!tokens.empty() && tokens.back().kind == diplograph::query::TokenKind::kEnd,
             "tokens do not end with kEnd");
  for (const auto& t : tokens) {
    FUZZ_CHECK(t.pos <= t.end && t.end <= src.size(), "token outside the text");
  }
  diplograph::Diagnostics diags;
  bool at_end = false;
  auto query = diplograph::query::ParseQuery(src, "fuzz", &diags, &at_end);
  FUZZ_CHECK(query.has_value() != diags.HasErrors(), "result and errors disagree");
  for (const auto& d : diags.items()) {
    std::string shown = diplograph::query::RenderQueryDiagnostic(d, src);
    FUZZ_CHECK(!shown.empty() && shown.back() == '\n', "diagnostic does not render");
  }
  return 0;
}
