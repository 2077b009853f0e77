#include "diplograph/export/gexf.h"

#include <algorithm>
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common.h"
#include "diplograph/core/date.h"
#include "diplograph/export/xml.h"

namespace diplograph {

namespace {

using export_internal::AppendInt;
using export_internal::FormatDouble;
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

// <attvalues> for the non-empty values, added in the order of the
// attribute definitions; nothing at all when every value is empty.
class AttValues {
 public:
  explicit AttValues(std::string* out) : out_(out), start_(out->size()) {
    *out_ += "      <attvalues>\n";
  }
  void Add(const char* id, std::string_view value) {
    if (value.empty()) return;
    any_ = true;
    *out_ += "        <attvalue for=\"";
    *out_ += id;  // a plain word: nothing to escape
    *out_ += "\" value=\"";
    AppendXmlEscaped(value, XmlContext::kAttribute, out_);
    *out_ += "\"/>\n";
  }
  void AddInt(const char* id, int64_t value) {
    std::string digits;  // short: no allocation
    AppendInt(&digits, value);
    Add(id, digits);
  }
  // The items joined by "; ".
  void AddJoined(const char* id, const std::vector<std::string>& items, std::string* scratch) {
    Add(id, export_internal::JoinInto(items, scratch));
  }
  void Finish() {
    if (any_) {
      *out_ += "      </attvalues>\n";
    } else {
      out_->resize(start_);
    }
  }

