#include "diplograph/export/gexf.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common.h"
#include "diplograph/export/xml.h"

namespace diplograph {

namespace {

using export_internal::DayRange;
using export_internal::FormatDouble;
using export_internal::Join;
using export_internal::Rgb;

struct AttrDef {
  const char* id;  // also the title
  const char* type;
};

constexpr AttrDef kNodeAttrs[] = {
    {"type", "string"},  {"country", "string"},   {"cameo", "string"},      {"aliases", "string"},
    {"roles", "string"}, {"mentions", "integer"}, {"documents", "integer"},
};

constexpr AttrDef kEdgeAttrs[] = {
    {"event_type", "string"}, {"mentions", "integer"},  {"cameo", "string"},
    {"goldstein", "double"},  {"first_date", "string"}, {"last_date", "string"},
    {"documents", "string"},  {"evidence", "string"},   {"symmetric", "boolean"},
};

void AppendAttr(std::string* out, std::string_view name, std::string_view value) {
  *out += ' ';
  *out += name;
  *out += "=\"";
  AppendXmlEscaped(value, XmlContext::kAttribute, out);
  *out += '"';
}

void WriteAttributeDefs(std::ostream& out, const char* cls, const AttrDef* defs, size_t n) {
  out << "    <attributes class=\"" << cls << "\" mode=\"static\">\n";
  for (size_t i = 0; i < n; ++i) {
    out << "      <attribute id=\"" << defs[i].id << "\" title=\"" << defs[i].id << "\" type=\""
        << defs[i].type << "\"/>\n";
  }
  out << "    </attributes>\n";
}

void WriteHeader(const KnowledgeGraph& graph, const GexfOptions& options, std::ostream& out) {
  bool v13 = options.version == GexfVersion::k1_3;
  std::string ns = v13 ? "http://gexf.net/1.3" : "http://www.gexf.net/1.2draft";
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << "<gexf xmlns=\"" << ns << "\" xmlns:viz=\"" << ns << "/viz\" version=\""
      << (v13 ? "1.3" : "1.2") << "\">\n"
      << "  <meta>\n    <creator>diplograph</creator>\n"
      << "    <description>Who did what to whom, extracted from news articles</description>\n"
      << "  </meta>\n"
      << "  <graph defaultedgetype=\"directed\""
      << (options.spells ? " mode=\"dynamic\" timeformat=\"date\"" : "") << ">\n";
  WriteAttributeDefs(out, "node", kNodeAttrs, std::size(kNodeAttrs));
  WriteAttributeDefs(out, "edge", kEdgeAttrs, std::size(kEdgeAttrs));
  out << "    <nodes count=\"" << graph.node_count() << "\">\n";
}

// Appends <attvalues> for the non-empty values (in the order of `defs`).
void AppendAttValues(std::string* out, const AttrDef* defs,
                     const std::vector<std::string>& values) {
  std::string body;
  for (size_t i = 0; i < values.size(); ++i) {
    if (values[i].empty()) continue;
    body += "        <attvalue";
    AppendAttr(&body, "for", defs[i].id);
    AppendAttr(&body, "value", values[i]);
    body += "/>\n";
  }
  if (body.empty()) return;
  *out += "      <attvalues>\n" + body + "      </attvalues>\n";
}

// `dates` may repeat a date many times (a country's node gets one a
// document), so each distinct date is expanded once.
void AppendSpells(std::string* out, std::vector<std::string_view> dates) {
  std::sort(dates.begin(), dates.end());
  dates.erase(std::unique(dates.begin(), dates.end()), dates.end());
  std::vector<DayRange> ranges;
  for (std::string_view d : dates) {
    if (auto r = export_internal::ExpandDate(d)) ranges.push_back(std::move(*r));
  }
  ranges = export_internal::MergeRanges(std::move(ranges));
  if (ranges.empty()) return;
  *out += "      <spells>\n";
  for (const DayRange& r : ranges) {
    *out += "        <spell start=\"" + r.first + "\" end=\"" + r.last + "\"/>\n";
  }
  *out += "      </spells>\n";
}

void AppendColor(std::string* out, Rgb c) {
  *out += "      <viz:color r=\"" + std::to_string(c.r) + "\" g=\"" + std::to_string(c.g) +
          "\" b=\"" + std::to_string(c.b) + "\"/>\n";
}

// What node spells are made of. Views into the graph, valid while it is
// unchanged.
struct SpellDates {
  std::unordered_map<std::string_view, std::string_view> of_document;  // by doc id
  // By node id: the dates of its edges (a self-loop's once), gathered in
  // one pass over the edges.
  std::unordered_map<std::string_view, std::vector<std::string_view>> of_edges;
};

SpellDates GatherSpellDates(const KnowledgeGraph& graph) {
  SpellDates out;
  out.of_document.reserve(graph.document_count());
  graph.ForEachDocument([&](const DocumentEntry& d) { out.of_document.emplace(d.id, d.date); });
  graph.ForEachEdge([&](const RelationEdge& e) {
    if (e.dates.empty()) return;
    std::vector<std::string_view>& source = out.of_edges[e.key.source];
    source.insert(source.end(), e.dates.begin(), e.dates.end());
    if (e.key.target == e.key.source) return;
    std::vector<std::string_view>& target = out.of_edges[e.key.target];
    target.insert(target.end(), e.dates.begin(), e.dates.end());
  });
  return out;
}

// The dates a node lives on: its documents' dates and its edges' dates.
std::vector<std::string_view> NodeDates(const SpellDates& spell_dates, const ActorNode& n) {
  std::vector<std::string_view> dates;
  auto edges = spell_dates.of_edges.find(n.id);
  dates.reserve(n.documents.size() +
                (edges == spell_dates.of_edges.end() ? 0 : edges->second.size()));
  for (const std::string& doc : n.documents) {
    auto it = spell_dates.of_document.find(doc);
    if (it != spell_dates.of_document.end()) dates.push_back(it->second);
  }
  if (edges != spell_dates.of_edges.end()) {
    dates.insert(dates.end(), edges->second.begin(), edges->second.end());
  }
  return dates;
}

void WriteNode(const SpellDates& spell_dates, const ActorNode& n, const GexfOptions& options,
               std::string* buf) {
  buf->assign("      <node");
  AppendAttr(buf, "id", n.id);
  std::string label = CollapseWhitespace(n.label);
  if (!label.empty()) AppendAttr(buf, "label", label);
  *buf += ">\n";
  AppendAttValues(buf, kNodeAttrs,
                  {n.type, n.country, n.cameo, Join(n.aliases, "; "), Join(n.roles, "; "),
                   std::to_string(n.mentions), std::to_string(n.documents.size())});
  if (options.spells) AppendSpells(buf, NodeDates(spell_dates, n));
  if (options.colors) AppendColor(buf, export_internal::NodeTypeColor(n.type));
  *buf += "      </node>\n";
}

void WriteEdge(const RelationEdge& e, const GexfOptions& options, std::string* buf) {
  std::string type = CollapseWhitespace(e.key.type);
  buf->assign("      <edge");
  AppendAttr(buf, "id", export_internal::EdgeId(e.key));
  AppendAttr(buf, "source", e.key.source);
  AppendAttr(buf, "target", e.key.target);
  bool undirected = options.undirected_symmetric.value_or(options.version == GexfVersion::k1_3);
  if (undirected && e.symmetric) AppendAttr(buf, "type", "undirected");
  if (options.version == GexfVersion::k1_3 && !type.empty()) AppendAttr(buf, "kind", type);
  if (!type.empty()) AppendAttr(buf, "label", type);
  AppendAttr(buf, "weight", std::to_string(e.weight));
  *buf += ">\n";
  AppendAttValues(
      buf, kEdgeAttrs,
      {e.key.type, std::to_string(e.mentions), e.cameo, FormatDouble(e.goldstein), e.first_date,
       e.last_date, Join(e.documents, "; "), e.evidence, e.symmetric ? "true" : "false"});
  if (options.spells) AppendSpells(buf, {e.dates.begin(), e.dates.end()});
  if (options.colors) AppendColor(buf, export_internal::GoldsteinColor(e.goldstein));
  *buf += "      </edge>\n";
}

}  // namespace

bool WriteGexf(const KnowledgeGraph& graph, std::ostream& out, const GexfOptions& options) {
  WriteHeader(graph, options, out);
  const SpellDates spell_dates = options.spells ? GatherSpellDates(graph) : SpellDates();
  std::string buf;
  graph.ForEachNode([&](const ActorNode& n) {
    WriteNode(spell_dates, n, options, &buf);
    out << buf;
  });
  out << "    </nodes>\n    <edges count=\"" << graph.edge_count() << "\">\n";
  graph.ForEachEdge([&](const RelationEdge& e) {
    WriteEdge(e, options, &buf);
    out << buf;
  });
  out << "    </edges>\n  </graph>\n</gexf>\n";
  return static_cast<bool>(out);
}

}  // namespace diplograph
