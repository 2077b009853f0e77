// Writes the saved graph (node-link JSON), one element a line.
#include "diplograph/graph/saved_graph.h"

#include <cmath>
#include <nlohmann/json.hpp>
#include <sstream>

#include "diplograph/core/strings.h"
#include "saved_graph_write.h"

namespace diplograph {

namespace {

// Appends compact JSON to a string, byte for byte as nlohmann's dump()
// writes it (ensure_ascii off), without building a JSON tree: saved graphs
// of a hundred thousand documents are hundreds of megabytes.
class JsonOut {
 public:
  explicit JsonOut(std::string* out) : out_(*out) {}

  JsonOut& Open() { return Sep().Put('{', true); }
  JsonOut& Close() { return Put('}', false); }
  JsonOut& OpenList() { return Sep().Put('[', true); }
  JsonOut& CloseList() { return Put(']', false); }
  JsonOut& Key(std::string_view key) {
    Sep().Quoted(key);
    out_ += ':';
    first_ = true;  // no comma before the value
    return *this;
  }
  JsonOut& Str(std::string_view s) {
    Sep().Quoted(s);
    return *this;
  }
  JsonOut& Int(int64_t v) {
    Sep();
    out_ += std::to_string(v);
    return *this;
  }
  JsonOut& Num(double v) {
    Sep();
    if (!std::isfinite(v)) {
      out_ += "null";
      return *this;
    }
    char buf[64];
    char* end = nlohmann::detail::to_chars(buf, buf + sizeof buf, v);
    out_.append(buf, end);
    return *this;
  }
  JsonOut& Bool(bool v) {
    Sep();
    out_ += v ? "true" : "false";
    return *this;
  }
  JsonOut& Strs(const std::vector<std::string>& list) {
    OpenList();
    for (const std::string& s : list) Str(s);
    return CloseList();
  }

 private:
  JsonOut& Sep() {
    if (!first_) out_ += ',';
    first_ = false;
    return *this;
  }
  JsonOut& Put(char c, bool opens) {
    out_ += c;
    first_ = opens;
    return *this;
  }
  void Quoted(std::string_view s) {
    if (!IsValidUtf8(s)) {  // never for graph data; nlohmann replaces as before
      out_ += nlohmann::json(std::string(s))
                  .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      return;
    }
    out_ += '"';
    size_t used = out_.size();
    out_.resize(used + JsonEscapedBound(s.size()));
    out_.resize(static_cast<size_t>(EscapeJsonTo(s, out_.data() + used) - out_.data()));
    out_ += '"';
  }

