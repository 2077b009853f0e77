// `diplograph export`: a saved graph in another format, filtered.
#include <iostream>

#include "cli/commands.h"
#include "cli/graph_output.h"
#include "diplograph/export/filter.h"

namespace diplograph::cli {

std::vector<OptionSpec> ExportOptions() {
  std::vector<OptionSpec> specs = {{"--output", "-o", true, "The file to write ('-' = stdout)."}};
  for (const OptionSpec& s : GraphOutputSpecs()) specs.push_back(s);
  std::vector<OptionSpec> filters = {
      {"--since", nullptr, true, "Keep edges with a date on or after YYYY[-MM[-DD]]."},
      {"--until", nullptr, true, "Keep edges with a date on or before YYYY[-MM[-DD]]."},
      {"--types", nullptr, true, "Keep these event types (comma-separated)."},
      {"--min-weight", nullptr, true, "Keep edges supported by at least N documents."},
      {"--actor-type", nullptr, true, "Keep actors of this type (person, country, ...)."},
      {"--country", nullptr, true, "Keep actors of this country (ISO alpha-3)."},
      {"--around", nullptr, true, "Keep the ego network of this actor (id, name or alias)."},
      {"--depth", nullptr, true, "Steps from --around (default 1)."},
  };
  specs.insert(specs.end(), filters.begin(), filters.end());
  return specs;
}

int RunExport(const Args& args) {
  const Command& cmd = *FindCommand("export");
  std::string error;
  if (args.positional.size() != 1) return UsageError(cmd, "needs exactly one GRAPH");
  std::string out = args.Get("--output");
  if (out.empty()) return UsageError(cmd, "needs -o OUT");
  std::string format = OutputFormat(args, out, &error);
  if (format.empty()) return UsageError(cmd, error);
  ExportFilter filter;
  filter.since = args.Get("--since");
  filter.until = args.Get("--until");
  for (const std::string& t : args.GetAll("--types")) {
    size_t start = 0;
    while (start <= t.size()) {
      size_t comma = t.find(',', start);
      if (comma == std::string::npos) comma = t.size();
      if (comma > start) filter.types.push_back(t.substr(start, comma - start));
      start = comma + 1;
    }
  }
  try {
    if (args.Has("--min-weight")) filter.min_weight = std::stoll(args.Get("--min-weight"));
    if (args.Has("--depth")) filter.depth = std::stoi(args.Get("--depth"));
  } catch (const std::exception&) {
    return UsageError(cmd, "--min-weight and --depth need numbers");
  }
  filter.actor_type = args.Get("--actor-type");
  filter.country = args.Get("--country");
  filter.around = args.Get("--around");
  KnowledgeGraph& graph = GraphForCommand();
  Diagnostics diags;
  LoadGraphInputs(args.positional, &graph, &diags);
  if (diags.HasErrors()) {
    PrintDiagnostics(diags);
    return kInputErrors;
  }
  // Without a filter the graph is written as loaded (FilterGraph would copy it).
  std::optional<KnowledgeGraph> filtered;
  if (!filter.empty()) {
    filtered = FilterGraph(graph, filter, &diags);
    PrintDiagnostics(diags);
    if (!filtered) return kUsage;
  }
  if (!WriteGraph(filtered ? *filtered : graph, out, format, args, &error)) {
    std::cerr << "diplograph export: " << error << "\n";
    return kInputErrors;
  }
  return kOk;
}

}  // namespace diplograph::cli
