// `diplograph eval`: scores extraction records against a gold file with the
// rules of ../shared/eval/score.py (see diplograph/eval/scorer.h).
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/commands.h"
#include "cli/inputs.h"
#include "diplograph/core/strings.h"
#include "diplograph/eval/scorer.h"
#include "diplograph/text/reader.h"

namespace diplograph::cli {

std::vector<OptionSpec> EvalOptions() {
  return {{"--json", nullptr, false, "Print one JSON object instead of text."},
          {"--per-doc", nullptr, false, "Also score each document."},
          {"--show-errors", nullptr, false,
           "List missed and spurious events, one a line, with their evidence."}};
}

namespace {

using eval::Counts;
using eval::Score;
using ojson = nlohmann::ordered_json;

// Calls `on_record` for each JSON record of `path`. An empty file has none.
void ReadRecords(const std::string& path, Diagnostics* diags,
                 const std::function<void(int, const nlohmann::json&)>& on_record) {
  std::error_code ec;
  if (path != "-" && std::filesystem::is_directory(path, ec)) {
    diags->Error(path, 0, 0, "is a directory, not a JSON Lines file");
    return;
  }
  std::string content;
  if (!ReadWholeFile(path, &content, diags) || !CheckText(content, path, diags)) return;
  if (Trim(content).empty()) return;
  ParseJsonRecords(content, path, ReaderOptions(), diags, on_record);
}

bool ReadFiles(const std::string& gold_path, const std::string& system_path,
               std::vector<eval::GoldDoc>* gold, std::vector<eval::SystemDoc>* system) {
  Diagnostics diags;
  ReadRecords(gold_path, &diags, [&](int line, const nlohmann::json& v) {
    if (auto g = eval::GoldDocFromJson(v, gold_path, line, &diags)) gold->push_back(std::move(*g));
  });
  ReadRecords(system_path, &diags, [&](int line, const nlohmann::json& v) {
    if (auto s = eval::SystemDocFromJson(v, system_path, line, &diags)) {
      system->push_back(std::move(*s));
    }
  });
  PrintDiagnostics(diags);
  return !diags.HasErrors();
}

std::string Fixed(double x, int digits) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", digits, x);
  return buf;
}

// One evidence text on one line.
std::string OneLine(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : Trim(s)) {
    bool ws = c == ' ' || c == '\n' || c == '\r' || c == '\t';
    if (ws && !space) out.push_back(' ');
    if (!ws) out.push_back(c);
    space = ws;
  }
  return out;
}

// --- Text -----------------------------------------------------------------------

std::string Row(const std::string& label, size_t width, const Counts& c) {
  std::ostringstream os;
  os << label << std::string(width - std::min(width, label.size()) + 2, ' ');
  char buf[96];
  std::snprintf(buf, sizeof buf, "%5d %6d %5d %5d %5d  %s  %s  %s", c.gold(), c.system(), c.tp,
                c.fp, c.fn, Fixed(c.precision(), 3).c_str(), Fixed(c.recall(), 3).c_str(),
                Fixed(c.f1(), 3).c_str());
  return os.str() + buf;
}

std::string Header(const std::string& label, size_t width) {
  return label + std::string(width - std::min(width, label.size()) + 2, ' ') +
         " gold system    tp    fp    fn  P      R      F1";
}

void PrintTypeTable(const Score& s) {
  size_t width = 5;
  for (const auto& [type, c] : s.by_type) width = std::max(width, type.size());
  std::cout << "\n" << Header("type", width) << "\n";
  for (const std::string& type : eval::ScoredEventTypes()) {
    const Counts& c = s.by_type.at(type);
    if (c.gold() + c.system() > 0) std::cout << Row(type, width, c) << "\n";
  }
  std::cout << Row("all", width, s.events) << "\n";
}

void PrintDocTable(const Score& s) {
  size_t width = 3;
  for (const eval::DocScore& d : s.per_doc) width = std::max(width, d.doc.size());
  std::cout << "\n" << Header("doc", width) << "     entities\n";
  for (const eval::DocScore& d : s.per_doc) {
    std::cout << Row(d.doc, width, d.events) << "  " << d.ent_tp << "/" << d.ent_gold
              << (d.has_output ? "" : "  (no output)") << "\n";
  }
}

void PrintErrors(const Score& s) {
  size_t missed = 0, spurious = 0;
  for (const eval::DocScore& d : s.per_doc) {
    missed += d.missed.size();
    spurious += d.spurious.size();
  }
  std::cout << "\nerrors: " << missed << " missed, " << spurious << " spurious\n";
  auto line = [](const char* kind, const eval::EventError& e, const char* side) {
    std::cout << kind << "  " << e.doc << "  " << e.event.type << "  " << e.event.source << " -> "
              << e.event.target;
    if (!e.evidence.empty()) std::cout << "  " << side << ": \"" << OneLine(e.evidence) << "\"";
    std::cout << "\n";
  };
  for (const eval::DocScore& d : s.per_doc) {
    for (const eval::EventError& e : d.missed) line("missed  ", e, "gold");
    for (const eval::EventError& e : d.spurious) line("spurious", e, "system");
  }
}

