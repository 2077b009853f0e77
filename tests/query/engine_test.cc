#include "diplograph/query/engine.h"

#include <doctest/doctest.h>

#include "query_fixtures.h"

namespace diplograph::query {
namespace {

using testing::Cells;
using testing::Column;
using testing::ErrorOf;
using testing::Run;
using testing::Strings;
using testing::Table;
using testing::World;

TEST_CASE("Match.NodePatterns") {
  World w;
  const QueryEngine& e = w.engine;
  CHECK(Column(Run(e, "MATCH (n:person) RETURN n.name ORDER BY n.name")) ==
        Strings{"Donald Trump", "Guo Shengkun", "Jeh Johnson", "Loretta Lynch"});
  CHECK(Column(Run(e, "MATCH (n:Organization|PERSON {country: 'CHN'}) RETURN n.id")) ==
        Strings{"guo-shengkun", "pla"});
  SUBCASE("a name matches the label or any alias, ignoring case") {
    CHECK(Column(Run(e, "MATCH (n {name: 'washington'}) RETURN n.name")) ==
          Strings{"United States"});
    CHECK(Column(Run(e, "MATCH (n {name: 'CHINA'}) RETURN n.id")) == Strings{"china"});
    CHECK(Column(Run(e, "MATCH (n {id: 'US-DOJ'}) RETURN n.name")) ==
          Strings{"Department of Justice"});
    CHECK(Run(e, "MATCH (n {name: 'Atlantis'}) RETURN n").rows.empty());
  }
  SUBCASE("nodes come back as maps") {
    CHECK(Cells(Run(e, "MATCH (n {name: 'Kenya'}) RETURN n")) ==
          Table{{"{id: kenya, name: Kenya, type: country, country: KEN}"}});
  }
  SUBCASE("node properties") {
    CHECK(Cells(Run(e,
                    "MATCH (n {name: 'China'}) RETURN n.aliases, n.documents, n.mentions, "
                    "n.type, n.cameo, n.label")) ==
          Table{{"[Beijing]", "[d1, d2, d3]", "3", "country", "null", "China"}});
  }
}

TEST_CASE("Match.Relationships") {
  World w;
  const QueryEngine& e = w.engine;
  SUBCASE("directed types match one way") {
    CHECK(Run(e, "MATCH (a {name: 'China'})-[:accused]->(b) RETURN b").rows.empty());
    CHECK(Column(Run(e, "MATCH (a {name: 'China'})<-[:accused]-(b) RETURN b.name")) ==
          Strings{"United States"});
    CHECK(Column(Run(e, "MATCH (a {name: 'China'})-[:accused]-(b) RETURN b.name")) ==
          Strings{"United States"});
  }
  SUBCASE("met_with is symmetric: either arrow matches") {
    const char* kOut = "MATCH (a {name: 'Loretta Lynch'})-[:met_with]->(b) RETURN b.name";
    const char* kIn = "MATCH (a {name: 'Loretta Lynch'})<-[:met_with]-(b) RETURN b.name";
    CHECK(Column(Run(e, kOut)) == Strings{"Guo Shengkun"});
    CHECK(Column(Run(e, kIn)) == Strings{"Guo Shengkun"});
    CHECK(Column(Run(e,
                     "MATCH (a {name: 'Guo Shengkun'})-[:met_with]-(b) RETURN b.name "
                     "ORDER BY b.name")) == Strings{"Jeh Johnson", "Loretta Lynch"});
  }
  SUBCASE("an undirected pattern gives each edge in both orientations") {
    CHECK(Cells(Run(e, "MATCH (a)-[r:agreed]-(b) RETURN a.name, b.name ORDER BY a.name")) ==
          Table{{"China", "United States"},
                {"Kenya", "Somalia"},
                {"Somalia", "Kenya"},
                {"United States", "China"}});
  }
  SUBCASE("type alternatives and edge properties") {
    CHECK(Cells(Run(e,
                    "MATCH (a {name: 'China'})-[r:accused|criticized]-(b) "
                    "RETURN type(r), startNode(r).name, b.name, r.weight, r.first_date, "
                    "r.last_date ORDER BY type(r), b.name")) ==
          Table{{"accused", "United States", "United States", "2", "2014-05-20", "2016-12-08"},
                {"criticized", "Donald Trump", "Donald Trump", "1", "2017-01-09", "2017-01-09"},
                {"criticized", "China", "United States", "1", "2014-05-20", "2014-05-20"}});
    CHECK(Cells(Run(e,
                    "MATCH ()-[r {weight: 2}]->() RETURN r.source, r.target, r.documents, "
                    "r.dates, r.symmetric, r.cameo, r.goldstein, r.mentions")) ==
          Table{{"usa", "china", "[d1, d2]", "[2014-05-20, 2016-12-08]", "false", "112", "-2.0",
                 "2"}});
    CHECK(Column(Run(e, "MATCH (a {name: 'United States'})-[r:accused]->() RETURN r.evidence")) ==
          Strings{"Washington accused Beijing."});
    CHECK(Cells(Run(e, "MATCH (:person {name: 'Guo Shengkun'})-[r:visited]->() RETURN r")) ==
          Table{{"{source: guo-shengkun, target: usa, type: visited, weight: 1}"}});
  }
  SUBCASE("several patterns share variables; a relationship is used once a row") {
    CHECK(Cells(Run(e,
                    "MATCH (g {name: 'Guo Shengkun'})-[:met_with]-(p), (p)-[:met_with]-(q) "
                    "RETURN count(*)")) == Table{{"0"}});
    CHECK(Cells(Run(e,
                    "MATCH (p:person {name: 'Jeh Johnson'}), (c:country {name: 'Kenya'}) "
                    "RETURN p.name, c.name")) == Table{{"Jeh Johnson", "Kenya"}});
    CHECK(Cells(Run(e,
                    "MATCH (a)-[:visited]->(c) MATCH (c)<-[:accused]-(x) "
                    "WHERE x.name = 'United States' RETURN a.name, c.name")) == Table{});
    CHECK(Cells(Run(e,
                    "MATCH (a)-[:visited]->(c) MATCH (c)-[:accused]->(x) RETURN a.name, "
                    "x.name")) == Table{{"Guo Shengkun", "China"}});
  }
}

TEST_CASE("Match.VariableLength") {
  World w;
  const QueryEngine& e = w.engine;
  CHECK(Column(Run(e,
                   "MATCH (a {name: 'Jeh Johnson'})-[:met_with*1..2]-(b) "
                   "RETURN DISTINCT b.name ORDER BY b.name")) ==
        Strings{"Guo Shengkun", "Loretta Lynch"});
  CHECK(Column(Run(e, "MATCH (a {name: 'Jeh Johnson'})-[:met_with*2]-(b) RETURN b.name")) ==
        Strings{"Loretta Lynch"});
  CHECK(Column(Run(e,
                   "MATCH (a {name: 'Jeh Johnson'})-[r:met_with*0..1]-(b) "
                   "RETURN size(r) ORDER BY size(r)")) == Strings{"0", "1"});
  CHECK(Cells(Run(e,
                  "MATCH (a {name: 'Jeh Johnson'})-[r*]-(b {name: 'Donald Trump'}) "
                  "RETURN min(size(r)), max(size(r)) <= 10")) == Table{{"4", "true"}});
  CHECK(Cells(Run(e, "MATCH (a {name: 'Jeh Johnson'})-[r:met_with|visited*3]->(b) RETURN b")) ==
        Table{});
}

TEST_CASE("Match.Where") {
  World w;
  const QueryEngine& e = w.engine;
  auto names = [&](const std::string& where) {
    return Column(Run(e, "MATCH (n) WHERE " + where + " RETURN n.name ORDER BY n.name"));
  };
  CHECK(names("n.name = 'China' OR n.id = 'kenya'") == Strings{"China", "Kenya"});
  CHECK(names("n.type = 'person' AND NOT n.name STARTS WITH 'J'") ==
        Strings{"Donald Trump", "Guo Shengkun", "Loretta Lynch"});
  CHECK(names("n.name CONTAINS 'ment'") == Strings{"Department of Justice"});
  CHECK(names("n.name ENDS WITH 'ia'") == Strings{"Somalia"});
  CHECK(names("n.name =~ '(?i)j.*n'") == Strings{"Jeh Johnson"});
  CHECK(names("n.id IN ['pla', 'usa', 'nobody']") ==
        Strings{"People's Liberation Army", "United States"});
  CHECK(names("n.cameo IS NULL AND n.country IS NOT NULL AND n.country <> 'USA' AND "
              "n.type = 'country'") == Strings{"China", "Kenya", "Somalia"});
  CHECK(names("n.mentions >= 3") == Strings{"China"});
  CHECK(names("n.mentions < 2 AND n.mentions > 0 AND n.mentions <= 1 AND n.name < 'E'") ==
        Strings{"Department of Justice", "Donald Trump"});
  CHECK(names("size(n.aliases) = 2 XOR n.name = 'China'") == Strings{"China", "United States"});
  CHECK(names("'Beijing' IN n.aliases") == Strings{"China"});
  SUBCASE("dates compare as strings") {
    CHECK(Cells(Run(e,
                    "MATCH (a)-[e:accused]->(b {name: 'China'}) WHERE e.last_date >= '2014' "
                    "RETURN a.name, e.weight ORDER BY e.weight DESC")) ==
          Table{{"United States", "2"}});
    CHECK(Run(e, "MATCH ()-[e]->() WHERE e.first_date > '2026' RETURN e").rows.empty());
  }
}

TEST_CASE("Return.Aggregation") {
  World w;
  const QueryEngine& e = w.engine;
  CHECK(Cells(Run(e,
                  "MATCH (a)-[r]->(b {name: 'China'}) RETURN type(r) AS t, count(*) AS n, "
                  "collect(a.name) AS who ORDER BY t")) ==
        Table{{"accused", "1", "[United States]"}, {"criticized", "1", "[Donald Trump]"}});
  CHECK(Cells(Run(e,
                  "MATCH ()-[r]->() RETURN count(r), sum(r.weight), min(r.first_date), "
                  "max(r.last_date), avg(r.weight)")) ==
        Table{{"12", "13", "2014-05-19", "2025-01-01", "1.08333"}});  // met_with both ways
  CHECK(Cells(Run(e, "MATCH (n) RETURN n.type, count(*) AS n ORDER BY n DESC, n.type")) ==
        Table{{"country", "4"}, {"person", "4"}, {"organization", "2"}});
  CHECK(Cells(Run(e, "MATCH (a:person)-[r]-() RETURN count(DISTINCT a), count(a)")) ==
        Table{{"4", "6"}});
  CHECK(Cells(Run(e,
                  "MATCH (n {name: 'nobody'}) RETURN count(*), sum(n.mentions), "
                  "avg(n.mentions), collect(n.name)")) == Table{{"0", "0", "null", "[]"}});
  CHECK(Run(e, "MATCH (n {name: 'nobody'}) RETURN n.type, count(*)").rows.empty());
  CHECK(Cells(Run(e, "MATCH (n:country) RETURN count(*) * 10 + 1 AS x, size(collect(n.id))")) ==
        Table{{"41", "4"}});
  CHECK(Cells(Run(e,
                  "MATCH (n:country) RETURN DISTINCT n.country IN ['USA', 'CHN'] AS big "
                  "ORDER BY big")) == Table{{"false"}, {"true"}});
}

TEST_CASE("Return.OrderSkipLimit") {
  World w;
  const QueryEngine& e = w.engine;
  const char* kBase = "MATCH (n:person) RETURN n.name AS name, n.country AS c ";
  CHECK(Column(Run(e, std::string(kBase) + "ORDER BY c DESC, name")) ==
        Strings{"Donald Trump", "Jeh Johnson", "Loretta Lynch", "Guo Shengkun"});
  CHECK(Column(Run(e, std::string(kBase) + "ORDER BY name SKIP 1 LIMIT 2")) ==
        Strings{"Guo Shengkun", "Jeh Johnson"});
  CHECK(Column(Run(e, std::string(kBase) + "ORDER BY toLower(n.id) DESC LIMIT 1")) ==
        Strings{"Loretta Lynch"});
  CHECK(Run(e, std::string(kBase) + "LIMIT 0").rows.empty());
  CHECK(Run(e, std::string(kBase) + "SKIP 10").rows.empty());
  CHECK(Run(e, "MATCH (n) RETURN n.id LIMIT 3").rows.size() == 3);
  SUBCASE("nulls sort last ascending, first descending") {
    CHECK(Column(Run(e, "MATCH (n:country) RETURN n.cameo AS x, n.name ORDER BY x, n.name"), 1)
              .size() == 4);
    CHECK(Column(Run(e, "MATCH ()-[r]->() RETURN r.first_date AS d ORDER BY d DESC LIMIT 1")) ==
          Strings{"null"});
    CHECK(Column(Run(e, "MATCH ()-[r]->() RETURN r.first_date AS d ORDER BY d LIMIT 1")) ==
          Strings{"2014-05-19"});
  }
  SUBCASE("RETURN * lists the named variables by name") {
    ResultTable t = Run(e, "MATCH (b {name: 'Kenya'})-[a:agreed]->(c) RETURN *");
    CHECK(t.columns == Strings{"a", "b", "c"});
  }
}

TEST_CASE("Return.Functions") {
  World w;
  const QueryEngine& e = w.engine;
  CHECK(Cells(Run(e,
                  "MATCH (n {name: 'PLA'}) RETURN id(n), labels(n), label(n), "
                  "toUpper(n.name), toLower('AbC'), size(n.name), coalesce(n.cameo, 'none'), "
                  "toString(1.5), toInteger('42'), toFloat('2'), abs(-3), round(2.5), "
                  "trim('  x '), head(n.aliases), last([1, 2]), split('a,b', ',')")) ==
        Table{{"pla", "[organization]", "organization", "PEOPLE'S LIBERATION ARMY", "abc", "24",
               "none", "1.5", "42", "2.0", "3", "3.0", "x", "PLA", "2", "[a, b]"}});
  CHECK(Cells(Run(e,
                  "MATCH (a {name: 'Kenya'})-[r]->(b) RETURN id(r), endNode(r).id, "
                  "r.weight + 0.5, 'x' + r.weight, [1] + [2, 3], 7 / 2, 7 % 4, 1 / 2.0")) ==
        Table{{"kenya-agreed->somalia", "somalia", "1.5", "x1", "[1, 2, 3]", "3", "3", "0.5"}});
}

TEST_CASE("Check.Errors") {
  World w;
  const QueryEngine& e = w.engine;
  CHECK(ErrorOf(e, "MATCH (a:persn) RETURN a") ==
        "query:1:10: error: unknown label 'persn' (did you mean 'person'?)\n"
        "MATCH (a:persn) RETURN a\n"
        "         ^\n");
  CHECK(ErrorOf(e, "MATCH (a)-[:meet_with]->(b) RETURN b") ==
        "query:1:13: error: unknown relationship type 'meet_with' (did you mean 'met_with'?)\n"
        "MATCH (a)-[:meet_with]->(b) RETURN b\n"
        "            ^\n");
  CHECK(ErrorOf(e, "MATCH (a)-[r]->(b) RETURN a.nme, r.wieght") ==
        "query:1:29: error: unknown property 'nme' of node 'a' (did you mean 'name'?)\n"
        "MATCH (a)-[r]->(b) RETURN a.nme, r.wieght\n"
        "                            ^\n"
        "query:1:36: error: unknown property 'wieght' of relationship 'r' (did you mean "
        "'weight'?)\n"
        "MATCH (a)-[r]->(b) RETURN a.nme, r.wieght\n"
        "                                   ^\n");
  CHECK(ErrorOf(e, "MATCH (a {nmae: 'China'}) RETURN a") ==
        "query:1:11: error: unknown node property 'nmae' (did you mean 'name'?)\n"
        "MATCH (a {nmae: 'China'}) RETURN a\n"
        "          ^\n");
  CHECK(ErrorOf(e, "MATCH (abc) RETURN abd.name") ==
        "query:1:20: error: unknown variable 'abd' (did you mean 'abc'?)\n"
        "MATCH (abc) RETURN abd.name\n"
        "                   ^\n");
  CHECK(ErrorOf(e, "MATCH (a) RETURN cont(a)") ==
        "query:1:18: error: unknown function 'cont' (did you mean 'count'?)\n"
        "MATCH (a) RETURN cont(a)\n"
        "                 ^\n");
  CHECK(ErrorOf(e, "MATCH (a) WHERE count(a) > 1 RETURN a") ==
        "query:1:17: error: count() is an aggregate; use it in RETURN, not in WHERE, pattern "
        "properties or ORDER BY\n"
        "MATCH (a) WHERE count(a) > 1 RETURN a\n"
        "                ^\n");
  CHECK(ErrorOf(e, "MATCH (a) RETURN toLower(a.name, 1)") ==
        "query:1:18: error: toLower() takes 1 argument, got 2\n"
        "MATCH (a) RETURN toLower(a.name, 1)\n"
        "                 ^\n");
  CHECK(ErrorOf(e, "MATCH (a) WHERE a.name =~ '(' RETURN a") ==
        "query:1:27: error: bad regular expression: missing ): (\n"
        "MATCH (a) WHERE a.name =~ '(' RETURN a\n"
        "                          ^\n");
  CHECK(ErrorOf(e, "MATCH (a) RETURN a.name, count(*) ORDER BY a.id") ==
        "query:1:44: error: after an aggregation, ORDER BY can only use the returned columns "
        "(by name or alias)\n"
        "MATCH (a) RETURN a.name, count(*) ORDER BY a.id\n"
        "                                           ^\n");
  CHECK(ErrorOf(e, "MATCH (a) RETURN a LIMIT -1") ==
        "query:1:26: error: LIMIT needs a non-negative whole number, such as LIMIT 10\n"
        "MATCH (a) RETURN a LIMIT -1\n"
        "                         ^\n");
  CHECK(ErrorOf(e, "MATCH (a)-[r*1..2]-(b) RETURN r.weight") ==
        "query:1:33: error: 'r' is a list of relationships (a variable-length pattern); take "
        "one first, as in r[0].weight\n"
        "MATCH (a)-[r*1..2]-(b) RETURN r.weight\n"
        "                                ^\n");
  CHECK(ErrorOf(e, "MATCH (a) RETURN a.name, a.name") ==
        "query:1:26: error: the column 'a.name' appears twice; name one with AS\n"
        "MATCH (a) RETURN a.name, a.name\n"
        "                         ^\n");
  SUBCASE("runtime errors") {
    CHECK(ErrorOf(e, "MATCH (a {name: 'China'}) RETURN a.mentions / 0") ==
          "query:1:34: error: division by zero\n"
          "MATCH (a {name: 'China'}) RETURN a.mentions / 0\n"
          "                                 ^\n");
    CHECK(ErrorOf(e, "MATCH (a {name: 'China'}) RETURN a.name AND true") ==
          "query:1:34: error: AND, OR and XOR need true, false or null, not a string\n"
          "MATCH (a {name: 'China'}) RETURN a.name AND true\n"
          "                                 ^\n");
  }
}

}  // namespace
}  // namespace diplograph::query
