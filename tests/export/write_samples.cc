// Writes the nasty-names test graph in every export format into a directory,
// for validate_exports.py. Usage: export_write_samples DIR
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <string>

#include "diplograph/export/csv.h"
#include "diplograph/export/dot.h"
#include "diplograph/export/gexf.h"
#include "diplograph/export/graphml.h"
#include "diplograph/graph/saved_graph.h"
#include "nasty_graph.h"

namespace {

bool WriteFile(const std::filesystem::path& path, const std::function<bool(std::ostream&)>& fn) {
  std::ofstream out(path, std::ios::binary);
  if (!out || !fn(out)) {
    std::cerr << path.string() << ": cannot write\n";
    return false;
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: export_write_samples DIR\n";
    return 2;
  }
  using namespace diplograph;
  std::filesystem::path dir = argv[1];
  std::filesystem::create_directories(dir);
  const KnowledgeGraph g = testing::NastyGraph();
  GexfOptions v12;
  v12.version = GexfVersion::k1_2;
  bool ok = WriteFile(dir / "graph.json", [&](auto& o) { return WriteSavedGraph(g, o); }) &&
            WriteFile(dir / "graph.graphml", [&](auto& o) { return WriteGraphMl(g, o); }) &&
            WriteFile(dir / "graph-gephi.graphml",
                      [&](auto& o) { return WriteGraphMl(g, o, {.gephi = true}); }) &&
            WriteFile(dir / "graph.gexf", [&](auto& o) { return WriteGexf(g, o); }) &&
            WriteFile(dir / "graph-1.2.gexf", [&](auto& o) { return WriteGexf(g, o, v12); }) &&
            WriteFile(dir / "nodes.csv", [&](auto& o) { return WriteNeo4jNodesCsv(g, o); }) &&
            WriteFile(dir / "relationships.csv",
                      [&](auto& o) { return WriteNeo4jRelationshipsCsv(g, o); }) &&
            WriteFile(dir / "graph.dot", [&](auto& o) { return WriteDot(g, o); });
  return ok ? 0 : 1;
}