void PrintText(const Score& s, const Args& args) {
  std::cout << "docs " << s.docs << " (with output " << s.docs_with_output << ")  events P "
            << Fixed(s.events.precision(), 3) << " R " << Fixed(s.events.recall(), 3) << " F1 "
            << Fixed(s.events.f1(), 3) << "  entities R " << Fixed(s.entity_recall(), 3) << "\n";
  PrintTypeTable(s);
  if (args.Has("--per-doc")) PrintDocTable(s);
  if (args.Has("--show-errors")) PrintErrors(s);
}

// --- JSON -----------------------------------------------------------------------

ojson CountsJson(const Counts& c) {
  return {{"gold", c.gold()},
          {"system", c.system()},
          {"tp", c.tp},
          {"fp", c.fp},
          {"fn", c.fn},
          {"precision", eval::RoundLikePython(c.precision(), 4)},
          {"recall", eval::RoundLikePython(c.recall(), 4)},
          {"f1", eval::RoundLikePython(c.f1(), 4)}};
}

ojson ErrorJson(const eval::EventError& e) {
  return {{"doc", e.doc},
          {"type", e.event.type},
          {"source", e.event.source},
          {"target", e.event.target},
          {"evidence", e.evidence}};
}

ojson DocJson(const eval::DocScore& d) {
  ojson j = {{"doc", d.doc},          {"has_output", d.has_output}, {"tp", d.events.tp},
             {"fp", d.events.fp},     {"fn", d.events.fn},          {"ent_tp", d.ent_tp},
             {"ent_gold", d.ent_gold}};
  for (const char* kind : {"missed", "spurious"}) {
    ojson list = ojson::array();
    for (const eval::EventError& e : kind[0] == 'm' ? d.missed : d.spurious) {
      list.push_back({e.event.type, e.event.source, e.event.target});
    }
    j[kind] = list;
  }
  return j;
}

// The summary keys and values of score.py --json first, then the breakdowns.
ojson ScoreJson(const Score& s, const Args& args) {
  ojson j;
  j["docs"] = s.docs;
  j["docs_with_output"] = s.docs_with_output;
  j["event_precision"] = eval::RoundLikePython(s.events.precision(), 4);
  j["event_recall"] = eval::RoundLikePython(s.events.recall(), 4);
  j["event_f1"] = eval::RoundLikePython(s.events.f1(), 4);
  j["entity_recall"] = eval::RoundLikePython(s.entity_recall(), 4);
  j["tp"] = s.events.tp;
  j["fp"] = s.events.fp;
  j["fn"] = s.events.fn;
  j["ent_tp"] = s.ent_tp;
  j["ent_gold"] = s.ent_gold;
  ojson types = ojson::object();
  for (const std::string& type : eval::ScoredEventTypes()) {
    types[type] = CountsJson(s.by_type.at(type));
  }
  j["by_type"] = types;
  if (args.Has("--per-doc")) {
    j["per_doc"] = ojson::array();
    for (const eval::DocScore& d : s.per_doc) j["per_doc"].push_back(DocJson(d));
  }
  if (args.Has("--show-errors")) {
    ojson missed = ojson::array(), spurious = ojson::array();
    for (const eval::DocScore& d : s.per_doc) {
      for (const eval::EventError& e : d.missed) missed.push_back(ErrorJson(e));
      for (const eval::EventError& e : d.spurious) spurious.push_back(ErrorJson(e));
    }
    j["missed"] = missed;
    j["spurious"] = spurious;
  }
  return j;
}

}  // namespace

int RunEval(const Args& args) {
  const Command& cmd = *FindCommand("eval");
  if (args.positional.size() != 2) return UsageError(cmd, "needs a GOLD and a SYSTEM file");
  if (args.positional[0] == "-" && args.positional[1] == "-") {
    return UsageError(cmd, "only one of GOLD and SYSTEM can be stdin ('-')");
  }
  std::vector<eval::GoldDoc> gold;
  std::vector<eval::SystemDoc> system;
  if (!ReadFiles(args.positional[0], args.positional[1], &gold, &system)) return kInputErrors;
  Score score = eval::ScoreCorpus(gold, system);
  if (args.Has("--json")) {
    std::cout << ScoreJson(score, args).dump(2) << "\n";
  } else {
    PrintText(score, args);
  }
  if (!std::cout.flush()) {
    std::cerr << "diplograph eval: cannot write to stdout\n";
    return kInputErrors;
  }
  return kOk;
}

}  // namespace diplograph::cli
