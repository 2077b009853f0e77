// `diplograph query`: a Cypher subset and graph algorithms over a saved graph.
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <iterator>

#include "cli/commands.h"
#include "cli/graph_output.h"
#include "cli/line_editor.h"
#include "diplograph/core/strings.h"
#include "diplograph/query/engine.h"
#include "diplograph/query/parser.h"
#include "diplograph/query/script.h"

namespace diplograph::cli {

std::vector<OptionSpec> QueryOptions() {
  return {{"--json", nullptr, false, "Print each result as a JSON array of row objects."},
          {"--csv", nullptr, false, "Print each result as CSV with a header line."},
          {"--format", nullptr, true, "table (the default), json or csv."},
          {"--timing", nullptr, false, "Report load and query times on stderr."},
          {"--history", nullptr, true,
           "The prompt's history file (default ~/.diplograph_history; '' for none)."}};
}

namespace {

using Clock = std::chrono::steady_clock;

enum class Format { kTable, kJson, kCsv };

struct Session {
  const query::QueryEngine* engine = nullptr;
  Format format = Format::kTable;
  bool timing = false;
  bool interactive = false;
  int results = 0;  // printed so far
};

double MillisecondsSince(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

void PrintTable(const query::ResultTable& table, Session* s) {
  if (s->results++ > 0 && s->format != Format::kJson && !s->interactive) std::cout << "\n";
  switch (s->format) {
    case Format::kTable:
      query::WriteTextTable(table, std::cout);
      break;
    case Format::kJson:
      query::WriteJsonRows(table, std::cout);
      break;
    case Format::kCsv:
      query::WriteCsvRows(table, std::cout);
      break;
  }
}

// Runs one query; prints its result, or its errors with the line and a
// caret. Returns false for a bad query.
bool RunStatement(const query::Statement& st, Session* s) {
  Diagnostics diags;
  Clock::time_point start = Clock::now();
  std::optional<query::ResultTable> table = s->engine->Execute(st.text, "query", &diags);
  double ms = MillisecondsSince(start);
  for (const Diagnostic& d : diags.items()) {
    std::cerr << query::RenderQueryDiagnostic(d, st.text, st.line - 1, st.col - 1);
  }
  if (!table) return false;
  PrintTable(*table, s);
  std::cout.flush();
  size_t n = table->rows.size();
  if (s->timing || s->interactive) {
    std::cerr << "(" << n << (n == 1 ? " row" : " rows");
    if (s->timing) std::cerr << ", " << ms << " ms";
    std::cerr << ")\n";
  }
  return true;
}

bool RunText(std::string_view text, Session* s) {
  bool ok = true;
  for (const query::Statement& st : query::SplitStatements(text)) ok = RunStatement(st, s) && ok;
  return ok;
}

std::string HistoryPath(const Args& args) {
  if (args.Has("--history")) return args.Get("--history");
  const char* home = std::getenv("HOME");
  return home != nullptr && *home != '\0' ? std::string(home) + "/.diplograph_history" : "";
}

// Handles ":help", ":json", ":quit" ...; false when `line` is not a command.
bool PromptCommand(std::string_view line, Session* s, bool* quit) {
  if (line == ":quit" || line == ":q" || line == ":exit" || line == "quit" || line == "exit") {
    *quit = true;
  } else if (line == ":json" || line == ":csv" || line == ":table") {
    s->format = line == ":json" ? Format::kJson : line == ":csv" ? Format::kCsv : Format::kTable;
  } else if (line == ":help" || line == "help") {
    std::cerr << "Type a query and press Enter (a query that is not finished continues on the\n"
                 "next line; ';' or an empty line ends it). Examples:\n"
                 "  MATCH (a {name: \"China\"})-[e]-(b) RETURN type(e), b.name\n"
                 "  CALL pagerank() YIELD name, score RETURN name, score ORDER BY score DESC "
                 "LIMIT 10\n"
                 ":table, :json, :csv switch the output; :quit or Ctrl-D leaves; Up and Down "
                 "recall\nearlier queries. 'diplograph query --help' lists the language.\n";
  } else {
    return false;
  }
  return true;
}

void Interactive(const Args& args, Session* s) {
  s->interactive = true;
  LineEditor editor(HistoryPath(args));
  const query::GraphIndex& index = s->engine->index();
  std::cerr << "diplograph query: " << index.node_count() << " nodes, " << index.edge_count()
            << " edges. :help for help, Ctrl-D to leave.\n";
  std::string buffer;
  std::string line;
  while (true) {
    LineEditor::Result r = editor.ReadLine(buffer.empty() ? "diplograph> " : "       ...> ", &line);
    if (r == LineEditor::Result::kEnd) break;
    if (r == LineEditor::Result::kInterrupted) {
      buffer.clear();
      continue;
    }
    std::string_view trimmed = Trim(line);
    bool quit = false;
    if (buffer.empty() && (trimmed.empty() || PromptCommand(trimmed, s, &quit))) {
      if (quit) break;
      continue;
    }
    bool force = trimmed.empty();
    buffer += line + "\n";
    bool ends = !trimmed.empty() && trimmed.back() == ';';
    if (!force && !ends && query::NeedsMoreInput(buffer)) continue;
    editor.AddHistory(buffer);
    RunText(buffer, s);
    buffer.clear();
  }
  if (!buffer.empty()) RunText(buffer, s);
}

bool ReadFormat(const Args& args, Format* format, std::string* error) {
  int chosen = args.Has("--json") + args.Has("--csv") + args.Has("--format");
  if (chosen > 1) {
    *error = "choose one of --json, --csv and --format";
    return false;
  }
  std::string f = args.Has("--json")  ? "json"
                  : args.Has("--csv") ? "csv"
                                      : args.Get("--format", "table");
  if (f == "table")
    *format = Format::kTable;
  else if (f == "json")
    *format = Format::kJson;
  else if (f == "csv")
    *format = Format::kCsv;
  else {
    *error = "unknown --format '" + f + "' (table, json or csv)";
    return false;
  }
  return true;
}

}  // namespace

int RunQuery(const Args& args) {
  const Command& cmd = *FindCommand("query");
  if (args.positional.empty()) return UsageError(cmd, "needs a GRAPH");
  if (args.positional.size() > 2) {
    return UsageError(cmd,
                      "takes a GRAPH and one QUERY; quote the query, as in "
                      "'MATCH (n) RETURN n.name'");
  }
  Session session;
  std::string error;
  if (!ReadFormat(args, &session.format, &error)) return UsageError(cmd, error);
  session.timing = args.Has("--timing");
  Clock::time_point start = Clock::now();
  KnowledgeGraph& graph = GraphForCommand();
  Diagnostics diags;
  LoadGraphInputs({args.positional[0]}, &graph, &diags);
  PrintDiagnostics(diags);
  if (diags.HasErrors()) return kInputErrors;
  query::QueryEngine engine(graph);
  session.engine = &engine;
  if (session.timing) std::cerr << "loaded and indexed in " << MillisecondsSince(start) << " ms\n";
  bool ok = true;
  if (args.positional.size() == 2) {
    if (query::SplitStatements(args.positional[1]).empty()) {
      return UsageError(cmd, "the QUERY is empty");
    }
    ok = RunText(args.positional[1], &session);
  } else if (isatty(STDIN_FILENO)) {
    Interactive(args, &session);  // errors were shown as they came; leaving is success
  } else {
    std::string text((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
    ok = RunText(text, &session);
  }
  if (!std::cout.flush()) {
    std::cerr << "diplograph query: cannot write to stdout\n";
    return kInputErrors;
  }
  return ok ? kOk : kUsage;
}

}  // namespace diplograph::cli
