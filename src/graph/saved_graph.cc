// Writes the saved graph (node-link JSON), one element a line.
#include "diplograph/graph/saved_graph.h"

#include <nlohmann/json.hpp>
#include <sstream>

namespace diplograph {

namespace {

using ojson = nlohmann::ordered_json;

// Appends `key` to object `obj` without ordered_json's linear search for an
// existing key; the caller gives each key once (contributions come sorted
// by document id, and a node can have tens of thousands).
void AppendMember(ojson* obj, const std::string& key, ojson value) {
  static_cast<ojson::object_t::Container&>(obj->get_ref<ojson::object_t&>())
      .emplace_back(key, std::move(value));
}

std::string Dump(const ojson& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

ojson DocumentJson(const DocumentEntry& d) {
  ojson j;
  j["id"] = d.id;
  j["title"] = d.title;
  j["date"] = d.date;
  j["url"] = d.url;
  j["source"] = d.source;
  j["fingerprint"] = d.fingerprint;
  j["skipped_events"] = d.skipped_events;
  j["modal_events"] = d.modal_events;
  return j;
}

// `raw_id` is written only when the document used an id other than the
// node's (resolution joined it).
ojson NodeContributionJson(const NodeContribution& c, const std::string& raw_id,
                           const std::string& node_id) {
  ojson j;
  if (raw_id != node_id) j["id"] = raw_id;
  j["name"] = c.name;
  j["type"] = c.type;
  j["country"] = c.country;
  j["cameo"] = c.cameo;
  j["aliases"] = c.aliases;
  j["roles"] = c.roles;
  j["mentions"] = c.mentions;
  return j;
}

ojson NodeJson(const KnowledgeGraph& g, const ActorNode& n) {
  ojson j;
  j["id"] = n.id;
  j["label"] = n.label;
  j["type"] = n.type;
  j["country"] = n.country;
  j["cameo"] = n.cameo;
  j["aliases"] = n.aliases;
  j["roles"] = n.roles;
  j["documents"] = n.documents;
  j["mentions"] = n.mentions;
  ojson contrib = ojson::object();
  g.ForEachContribution(n, [&](const std::string& doc, const std::string& raw,
                             const NodeContribution& c) {
    AppendMember(&contrib, doc, NodeContributionJson(c, raw, n.id));
  });
  j["contrib"] = std::move(contrib);
  return j;
}

ojson EdgeContributionJson(const EdgeContribution& c) {
  ojson j;
  j["mentions"] = c.mentions;
  j["dates"] = c.dates;
  j["goldstein_sum"] = c.goldstein_sum;
  j["cameo"] = c.cameo;
  ojson e;
  e["sentence"] = c.evidence.sentence;
  e["start"] = c.evidence.start;
  e["end"] = c.evidence.end;
  e["confidence"] = c.evidence.confidence;
  j["evidence"] = std::move(e);
  return j;
}

ojson LinkJson(const KnowledgeGraph& g, const RelationEdge& e) {
  ojson j;
  j["source"] = e.key.source;
  j["target"] = e.key.target;
  j["key"] = e.key.type;
  j["type"] = e.key.type;
  j["label"] = e.key.type;
  j["weight"] = e.weight;
  j["mentions"] = e.mentions;
  j["first_date"] = e.first_date;
  j["last_date"] = e.last_date;
  j["dates"] = e.dates;
  j["documents"] = e.documents;
  j["evidence"] = e.evidence;
  j["evidence_doc"] = e.evidence_doc;
  j["goldstein"] = e.goldstein;
  j["cameo"] = e.cameo;
  j["symmetric"] = e.symmetric;
  ojson contrib = ojson::object();
  g.ForEachContribution(e, [&](const std::string& doc, const EdgeKey&,
                             const EdgeContribution& c) {
    AppendMember(&contrib, doc, EdgeContributionJson(c));
  });
  j["contrib"] = std::move(contrib);
  return j;
}

// Writes "\n" before the first element and ",\n" before the others.
class ListWriter {
 public:
  explicit ListWriter(std::ostream& out) : out_(out) {}
  void Add(const ojson& j) {
    out_ << (first_ ? "\n" : ",\n") << Dump(j);
    first_ = false;
  }

 private:
  std::ostream& out_;
  bool first_ = true;
};

}  // namespace

bool WriteSavedGraph(const KnowledgeGraph& graph, std::ostream& out) {
  ojson header;
  header["format"] = kSavedGraphFormat;
  header["version"] = kSavedGraphVersion;
  header["generator"] = "diplograph";
  std::string head = Dump(header);
  head.pop_back();  // reopen the object to stream "documents" into it
  out << "{\"directed\":true,\"multigraph\":true,\"graph\":" << head << ",\"documents\":[";
  ListWriter docs(out);
  graph.ForEachDocument([&](const DocumentEntry& d) { docs.Add(DocumentJson(d)); });
  out << "\n]},\n\"nodes\":[";
  ListWriter nodes(out);
  graph.ForEachNode([&](const ActorNode& n) { nodes.Add(NodeJson(graph, n)); });
  out << "\n],\n\"links\":[";
  ListWriter links(out);
  graph.ForEachEdge([&](const RelationEdge& e) { links.Add(LinkJson(graph, e)); });
  out << "\n]}\n";
  return static_cast<bool>(out);
}

std::string SavedGraphToString(const KnowledgeGraph& graph) {
  std::ostringstream out;
  WriteSavedGraph(graph, out);
  return out.str();
}

bool LooksLikeSavedGraph(std::string_view content) {
  size_t i = 0;
  auto skip_ws = [&] {
    while (i < content.size() &&
           (content[i] == ' ' || content[i] == '\n' || content[i] == '\r' || content[i] == '\t')) {
      ++i;
    }
  };
  if (content.substr(0, 3) == "\xEF\xBB\xBF") i = 3;  // BOM
  skip_ws();
  if (i >= content.size() || content[i] != '{') return false;
  ++i;
  skip_ws();
  for (std::string_view key :
       {"\"directed\"", "\"multigraph\"", "\"graph\"", "\"nodes\"", "\"links\""}) {
    if (content.substr(i, key.size()) == key) return true;
  }
  return false;
}

}  // namespace diplograph
