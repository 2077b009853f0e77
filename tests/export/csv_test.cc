#include "diplograph/export/csv.h"

#include <doctest/doctest.h>

#include <sstream>

#include "nasty_graph.h"

namespace diplograph {
namespace {

KnowledgeGraph Sample() {
  KnowledgeGraph g;
  for (const auto& r : {testing::DocA(), testing::DocB(), testing::DocC()}) g.AddRecord(r);
  return g;
}

std::string Nodes(const KnowledgeGraph& g) {
  std::ostringstream out;
  CHECK(WriteNeo4jNodesCsv(g, out));
  return out.str();
}

std::string Relationships(const KnowledgeGraph& g) {
  std::ostringstream out;
  CHECK(WriteNeo4jRelationshipsCsv(g, out));
  return out.str();
}

TEST_CASE("Csv.Field") {
  CHECK(CsvField("plain") == "plain");
  CHECK(CsvField("") == "");
  CHECK(CsvField("a,b") == "\"a,b\"");
  CHECK(CsvField("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(CsvField("line\r\nbreak") == "line  break");
  CHECK(CsvField(" lead") == "\" lead\"");
  CHECK(CsvField("semi;colon") == "semi;colon");
  CHECK(CsvField("bad \xff") == "bad \xEF\xBF\xBD");
}

TEST_CASE("Csv.Neo4jNodes") {
  const std::string csv = Nodes(Sample());
  CHECK(
      csv.starts_with("id:ID,:LABEL,name,type,country,cameo,aliases:string[],roles:string[],"
                      "mentions:int,documents:int\n"));
  CHECK(csv.find("\nguo-shengkun,Actor;Person,Guo Shengkun,person,CHN,,Guo,,5,3\n") !=
        std::string::npos);
  CHECK(csv.find("\nusa,Actor;Country,US,country,USA,,United States;Washington,,3,2\n") !=
        std::string::npos);
}

TEST_CASE("Csv.Neo4jRelationships") {
  const std::string csv = Relationships(Sample());
  CHECK(
      csv.starts_with(":START_ID,:END_ID,:TYPE,type,weight:int,mentions:int,cameo,"
                      "goldstein:double,first_date,last_date,dates:string[],"
                      "documents:string[],evidence,symmetric:boolean\n"));
  CHECK(csv.find("\nguo-shengkun,jeh-johnson,MET_WITH,met_with,2,2,040,1,2016-12-07,"
                 "2016-12-07,2016-12-07,a;b,Johnson held talks with Guo.,true\n") !=
        std::string::npos);
  CHECK(csv.find("\nusa,china,ACCUSED,accused,1,2,112,-3,2014,2014-05,2014;2014-05,b,"
                 "The US charged that China stole secrets.,false\n") != std::string::npos);
}

TEST_CASE("Csv.NastyNamesKeepOneRecordALine") {
  const KnowledgeGraph g = testing::NastyGraph();
  for (const std::string& csv : {Nodes(g), Relationships(g)}) {
    size_t lines = 0;
    for (char c : csv) lines += c == '\n';
    CHECK(csv.find('\r') == std::string::npos);
    CHECK(lines == 1 + (csv.starts_with("id:ID") ? g.node_count() : g.edge_count()));
  }
  const std::string nodes = Nodes(g);
  CHECK(nodes.find("\na&b <c>,Actor;Organization,<script>alert('x & y')</script>,"
                   "organization,USA,,\"comma, \"\"quoted\"\";semi,colon;tab here\",,1,1\n") !=
        std::string::npos);
  CHECK(nodes.find("\nctrl,Actor;Person,") != std::string::npos);
  CHECK(Relationships(g).find(",WEIRD_TYPE____,weird type <&>,") != std::string::npos);
}

}  // namespace
}  // namespace diplograph
