#include "diplograph/export/graphml.h"

#include <doctest/doctest.h>

#include <sstream>

#include "nasty_graph.h"
#include "xml_check.h"

namespace diplograph {
namespace {

const std::string kSchema =
    std::string(DIPLOGRAPH_TEST_SHARED_DIR) + "/xml-schemas/graphml/graphml.xsd";

std::string GraphMl(const KnowledgeGraph& g, GraphMlOptions options = {}) {
  std::ostringstream out;
  CHECK(WriteGraphMl(g, out, options));
  return out.str();
}

KnowledgeGraph Sample() {
  KnowledgeGraph g;
  for (const auto& r : {testing::DocA(), testing::DocB(), testing::DocC()}) g.AddRecord(r);
  return g;
}

TEST_CASE("GraphMl.NodesAndEdges") {
  const std::string xml = GraphMl(Sample());
  CHECK(xml.find("<graph id=\"diplograph\" edgedefault=\"directed\">") != std::string::npos);
  CHECK(xml.find("  <key id=\"n_mentions\" for=\"node\" attr.name=\"mentions\" "
                 "attr.type=\"int\"/>\n") != std::string::npos);
  CHECK(xml.find("    <node id=\"guo-shengkun\">\n"
                 "      <data key=\"n_label\">Guo Shengkun</data>\n"
                 "      <data key=\"n_type\">person</data>\n"
                 "      <data key=\"n_country\">CHN</data>\n"
                 "      <data key=\"n_cameo\"/>\n"
                 "      <data key=\"n_aliases\">Guo</data>\n"
                 "      <data key=\"n_roles\"/>\n"
                 "      <data key=\"n_mentions\">5</data>\n"
                 "      <data key=\"n_documents\">3</data>\n"
                 "    </node>\n") != std::string::npos);
  CHECK(xml.find("    <edge id=\"guo-shengkun:met_with:jeh-johnson\" source=\"guo-shengkun\" "
                 "target=\"jeh-johnson\">\n"
                 "      <data key=\"e_label\">met_with</data>\n"
                 "      <data key=\"e_type\">met_with</data>\n"
                 "      <data key=\"e_weight\">2</data>\n"
                 "      <data key=\"e_mentions\">2</data>\n"
                 "      <data key=\"e_cameo\">040</data>\n"
                 "      <data key=\"e_goldstein\">1</data>\n"
                 "      <data key=\"e_first_date\">2016-12-07</data>\n"
                 "      <data key=\"e_last_date\">2016-12-07</data>\n"
                 "      <data key=\"e_documents\">a; b</data>\n"
                 "      <data key=\"e_evidence\">Johnson held talks with Guo.</data>\n"
                 "      <data key=\"e_symmetric\">true</data>\n"
                 "    </edge>\n") != std::string::npos);
  CHECK(xml.find("directed=\"false\"") == std::string::npos);
  CHECK(xml.find("<data key=\"e_goldstein\">-3</data>") != std::string::npos);
  CHECK(testing::XmlProblem(xml).empty());
  CHECK(testing::XmllintAccepts(xml, "--schema", kSchema));
}

TEST_CASE("GraphMl.GephiOptionMakesSymmetricTypesUndirected") {
  const std::string xml = GraphMl(Sample(), {.gephi = true});
  CHECK(xml.find("target=\"jeh-johnson\" directed=\"false\">") != std::string::npos);
  CHECK(xml.find("target=\"china\" directed=\"false\"") == std::string::npos);
  CHECK(testing::XmllintAccepts(xml, "--schema", kSchema));
}

TEST_CASE("GraphMl.NastyNamesStayWellFormedAndValid") {
  const KnowledgeGraph g = testing::NastyGraph();
  for (bool gephi : {false, true}) {
    const std::string xml = GraphMl(g, {.gephi = gephi});
    CHECK(testing::XmlProblem(xml) == "");
    CHECK(testing::XmllintAccepts(xml, "--schema", kSchema));
    CHECK(xml.find("<node id=\"a.26b.20.3Cc.3E\">") != std::string::npos);
    CHECK(xml.find("&lt;script&gt;alert(&apos;x &amp; y&apos;)&lt;/script&gt;") !=
          std::string::npos);
  }
}

TEST_CASE("GraphMl.EmptyGraphAndDeterminism") {
  const std::string empty = GraphMl(KnowledgeGraph());
  CHECK(testing::XmlProblem(empty).empty());
  CHECK(testing::XmllintAccepts(empty, "--schema", kSchema));
  KnowledgeGraph reversed;
  for (const auto& r : {testing::DocC(), testing::DocB(), testing::DocA()}) reversed.AddRecord(r);
  CHECK(GraphMl(reversed) == GraphMl(Sample()));
}

}  // namespace
}  // namespace diplograph
