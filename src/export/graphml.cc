#include "diplograph/export/graphml.h"

#include <string>
#include <string_view>

#include "common.h"
#include "diplograph/export/xml.h"

namespace diplograph {

namespace {

using export_internal::FormatDouble;
using export_internal::Join;

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

void WriteNode(const ActorNode& n, std::string* buf) {
  buf->clear();
  *buf += "    <node id=\"";
  AppendXmlEscaped(XmlNameToken(n.id), XmlContext::kAttribute, buf);
  *buf += "\">\n";
  AppendData(buf, "n_label", n.label);
  AppendData(buf, "n_type", n.type);
  AppendData(buf, "n_country", n.country);
  AppendData(buf, "n_cameo", n.cameo);
  AppendData(buf, "n_aliases", Join(n.aliases, "; "));
  AppendData(buf, "n_roles", Join(n.roles, "; "));
  AppendData(buf, "n_mentions", std::to_string(n.mentions));
  AppendData(buf, "n_documents", std::to_string(n.documents.size()));
  *buf += "    </node>\n";
}

void WriteEdge(const RelationEdge& e, const GraphMlOptions& options, std::string* buf) {
  buf->clear();
  *buf += "    <edge id=\"";
  *buf += export_internal::EdgeId(e.key);
  *buf += "\" source=\"";
  *buf += XmlNameToken(e.key.source);
  *buf += "\" target=\"";
  *buf += XmlNameToken(e.key.target);
  *buf += options.gephi && e.symmetric ? "\" directed=\"false\">\n" : "\">\n";
  AppendData(buf, "e_label", e.key.type);
  AppendData(buf, "e_type", e.key.type);
  AppendData(buf, "e_weight", std::to_string(e.weight));
  AppendData(buf, "e_mentions", std::to_string(e.mentions));
  AppendData(buf, "e_cameo", e.cameo);
  AppendData(buf, "e_goldstein", FormatDouble(e.goldstein));
  AppendData(buf, "e_first_date", e.first_date);
  AppendData(buf, "e_last_date", e.last_date);
  AppendData(buf, "e_documents", Join(e.documents, "; "));
  AppendData(buf, "e_evidence", e.evidence);
  AppendData(buf, "e_symmetric", e.symmetric ? "true" : "false");
  *buf += "    </edge>\n";
}

}  // namespace

bool WriteGraphMl(const KnowledgeGraph& graph, std::ostream& out, const GraphMlOptions& options) {
  WriteHeader(out);
  std::string buf;
  graph.ForEachNode([&](const ActorNode& n) {
    WriteNode(n, &buf);
    out << buf;
  });
  graph.ForEachEdge([&](const RelationEdge& e) {
    WriteEdge(e, options, &buf);
    out << buf;
  });
  out << "  </graph>\n</graphml>\n";
  return static_cast<bool>(out);
}

}  // namespace diplograph
