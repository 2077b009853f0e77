#include "diplograph/export/dot.h"

#include <string>

#include "common.h"

namespace diplograph {

namespace {

using export_internal::FormatDouble;
using export_internal::HexColor;

void AppendAttr(std::string* out, std::string_view name, std::string_view value, bool* first) {
  *out += *first ? " [" : ", ";
  *first = false;
  *out += name;
  *out += '=';
  *out += DotQuoted(value);
}

}  // namespace

std::string DotQuoted(std::string_view s) {
  // Graphviz reads quoted strings of up to 16384 bytes; longer ones are
  // written as "..." + "..." (DOT concatenation), split between characters.
  constexpr size_t kChunk = 8192;
  std::string out = "\"";
  size_t chunk_start = 0;
  size_t start = 0;
  while (true) {
    size_t nl = s.find('\n', start);
    std::string_view line = s.substr(start, nl == std::string_view::npos ? s.npos : nl - start);
    for (char c : export_internal::OneLineText(line)) {
      if (out.size() - chunk_start >= kChunk && (static_cast<unsigned char>(c) & 0xC0) != 0x80) {
        out += "\" + \"";
        chunk_start = out.size();
      }
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    if (nl == std::string_view::npos) break;
    out += "\\n";
    start = nl + 1;
  }
  out += '"';
  return out;
}

bool WriteDot(const KnowledgeGraph& graph, std::ostream& out) {
  out << "digraph \"diplograph\" {\n"
         "  node [shape=ellipse, style=filled, fontname=\"Helvetica\"];\n"
         "  edge [fontname=\"Helvetica\", fontsize=10];\n";
  std::string line;
  graph.ForEachNode([&](const ActorNode& n) {
    line = "  " + DotQuoted(n.id);
    bool first = true;
    AppendAttr(&line, "label", n.label, &first);
    if (!n.type.empty()) AppendAttr(&line, "type", n.type, &first);
    if (!n.country.empty()) AppendAttr(&line, "country", n.country, &first);
    if (!n.cameo.empty()) AppendAttr(&line, "cameo", n.cameo, &first);
    AppendAttr(&line, "fillcolor", HexColor(export_internal::NodeTypeColor(n.type)), &first);
    out << line << "];\n";
  });
  graph.ForEachEdge([&](const RelationEdge& e) {
    line = "  " + DotQuoted(e.key.source) + " -> " + DotQuoted(e.key.target);
    bool first = true;
    AppendAttr(&line, "label", e.key.type, &first);
    AppendAttr(&line, "weight", std::to_string(e.weight), &first);
    AppendAttr(&line, "goldstein", FormatDouble(e.goldstein), &first);
    if (!e.first_date.empty()) AppendAttr(&line, "first_date", e.first_date, &first);
    if (!e.last_date.empty()) AppendAttr(&line, "last_date", e.last_date, &first);
    AppendAttr(&line, "color", HexColor(export_internal::GoldsteinColor(e.goldstein)), &first);
    if (e.symmetric) AppendAttr(&line, "dir", "none", &first);
    out << line << "];\n";
  });
  out << "}\n";
  return static_cast<bool>(out);
}

}  // namespace diplograph
