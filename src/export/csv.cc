#include "diplograph/export/csv.h"

#include <string>
#include <vector>

#include "common.h"

namespace diplograph {

namespace {

using export_internal::FormatDouble;

// Neo4j array: elements joined with ';' (a ';' inside one becomes ',').
std::string ArrayField(const std::vector<std::string>& items) {
  std::string joined;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) joined += ';';
    for (char c : items[i]) joined += c == ';' ? ',' : c;
  }
  return CsvField(joined);
}

// "Actor;Person": the actor type with its first letter upper-cased and
// anything but ASCII letters, digits and '_' as '_'.
std::string LabelField(const std::string& type) {
  std::string label;
  for (char c : type) {
    bool word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    label += word ? c : '_';
  }
  if (!label.empty() && label[0] >= 'a' && label[0] <= 'z') {
    label[0] = static_cast<char>(label[0] - 'a' + 'A');
  }
  return label.empty() || label == "Actor" ? "Actor" : "Actor;" + label;
}

std::string UpperType(const std::string& type) {
  std::string out;
  for (char c : type) {
    bool word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    out += word ? static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c) : '_';
  }
  return out.empty() ? "RELATED_TO" : out;
}

void WriteRow(std::ostream& out, const std::vector<std::string>& fields) {
  std::string line;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) line += ',';
    line += fields[i];
  }
  line += '\n';
  out << line;
}

}  // namespace

std::string CsvField(std::string_view value) {
  std::string text = export_internal::OneLineText(value);
  bool quote = text.find_first_of(",\"") != std::string::npos ||
               (!text.empty() && (text.front() == ' ' || text.back() == ' '));
  if (!quote) return text;
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

bool WriteNeo4jNodesCsv(const KnowledgeGraph& graph, std::ostream& out) {
  out << "id:ID,:LABEL,name,type,country,cameo,aliases:string[],roles:string[],"
         "mentions:int,documents:int\n";
  graph.ForEachNode([&](const ActorNode& n) {
    WriteRow(out,
             {CsvField(n.id), LabelField(n.type), CsvField(n.label), CsvField(n.type),
              CsvField(n.country), CsvField(n.cameo), ArrayField(n.aliases), ArrayField(n.roles),
              std::to_string(n.mentions), std::to_string(n.documents.size())});
  });
  return static_cast<bool>(out);
}

bool WriteNeo4jRelationshipsCsv(const KnowledgeGraph& graph, std::ostream& out) {
  out << ":START_ID,:END_ID,:TYPE,type,weight:int,mentions:int,cameo,goldstein:double,"
         "first_date,last_date,dates:string[],documents:string[],evidence,symmetric:boolean\n";
  graph.ForEachEdge([&](const RelationEdge& e) {
    WriteRow(out, {CsvField(e.key.source), CsvField(e.key.target), UpperType(e.key.type),
                   CsvField(e.key.type), std::to_string(e.weight), std::to_string(e.mentions),
                   CsvField(e.cameo), FormatDouble(e.goldstein), CsvField(e.first_date),
                   CsvField(e.last_date), ArrayField(e.dates), ArrayField(e.documents),
                   CsvField(e.evidence), e.symmetric ? "true" : "false"});
  });
  return static_cast<bool>(out);
}

}  // namespace diplograph
