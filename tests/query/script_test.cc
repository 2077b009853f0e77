#include "diplograph/query/script.h"

#include <doctest/doctest.h>

#include <sstream>

#include "diplograph/query/result.h"

namespace diplograph::query {
namespace {

std::vector<std::string> Texts(std::string_view text) {
  std::vector<std::string> out;
  for (const Statement& s : SplitStatements(text)) {
    out.push_back(std::to_string(s.line) + ":" + std::to_string(s.col) + " " + s.text);
  }
  return out;
}

using Strings = std::vector<std::string>;

TEST_CASE("Script.SplitStatements") {
  CHECK(Texts("MATCH (a) RETURN a\nCALL degree()\n\n  MATCH (b) RETURN b\n") ==
        Strings{"1:1 MATCH (a) RETURN a", "2:1 CALL degree()", "4:3 MATCH (b) RETURN b"});
  CHECK(Texts("MATCH (a) RETURN a; MATCH (b) RETURN b;") ==
        Strings{"1:1 MATCH (a) RETURN a", "1:21 MATCH (b) RETURN b"});
  CHECK(Texts("MATCH (a)\nWHERE a.name = 'x;y'\nRETURN a\nORDER BY a.name;\n// done\n") ==
        Strings{"1:1 MATCH (a)\nWHERE a.name = 'x;y'\nRETURN a\nORDER BY a.name"});
  CHECK(Texts("CALL pagerank()\nYIELD name\nRETURN name\nMATCH (a) RETURN a") ==
        Strings{"1:1 CALL pagerank()\nYIELD name\nRETURN name", "4:1 MATCH (a) RETURN a"});
  CHECK(Texts("MATCH (a) RETURN a oops\nMATCH (b) RETURN b") ==
        Strings{"1:1 MATCH (a) RETURN a oops", "2:1 MATCH (b) RETURN b"});
  CHECK(Texts("  \n// only a comment\n;;\n").empty());
}

TEST_CASE("Script.NeedsMoreInput") {
  CHECK(NeedsMoreInput("MATCH (a)"));
  CHECK(NeedsMoreInput("MATCH (a) WHERE a.name = 'unfinished"));
  CHECK_FALSE(NeedsMoreInput("MATCH (a) RETURN a"));
  CHECK_FALSE(NeedsMoreInput("MATCH (a) RETURN a b"));
  CHECK_FALSE(NeedsMoreInput("CALL pagerank()"));
  CHECK(HasTerminator("MATCH (a) RETURN a;"));
  CHECK_FALSE(HasTerminator("MATCH (a {name: ';'}) RETURN a"));
}

ResultTable Sample() {
  ResultTable t;
  t.columns = {"name", "score", "tags"};
  t.rows.push_back(
      {Value::String("Élysée"), Value::Float(0.25), Value::List({Value::String("a")})});
  t.rows.push_back({Value::String("say \"hi\", ok"), Value::Int(12), Value()});
  return t;
}

TEST_CASE("Result.Writers") {
  std::ostringstream text;
  WriteTextTable(Sample(), text);
  CHECK(text.str() ==
        "name          score  tags\n"
        "------------  -----  ----\n"
        "Élysée         0.25  [a]\n"
        "say \"hi\", ok     12  null\n");
  std::ostringstream json;
  WriteJsonRows(Sample(), json);
  CHECK(json.str() ==
        "[\n"
        "{\"name\":\"Élysée\",\"score\":0.25,\"tags\":[\"a\"]},\n"
        "{\"name\":\"say \\\"hi\\\", ok\",\"score\":12,\"tags\":null}\n"
        "]\n");
  std::ostringstream csv;
  WriteCsvRows(Sample(), csv);
  CHECK(csv.str() ==
        "name,score,tags\n"
        "Élysée,0.25,\"[\"\"a\"\"]\"\n"
        "\"say \"\"hi\"\", ok\",12,\n");
  std::ostringstream empty;
  WriteJsonRows(ResultTable{{"x"}, {}}, empty);
  CHECK(empty.str() == "[]\n");
}

}  // namespace
}  // namespace diplograph::query
