// query/parser_internal.h: the recursive-descent parser shared by
// parser.cc (clauses and patterns) and parser_expr.cc (expressions).
#ifndef DIPLOGRAPH_QUERY_PARSER_INTERNAL_H_
#define DIPLOGRAPH_QUERY_PARSER_INTERNAL_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diplograph/core/diagnostics.h"
#include "diplograph/query/ast.h"
#include "diplograph/query/lexer.h"

namespace diplograph::query::parser_internal {

// Stops at the first error: every Parse* returns false / nullptr after it.
class Parser {
 public:
  Parser(std::string_view src, std::string_view path, Diagnostics* diags);

  std::optional<Query> Parse(bool* at_end);

  // Expressions (parser_expr.cc).
  ExprPtr ParseExpr();

 private:
  // Tokens.
  const Token& Peek(size_t ahead = 0) const;
  const Token& Next();
  bool At(TokenKind kind) const { return Peek().kind == kind; }
  bool AtKeyword(std::string_view keyword, size_t ahead = 0) const;
  bool Accept(TokenKind kind);
  bool AcceptKeyword(std::string_view keyword);
  bool Expect(TokenKind kind, std::string_view what);
  bool ExpectKeyword(std::string_view keyword);
  bool ExpectName(std::string_view what, std::string* name, size_t* pos = nullptr);
  // "expected `what`, found 'x'" at the next token.
  bool FailExpected(std::string_view what);
  bool Fail(const Token& at, const std::string& message);
  bool FailUnsupported(const Token& at);
  std::string Describe(const Token& t) const;
  std::string SourceText(size_t pos, size_t end) const;

  // Clauses (parser.cc).
  bool ParseMatch(Query* q);
  bool ParseCall(Query* q);
  bool ParseYield(CallClause* call);
  bool ParseReturn(Query* q);
  bool ParseOrderBy(ReturnClause* ret);
  bool ParsePattern(PathPattern* p);
  bool ParseNode(NodePattern* n);
  bool ParseRel(RelPattern* r);
  bool ParseRelDetail(RelPattern* r);
  bool ParseRange(RelPattern* r);
  bool ParseNames(std::vector<std::string>* names, std::vector<size_t>* positions,
                  std::string_view what, bool colon_alternatives);
  bool ParseProps(std::vector<PropertyMatch>* props);

  // Expressions (parser_expr.cc).
  // Sets e->depth from its arguments; nullptr (an error) past kMaxQueryDepth.
  ExprPtr Sealed(ExprPtr e);
  // Counts one level of recursion; false (an error) past kMaxQueryDepth.
  bool Enter();
  void Leave() { --nesting_; }
  ExprPtr ParseOr();
  ExprPtr ParseXor();
  ExprPtr ParseAnd();
  ExprPtr ParseNot();
  ExprPtr ParseComparison();
  ExprPtr ParseAdditive();
  ExprPtr ParseMultiplicative();
  ExprPtr ParseUnary();
  ExprPtr ParsePostfix();
  ExprPtr ParseAtom();
  ExprPtr ParseParenthesized();
  ExprPtr ParseName();
  ExprPtr ParseFunction();
  ExprPtr ParseListLiteral();
  bool ComparisonOp(Op* op);

  std::string_view src_;
  std::string_view path_;
  Diagnostics* diags_;
  std::vector<Token> tokens_;
  size_t i_ = 0;
  bool failed_ = false;
  bool at_end_ = false;
  int nesting_ = 0;
  int pattern_elements_ = 0;
};

// Makes an expression node spanning [pos, end).
ExprPtr MakeExpr(ExprKind kind, size_t pos, size_t end);
ExprPtr MakeBinary(Op op, ExprPtr lhs, ExprPtr rhs);

// Words that start or continue clauses: never variables or function names.
// (IN is not one: where an expression starts it can only be a name, such
// as degree()'s field `in`.)
bool IsReservedWord(std::string_view word);

}  // namespace diplograph::query::parser_internal

#endif  // DIPLOGRAPH_QUERY_PARSER_INTERNAL_H_