  std::string& out_;
  bool first_ = true;
};

void WriteDocument(const DocumentEntry& d, JsonOut& j) {
  j.Open();
  j.Key("id").Str(d.id).Key("title").Str(d.title).Key("date").Str(d.date);
  j.Key("url").Str(d.url).Key("source").Str(d.source).Key("fingerprint").Str(d.fingerprint);
  j.Key("skipped_events").Int(d.skipped_events).Key("modal_events").Int(d.modal_events);
  j.Close();
}

// "id" is written only when the document used an id other than the node's
// (resolution joined it).
void WriteNodeContribution(const NodeContribution& c, const std::string& raw_id,
                           const std::string& node_id, JsonOut& j) {
  j.Open();
  if (raw_id != node_id) j.Key("id").Str(raw_id);
  j.Key("name").Str(c.name).Key("type").Str(c.type).Key("country").Str(c.country);
  j.Key("cameo").Str(c.cameo).Key("aliases").Strs(c.aliases).Key("roles").Strs(c.roles);
  j.Key("mentions").Int(c.mentions);
  j.Close();
}

void WriteNode(const ActorNode& n, const graph_internal::EachNodeContrib& contributions,
               JsonOut& j) {
  j.Open();
  j.Key("id").Str(n.id).Key("label").Str(n.label).Key("type").Str(n.type);
  j.Key("country").Str(n.country).Key("cameo").Str(n.cameo).Key("aliases").Strs(n.aliases);
  j.Key("roles").Strs(n.roles).Key("documents").Strs(n.documents);
  j.Key("mentions").Int(n.mentions).Key("contrib").Open();
  contributions([&](const std::string& doc, const std::string& raw, const NodeContribution& c) {
    WriteNodeContribution(c, raw, n.id, j.Key(doc));
  });
  j.Close().Close();
}

void WriteEdgeContribution(const EdgeContribution& c, JsonOut& j) {
  j.Open();
  j.Key("mentions").Int(c.mentions).Key("dates").Strs(c.dates);
  j.Key("goldstein_sum").Num(c.goldstein_sum).Key("cameo").Str(c.cameo);
  j.Key("evidence").Open().Key("sentence").Str(c.evidence.sentence);
  j.Key("start").Int(c.evidence.start).Key("end").Int(c.evidence.end);
  j.Key("confidence").Num(c.evidence.confidence).Close();
  j.Close();
}

void WriteLink(const RelationEdge& e, const graph_internal::EachEdgeContrib& contributions,
               JsonOut& j) {
  j.Open();
  j.Key("source").Str(e.key.source).Key("target").Str(e.key.target);
  j.Key("key").Str(e.key.type).Key("type").Str(e.key.type).Key("label").Str(e.key.type);
  j.Key("weight").Int(e.weight).Key("mentions").Int(e.mentions);
  j.Key("first_date").Str(e.first_date).Key("last_date").Str(e.last_date);
  j.Key("dates").Strs(e.dates).Key("documents").Strs(e.documents);
  j.Key("evidence").Str(e.evidence).Key("evidence_doc").Str(e.evidence_doc);
  j.Key("goldstein").Num(e.goldstein).Key("cameo").Str(e.cameo);
  j.Key("symmetric").Bool(e.symmetric).Key("contrib").Open();
  contributions([&](const std::string& doc, const EdgeContribution& c) {
    WriteEdgeContribution(c, j.Key(doc));
  });
  j.Close().Close();
}

}  // namespace

namespace graph_internal {

SavedGraphWriter::SavedGraphWriter(std::ostream& out) : out_(out) {
  out_ << "{\"directed\":true,\"multigraph\":true,\"graph\":{\"format\":\"" << kSavedGraphFormat
       << "\",\"version\":" << kSavedGraphVersion
       << ",\"generator\":\"diplograph\",\"documents\":[";
}

// Each element on its own line: "\n" before the first of a list, ",\n"
// before the others.
template <typename Fn>
void SavedGraphWriter::Line(const Fn& write) {
  line_.assign(first_ ? "\n" : ",\n");
  JsonOut j(&line_);
  write(j);
  out_.write(line_.data(), static_cast<std::streamsize>(line_.size()));
  first_ = false;
}

void SavedGraphWriter::Document(const DocumentEntry& d) {
  Line([&](JsonOut& j) { WriteDocument(d, j); });
}

void SavedGraphWriter::StartNodes() {
  out_ << "\n]},\n\"nodes\":[";
  first_ = true;
}

void SavedGraphWriter::Node(const ActorNode& n, const EachNodeContrib& contributions) {
  Line([&](JsonOut& j) { WriteNode(n, contributions, j); });
}

void SavedGraphWriter::StartLinks() {
  out_ << "\n],\n\"links\":[";
  first_ = true;
}

void SavedGraphWriter::Link(const RelationEdge& e, const EachEdgeContrib& contributions) {
  Line([&](JsonOut& j) { WriteLink(e, contributions, j); });
}

bool SavedGraphWriter::Finish() {
  out_ << "\n]}\n";
  return static_cast<bool>(out_);
}

}  // namespace graph_internal

bool WriteSavedGraph(const KnowledgeGraph& graph, std::ostream& out) {
  graph_internal::SavedGraphWriter w(out);
  graph.ForEachDocument([&](const DocumentEntry& d) { w.Document(d); });
  w.StartNodes();
  graph.ForEachNode([&](const ActorNode& n) {
    w.Node(n, [&](const graph_internal::NodeContribFn& fn) { graph.ForEachContribution(n, fn); });
  });
  w.StartLinks();
  graph.ForEachEdge([&](const RelationEdge& e) {
    w.Link(e, [&](const graph_internal::EdgeContribFn& fn) {
      graph.ForEachContribution(e, [&](const std::string& doc, const EdgeKey&,
                                       const EdgeContribution& c) { fn(doc, c); });
    });
  });
  return w.Finish();
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
