#include "diplograph/query/parser.h"

#include <doctest/doctest.h>

#include "diplograph/query/lexer.h"

namespace diplograph::query {
namespace {

std::vector<TokenKind> Kinds(std::string_view src) {
  Diagnostics diags;
  std::vector<TokenKind> out;
  for (const Token& t : Lex(src, "query", &diags)) out.push_back(t.kind);
  REQUIRE(diags.empty());
  return out;
}

// The parse error of `src` as a person sees it.
std::string ParseError(std::string_view src, bool* at_end = nullptr) {
  Diagnostics diags;
  std::optional<Query> q = ParseQuery(src, "query", &diags, at_end);
  CHECK_FALSE(q.has_value());
  REQUIRE(diags.items().size() == 1);
  return RenderQueryDiagnostic(diags.items()[0], src);
}

Query Parse(std::string_view src) {
  Diagnostics diags;
  std::optional<Query> q = ParseQuery(src, "query", &diags);
  INFO(src);
  REQUIRE(q.has_value());
  return std::move(*q);
}

TEST_CASE("Lexer.Tokens") {
  using K = TokenKind;
  CHECK(Kinds("(a)-[:x*1..3]->(b)") ==
        std::vector<K>{K::kLParen, K::kIdent, K::kRParen, K::kMinus, K::kLBracket, K::kColon,
                       K::kIdent, K::kStar, K::kInt, K::kDotDot, K::kInt, K::kRBracket, K::kMinus,
                       K::kGt, K::kLParen, K::kIdent, K::kRParen, K::kEnd});
  CHECK(Kinds("a <> b <= c >= d =~ e != f") ==
        std::vector<K>{K::kIdent, K::kNe, K::kIdent, K::kLe, K::kIdent, K::kGe, K::kIdent,
                       K::kRegexMatch, K::kIdent, K::kNe, K::kIdent, K::kEnd});
  CHECK(Kinds("1.5 2e3 .5 7 // comment\n/* block */ x") ==
        std::vector<K>{K::kFloat, K::kFloat, K::kFloat, K::kInt, K::kIdent, K::kEnd});

  SUBCASE("strings decode escapes, names may be quoted") {
    Diagnostics diags;
    std::vector<Token> t = Lex(R"('it\'s' "a\"b\n" `odd name` "\u00e9")", "query", &diags);
    REQUIRE(t.size() == 5);
    CHECK(t[0].text == "it's");
    CHECK(t[1].text == "a\"b\n");
    CHECK(t[2].text == "odd name");
    CHECK(t[2].quoted);
    CHECK(t[3].text == "\xc3\xa9");
  }
  SUBCASE("errors carry line:col") {
    Diagnostics diags;
    bool at_end = false;
    Lex("MATCH (a)\nWHERE a.name = 'Chin", "query", &diags, &at_end);
    REQUIRE(diags.items().size() == 1);
    CHECK(diags.items()[0].ToString() == "query:2:16: error: unterminated string");
    CHECK(at_end);
    Diagnostics more;
    Lex("RETURN a # b", "query", &more, &at_end);
    CHECK(more.items()[0].ToString() == "query:1:10: error: unexpected character '#'");
    CHECK_FALSE(at_end);
    Diagnostics quotes;
    Lex("MATCH (a {name: \xe2\x80\x9c"
        "China\xe2\x80\x9d})",
        "query", &quotes);
    CHECK(quotes.items()[0].message ==
          "unexpected character '\xe2\x80\x9c' (quote strings with ' or \")");
    Diagnostics big;
    Lex("LIMIT 99999999999999999999", "query", &big);
    CHECK(big.items()[0].message == "number 99999999999999999999 is too large");
  }
}

TEST_CASE("Parser.Patterns") {
  Query q = Parse(
      "MATCH (a:person|country {name: 'China'})<-[e:accused|:criticized*2..4]-(b), "
      "(c)-->(d)--(e) RETURN a");
  REQUIRE(q.matches.size() == 1);
  const PathPattern& p = q.matches[0].patterns[0];
  REQUIRE(p.nodes.size() == 2);
  CHECK(p.nodes[0].var == "a");
  CHECK(p.nodes[0].labels == std::vector<std::string>{"person", "country"});
  REQUIRE(p.nodes[0].props.size() == 1);
  CHECK(p.nodes[0].props[0].key == "name");
  CHECK(p.nodes[0].props[0].value->literal.s == "China");
  const RelPattern& r = p.rels[0];
  CHECK(r.var == "e");
  CHECK(r.types == std::vector<std::string>{"accused", "criticized"});
  CHECK(r.dir == Direction::kLeft);
  CHECK(r.var_length);
  CHECK(r.min_hops == 2);
  CHECK(r.max_hops == 4);
  const PathPattern& p2 = q.matches[0].patterns[1];
  REQUIRE(p2.rels.size() == 2);
  CHECK(p2.rels[0].dir == Direction::kRight);
  CHECK(p2.rels[1].dir == Direction::kBoth);
  CHECK_FALSE(p2.rels[0].var_length);

  SUBCASE("ranges") {
    auto range = [](std::string_view text) {
      Query rq = Parse("MATCH (a)-[" + std::string(text) + "]-(b) RETURN a");
      const RelPattern& rel = rq.matches[0].patterns[0].rels[0];
      return std::pair<int, int>(rel.min_hops, rel.max_hops);
    };
    CHECK(range("*") == std::pair(1, -1));
    CHECK(range("*2") == std::pair(2, 2));
    CHECK(range("*..3") == std::pair(1, 3));
    CHECK(range("*2..") == std::pair(2, -1));
    CHECK(range("r:met_with*0..1") == std::pair(0, 1));
  }
}

TEST_CASE("Parser.Clauses") {
  Query q = Parse(
      "match (a) where a.name starts with 'C' and not a.id in ['x', 'y'] "
      "return distinct a.name as n, count(*) order by n desc, a.id skip 1 limit 2;");
  REQUIRE(q.ret.has_value());
  CHECK(q.ret->distinct);
  REQUIRE(q.ret->items.size() == 2);
  CHECK(q.ret->items[0].column == "n");
  CHECK(q.ret->items[1].column == "count(*)");
  CHECK(q.ret->items[1].expr->kind == ExprKind::kCountStar);
  REQUIRE(q.ret->order.size() == 2);
  CHECK(q.ret->order[0].descending);
  CHECK_FALSE(q.ret->order[1].descending);
  CHECK(q.ret->skip->literal.i == 1);
  CHECK(q.ret->limit->literal.i == 2);
  const Expr& where = *q.matches[0].where;
  CHECK(where.op == Op::kAnd);
  CHECK(where.args[0]->op == Op::kStartsWith);
  CHECK(where.args[1]->op == Op::kNot);
  CHECK(where.args[1]->args[0]->op == Op::kIn);

  SUBCASE("precedence") {
    Query p = Parse("MATCH (a) WHERE a.x = 1 OR a.y = 2 AND NOT a.z IS NULL RETURN 1 + 2 * -3");
    const Expr& w = *p.matches[0].where;
    CHECK(w.op == Op::kOr);
    CHECK(w.args[1]->op == Op::kAnd);
    CHECK(w.args[1]->args[1]->op == Op::kNot);
    CHECK(w.args[1]->args[1]->args[0]->op == Op::kIsNull);
    const Expr& sum = *p.ret->items[0].expr;
    CHECK(sum.op == Op::kAdd);
    CHECK(sum.args[1]->op == Op::kMul);
    CHECK(sum.args[1]->args[1]->op == Op::kNeg);
  }
  SUBCASE("CALL with YIELD and WHERE") {
    Query c = Parse(
        "CALL pagerank(0.9) YIELD name AS who, score WHERE score > 0.1 "
        "RETURN who ORDER BY score DESC LIMIT 3");
    REQUIRE(c.call.has_value());
    CHECK(c.call->name == "pagerank");
    CHECK(c.call->args.size() == 1);
    REQUIRE(c.call->yields.size() == 2);
    CHECK(c.call->yields[0].field == "name");
    CHECK(c.call->yields[0].alias == "who");
    CHECK(c.call->where != nullptr);
    CHECK(Parse("CALL degree()").call->has_yield == false);
    CHECK(Parse("CALL degree() YIELD *").call->yield_star);
  }
  SUBCASE("column names keep the source text") {
    Query t = Parse("MATCH (a) RETURN toLower( a.name ),a.id");
    CHECK(t.ret->items[0].column == "toLower( a.name )");
    CHECK(t.ret->items[1].column == "a.id");
  }
}

TEST_CASE("Parser.Errors") {
  CHECK(ParseError("MATCH (a RETURN a") ==
        "query:1:10: error: expected ':', '{' or ')', found 'RETURN'\n"
        "MATCH (a RETURN a\n"
        "         ^\n");
  CHECK(ParseError("MATCH (a) RETURN a.name b.name") ==
        "query:1:25: error: expected ',', ORDER BY, SKIP, LIMIT or end of query, found 'b'\n"
        "MATCH (a) RETURN a.name b.name\n"
        "                        ^\n");
  CHECK(ParseError("MATCH (a)-[e:accused->(b) RETURN a") ==
        "query:1:21: error: expected ']', found '-'\n"
        "MATCH (a)-[e:accused->(b) RETURN a\n"
        "                    ^\n");
  CHECK(ParseError("MATCH (a)\n  WHERE a.name = RETURN a") ==
        "query:2:18: error: expected an expression, found 'RETURN'\n"
        "  WHERE a.name = RETURN a\n"
        "                 ^\n");
  CHECK(ParseError("MATCH (a:person:country) RETURN a") ==
        "query:1:16: error: a node has one label; write (n:a|b) to match either\n"
        "MATCH (a:person:country) RETURN a\n"
        "               ^\n");
  CHECK(ParseError("MATCH (a)-[*3..1]-(b) RETURN a") ==
        "query:1:12: error: the range *3..1 is empty\n"
        "MATCH (a)-[*3..1]-(b) RETURN a\n"
        "           ^\n");
  CHECK(ParseError("CREATE (a:person)") ==
        "query:1:1: error: CREATE is not supported (queries are read-only); the subset is "
        "MATCH ... WHERE ... RETURN and CALL ... YIELD ... RETURN\n"
        "CREATE (a:person)\n"
        "^\n");
  CHECK(ParseError("MATCH (a) WITH a RETURN a") ==
        "query:1:11: error: WITH is not supported; the subset is MATCH ... WHERE ... RETURN "
        "and CALL ... YIELD ... RETURN\n"
        "MATCH (a) WITH a RETURN a\n"
        "          ^\n");
  CHECK(ParseError("CALL pagerank() YIELD name score") ==
        "query:1:28: error: expected ',', WHERE, RETURN or end of query, found 'score'\n"
        "CALL pagerank() YIELD name score\n"
        "                           ^\n");
  CHECK(ParseError("MATCH (a) WHERE a.x IS 3 RETURN a") ==
        "query:1:24: error: expected NULL or NOT NULL, found '3'\n"
        "MATCH (a) WHERE a.x IS 3 RETURN a\n"
        "                       ^\n");

  SUBCASE("an unfinished query says so") {
    bool at_end = false;
    CHECK(ParseError("MATCH (a)-[:met_with]-(b)", &at_end) ==
          "query:1:26: error: expected ',', WHERE, MATCH or RETURN, found end of query\n"
          "MATCH (a)-[:met_with]-(b)\n"
          "                         ^\n");
    CHECK(at_end);
    ParseError("MATCH (a) RETURN a.name b", &at_end);
    CHECK_FALSE(at_end);
  }
  SUBCASE("the caret skips UTF-8 continuation bytes and keeps tabs") {
    CHECK(ParseError("MATCH (a {name: 'Élysée'}) RETURN a b") ==  // columns count bytes
          "query:1:39: error: expected ',', ORDER BY, SKIP, LIMIT or end of query, found 'b'\n"
          "MATCH (a {name: 'Élysée'}) RETURN a b\n"
          "                                    ^\n");
    CHECK(ParseError("MATCH (a)\tRETURN a b") ==
          "query:1:20: error: expected ',', ORDER BY, SKIP, LIMIT or end of query, found 'b'\n"
          "MATCH (a)\tRETURN a b\n"
          "         \t         ^\n");
  }
  SUBCASE("positions can be shifted for a query inside a larger text") {
    Diagnostic d{"query", 1, 3, Severity::kError, "boom"};
    CHECK(RenderQueryDiagnostic(d, "abcdef", 4, 10) == "query:5:13: error: boom\nabcdef\n  ^\n");
  }
}

}  // namespace
}  // namespace diplograph::query

