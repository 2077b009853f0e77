// cli/graph_output.h: writing a graph in any format, atomically.
#ifndef DIPLOGRAPH_CLI_GRAPH_OUTPUT_H_
#define DIPLOGRAPH_CLI_GRAPH_OUTPUT_H_

#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "cli/args.h"
#include "cli/inputs.h"
#include "diplograph/core/diagnostics.h"
#include "diplograph/graph/graph.h"

namespace diplograph::cli {

// --format, --gephi, --gexf-version: the options of every graph writer.
std::vector<OptionSpec> GraphOutputSpecs();

// The format from --format or the output's extension: json, graphml, gexf,
// csv, dot; "" with *error when neither says.
std::string OutputFormat(const Args& args, const std::string& path, std::string* error);

// Writes `graph` to `path` ("-" = stdout) in `format`. For csv, `path` names
// the nodes file and the relationships go beside it (X.csv ->
// X.relationships.csv). Returns false with *error.
bool WriteGraph(const KnowledgeGraph& graph, const std::string& path, const std::string& format,
                const Args& args, std::string* error);

// Writes `path` ("-" = stdout) atomically through `write`, which returns
// false on failure. Returns false with *error ("cannot write PATH: ...").
bool WriteOutput(const std::string& path, std::string* error,
                 const std::function<bool(std::ostream&)>& write);

// A graph that lives until the process exits and is never destroyed: a
// command's graph is its largest structure, and taking millions of small
// allocations apart one by one costs seconds that the exit does for free.
// It stays reachable (for leak checkers) through a static list.
KnowledgeGraph& GraphForCommand();

// Reads saved graphs and extraction files, handing each record and each
// graph file's content to the callbacks; articles are reported as errors.
// Returns false if anything was reported.
bool ReadGraphInputs(const std::vector<std::string>& inputs, Diagnostics* diags,
                     const std::function<void(ExtractionRecord)>& on_record,
                     const std::function<void(const std::string&, const GraphText&)>& on_graph);

// Reads saved graphs and extraction files into one graph.
bool LoadGraphInputs(const std::vector<std::string>& inputs, KnowledgeGraph* graph,
                     Diagnostics* diags);

}  // namespace diplograph::cli

#endif  // DIPLOGRAPH_CLI_GRAPH_OUTPUT_H_
