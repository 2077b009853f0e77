// The query parser: clauses and patterns (expressions: parser_expr.cc).
#include "diplograph/query/parser.h"

#include <algorithm>

#include "diplograph/core/strings.h"
#include "parser_internal.h"

namespace diplograph::query {
namespace parser_internal {

Parser::Parser(std::string_view src, std::string_view path, Diagnostics* diags)
    : src_(src), path_(path), diags_(diags) {}

const Token& Parser::Peek(size_t ahead) const {
  return tokens_[std::min(i_ + ahead, tokens_.size() - 1)];
}

const Token& Parser::Next() {
  const Token& t = tokens_[i_];
  if (i_ + 1 < tokens_.size()) ++i_;
  return t;
}

bool Parser::AtKeyword(std::string_view keyword, size_t ahead) const {
  const Token& t = Peek(ahead);
  return t.kind == TokenKind::kIdent && !t.quoted && AsciiLower(t.text) == AsciiLower(keyword);
}

bool Parser::Accept(TokenKind kind) {
  if (!At(kind)) return false;
  Next();
  return true;
}

bool Parser::AcceptKeyword(std::string_view keyword) {
  if (!AtKeyword(keyword)) return false;
  Next();
  return true;
}

bool Parser::Expect(TokenKind kind, std::string_view what) {
  if (Accept(kind)) return true;
  return FailExpected(what);
}

bool Parser::ExpectKeyword(std::string_view keyword) {
  if (AcceptKeyword(keyword)) return true;
  return FailExpected(keyword);
}

bool Parser::ExpectName(std::string_view what, std::string* name, size_t* pos) {
  if (!At(TokenKind::kIdent)) return FailExpected(what);
  if (pos != nullptr) *pos = Peek().pos;
  *name = Next().text;
  return true;
}

std::string Parser::SourceText(size_t pos, size_t end) const {
  return std::string(src_.substr(pos, end - pos));
}

std::string Parser::Describe(const Token& t) const {
  if (t.kind == TokenKind::kEnd) return "end of query";
  std::string text = SourceText(t.pos, t.end);
  if (text.size() > 40) text = text.substr(0, 37) + "...";
  return "'" + text + "'";
}

bool Parser::Fail(const Token& at, const std::string& message) {
  if (failed_) return false;
  failed_ = true;
  at_end_ = at.kind == TokenKind::kEnd;
  int line = 0;
  int col = 0;
  LineColAt(src_, at.pos, &line, &col);
  diags_->Error(path_, line, col, message);
  return false;
}

bool Parser::FailExpected(std::string_view what) {
  const Token& t = Peek();
  if (t.kind == TokenKind::kIdent && !t.quoted) {
    static constexpr std::string_view kUnsupported[] = {"create",   "merge",  "delete",  "detach",
                                                        "set",      "remove", "with",    "unwind",
                                                        "optional", "union",  "foreach", "load"};
    std::string lower = AsciiLower(t.text);
    for (std::string_view u : kUnsupported) {
      if (lower == u) return FailUnsupported(t);
    }
  }
  return Fail(t, "expected " + std::string(what) + ", found " + Describe(t));
}

bool Parser::FailUnsupported(const Token& at) {
  std::string word = at.text;
  std::transform(word.begin(), word.end(), word.begin(),
                 [](char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c; });
  static constexpr std::string_view kWrites[] = {"CREATE", "MERGE",  "DELETE", "DETACH",
                                                 "SET",    "REMOVE", "LOAD",   "FOREACH"};
  bool write = std::find(std::begin(kWrites), std::end(kWrites), word) != std::end(kWrites);
  return Fail(at, word + " is not supported" +
                      (write ? std::string(" (queries are read-only)") : std::string()) +
                      "; the subset is MATCH ... WHERE ... RETURN and CALL ... YIELD ... RETURN");
}

namespace {

// What may come after a whole query, for "expected ..." at a stray token.
std::string_view WhatMayFollow(const Query& q) {
  if (q.ret) {
    const ReturnClause& r = *q.ret;
    if (r.limit) return "end of query";
    if (r.skip) return "LIMIT or end of query";
    if (!r.order.empty()) return "',', SKIP, LIMIT or end of query";
    if (r.star) return "ORDER BY, SKIP, LIMIT or end of query";
    return "',', ORDER BY, SKIP, LIMIT or end of query";
  }
  if (!q.call->has_yield) return "YIELD, RETURN or end of query";
  if (q.call->where || q.call->yield_star) return "RETURN or end of query";
  return "',', WHERE, RETURN or end of query";
}

}  // namespace

std::optional<Query> Parser::Parse(bool* at_end) {
  bool lex_at_end = false;
  size_t errors = diags_->items().size();
  tokens_ = Lex(src_, path_, diags_, &lex_at_end);
  bool lex_failed = diags_->items().size() > errors;
  Query q;
  q.source = std::string(src_);
  bool ok = false;
  if (lex_failed) {
    failed_ = true;
    at_end_ = lex_at_end;
  } else if (AtKeyword("MATCH")) {
    ok = ParseMatch(&q) && (AtKeyword("RETURN") ? ParseReturn(&q) : FailExpected("RETURN"));
  } else if (AtKeyword("CALL")) {
    ok = ParseCall(&q) && (!AtKeyword("RETURN") || ParseReturn(&q));
  } else {
    ok = FailExpected("MATCH or CALL");
  }
  if (ok) {
    Accept(TokenKind::kSemicolon);
    if (!At(TokenKind::kEnd)) ok = FailExpected(WhatMayFollow(q));
  }
  if (at_end != nullptr) *at_end = !ok && at_end_;
  if (!ok) return std::nullopt;
  return q;
}

bool Parser::ParseMatch(Query* q) {
  while (AtKeyword("MATCH")) {
    MatchClause m;
    m.pos = Next().pos;
    do {
      PathPattern p;
      if (!ParsePattern(&p)) return false;
      m.patterns.push_back(std::move(p));
    } while (Accept(TokenKind::kComma));
    if (AcceptKeyword("WHERE") && !(m.where = ParseExpr())) return false;
    q->matches.push_back(std::move(m));
    if (!AtKeyword("MATCH") && !AtKeyword("RETURN")) {
      return FailExpected(q->matches.back().where ? "MATCH or RETURN"
                                                  : "',', WHERE, MATCH or RETURN");
    }
  }
  return true;
}

bool Parser::ParseCall(Query* q) {
  CallClause call;
  call.pos = Next().pos;
  if (!ExpectName("a procedure name after CALL", &call.name)) return false;
  while (At(TokenKind::kDot) && Peek(1).kind == TokenKind::kIdent) {
    Next();
    call.name += "." + Next().text;
  }
  if (!Expect(TokenKind::kLParen, "'(' after the procedure name")) return false;
  if (!At(TokenKind::kRParen)) {
    do {
      ExprPtr arg = ParseExpr();
      if (!arg) return false;
      call.args.push_back(std::move(arg));
    } while (Accept(TokenKind::kComma));
  }
  if (!Expect(TokenKind::kRParen, "',' or ')'")) return false;
  if (AcceptKeyword("YIELD") && !ParseYield(&call)) return false;
  q->call = std::move(call);
  return true;
}

bool Parser::ParseYield(CallClause* call) {
  call->has_yield = true;
  if (Accept(TokenKind::kStar)) {
    call->yield_star = true;
  } else {
    do {
      YieldItem item;
      if (!ExpectName("a field name after YIELD", &item.field, &item.pos)) return false;
      item.alias = item.field;
      if (AcceptKeyword("AS") && !ExpectName("a name after AS", &item.alias)) return false;
      call->yields.push_back(std::move(item));
    } while (Accept(TokenKind::kComma));
  }
  if (AcceptKeyword("WHERE") && !(call->where = ParseExpr())) return false;
  return true;
}

bool Parser::ParseReturn(Query* q) {
  ReturnClause ret;
  ret.pos = Next().pos;
  ret.distinct = AcceptKeyword("DISTINCT");
  if (Accept(TokenKind::kStar)) {
    ret.star = true;
  } else {
    do {
      ReturnItem item;
      if (!(item.expr = ParseExpr())) return false;
      item.column = SourceText(item.expr->pos, item.expr->end);
      if (AcceptKeyword("AS")) {
        item.has_alias = true;
        if (!ExpectName("a column name after AS", &item.column)) return false;
      }
      ret.items.push_back(std::move(item));
    } while (Accept(TokenKind::kComma));
  }
  if (AtKeyword("ORDER") && !ParseOrderBy(&ret)) return false;
  if (AcceptKeyword("SKIP") && !(ret.skip = ParseExpr())) return false;
  if (AcceptKeyword("LIMIT") && !(ret.limit = ParseExpr())) return false;
  q->ret = std::move(ret);
  return true;
}

bool Parser::ParseOrderBy(ReturnClause* ret) {
  Next();
  if (!ExpectKeyword("BY")) return false;
  do {
    SortKey key;
    if (!(key.expr = ParseExpr())) return false;
    if (AcceptKeyword("DESC") || AcceptKeyword("DESCENDING")) {
      key.descending = true;
    } else if (!AcceptKeyword("ASC")) {
      AcceptKeyword("ASCENDING");
    }
    ret->order.push_back(std::move(key));
  } while (Accept(TokenKind::kComma));
  return true;
}

bool Parser::ParsePattern(PathPattern* p) {
  NodePattern first;
  if (!ParseNode(&first)) return false;
  p->nodes.push_back(std::move(first));
  while (At(TokenKind::kMinus) || (At(TokenKind::kLt) && Peek(1).kind == TokenKind::kMinus)) {
    RelPattern r;
    NodePattern n;
    if (!ParseRel(&r) || !ParseNode(&n)) return false;
    p->rels.push_back(std::move(r));
    p->nodes.push_back(std::move(n));
  }
  return true;
}

bool Parser::ParseNode(NodePattern* n) {
  n->pos = Peek().pos;
  if (++pattern_elements_ > kMaxQueryDepth) {
    return Fail(Peek(), "the query has too many nodes in its patterns (more than " +
                            std::to_string(kMaxQueryDepth) + ")");
  }
  if (!Expect(TokenKind::kLParen, "'(' to start a node pattern")) return false;
  if (At(TokenKind::kIdent)) n->var = Next().text;
  if (Accept(TokenKind::kColon)) {
    if (!ParseNames(&n->labels, &n->label_pos, "a label", false)) return false;
    if (At(TokenKind::kColon)) {
      return Fail(Peek(), "a node has one label; write (n:a|b) to match either");
    }
  }
  if (At(TokenKind::kLBrace) && !ParseProps(&n->props)) return false;
  return Expect(TokenKind::kRParen, n->props.empty() ? "':', '{' or ')'" : "')'");
}

bool Parser::ParseRel(RelPattern* r) {
  r->pos = Peek().pos;
  bool left = Accept(TokenKind::kLt);
  if (!Expect(TokenKind::kMinus, "'-'")) return false;
  if (At(TokenKind::kLBracket) && !ParseRelDetail(r)) return false;
  if (!Expect(TokenKind::kMinus, "'-' to close the relationship pattern")) return false;
  bool right = Accept(TokenKind::kGt);
  r->dir = left == right ? Direction::kBoth : (left ? Direction::kLeft : Direction::kRight);
  return true;
}

bool Parser::ParseRelDetail(RelPattern* r) {
  Next();  // '['
  if (At(TokenKind::kIdent)) r->var = Next().text;
  if (Accept(TokenKind::kColon) &&
      !ParseNames(&r->types, &r->type_pos, "a relationship type", true)) {
    return false;
  }
  if (At(TokenKind::kStar) && !ParseRange(r)) return false;
  if (At(TokenKind::kLBrace) && !ParseProps(&r->props)) return false;
  return Expect(TokenKind::kRBracket, "']'");
}

bool Parser::ParseRange(RelPattern* r) {
  const Token star = Next();
  r->var_length = true;
  r->min_hops = 1;
  r->max_hops = -1;
  auto hops = [&](int* out) {
    int64_t v = Next().int_value;
    *out = static_cast<int>(std::min<int64_t>(v, 1000000));
  };
  if (At(TokenKind::kInt)) {
    hops(&r->min_hops);
    r->max_hops = r->min_hops;
    if (Accept(TokenKind::kDotDot)) r->max_hops = -1;
  } else if (!Accept(TokenKind::kDotDot)) {
    return true;
  }
  if (r->max_hops == -1 && At(TokenKind::kInt)) hops(&r->max_hops);
  if (r->min_hops > kMaxQueryDepth || r->max_hops > kMaxQueryDepth) {
    return Fail(star, "a variable-length relationship goes at most " +
                          std::to_string(kMaxQueryDepth) + " hops");
  }
  if (r->max_hops >= 0 && r->max_hops < r->min_hops) {
    return Fail(star, "the range *" + std::to_string(r->min_hops) + ".." +
                          std::to_string(r->max_hops) + " is empty");
  }
  return true;
}

bool Parser::ParseNames(std::vector<std::string>* names, std::vector<size_t>* positions,
                        std::string_view what, bool colon_alternatives) {
  do {
    if (colon_alternatives && !names->empty()) Accept(TokenKind::kColon);
    std::string name;
    size_t pos = 0;
    if (!ExpectName(what, &name, &pos)) return false;
    names->push_back(std::move(name));
    positions->push_back(pos);
  } while (Accept(TokenKind::kPipe));
  return true;
}

bool Parser::ParseProps(std::vector<PropertyMatch>* props) {
  Next();  // '{'
  if (Accept(TokenKind::kRBrace)) return true;
  do {
    PropertyMatch m;
    if (!ExpectName("a property name", &m.key, &m.pos)) return false;
    if (!Expect(TokenKind::kColon, "':' after the property name")) return false;
    if (!(m.value = ParseExpr())) return false;
    props->push_back(std::move(m));
  } while (Accept(TokenKind::kComma));
  return Expect(TokenKind::kRBrace, "',' or '}'");
}

}  // namespace parser_internal

std::optional<Query> ParseQuery(std::string_view src, std::string_view path, Diagnostics* diags,
                                bool* at_end) {
  return parser_internal::Parser(src, path, diags).Parse(at_end);
}

std::string RenderQueryDiagnostic(const Diagnostic& d, std::string_view src, int line_offset,
                                  int col_offset) {
  Diagnostic shown = d;
  if (d.line > 0) {
    if (d.line == 1) shown.col += col_offset;
    shown.line += line_offset;
  }
  std::string out = shown.ToString() + "\n";
  if (d.line <= 0 || d.col <= 0) return out;
  size_t start = 0;
  for (int l = 1; l < d.line; ++l) {
    size_t nl = src.find('\n', start);
    if (nl == std::string_view::npos) return out;
    start = nl + 1;
  }
  size_t stop = src.find('\n', start);
  std::string_view line = src.substr(start, stop == std::string_view::npos ? stop : stop - start);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  out += std::string(line) + "\n";
  std::string caret;
  for (size_t k = 0; k + 1 < static_cast<size_t>(d.col) && k < line.size(); ++k) {
    unsigned char c = static_cast<unsigned char>(line[k]);
    if (c == '\t') {
      caret += '\t';
    } else if ((c & 0xC0) != 0x80) {
      caret += ' ';
    }
  }
  return out + caret + "^\n";
}

}  // namespace diplograph::query
