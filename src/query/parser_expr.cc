// The query parser: expressions, by precedence from OR down to atoms.
#include <algorithm>

#include "diplograph/core/strings.h"
#include "parser_internal.h"

namespace diplograph::query::parser_internal {

ExprPtr MakeExpr(ExprKind kind, size_t pos, size_t end) {
  auto e = std::make_unique<Expr>();
  e->kind = kind;
  e->pos = pos;
  e->end = end;
  return e;
}

ExprPtr MakeBinary(Op op, ExprPtr lhs, ExprPtr rhs) {
  ExprPtr e = MakeExpr(ExprKind::kBinary, lhs->pos, rhs->end);
  e->op = op;
  e->args.push_back(std::move(lhs));
  e->args.push_back(std::move(rhs));
  return e;
}

bool IsReservedWord(std::string_view word) {
  static constexpr std::string_view kWords[] = {
      "match",     "where",      "return", "call",   "yield",    "order",  "by",
      "skip",      "limit",      "and",    "or",     "xor",      "not",    "as",
      "distinct",  "contains",   "starts", "ends",   "is",       "asc",    "desc",
      "ascending", "descending", "with",   "unwind", "optional", "create", "merge",
      "delete",    "set",        "remove", "union",  "detach"};
  std::string lower = AsciiLower(word);
  return std::find(std::begin(kWords), std::end(kWords), lower) != std::end(kWords);
}

bool Parser::Enter() {
  if (++nesting_ <= kMaxQueryDepth) return true;
  return Fail(Peek(), "the query nests too deeply (more than " + std::to_string(kMaxQueryDepth) +
                          " levels)");
}

ExprPtr Parser::Sealed(ExprPtr e) {
  for (const ExprPtr& arg : e->args) e->depth = std::max(e->depth, arg->depth + 1);
  if (e->depth <= kMaxQueryDepth) return e;
  Fail(Peek(), "the expression is too deep (more than " + std::to_string(kMaxQueryDepth) +
                   " levels); split it up");
  return nullptr;
}

ExprPtr Parser::ParseExpr() {
  if (!Enter()) return nullptr;
  ExprPtr e = ParseOr();
  Leave();
  return e;
}

ExprPtr Parser::ParseOr() {
  ExprPtr lhs = ParseXor();
  while (lhs && AcceptKeyword("OR")) {
    ExprPtr rhs = ParseXor();
    if (!rhs) return nullptr;
    lhs = Sealed(MakeBinary(Op::kOr, std::move(lhs), std::move(rhs)));
  }
  return lhs;
}

ExprPtr Parser::ParseXor() {
  ExprPtr lhs = ParseAnd();
  while (lhs && AcceptKeyword("XOR")) {
    ExprPtr rhs = ParseAnd();
    if (!rhs) return nullptr;
    lhs = Sealed(MakeBinary(Op::kXor, std::move(lhs), std::move(rhs)));
  }
  return lhs;
}

ExprPtr Parser::ParseAnd() {
  ExprPtr lhs = ParseNot();
  while (lhs && AcceptKeyword("AND")) {
    ExprPtr rhs = ParseNot();
    if (!rhs) return nullptr;
    lhs = Sealed(MakeBinary(Op::kAnd, std::move(lhs), std::move(rhs)));
  }
  return lhs;
}

ExprPtr Parser::ParseNot() {
  if (!AtKeyword("NOT")) return ParseComparison();
  size_t pos = Next().pos;
  if (!Enter()) return nullptr;
  ExprPtr operand = ParseNot();
  Leave();
  if (!operand) return nullptr;
  ExprPtr e = MakeExpr(ExprKind::kUnary, pos, operand->end);
  e->op = Op::kNot;
  e->args.push_back(std::move(operand));
  return Sealed(std::move(e));
}

// Reads a comparison operator (two words for STARTS WITH / ENDS WITH).
bool Parser::ComparisonOp(Op* op) {
  static constexpr std::pair<TokenKind, Op> kSymbols[] = {
      {TokenKind::kEq, Op::kEq},           {TokenKind::kNe, Op::kNe}, {TokenKind::kLt, Op::kLt},
      {TokenKind::kLe, Op::kLe},           {TokenKind::kGt, Op::kGt}, {TokenKind::kGe, Op::kGe},
      {TokenKind::kRegexMatch, Op::kRegex}};
  for (const auto& [kind, o] : kSymbols) {
    if (Accept(kind)) {
      *op = o;
      return true;
    }
  }
  if (AcceptKeyword("IN")) {
    *op = Op::kIn;
  } else if (AcceptKeyword("CONTAINS")) {
    *op = Op::kContains;
  } else if (AtKeyword("STARTS") || AtKeyword("ENDS")) {
    *op = AtKeyword("STARTS") ? Op::kStartsWith : Op::kEndsWith;
    Next();
    if (!ExpectKeyword("WITH")) {
      *op = Op::kNone;
      return true;
    }
  } else {
    return false;
  }
  return true;
}

ExprPtr Parser::ParseComparison() {
  ExprPtr lhs = ParseAdditive();
  while (lhs) {
    if (AtKeyword("IS")) {
      Next();
      bool negated = AcceptKeyword("NOT");
      if (!AtKeyword("NULL")) return FailExpected(negated ? "NULL" : "NULL or NOT NULL"), nullptr;
      ExprPtr e = MakeExpr(ExprKind::kUnary, lhs->pos, Next().end);
      e->op = negated ? Op::kIsNotNull : Op::kIsNull;
      e->args.push_back(std::move(lhs));
      lhs = Sealed(std::move(e));
      continue;
    }
    Op op = Op::kNone;
    if (!ComparisonOp(&op)) break;
    if (op == Op::kNone) return nullptr;
    ExprPtr rhs = ParseAdditive();
    if (!rhs) return nullptr;
    lhs = Sealed(MakeBinary(op, std::move(lhs), std::move(rhs)));
  }
  return lhs;
}

ExprPtr Parser::ParseAdditive() {
  ExprPtr lhs = ParseMultiplicative();
  while (lhs && (At(TokenKind::kPlus) || At(TokenKind::kMinus))) {
    Op op = Next().kind == TokenKind::kPlus ? Op::kAdd : Op::kSub;
    ExprPtr rhs = ParseMultiplicative();
    if (!rhs) return nullptr;
    lhs = Sealed(MakeBinary(op, std::move(lhs), std::move(rhs)));
  }
  return lhs;
}

ExprPtr Parser::ParseMultiplicative() {
  ExprPtr lhs = ParseUnary();
  while (lhs && (At(TokenKind::kStar) || At(TokenKind::kSlash) || At(TokenKind::kPercent))) {
    TokenKind k = Next().kind;
    Op op = k == TokenKind::kStar ? Op::kMul : (k == TokenKind::kSlash ? Op::kDiv : Op::kMod);
    ExprPtr rhs = ParseUnary();
    if (!rhs) return nullptr;
    lhs = Sealed(MakeBinary(op, std::move(lhs), std::move(rhs)));
  }
  return lhs;
}

ExprPtr Parser::ParseUnary() {
  if (!At(TokenKind::kMinus) && !At(TokenKind::kPlus)) return ParsePostfix();
  const Token& sign = Next();
  Op op = sign.kind == TokenKind::kMinus ? Op::kNeg : Op::kPlus;
  size_t pos = sign.pos;
  if (!Enter()) return nullptr;
  ExprPtr operand = ParseUnary();
  Leave();
  if (!operand) return nullptr;
  ExprPtr e = MakeExpr(ExprKind::kUnary, pos, operand->end);
  e->op = op;
  e->args.push_back(std::move(operand));
  return Sealed(std::move(e));
}

ExprPtr Parser::ParsePostfix() {
  ExprPtr e = ParseAtom();
  while (e) {
    if (Accept(TokenKind::kDot)) {
      if (!At(TokenKind::kIdent)) return FailExpected("a property name after '.'"), nullptr;
      const Token& name = Next();
      ExprPtr p = MakeExpr(ExprKind::kProperty, e->pos, name.end);
      p->name = name.text;
      p->args.push_back(std::move(e));
      e = Sealed(std::move(p));
    } else if (At(TokenKind::kLBracket)) {
      Next();
      ExprPtr index = ParseExpr();
      if (!index) return nullptr;
      size_t end = Peek().end;
      if (!Expect(TokenKind::kRBracket, "']'")) return nullptr;
      ExprPtr x = MakeExpr(ExprKind::kIndex, e->pos, end);
      x->args.push_back(std::move(e));
      x->args.push_back(std::move(index));
      e = Sealed(std::move(x));
    } else {
      break;
    }
  }
  return e;
}

ExprPtr Parser::ParseAtom() {
  const Token& t = Peek();
  switch (t.kind) {
    case TokenKind::kInt:
    case TokenKind::kFloat:
    case TokenKind::kString: {
      ExprPtr e = MakeExpr(ExprKind::kLiteral, t.pos, t.end);
      e->literal = t.kind == TokenKind::kInt     ? Value::Int(t.int_value)
                   : t.kind == TokenKind::kFloat ? Value::Float(t.float_value)
                                                 : Value::String(t.text);
      Next();
      return e;
    }
    case TokenKind::kLBracket:
      return ParseListLiteral();
    case TokenKind::kLParen:
      return ParseParenthesized();
    case TokenKind::kIdent:
      return ParseName();
    default:
      return FailExpected("an expression"), nullptr;
  }
}

ExprPtr Parser::ParseParenthesized() {
  size_t pos = Next().pos;
  ExprPtr inner = ParseExpr();
  if (!inner) return nullptr;
  size_t end = Peek().end;
  if (!Expect(TokenKind::kRParen, "')'")) return nullptr;
  inner->pos = pos;
  inner->end = end;
  return inner;
}

// true, false, null, a function call or a variable.
ExprPtr Parser::ParseName() {
  const Token& t = Peek();
  if (!t.quoted) {
    std::string word = AsciiLower(t.text);
    if (word == "true" || word == "false" || word == "null") {
      ExprPtr e = MakeExpr(ExprKind::kLiteral, t.pos, t.end);
      if (word != "null") e->literal = Value::Bool(word == "true");
      Next();
      return e;
    }
    if (IsReservedWord(word)) return FailExpected("an expression"), nullptr;
  }
  if (Peek(1).kind == TokenKind::kLParen) return ParseFunction();
  ExprPtr e = MakeExpr(ExprKind::kVariable, t.pos, t.end);
  e->name = Next().text;
  return e;
}

ExprPtr Parser::ParseFunction() {
  const Token& name = Next();
  ExprPtr e = MakeExpr(ExprKind::kFunction, name.pos, name.end);
  e->name = name.text;
  Next();                      // '('
  if (At(TokenKind::kStar)) {  // count(*); the binder rejects other names
    Next();
    e->kind = ExprKind::kCountStar;
  } else if (!At(TokenKind::kRParen)) {
    e->distinct = AcceptKeyword("DISTINCT");
    do {
      ExprPtr arg = ParseExpr();
      if (!arg) return nullptr;
      e->args.push_back(std::move(arg));
    } while (Accept(TokenKind::kComma));
  }
  e->end = Peek().end;
  if (!Expect(TokenKind::kRParen, e->args.empty() ? "')'" : "',' or ')'")) return nullptr;
  return Sealed(std::move(e));
}

ExprPtr Parser::ParseListLiteral() {
  size_t pos = Next().pos;
  ExprPtr e = MakeExpr(ExprKind::kList, pos, pos);
  if (!At(TokenKind::kRBracket)) {
    do {
      ExprPtr item = ParseExpr();
      if (!item) return nullptr;
      e->args.push_back(std::move(item));
    } while (Accept(TokenKind::kComma));
  }
  e->end = Peek().end;
  if (!Expect(TokenKind::kRBracket, "',' or ']'")) return nullptr;
  return Sealed(std::move(e));
}

}  // namespace diplograph::query::parser_internal
