#include "cli/graph_output.h"

#include <cerrno>
#include <cstring>
#include <iostream>

#include "cli/inputs.h"
#include "diplograph/core/atomic_file.h"
#include "diplograph/core/strings.h"
#include "diplograph/export/csv.h"
#include "diplograph/export/dot.h"
#include "diplograph/export/gexf.h"
#include "diplograph/export/graphml.h"
#include "diplograph/graph/saved_graph.h"

namespace diplograph::cli {

std::vector<OptionSpec> GraphOutputSpecs() {
  return {
      {"--format", "-f", true, "graphml, gexf, json (saved graph), csv (Neo4j import), dot."},
      {"--gephi", nullptr, false, "GraphML: write symmetric types (met_with) undirected."},
      {"--gexf-version", nullptr, true, "GEXF version: 1.3 (default) or 1.2 (networkx)."},
  };
}

std::string OutputFormat(const Args& args, const std::string& path, std::string* error) {
  std::string f = AsciiLower(args.Get("--format"));
  if (f.empty()) {
    for (const char* ext : {"graphml", "gexf", "json", "csv", "dot"}) {
      if (EndsWith(AsciiLower(path), std::string(".") + ext)) f = ext;
    }
    if (f.empty()) {
      *error = "cannot tell the output format from '" + path + "'; use --format";
      return "";
    }
  }
  if (f != "graphml" && f != "gexf" && f != "json" && f != "csv" && f != "dot") {
    *error = "unknown format '" + f + "' (graphml, gexf, json, csv or dot)";
    return "";
  }
  return f;
}

namespace {

// Writes `path`'s content to `file`'s temporary; does not replace `path` yet.
bool WriteTemporary(AtomicFile* file, const std::string& path, std::string* error,
                    const std::function<bool(std::ostream&)>& write) {
  if (!file->Open(path, error)) return false;
  errno = 0;
  if (!write(file->stream()) || !file->stream().flush()) {
    int saved = errno;  // from the failed write, e.g. ENOSPC
    file->Abort();
    *error = "cannot write " + path + (saved != 0 ? std::string(": ") + std::strerror(saved) : "");
    return false;
  }
  return true;
}

}  // namespace

bool WriteOutput(const std::string& path, std::string* error,
                 const std::function<bool(std::ostream&)>& write) {
  if (path == "-") {
    bool ok = write(std::cout) && static_cast<bool>(std::cout.flush());
    if (!ok) *error = "cannot write to stdout";
    return ok;
  }
  AtomicFile file;
  return WriteTemporary(&file, path, error, write) && file.Commit(error);
}

bool WriteGraph(const KnowledgeGraph& graph, const std::string& path, const std::string& format,
                const Args& args, std::string* error) {
  if (format == "json") {
    return WriteOutput(path, error, [&](std::ostream& o) { return WriteSavedGraph(graph, o); });
  }
  if (format == "graphml") {
    GraphMlOptions opt;
    opt.gephi = args.Has("--gephi");
    return WriteOutput(path, error, [&](std::ostream& o) { return WriteGraphMl(graph, o, opt); });
  }
  if (format == "gexf") {
    GexfOptions opt;
    std::string v = args.Get("--gexf-version", "1.3");
    if (v == "1.2" || v == "1.2draft") {
      opt.version = GexfVersion::k1_2;
      opt.undirected_symmetric = false;
    } else if (v != "1.3") {
      *error = "--gexf-version must be 1.3 or 1.2";
      return false;
    }
    return WriteOutput(path, error, [&](std::ostream& o) { return WriteGexf(graph, o, opt); });
  }
  if (format == "dot") {
    return WriteOutput(path, error, [&](std::ostream& o) { return WriteDot(graph, o); });
  }
  // csv: nodes to `path`, relationships beside it. Both are written out
  // before either replaces its target, so a failure keeps both earlier files.
  if (path == "-") {
    *error = "csv output needs a file name (-o nodes.csv)";
    return false;
  }
  std::string stem = EndsWith(AsciiLower(path), ".csv") ? path.substr(0, path.size() - 4) : path;
  AtomicFile nodes, relationships;
  return WriteTemporary(&nodes, path, error,
                        [&](std::ostream& o) { return WriteNeo4jNodesCsv(graph, o); }) &&
         WriteTemporary(&relationships, stem + ".relationships.csv", error,
                        [&](std::ostream& o) { return WriteNeo4jRelationshipsCsv(graph, o); }) &&
         relationships.Commit(error) && nodes.Commit(error);
}

KnowledgeGraph& GraphForCommand() {
  static std::vector<KnowledgeGraph*>* graphs = new std::vector<KnowledgeGraph*>;
  graphs->push_back(new KnowledgeGraph);
  return *graphs->back();
}

namespace {

bool ReadGraphFiles(const std::vector<InputFile>& files, Diagnostics* diags,
                    const std::function<void(ExtractionRecord)>& on_record,
                    const std::function<void(const std::string&, const GraphText&)>& on_graph) {
  InputHandlers h;
  h.on_record = on_record;
  h.on_graph = on_graph;
  h.on_document = [&](Document d) {
    diags->Error(d.origin, 0, 0,
                 "is an article, not a graph or extraction record "
                 "(use 'diplograph build')");
  };
  ReaderOptions options;
  options.max_document_bytes = static_cast<size_t>(1) << 40;
  for (const InputFile& f : files) ReadInput(f, options, diags, h);
  return !diags->HasErrors();
}

}  // namespace

bool ReadGraphInputs(const std::vector<std::string>& inputs, Diagnostics* diags,
                     const std::function<void(ExtractionRecord)>& on_record,
                     const std::function<void(const std::string&, const GraphText&)>& on_graph) {
  return ReadGraphFiles(ExpandInputs(inputs, diags), diags, on_record, on_graph);
}

bool LoadGraphInputs(const std::vector<std::string>& inputs, KnowledgeGraph* graph,
                     Diagnostics* diags) {
  std::vector<InputFile> files = ExpandInputs(inputs, diags);
  // A graph read alone is derived as it is read; one that others are
  // merged into, once, after the merge.
  const bool alone = files.size() == 1;
  return ReadGraphFiles(
      files, diags, [&](ExtractionRecord r) { graph->AddRecord(r); },
      [&](const std::string& path, const GraphText& text) {
        auto g =
            ReadSavedGraph(text.content, path, diags, {.release = text.release, .derive = alone});
        if (!g) return;
        // The first graph is taken as it is; merging it into an empty one
        // would copy every contribution for the same result.
        if (graph->empty()) {
          *graph = std::move(*g);
        } else {
          graph->Merge(*g);
        }
      });
}

}  // namespace diplograph::cli
