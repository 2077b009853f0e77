#include "cli/commands.h"

#include <iostream>

#include "diplograph/core/diagnostics.h"

namespace diplograph::cli {

const std::vector<Command>& Commands() {
  static const std::vector<Command> kCommands = {
      {"extract", "articles -> extraction records (JSON Lines, one a document)",
       "diplograph extract [INPUT...] [-o FILE] [-j N]",
       "Reads articles (.txt with optional Title:/Date:/URL:/Id: header lines, .jsonl/.json\n"
       "objects with \"text\" and optionally \"id\", \"title\", \"date\", \"url\", \"source\"),\n"
       "directories (recursively, sorted) or stdin (no INPUT or '-'), and writes one\n"
       "extraction record a document: its actors and the events between them.\n"
       "Records come out in input order whatever -j is.",
       &ExtractOptions, &RunExtract},
      {"build", "articles, extraction files and saved graphs -> one merged graph",
       "diplograph build [INPUT...] -o GRAPH [-j N] [--format F]",
       "Extracts the articles among INPUT, adds extraction records and saved graphs as\n"
       "they are, and merges everything into one graph. The output format follows -o's\n"
       "extension (.json saved graph, .graphml, .gexf, .dot) unless --format says otherwise.",
       &BuildOptions, &RunBuild},
      {"merge", "merge saved graphs and extraction files (order-independent)",
       "diplograph merge GRAPH_OR_EXTRACTION... -o GRAPH",
       "Merges saved graphs (.json) and extraction files (.jsonl). Merging is associative\n"
       "and commutative, and idempotent per document id: a document added twice counts once.",
       &MergeOptions, &RunMerge},
      {"export", "convert a saved graph: graphml, gexf, json, csv (Neo4j), dot",
       "diplograph export GRAPH -o OUT [--format F] [filters]",
       "Writes a saved graph in another format. Filters apply to every format.",
       &ExportOptions, &RunExport},
      {"stats", "counts of nodes and edges by type, documents, date range, top actors",
       "diplograph stats GRAPH [--top N] [--json]",
       "Summarises a saved graph.", &StatsOptions, &RunStats},
      {"eval", "score extraction records against a gold file (as ../shared/eval/score.py)",
       "diplograph eval GOLD SYSTEM [--json] [--per-doc] [--show-errors]",
       "Matches SYSTEM's actors to GOLD's entities by normalised name, else by aliases\n"
       "that point to one entity, and scores events (type, source, target; met_with\n"
       "symmetric; optional gold events neither rewarded nor penalised) exactly as\n"
       "score.py does. Prints P/R/F1 and entity recall, then a table by event type.",
       &EvalOptions, &RunEval},
      {"import-actors", "TABARI/PETRARCH CAMEO .actors dictionary -> dictionary file for --dict",
       "diplograph import-actors FILE.actors... [-o DIR/people.imported.json] [--kind K]",
       "Converts CAMEO actor dictionaries (NAME_ lines, +SYNONYM_ lines, [CODE] and\n"
       "[CODE YYMMDD-YYMMDD] / [CODE <YYMMDD] / [CODE >YYMMDD] role codes) to people.json\n"
       "(or organizations.json with --kind organizations). Pass the folder of the output\n"
       "to extract/build with --dict. Malformed lines are reported and skipped.",
       &ImportActorsOptions, &RunImportActors},
  };
  return kCommands;
}

const Command* FindCommand(std::string_view name) {
  for (const Command& c : Commands()) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

void PrintCommandHelp(const Command& cmd) {
  std::cout << "usage: " << cmd.usage << "\n\n" << cmd.summary << ".\n\n"
            << cmd.description << "\n\noptions:\n"
            << FormatOptions(cmd.options()) << "  -h, --help                Show this help.\n";
}

int UsageError(const Command& cmd, const std::string& message) {
  std::cerr << "diplograph " << cmd.name << ": " << message << " (see 'diplograph " << cmd.name
            << " --help')\n";
  return kUsage;
}

int ParseFor(const Command& cmd, const std::vector<std::string>& argv, Args* args) {
  for (const std::string& a : argv) {
    if (a == "--") break;
    if (a == "-h" || a == "--help") {
      PrintCommandHelp(cmd);
      return kOk;
    }
  }
  std::string error;
  if (!ParseArgs(argv, cmd.options(), args, &error)) return UsageError(cmd, error);
  return -1;
}

void PrintDiagnostics(const Diagnostics& diags) {
  for (const Diagnostic& d : diags.items()) std::cerr << d.ToString() << "\n";
}

}  // namespace diplograph::cli
