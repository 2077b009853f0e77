// `diplograph stats`: what a saved graph holds.
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/graph_output.h"
#include "diplograph/graph/stats.h"

namespace diplograph::cli {

std::vector<OptionSpec> StatsOptions() {
  return {{"--top", nullptr, true, "How many top actors to list (default 10)."},
          {"--json", nullptr, false, "Print JSON instead of text."}};
}

namespace {

// A full disk or closed pipe on stdout is an error, not a silent success.
int FlushStdout() {
  if (std::cout.flush()) return kOk;
  std::cerr << "diplograph stats: cannot write to stdout\n";
  return kInputErrors;
}

}  // namespace

int RunStats(const Args& args) {
  const Command& cmd = *FindCommand("stats");
  if (args.positional.empty()) return UsageError(cmd, "needs a GRAPH");
  size_t top = 10;
  try {
    if (args.Has("--top")) top = static_cast<size_t>(std::stoul(args.Get("--top")));
  } catch (const std::exception&) {
    return UsageError(cmd, "--top needs a number");
  }
  KnowledgeGraph& graph = GraphForCommand();
  Diagnostics diags;
  LoadGraphInputs(args.positional, &graph, &diags);
  PrintDiagnostics(diags);
  if (diags.HasErrors()) return kInputErrors;
  GraphStats s = ComputeStats(graph, top);
  if (args.Has("--json")) {
    nlohmann::ordered_json j;
    j["documents"] = s.documents;
    j["nodes"] = s.nodes;
    j["edges"] = s.edges;
    j["nodes_by_type"] = s.nodes_by_type;
    j["edges_by_type"] = s.edges_by_type;
    j["first_date"] = s.first_date;
    j["last_date"] = s.last_date;
    nlohmann::ordered_json topj = nlohmann::ordered_json::array();
    for (const ActorDegree& a : s.top_actors) {
      topj.push_back({{"id", a.id}, {"label", a.label}, {"degree", a.degree}});
    }
    j["top_actors"] = topj;
    std::cout << j.dump(2) << "\n";
    return FlushStdout();
  }
  std::cout << "documents  " << s.documents << "\n"
            << "nodes      " << s.nodes << "\n";
  for (const auto& [type, n] : s.nodes_by_type) std::cout << "  " << type << "  " << n << "\n";
  std::cout << "edges      " << s.edges << "\n";
  for (const auto& [type, n] : s.edges_by_type) std::cout << "  " << type << "  " << n << "\n";
  std::cout << "dates      " << (s.first_date.empty() ? "-" : s.first_date) << " .. "
            << (s.last_date.empty() ? "-" : s.last_date) << "\n"
            << "top actors by degree\n";
  for (const ActorDegree& a : s.top_actors) {
    std::cout << "  " << a.degree << "  " << a.label << " (" << a.id << ")\n";
  }
  return FlushStdout();
}

}  // namespace diplograph::cli
