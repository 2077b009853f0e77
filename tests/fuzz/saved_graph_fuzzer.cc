// Fuzzes the saved-graph reader (graph/saved_graph.h) on arbitrary bytes.
// When a graph reads, it must round-trip: written back and read again it
// gives the same bytes (the header's Write(Read(Write(g))) == Write(g)). It
// is also exported in every format: GraphML and GEXF must be well-formed XML.
#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>

#include "diplograph/export/csv.h"
#include "diplograph/export/dot.h"
#include "diplograph/export/gexf.h"
#include "diplograph/export/graphml.h"
#include "diplograph/graph/saved_graph.h"
#include "export/xml_check.h"
#include "fuzz_check.h"

namespace {

constexpr size_t kMaxInput = 256 * 1024;

void CheckXml(const std::string& xml, const char* format) {
  std::string problem = diplograph::testing::XmlChecker(xml).Problem();
  if (!problem.empty()) std::fprintf(stderr, "%s: %s\n", format, problem.c_str());
  FUZZ_CHECK(problem.empty(), "export is not well-formed XML");
}

void ExportAll(const diplograph::KnowledgeGraph& graph) {
  std::ostringstream graphml, gephi, gexf, gexf12, nodes, rels, dot;
  FUZZ_CHECK(diplograph::WriteGraphMl(graph, graphml), "GraphML export failed");
  FUZZ_CHECK(diplograph::WriteGraphMl(graph, gephi, {.gephi = true}), "GraphML export failed");
  FUZZ_CHECK(diplograph::WriteGexf(graph, gexf), "GEXF export failed");
  diplograph::GexfOptions v12;
  v12.version = diplograph::GexfVersion::k1_2;
  FUZZ_CHECK(diplograph::WriteGexf(graph, gexf12, v12), "GEXF 1.2 export failed");
  FUZZ_CHECK(diplograph::WriteNeo4jNodesCsv(graph, nodes), "CSV export failed");
  FUZZ_CHECK(diplograph::WriteNeo4jRelationshipsCsv(graph, rels), "CSV export failed");
  FUZZ_CHECK(diplograph::WriteDot(graph, dot), "DOT export failed");
  CheckXml(graphml.str(), "GraphML");
  CheckXml(gephi.str(), "GraphML (Gephi)");
  CheckXml(gexf.str(), "GEXF");
  CheckXml(gexf12.str(), "GEXF 1.2");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > kMaxInput) return 0;
  std::string_view content(reinterpret_cast<const char*>(data), size);
  diplograph::Diagnostics diags;
  (void)diplograph::LooksLikeSavedGraph(content);
  auto graph = diplograph::ReadSavedGraph(content, "fuzz.json", &diags);
  FUZZ_CHECK(graph.has_value() != diags.HasErrors(), "result and errors disagree");
  if (!graph) return 0;
  std::string first = diplograph::SavedGraphToString(*graph);
  diplograph::Diagnostics again_diags;
  auto again = diplograph::ReadSavedGraph(first, "again.json", &again_diags);
  if (!again) {
    for (const auto& d : again_diags.items()) std::fprintf(stderr, "%s\n", d.ToString().c_str());
  }
  FUZZ_CHECK(again.has_value(), "a written graph does not read back");
  FUZZ_CHECK(diplograph::SavedGraphToString(*again) == first, "saved graph changed in a round trip");
  ExportAll(*again);
  return 0;
}
