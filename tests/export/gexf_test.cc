#include "diplograph/export/gexf.h"

#include <doctest/doctest.h>

#include <sstream>

#include "nasty_graph.h"
#include "xml_check.h"

namespace diplograph {
namespace {

const std::string kSchema =
    std::string(DIPLOGRAPH_TEST_SHARED_DIR) + "/xml-schemas/gexf-1.3/gexf.rng";

std::string Gexf(const KnowledgeGraph& g, const GexfOptions& options = {}) {
  std::ostringstream out;
  CHECK(WriteGexf(g, out, options));
  return out.str();
}

KnowledgeGraph Sample() {
  KnowledgeGraph g;
  for (const auto& r : {testing::DocA(), testing::DocB(), testing::DocC()}) g.AddRecord(r);
  return g;
}

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST_CASE("Gexf.Version13") {
  const std::string xml = Gexf(Sample());
  CHECK(Has(xml,
            "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" "
            "version=\"1.3\">"));
  CHECK(Has(xml, "<graph defaultedgetype=\"directed\" mode=\"dynamic\" timeformat=\"date\">"));
  CHECK(Has(xml,
            "<edge id=\"guo-shengkun:met_with:jeh-johnson\" source=\"guo-shengkun\" "
            "target=\"jeh-johnson\" type=\"undirected\" kind=\"met_with\" "
            "label=\"met_with\" weight=\"2\">"));
  CHECK(Has(xml,
            "<edge id=\"usa:accused:china\" source=\"usa\" target=\"china\" "
            "kind=\"accused\" label=\"accused\" weight=\"1\">"));
  CHECK(Has(xml, "<node id=\"loretta-lynch\" label=\"Loretta Lynch\">"));
  CHECK(Has(xml, "<attvalue for=\"goldstein\" value=\"-3\"/>"));
  CHECK(Has(xml, "<viz:color r=\"66\" g=\"133\" b=\"244\"/>"));  // a person
  CHECK(testing::XmlProblem(xml).empty());
  CHECK(testing::XmllintAccepts(xml, "--relaxng", kSchema));
}

TEST_CASE("Gexf.SpellsFromDates") {
  const std::string xml = Gexf(Sample());
  // accused: "2014" and "2014-05" -> the whole year, once.
  size_t at = xml.find("<edge id=\"usa:accused:china\"");
  REQUIRE(at != std::string::npos);
  std::string edge = xml.substr(at, xml.find("</edge>", at) - at);
  CHECK(Has(edge,
            "<spells>\n        <spell start=\"2014-01-01\" end=\"2014-12-31\"/>\n"
            "      </spells>"));
  CHECK(Has(edge, "<viz:color r=\"232\" g=\"145\" b=\"47\"/>"));  // Goldstein -3
  // Loretta Lynch: the date of her one document.
  at = xml.find("<node id=\"loretta-lynch\"");
  std::string node = xml.substr(at, xml.find("</node>", at) - at);
  CHECK(Has(node, "<spell start=\"2016-12-09\" end=\"2016-12-09\"/>"));
  // China: document "b" (2016-12) covers 2016-12-07 and 2016-12-08; then 2014.
  at = xml.find("<node id=\"china\"");
  node = xml.substr(at, xml.find("</node>", at) - at);
  CHECK(Has(node,
            "<spell start=\"2014-01-01\" end=\"2014-12-31\"/>\n"
            "        <spell start=\"2016-12-01\" end=\"2016-12-31\"/>\n"));
}

TEST_CASE("Gexf.Version12ForNetworkx") {
  GexfOptions options;
  options.version = GexfVersion::k1_2;  // all edges directed by default
  const std::string xml = Gexf(Sample(), options);
  CHECK(Has(xml,
            "<gexf xmlns=\"http://www.gexf.net/1.2draft\" "
            "xmlns:viz=\"http://www.gexf.net/1.2draft/viz\" version=\"1.2\">"));
  CHECK_FALSE(Has(xml, "kind="));
  CHECK_FALSE(Has(xml, "type=\"undirected\""));
  CHECK(testing::XmlProblem(xml).empty());
  options.undirected_symmetric = true;
  CHECK(Has(Gexf(Sample(), options), "type=\"undirected\""));
  CHECK_FALSE(Has(Gexf(Sample(), {.undirected_symmetric = false}), "type=\"undirected\""));
}

TEST_CASE("Gexf.OptionsTurnOffSpellsAndColors") {
  GexfOptions options;
  options.spells = false;
  options.colors = false;
  const std::string xml = Gexf(Sample(), options);
  CHECK_FALSE(Has(xml, "<spells>"));
  CHECK_FALSE(Has(xml, "mode=\"dynamic\""));
  CHECK_FALSE(Has(xml, "viz:color"));
  CHECK(testing::XmllintAccepts(xml, "--relaxng", kSchema));
}

TEST_CASE("Gexf.NastyNamesStayWellFormedAndValid") {
  const KnowledgeGraph g = testing::NastyGraph();
  for (GexfVersion v : {GexfVersion::k1_3, GexfVersion::k1_2}) {
    GexfOptions options;
    options.version = v;
    const std::string xml = Gexf(g, options);
    CHECK(testing::XmlProblem(xml) == "");
    if (v == GexfVersion::k1_3) CHECK(testing::XmllintAccepts(xml, "--relaxng", kSchema));
    CHECK(testing::XmllintAccepts(xml, "", ""));
    CHECK(Has(xml, "label=\"lots of space\""));  // labels are xs:token
  }
  CHECK(testing::XmlProblem(Gexf(KnowledgeGraph())).empty());
}

}  // namespace
}  // namespace diplograph
