#include "diplograph/export/graphml.h"

#include <string>
#include <string_view>

#include "common.h"
#include "diplograph/export/xml.h"

namespace diplograph {

namespace {

using export_internal::AppendInt;
using export_internal::FormatDouble;
using export_internal::JoinInto;

struct KeyDef {
  const char* id;
  const char* domain;  // "node" or "edge"
  const char* name;
  const char* type;
};

constexpr KeyDef kKeys[] = {
    {"n_label", "node", "label", "string"},
    {"n_type", "node", "type", "string"},
    {"n_country", "node", "country", "string"},
    {"n_cameo", "node", "cameo", "string"},
    {"n_aliases", "node", "aliases", "string"},
    {"n_roles", "node", "roles", "string"},
    {"n_mentions", "node", "mentions", "int"},
    {"n_documents", "node", "documents", "int"},
    {"e_label", "edge", "label", "string"},
    {"e_type", "edge", "type", "string"},
    {"e_weight", "edge", "weight", "int"},
    {"e_mentions", "edge", "mentions", "int"},
    {"e_cameo", "edge", "cameo", "string"},
    {"e_goldstein", "edge", "goldstein", "double"},
    {"e_first_date", "edge", "first_date", "string"},
    {"e_last_date", "edge", "last_date", "string"},
    {"e_documents", "edge", "documents", "string"},
    {"e_evidence", "edge", "evidence", "string"},
    {"e_symmetric", "edge", "symmetric", "boolean"},
};

// Appends <data key="KEY">VALUE</data>, or <data key="KEY"/> when empty.
void AppendData(std::string* out, std::string_view key, std::string_view value) {
  *out += "      <data key=\"";
  *out += key;
  if (value.empty()) {
    *out += "\"/>\n";
    return;
  }
  *out += "\">";
  AppendXmlEscaped(value, XmlContext::kText, out);
  *out += "</data>\n";
}

void WriteHeader(std::ostream& out) {
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
         "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
         "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
         "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  for (const KeyDef& k : kKeys) {
    out << "  <key id=\"" << k.id << "\" for=\"" << k.domain << "\" attr.name=\"" << k.name
        << "\" attr.type=\"" << k.type << "\"/>\n";
  }
  out << "  <graph id=\"diplograph\" edgedefault=\"directed\">\n";
}

// Appends <data key="KEY">VALUE</data> for an integer value.
void AppendIntData(std::string* out, std::string_view key, int64_t value) {
  *out += "      <data key=\"";
  *out += key;
  *out += "\">";
  AppendInt(out, value);
  *out += "</data>\n";
}

void WriteNode(const ActorNode& n, std::string* buf, std::string* scratch) {
  buf->clear();
  *buf += "    <node id=\"";
  AppendXmlNameToken(n.id, buf);  // nothing in a name token needs escaping
  *buf += "\">\n";
  AppendData(buf, "n_label", n.label);
  AppendData(buf, "n_type", n.type);
  AppendData(buf, "n_country", n.country);
  AppendData(buf, "n_cameo", n.cameo);
  AppendData(buf, "n_aliases", JoinInto(n.aliases, scratch));
  AppendData(buf, "n_roles", JoinInto(n.roles, scratch));
  AppendIntData(buf, "n_mentions", n.mentions);
  AppendIntData(buf, "n_documents", static_cast<int64_t>(n.documents.size()));
  *buf += "    </node>\n";
}

void WriteEdge(const RelationEdge& e, const GraphMlOptions& options, std::string* buf,
               std::string* scratch) {
  buf->clear();
  *buf += "    <edge id=\"";
  export_internal::AppendEdgeId(e.key, buf);
  *buf += "\" source=\"";
  AppendXmlNameToken(e.key.source, buf);
  *buf += "\" target=\"";
  AppendXmlNameToken(e.key.target, buf);
  *buf += options.gephi && e.symmetric ? "\" directed=\"false\">\n" : "\">\n";
  AppendData(buf, "e_label", e.key.type);
  AppendData(buf, "e_type", e.key.type);
  AppendIntData(buf, "e_weight", e.weight);
  AppendIntData(buf, "e_mentions", e.mentions);
  AppendData(buf, "e_cameo", e.cameo);
  AppendData(buf, "e_goldstein", FormatDouble(e.goldstein));
  AppendData(buf, "e_first_date", e.first_date);
  AppendData(buf, "e_last_date", e.last_date);
  AppendData(buf, "e_documents", JoinInto(e.documents, scratch));
  AppendData(buf, "e_evidence", e.evidence);
  AppendData(buf, "e_symmetric", e.symmetric ? "true" : "false");
  *buf += "    </edge>\n";
}

}  // namespace

bool WriteGraphMl(const KnowledgeGraph& graph, std::ostream& out, const GraphMlOptions& options) {
  WriteHeader(out);
  std::string buf, scratch;
  graph.ForEachNode([&](const ActorNode& n) {
    WriteNode(n, &buf, &scratch);
    out << buf;
  });
  graph.ForEachEdge([&](const RelationEdge& e) {
    WriteEdge(e, options, &buf, &scratch);
    out << buf;
  });
  out << "  </graph>\n</graphml>\n";
  return static_cast<bool>(out);
}

}  // namespace diplograph
