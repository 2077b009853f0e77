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
       "Writes a saved graph in another format. Filters apply to every format.", &ExportOptions,
       &RunExport},
      {"stats", "counts of nodes and edges by type, documents, date range, top actors",
       "diplograph stats GRAPH [--top N] [--json]", "Summarises a saved graph.", &StatsOptions,
       &RunStats},
      {"query", "run a query (a Cypher subset) or a graph algorithm on a saved graph",
       "diplograph query GRAPH [QUERY] [--json | --csv] [--timing]",
       "Runs QUERY, or the queries on stdin (one a line, or ended with ';'), or an\n"
       "interactive prompt when stdin is a terminal. Results are an aligned table, or\n"
       "JSON rows (--json) or CSV (--csv). A bad query exits 2 with its position.\n\n"
       "  MATCH (a {name: \"Guo Shengkun\"})-[:met_with]-(b) RETURN b.name\n"
       "  MATCH (a)-[e:accused]->(b {name: \"China\"}) WHERE e.last_date >= \"2014\"\n"
       "    RETURN a.name, e.weight ORDER BY e.weight DESC\n"
       "  MATCH (a:person)-[:met_with*1..2]-(b:country) RETURN DISTINCT b.name\n"
       "  CALL shortestPath(\"Guo Shengkun\", \"Donald Trump\") YIELD path RETURN path\n"
       "  CALL pagerank() YIELD name, score RETURN name, score ORDER BY score DESC LIMIT 10\n\n"
       "MATCH patterns: (n:label {name: \"...\"}) with labels person, country,\n"
       "organization, group, event; {name: ...} matches the name or any alias, ignoring\n"
       "case; -[r:type1|type2]-> <-[...]- -[...]- and *min..max paths. WHERE: AND OR XOR\n"
       "NOT, = <> < <= > >=, IN [...], CONTAINS, STARTS WITH, ENDS WITH, =~ (RE2), IS\n"
       "[NOT] NULL. RETURN [DISTINCT] expr [AS name], count(*) count collect min max sum\n"
       "avg, type(r) labels(n) label(n) id(n) size() toLower() toUpper(), ORDER BY ...\n"
       "[ASC|DESC], SKIP n, LIMIT n. Node properties: name id type country cameo aliases\n"
       "roles documents mentions; relationship properties: weight mentions first_date\n"
       "last_date dates documents cameo goldstein evidence symmetric type.\n"
       "Procedures (CALL p(...) [YIELD f [AS x], ... [WHERE ...]] [RETURN ...]):\n"
       "  shortestPath(from, to)  path, ids, types, length\n"
       "  pagerank([damping])     id, name, type, score (weighted; damping 0.85)\n"
       "  betweenness()           id, name, type, score (Brandes, undirected)\n"
       "  degree()                id, name, type, in, out, degree, weighted\n"
       "  components()            id, name, type, component, size (weakly connected)\n"
       "  timeline(actor)         date, type, source, target, weight, evidence, documents",
       &QueryOptions, &RunQuery},
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
  std::cout << "usage: " << cmd.usage << "\n\n"
            << cmd.summary << ".\n\n"
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
  if (diags.omitted() > 0) {
    std::cerr << "diplograph: " << diags.omitted() << " more problems not shown\n";
  }
}

}  // namespace diplograph::cli
