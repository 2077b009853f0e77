// `diplograph build` and `diplograph merge`.
#include <iostream>

#include "cli/commands.h"
#include "cli/graph_output.h"
#include "cli/runner.h"
#include "diplograph/graph/external_build.h"
#include "diplograph/graph/saved_graph.h"

namespace diplograph::cli {

namespace {

std::vector<OptionSpec> LowMemorySpecs() {
  return {
      {"--low-memory", nullptr, false,
       "Sort on disk: bounded memory for graphs larger than RAM (json output; same bytes)."},
      {"--temp-dir", nullptr, true,
       "Folder for --low-memory's temporary files (default $TMPDIR, else /tmp)."},
  };
}

// Checks --low-memory and --temp-dir; "" when fine.
std::string LowMemoryUsage(const Args& args, const std::string& format) {
  if (args.Has("--temp-dir") && !args.Has("--low-memory")) {
    return "--temp-dir goes with --low-memory";
  }
  if (args.Has("--low-memory") && format != "json") {
    return "--low-memory writes saved graphs only (json); export the result";
  }
  return "";
}

// The saved graph through ExternalGraphBuilder: `feed` hands it every
// input (reporting problems to diags) and returns false when the inputs
// could not be read at all. With `progress`, says on stderr when the
// sorting (minutes for a million documents) begins.
int RunLowMemory(const Args& args, const std::string& command, const std::string& out,
                 bool progress,
                 const std::function<bool(ExternalGraphBuilder*, Diagnostics*)>& feed) {
  ExternalBuildOptions options;
  options.temp_dir = args.Get("--temp-dir");
  ExternalGraphBuilder builder(options);
  std::string error;
  if (!builder.Open(&error)) {
    std::cerr << "diplograph " << command << ": " << error << "\n";
    return kInputErrors;
  }
  Diagnostics diags;
  bool loaded = feed(&builder, &diags);
  PrintDiagnostics(diags);
  if (!loaded) return kInputErrors;
  if (diags.HasErrors() && builder.document_count() == 0) {
    std::cerr << "diplograph " << command << ": no input could be read; " << out
              << " not written\n";
    return kInputErrors;
  }
  if (progress) {
    std::cerr << "diplograph " << command << ": sorting " << builder.document_count()
              << " documents on disk and writing " << out << "\n";
  }
  std::string build_error;
  bool written =
      WriteOutput(out, &error, [&](std::ostream& o) { return builder.Write(o, &build_error); });
  if (!written) {
    std::cerr << "diplograph " << command << ": " << (build_error.empty() ? error : build_error)
              << "\n";
    return kInputErrors;
  }
  return diags.HasErrors() ? kInputErrors : kOk;
}

// Adds every document of a saved graph file to `builder`.
void AddSavedGraph(const std::string& path, const GraphText& text, ExternalGraphBuilder* builder,
                   Diagnostics* diags) {
  auto g = ReadSavedGraph(text.content, path, diags, {.release = text.release, .derive = false});
  if (!g) return;
  g->ForEachDocument(
      [&](const DocumentEntry& d) { builder->AddContribution(g->ContributionOf(d.id)); });
}

}  // namespace

std::vector<OptionSpec> BuildOptions() {
  std::vector<OptionSpec> specs = {
      {"--output", "-o", true, "The graph file to write."},
  };
  for (const OptionSpec& s : LowMemorySpecs()) specs.push_back(s);
  for (const OptionSpec& s : GraphOutputSpecs()) specs.push_back(s);
  for (const OptionSpec& s : RunOptionSpecs()) specs.push_back(s);
  return specs;
}

std::vector<OptionSpec> MergeOptions() {
  std::vector<OptionSpec> specs = {{"--output", "-o", true, "The graph file to write."}};
  for (const OptionSpec& s : LowMemorySpecs()) specs.push_back(s);
  for (const OptionSpec& s : GraphOutputSpecs()) specs.push_back(s);
  return specs;
}

int RunBuild(const Args& args) {
  const Command& cmd = *FindCommand("build");
  RunOptions options;
  std::string error;
  if (!ReadRunOptions(args, &options, &error)) return UsageError(cmd, error);
  std::string out = args.Get("--output");
  if (out.empty()) return UsageError(cmd, "needs -o GRAPH");
  std::string format = OutputFormat(args, out, &error);
  if (format.empty()) return UsageError(cmd, error);
  if (std::string usage = LowMemoryUsage(args, format); !usage.empty()) {
    return UsageError(cmd, usage);
  }
  if (args.Has("--low-memory")) {
    auto feed = [&](ExternalGraphBuilder* b, Diagnostics* diags) {
      return StreamRecords(
          options, diags, [&](ExtractionRecord r) { b->AddRecord(r); },
          [&](const std::string& path, const GraphText& text) {
            AddSavedGraph(path, text, b, diags);
          });
    };
    return RunLowMemory(args, "build", out, options.progress, feed);
  }
  KnowledgeGraph& graph = GraphForCommand();
  Diagnostics diags;
  bool loaded = StreamRecords(
      options, &diags, [&](ExtractionRecord r) { graph.AddRecord(r); },
      [&](const std::string& path, const GraphText& text) {
        auto g =
            ReadSavedGraph(text.content, path, &diags, {.release = text.release, .derive = false});
        if (g && graph.empty())
          graph = std::move(*g);
        else if (g)
          graph.Merge(*g);
      });
  PrintDiagnostics(diags);
  if (!loaded) return kInputErrors;
  if (diags.HasErrors() && graph.empty()) {  // don't replace a graph with nothing
    std::cerr << "diplograph build: no input could be read; " << out << " not written\n";
    return kInputErrors;
  }
  if (!WriteGraph(graph, out, format, args, &error)) {
    std::cerr << "diplograph build: " << error << "\n";
    return kInputErrors;
  }
  return diags.HasErrors() ? kInputErrors : kOk;
}

int RunMerge(const Args& args) {
  const Command& cmd = *FindCommand("merge");
  std::string error;
  std::string out = args.Get("--output");
  if (out.empty()) return UsageError(cmd, "needs -o GRAPH");
  if (args.positional.empty())
    return UsageError(cmd, "needs at least one graph or extraction file");
  std::string format = OutputFormat(args, out, &error);
  if (format.empty()) return UsageError(cmd, error);
  if (std::string usage = LowMemoryUsage(args, format); !usage.empty()) {
    return UsageError(cmd, usage);
  }
  if (args.Has("--low-memory")) {
    auto feed = [&](ExternalGraphBuilder* b, Diagnostics* diags) {
      ReadGraphInputs(
          args.positional, diags, [&](ExtractionRecord r) { b->AddRecord(r); },
          [&](const std::string& path, const GraphText& text) {
            AddSavedGraph(path, text, b, diags);
          });
      return true;
    };
    return RunLowMemory(args, "merge", out, false, feed);
  }
  KnowledgeGraph& graph = GraphForCommand();
  Diagnostics diags;
  LoadGraphInputs(args.positional, &graph, &diags);
  PrintDiagnostics(diags);
  if (diags.HasErrors() && graph.empty()) {  // don't replace a graph with nothing
    std::cerr << "diplograph merge: no input could be read; " << out << " not written\n";
    return kInputErrors;
  }
  if (!WriteGraph(graph, out, format, args, &error)) {
    std::cerr << "diplograph merge: " << error << "\n";
    return kInputErrors;
  }
  return diags.HasErrors() ? kInputErrors : kOk;
}

}  // namespace diplograph::cli
