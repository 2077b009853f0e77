#include <doctest/doctest.h>

#include <numeric>

#include "diplograph/query/algorithms.h"
#include "query_fixtures.h"

namespace diplograph::query {
namespace {

using testing::Actor;
using testing::Cells;
using testing::Column;
using testing::Doc;
using testing::ErrorOf;
using testing::Ev;
using testing::Run;
using testing::Strings;
using testing::Table;
using testing::World;

// a -> b (two documents), a -> c, c -> d, d - e (met_with), f alone.
KnowledgeGraph Line() {
  std::vector<EntityRecord> all = {
      Actor("a", "person", "Alpha"),   Actor("b", "person", "Bravo"),
      Actor("c", "person", "Charlie"), Actor("d", "person", "Delta"),
      Actor("e", "person", "Echo"),    Actor("f", "person", "Foxtrot")};
  KnowledgeGraph g;
  g.AddRecord(Doc("x1", "2020-01-01", all,
                  {Ev("praised", "a", "b", "2020-01-01"), Ev("praised", "a", "c", "2020-01-02"),
                   Ev("praised", "c", "d", "2020-01-03"), Ev("met_with", "e", "d", "2020-01-04")}));
  g.AddRecord(Doc("x2", "2020-02-01", {all[0], all[1]}, {Ev("praised", "a", "b", "2020-02-01")}));
  return g;
}

TEST_CASE("Algorithms.PageRank") {
  SUBCASE("a dangling node spreads its rank evenly") {
    KnowledgeGraph g;
    g.AddRecord(Doc("d", "", {Actor("a", "person", "A"), Actor("b", "person", "B")},
                    {Ev("praised", "a", "b", "")}));
    GraphIndex index(g);
    std::vector<double> r = PageRank(index);
    REQUIRE(r.size() == 2);
    CHECK(r[0] == doctest::Approx(0.5 / 1.425).epsilon(1e-9));  // solves r_a = .075 + .425 r_b
    CHECK(r[1] == doctest::Approx(1.0 - 0.5 / 1.425).epsilon(1e-9));
  }
  SUBCASE("weights split the rank; scores sum to one; symmetric edges count both ways") {
    KnowledgeGraph g = Line();
    GraphIndex index(g);
    std::vector<double> r = PageRank(index);
    CHECK(std::accumulate(r.begin(), r.end(), 0.0) == doctest::Approx(1.0));
    CHECK(r[1] > r[2]);  // Bravo gets 2/3 of Alpha's share, Charlie 1/3
    CHECK(r[4] > r[5]);  // Echo receives from Delta through met_with
    CHECK(PageRank(index, 0.5) != r);
  }
  SUBCASE("empty graph") {
    KnowledgeGraph g;
    GraphIndex index(g);
    CHECK(PageRank(index).empty());
  }
}

TEST_CASE("Algorithms.Betweenness") {
  KnowledgeGraph g = Line();  // undirected: b - a - c - d - e, f
  GraphIndex index(g);
  std::vector<double> b = Betweenness(index);
  CHECK(b == std::vector<double>{3.0, 0.0, 4.0, 3.0, 0.0, 0.0});
}

TEST_CASE("Algorithms.ComponentsDegreesPaths") {
  KnowledgeGraph g = Line();
  GraphIndex index(g);
  int count = 0;
  CHECK(WeakComponents(index, &count) == std::vector<int>{0, 0, 0, 0, 0, 1});
  CHECK(count == 2);
  std::vector<NodeDegree> d = Degrees(index);
  CHECK(d[0].out == 2);
  CHECK(d[0].in == 0);
  CHECK(d[0].degree == 2);
  CHECK(d[0].weighted == 3);
  CHECK(d[3].in == 2);   // from c, and met_with from e
  CHECK(d[3].out == 1);  // met_with to e
  CHECK(d[4].in == 1);
  CHECK(d[4].out == 1);
  std::vector<uint32_t> from = {1};
  std::vector<uint32_t> to = {4};
  CHECK(ShortestPath(index, from, to) == std::vector<uint32_t>{1, 0, 2, 3, 4});
  std::vector<uint32_t> alone = {5};
  CHECK(ShortestPath(index, from, alone).empty());
  CHECK(ShortestPath(index, from, from) == std::vector<uint32_t>{1});
}

TEST_CASE("Algorithms.Timeline") {
  KnowledgeGraph g = Line();
  GraphIndex index(g);
  std::vector<uint32_t> alpha = {0};
  std::vector<TimelineEntry> t = Timeline(index, alpha);
  REQUIRE(t.size() == 3);
  CHECK(t[0].date == "2020-01-01");
  CHECK(t[1].date == "2020-01-02");
  CHECK(t[2].date == "2020-02-01");
  CHECK(t[2].documents == std::vector<std::string>{"x2"});
}

TEST_CASE("Call.Procedures") {
  World w;
  const QueryEngine& e = w.engine;
  SUBCASE("shortestPath") {
    CHECK(Cells(Run(e,
                    "CALL shortestPath('Jeh Johnson', 'donald trump') YIELD path, ids, "
                    "types, length RETURN path, types, length")) ==
          Table{{"[Jeh Johnson, Guo Shengkun, United States, China, Donald Trump]",
                 "[met_with, visited, agreed, criticized]", "4"}});
    CHECK(Run(e, "CALL shortestPath('Kenya', 'China')").rows.empty());
    CHECK(Run(e, "CALL shortestPath('Kenya', 'Somalia')").columns ==
          Strings{"path", "ids", "types", "length"});
  }
  SUBCASE("pagerank") {
    ResultTable t = Run(e,
                        "CALL pagerank() YIELD name, score RETURN name, score "
                        "ORDER BY score DESC LIMIT 3");
    CHECK(t.rows.size() == 3);
    CHECK(Column(t)[0] == "United States");
    double total = 0;
    for (const auto& row : Run(e, "CALL pagerank(0.85) YIELD score RETURN score").rows) {
      total += row[0].f;
    }
    CHECK(total == doctest::Approx(1.0));
  }
  SUBCASE("betweenness, degree, components") {
    CHECK(Cells(Run(e,
                    "CALL betweenness() YIELD name, score WHERE score > 0 "
                    "RETURN name, score ORDER BY score DESC, name")) ==
          Table{{"Guo Shengkun", "7.0"}, {"United States", "6.0"}, {"China", "4.0"}});
    CHECK(Cells(Run(e,
                    "CALL degree() YIELD name, in, out, degree, weighted "
                    "WHERE name = 'United States' RETURN name, in, out, degree, weighted")) ==
          Table{{"United States", "3", "1", "4", "5"}});
    CHECK(Cells(Run(e,
                    "CALL components() YIELD component, size "
                    "RETURN component, size, count(*) ORDER BY component")) ==
          Table{{"0", "6", "6"}, {"1", "2", "2"}, {"2", "2", "2"}});
  }
  SUBCASE("timeline") {
    CHECK(Cells(Run(e,
                    "CALL timeline('Beijing') YIELD date, type, source, target, weight "
                    "RETURN date, type, source, target, weight")) ==
          Table{{"2014-05-20", "criticized", "China", "United States", "1"},
                {"2014-05-20", "accused", "United States", "China", "1"},
                {"2016-12-07", "agreed", "China", "United States", "1"},
                {"2016-12-08", "accused", "United States", "China", "1"},
                {"2017-01-09", "criticized", "Donald Trump", "China", "1"}});
    CHECK(Cells(Run(e, "CALL timeline('kenya') YIELD date, type, evidence")) ==
          Table{{"2025-01-01", "agreed", "Kenya and Somalia agreed."},
                {"null", "expelled", "Somalia expelled Kenya's envoy."}});
  }
  SUBCASE("YIELD AS, WHERE, and CALL without RETURN") {
    ResultTable t = Run(e, "CALL degree() YIELD name AS who, degree AS d WHERE d >= 3");
    CHECK(t.columns == Strings{"who", "d"});
    CHECK(Cells(t) == Table{{"China", "4"}, {"Guo Shengkun", "3"}, {"United States", "4"}});
    CHECK(Run(e, "CALL components()").columns ==
          Strings{"id", "name", "type", "component", "size"});
  }
}

TEST_CASE("Call.Errors") {
  World w;
  const QueryEngine& e = w.engine;
  CHECK(ErrorOf(e, "CALL shortestPath('Jeh Jonson', 'Donald Trump')") ==
        "query:1:19: error: no actor has the name, alias or id 'Jeh Jonson' (did you mean "
        "'Jeh Johnson'?)\n"
        "CALL shortestPath('Jeh Jonson', 'Donald Trump')\n"
        "                  ^\n");
  CHECK(ErrorOf(e, "CALL timeline('Zzyzx')") ==
        "query:1:15: error: no actor has the name, alias or id 'Zzyzx'\n"
        "CALL timeline('Zzyzx')\n"
        "              ^\n");
  CHECK(ErrorOf(e, "CALL pagerenk()") ==
        "query:1:1: error: unknown procedure 'pagerenk' (did you mean 'pagerank'?); the "
        "procedures are shortestPath, pagerank, betweenness, degree, components, timeline\n"
        "CALL pagerenk()\n"
        "^\n");
  CHECK(ErrorOf(e, "CALL shortestPath('China')") ==
        "query:1:1: error: shortestPath() takes 2 arguments (from, to), got 1\n"
        "CALL shortestPath('China')\n"
        "^\n");
  CHECK(ErrorOf(e, "CALL pagerank(0.85, 2)") ==
        "query:1:1: error: pagerank() takes at most 1 argument (damping), got 2\n"
        "CALL pagerank(0.85, 2)\n"
        "^\n");
  CHECK(ErrorOf(e, "CALL pagerank(2)") ==
        "query:1:15: error: pagerank() damping must be a number between 0 and 1, such as 0.85\n"
        "CALL pagerank(2)\n"
        "              ^\n");
  CHECK(ErrorOf(e, "CALL pagerank() YIELD nme RETURN nme") ==
        "query:1:23: error: unknown field 'nme' of pagerank() (did you mean 'name'?); it "
        "yields id, name, type, score\n"
        "CALL pagerank() YIELD nme RETURN nme\n"
        "                      ^\n");
  CHECK(ErrorOf(e, "CALL timeline(42)") ==
        "query:1:15: error: timeline() needs an actor's name, alias or id as a string, not an "
        "integer\n"
        "CALL timeline(42)\n"
        "              ^\n");
}

}  // namespace
}  // namespace diplograph::query