namespace diplograph::query {
namespace {

TEST_CASE("Parser.Limits") {
  std::string chain = "MATCH ()";
  for (int k = 0; k < 300; ++k) chain += "-->()";
  chain += " RETURN 1";
  Diagnostics diags;
  CHECK_FALSE(ParseQuery(chain, "query", &diags).has_value());
  REQUIRE(diags.items().size() == 1);
  CHECK(diags.items()[0].message == "the query has too many nodes in its patterns (more than 200)");

  auto error = [](const std::string& q) {
    Diagnostics d;
    CHECK_FALSE(ParseQuery(q, "query", &d).has_value());
    return d.items().empty() ? std::string() : d.items()[0].message;
  };
  CHECK(error("MATCH (a) WHERE " + std::string(5000, '(') + "1" + std::string(5000, ')') +
              " RETURN a") == "the query nests too deeply (more than 200 levels)");
  std::string nots;
  for (int k = 0; k < 5000; ++k) nots += "NOT ";
  CHECK(error("MATCH (a) WHERE " + nots + "true RETURN a") ==
        "the query nests too deeply (more than 200 levels)");
  std::string sum = "1";
  for (int k = 0; k < 5000; ++k) sum += "+1";
  CHECK(error("MATCH (a) RETURN " + sum) ==
        "the expression is too deep (more than 200 levels); split it up");
  CHECK(error("MATCH (a)-[*1..1000]-(b) RETURN a") ==
        "a variable-length relationship goes at most 200 hops");
  std::string list = "1";
  for (int k = 0; k < 5000; ++k) list += ",1";
  Diagnostics fine;  // long but flat is fine
  CHECK(ParseQuery("MATCH (a) WHERE a.id IN [" + list + "] RETURN a", "query", &fine).has_value());
}

}  // namespace
}  // namespace diplograph::query