 private:
  std::string* out_;
  size_t start_;
  bool any_ = false;
};

// The days a date covers (partial dates cover their year or month), as
// yyyymmdd numbers, which order as the ISO dates do.
struct Days {
  uint32_t first = 0;
  uint32_t last = 0;
  auto operator<=>(const Days&) const = default;
};

std::optional<Days> DaysOf(std::string_view iso) {
  std::optional<Date> d = ParseIsoDate(iso);
  if (!d || !d->known()) return std::nullopt;
  const uint32_t year = static_cast<uint32_t>(d->year) * 10000;
  if (d->month == 0) return Days{year + 101, year + 1231};
  const uint32_t month = year + static_cast<uint32_t>(d->month) * 100;
  if (d->day == 0) {
    return Days{month + 1, month + static_cast<uint32_t>(DaysInMonth(d->year, d->month))};
  }
  return Days{month + static_cast<uint32_t>(d->day), month + static_cast<uint32_t>(d->day)};
}

// "YYYY-MM-DD" of a yyyymmdd number.
void AppendDay(std::string* out, uint32_t v) {
  char buf[10] = {static_cast<char>('0' + v / 10000000 % 10),
                  static_cast<char>('0' + v / 1000000 % 10),
                  static_cast<char>('0' + v / 100000 % 10),
                  static_cast<char>('0' + v / 10000 % 10),
                  '-',
                  static_cast<char>('0' + v / 1000 % 10),
                  static_cast<char>('0' + v / 100 % 10),
                  '-',
                  static_cast<char>('0' + v / 10 % 10),
                  static_cast<char>('0' + v % 10)};
  out->append(buf, sizeof buf);
}

// <spells> for `days` (sorted and merged here; overlapping ranges become
// one), nothing when there are none.
void AppendSpells(std::string* out, std::vector<Days>* days) {
  if (days->empty()) return;
  std::sort(days->begin(), days->end());
  *out += "      <spells>\n";
  auto spell = [out](const Days& r) {
    *out += "        <spell start=\"";
    AppendDay(out, r.first);
    *out += "\" end=\"";
    AppendDay(out, r.last);
    *out += "\"/>\n";
  };
  Days open = days->front();
  for (const Days& r : *days) {
    if (r.first <= open.last) {
      open.last = std::max(open.last, r.last);
    } else {
      spell(open);
      open = r;
    }
  }
  spell(open);
  *out += "      </spells>\n";
}

void AppendColor(std::string* out, Rgb c) {
  *out += "      <viz:color r=\"";
  AppendInt(out, c.r);
  *out += "\" g=\"";
  AppendInt(out, c.g);
  *out += "\" b=\"";
  AppendInt(out, c.b);
  *out += "\"/>\n";
}

// What node spells are made of: the days of each document's date, and of
// each node's edges' dates. Keys are views into the graph, valid while it
// is unchanged.
struct SpellDates {
  std::unordered_map<std::string_view, std::optional<Days>> of_document;  // by doc id
  // By node id: the days of its edges (a self-loop's once), gathered in
  // one pass over the edges.
  std::unordered_map<std::string_view, std::vector<Days>> of_edges;
};

SpellDates GatherSpellDates(const KnowledgeGraph& graph) {
  SpellDates out;
  out.of_document.reserve(graph.document_count());
  graph.ForEachDocument(
      [&](const DocumentEntry& d) { out.of_document.emplace(d.id, DaysOf(d.date)); });
  std::vector<Days> days;
  std::string_view last_source;
  std::vector<Days>* source = nullptr;  // of last_source (edges come sorted by source)
  graph.ForEachEdge([&](const RelationEdge& e) {
    days.clear();
    for (const std::string& d : e.dates) {
      if (std::optional<Days> r = DaysOf(d)) days.push_back(*r);
    }
    if (days.empty()) return;
    if (source == nullptr || last_source != e.key.source) {
      last_source = e.key.source;
      source = &out.of_edges[last_source];
    }
    source->insert(source->end(), days.begin(), days.end());
    if (e.key.target == e.key.source) return;
    std::vector<Days>& target = out.of_edges[e.key.target];
    target.insert(target.end(), days.begin(), days.end());
  });
  return out;
}

// The days a node lives on: its documents' dates and its edges' dates.
void NodeDays(const SpellDates& spell_dates, const ActorNode& n, std::vector<Days>* days) {
  days->clear();
  auto edges = spell_dates.of_edges.find(n.id);
  days->reserve(n.documents.size() +
                (edges == spell_dates.of_edges.end() ? 0 : edges->second.size()));
  for (const std::string& doc : n.documents) {
    auto it = spell_dates.of_document.find(doc);
    if (it != spell_dates.of_document.end() && it->second) days->push_back(*it->second);
  }
  if (edges != spell_dates.of_edges.end()) {
    days->insert(days->end(), edges->second.begin(), edges->second.end());
  }
}

// Buffers reused from one element to the next.
struct Scratch {
  std::string text;
  std::vector<Days> days;
};

void WriteNode(const SpellDates& spell_dates, const ActorNode& n, const GexfOptions& options,
               std::string* buf, Scratch* scratch) {
  buf->assign("      <node");
  AppendAttr(buf, "id", n.id);
  std::string label = CollapseWhitespace(n.label);
  if (!label.empty()) AppendAttr(buf, "label", label);
  *buf += ">\n";
  AttValues values(buf);
  values.Add("type", n.type);
  values.Add("country", n.country);
  values.Add("cameo", n.cameo);
  values.AddJoined("aliases", n.aliases, &scratch->text);
  values.AddJoined("roles", n.roles, &scratch->text);
  values.AddInt("mentions", n.mentions);
  values.AddInt("documents", static_cast<int64_t>(n.documents.size()));
  values.Finish();
  if (options.spells) {
    NodeDays(spell_dates, n, &scratch->days);
    AppendSpells(buf, &scratch->days);
  }
  if (options.colors) AppendColor(buf, export_internal::NodeTypeColor(n.type));
  *buf += "      </node>\n";
}

void WriteEdge(const RelationEdge& e, const GexfOptions& options, std::string* buf,
               Scratch* scratch) {
  std::string type = CollapseWhitespace(e.key.type);
  buf->assign("      <edge");
  *buf += " id=\"";
  export_internal::AppendEdgeId(e.key, buf);  // a name token: nothing to escape
  *buf += '"';
  AppendAttr(buf, "source", e.key.source);
  AppendAttr(buf, "target", e.key.target);
  bool undirected = options.undirected_symmetric.value_or(options.version == GexfVersion::k1_3);
  if (undirected && e.symmetric) AppendAttr(buf, "type", "undirected");
  if (options.version == GexfVersion::k1_3 && !type.empty()) AppendAttr(buf, "kind", type);
  if (!type.empty()) AppendAttr(buf, "label", type);
  *buf += " weight=\"";
  AppendInt(buf, e.weight);
  *buf += "\">\n";
  AttValues values(buf);
  values.Add("event_type", e.key.type);
  values.AddInt("mentions", e.mentions);
  values.Add("cameo", e.cameo);
  values.Add("goldstein", FormatDouble(e.goldstein));
  values.Add("first_date", e.first_date);
  values.Add("last_date", e.last_date);
  values.AddJoined("documents", e.documents, &scratch->text);
  values.Add("evidence", e.evidence);
  values.Add("symmetric", e.symmetric ? "true" : "false");
  values.Finish();
  if (options.spells) {
    scratch->days.clear();
    for (const std::string& d : e.dates) {
      if (std::optional<Days> r = DaysOf(d)) scratch->days.push_back(*r);
    }
    AppendSpells(buf, &scratch->days);
  }
  if (options.colors) AppendColor(buf, export_internal::GoldsteinColor(e.goldstein));
  *buf += "      </edge>\n";
}

}  // namespace

bool WriteGexf(const KnowledgeGraph& graph, std::ostream& out, const GexfOptions& options) {
  WriteHeader(graph, options, out);
  const SpellDates spell_dates = options.spells ? GatherSpellDates(graph) : SpellDates();
  std::string buf;
  Scratch scratch;
  graph.ForEachNode([&](const ActorNode& n) {
    WriteNode(spell_dates, n, options, &buf, &scratch);
    out << buf;
  });
  out << "    </nodes>\n    <edges count=\"" << graph.edge_count() << "\">\n";
  graph.ForEachEdge([&](const RelationEdge& e) {
    WriteEdge(e, options, &buf, &scratch);
    out << buf;
  });
  out << "    </edges>\n  </graph>\n</gexf>\n";
  return static_cast<bool>(out);
}

}  // namespace diplograph
