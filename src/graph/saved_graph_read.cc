// Reads the saved graph back, reporting every problem with path:line:col.
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "diplograph/graph/saved_graph.h"
#include "graph_internal.h"
#include "json_locate.h"

namespace diplograph {

namespace {

using json = nlohmann::json;
using graph_internal::Append;
using graph_internal::JsonPath;
using graph_internal::PathToString;

class SavedGraphReader {
 public:
  SavedGraphReader(std::string_view text, std::string_view path, Diagnostics* diags)
      : text_(text), path_(path), diags_(diags) {}

  std::optional<KnowledgeGraph> Read();

 private:
  bool Parse(json* root);
  bool ReadHeader(const json& root);
  void ReadDocuments(const json& list, const JsonPath& at);
  void ReadNode(const json& n, const JsonPath& at);
  void ReadLink(const json& l, const JsonPath& at);
  void ReadNodeContribution(const json& c, const JsonPath& at, NodeContribution* out);
  void ReadEdgeContribution(const json& c, const JsonPath& at, EdgeContribution* out);
  DocContribution* DocFor(const std::string& doc, const JsonPath& at);

  // Field readers. A missing or null field leaves *out alone (an error if
  // `required`); a field of the wrong type is an error.
  const json* Field(const json& obj, const JsonPath& at, const char* key, bool required);
  void Str(const json& obj, const JsonPath& at, const char* key, std::string* out,
           bool required = false);
  void StrList(const json& obj, const JsonPath& at, const char* key, std::vector<std::string>* out);
  void Int(const json& obj, const JsonPath& at, const char* key, int64_t* out);
  void Offset(const json& obj, const JsonPath& at, const char* key, uint32_t* out);
  void Num(const json& obj, const JsonPath& at, const char* key, double* out);
  const json* Container(const json& obj, const JsonPath& at, const char* key, bool array);
  void TypeError(const JsonPath& at, const char* what, const json& value);
  void Error(const JsonPath& at, const std::string& message);

  std::string_view text_;
  std::string_view path_;
  Diagnostics* diags_;
  static constexpr int kMaxErrors = 20;
  bool ok_ = true;
  int errors_ = 0;
  std::map<std::string, DocContribution> docs_;
  std::set<std::string> nodes_;
  // (node id, doc) -> the raw id the document used, where they differ.
  std::map<std::pair<std::string, std::string>, std::string> joined_;
  std::set<EdgeKey> links_;
};

void SavedGraphReader::Error(const JsonPath& at, const std::string& message) {
  ok_ = false;
  // Locating costs O(file size), so a graph with thousands of bad elements
  // gets the first kMaxErrors and a count (it is refused either way).
  if (++errors_ > kMaxErrors) return;
  int line = 0;
  int col = 0;
  LineColAt(text_, graph_internal::LocateJsonValue(text_, at), &line, &col);
  diags_->Error(path_, line, col, message);
}

void SavedGraphReader::TypeError(const JsonPath& at, const char* what, const json& value) {
  Error(at, PathToString(at) + " must be " + what + ", not " + value.type_name());
}

const json* SavedGraphReader::Field(const json& obj, const JsonPath& at, const char* key,
                                    bool required) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) {
    if (required) Error(at, PathToString(Append(at, key)) + " is missing");
    return nullptr;
  }
  return &*it;
}

void SavedGraphReader::Str(const json& obj, const JsonPath& at, const char* key, std::string* out,
                           bool required) {
  const json* v = Field(obj, at, key, required);
  if (v == nullptr) return;
  if (!v->is_string()) return TypeError(Append(at, key), "a string", *v);
  *out = v->get<std::string>();
  if (required && out->empty()) Error(Append(at, key), PathToString(Append(at, key)) + " is empty");
}

void SavedGraphReader::StrList(const json& obj, const JsonPath& at, const char* key,
                               std::vector<std::string>* out) {
  const json* v = Field(obj, at, key, false);
  if (v == nullptr) return;
  if (!v->is_array()) return TypeError(Append(at, key), "an array of strings", *v);
  out->clear();
  for (size_t i = 0; i < v->size(); ++i) {
    const json& item = (*v)[i];
    if (!item.is_string()) return TypeError(Append(Append(at, key), i), "a string", item);
    out->push_back(graph_internal::ValidUtf8(item.get<std::string>()));
  }
  graph_internal::SortUnique(out);
}

void SavedGraphReader::Int(const json& obj, const JsonPath& at, const char* key, int64_t* out) {
  const json* v = Field(obj, at, key, false);
  if (v == nullptr) return;
  bool ok = v->is_number_unsigned() || (v->is_number_integer() && v->get<int64_t>() >= 0);
  if (!ok || v->get<uint64_t>() > static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) {
    return TypeError(Append(at, key), "a non-negative integer", *v);
  }
  *out = v->get<int64_t>();
}

void SavedGraphReader::Offset(const json& obj, const JsonPath& at, const char* key, uint32_t* out) {
  int64_t value = *out;
  Int(obj, at, key, &value);
  if (value > std::numeric_limits<uint32_t>::max()) {
    return Error(Append(at, key), PathToString(Append(at, key)) + " is too large");
  }
  *out = static_cast<uint32_t>(value);
}

void SavedGraphReader::Num(const json& obj, const JsonPath& at, const char* key, double* out) {
  const json* v = Field(obj, at, key, false);
  if (v == nullptr) return;
  if (!v->is_number()) return TypeError(Append(at, key), "a number", *v);
  *out = v->get<double>();
}

const json* SavedGraphReader::Container(const json& obj, const JsonPath& at, const char* key,
                                        bool array) {
  const json* v = Field(obj, at, key, true);
  if (v == nullptr) return nullptr;
  if (array ? !v->is_array() : !v->is_object()) {
    TypeError(Append(at, key), array ? "an array" : "an object", *v);
    return nullptr;
  }
  return v;
}

bool SavedGraphReader::Parse(json* root) {
  try {
    *root = json::parse(text_.begin(), text_.end());
  } catch (const json::parse_error& e) {
    int line = 0;
    int col = 0;
    LineColAt(text_, e.byte > 0 ? e.byte - 1 : 0, &line, &col);
    std::string what = e.what();
    size_t colon = what.find(": ", what.find("column "));
    diags_->Error(
        path_, line, col,
        "malformed JSON: " + (colon == std::string::npos ? what : what.substr(colon + 2)));
    return false;
  } catch (const json::out_of_range& e) {  // a number such as 1e999
    std::string what = e.what();  // "[json.exception.out_of_range.406] number overflow ..."
    what.erase(0, what.find(']') + 2);
    size_t quote = what.find('\'');
    size_t at = quote == std::string::npos
                    ? std::string::npos
                    : text_.find(std::string_view(what).substr(quote + 1, what.size() - quote - 2));
    int line = 0;
    int col = 0;
    if (at != std::string::npos) LineColAt(text_, at, &line, &col);
    diags_->Error(path_, line, col, "malformed JSON: " + what);
    return false;
  }
  if (!root->is_object()) {
    Error({}, std::string("a saved graph must be a JSON object, not ") + root->type_name());
    return false;
  }
  return true;
}

bool SavedGraphReader::ReadHeader(const json& root) {
  const JsonPath at = {{"graph", 0, false}};
  auto it = root.find("graph");
  std::string format;
  if (it != root.end() && it->is_object()) Str(*it, at, "format", &format);
  if (format != kSavedGraphFormat) {
    Error(format.empty() ? JsonPath{} : Append(at, "format"),
          "not a diplograph saved graph (graph.format must be \"diplograph-graph\")");
    return false;
  }
  const json* version = Field(*it, at, "version", true);
  if (version == nullptr) return false;
  if (!version->is_number_integer()) {
    TypeError(Append(at, "version"), "an integer", *version);
    return false;
  }
  int64_t v = version->get<int64_t>();
  if (v > kSavedGraphVersion) {
    Error(Append(at, "version"), "graph format version " + std::to_string(v) +
                                     " is newer than this diplograph supports (" +
                                     std::to_string(kSavedGraphVersion) + ")");
    return false;
  }
  if (v < 1) {
    Error(Append(at, "version"), "graph format version " + std::to_string(v) + " is not valid");
    return false;
  }
  return true;
}

void SavedGraphReader::ReadDocuments(const json& list, const JsonPath& at) {
  for (size_t i = 0; i < list.size(); ++i) {
    JsonPath here = Append(at, i);
    if (!list[i].is_object()) {
      TypeError(here, "an object", list[i]);
      continue;
    }
    DocumentEntry d;
    Str(list[i], here, "id", &d.id, true);
    Str(list[i], here, "title", &d.title);
    Str(list[i], here, "date", &d.date);
    Str(list[i], here, "url", &d.url);
    Str(list[i], here, "source", &d.source);
    Str(list[i], here, "fingerprint", &d.fingerprint, true);
    Int(list[i], here, "skipped_events", &d.skipped_events);
    Int(list[i], here, "modal_events", &d.modal_events);
    if (d.id.empty()) continue;
    if (docs_.contains(d.id)) {
      Error(here, "duplicate document id '" + d.id + "'");
      continue;
    }
    std::string id = d.id;
    docs_[id].doc = std::move(d);
  }
}

DocContribution* SavedGraphReader::DocFor(const std::string& doc, const JsonPath& at) {
  auto it = docs_.find(doc);
  if (it != docs_.end()) return &it->second;
  Error(at, PathToString(at) + ": document '" + doc + "' is not in graph.documents");
  return nullptr;
}

void SavedGraphReader::ReadNodeContribution(const json& c, const JsonPath& at,
                                            NodeContribution* out) {
  Str(c, at, "name", &out->name);
  Str(c, at, "type", &out->type);
  Str(c, at, "country", &out->country);
  Str(c, at, "cameo", &out->cameo);
  StrList(c, at, "aliases", &out->aliases);
  StrList(c, at, "roles", &out->roles);
  Int(c, at, "mentions", &out->mentions);
}

void SavedGraphReader::ReadNode(const json& n, const JsonPath& at) {
  if (!n.is_object()) return TypeError(at, "an object", n);
  std::string id;
  Str(n, at, "id", &id, true);
  const json* contrib = Container(n, at, "contrib", false);
  if (id.empty() || contrib == nullptr) return;
  if (!nodes_.insert(id).second) return Error(at, "duplicate node id '" + id + "'");
  if (contrib->empty()) return Error(Append(at, "contrib"), "node '" + id + "' has no documents");
  for (const auto& [doc, c] : contrib->items()) {
    JsonPath here = Append(Append(at, "contrib"), doc);
    if (!c.is_object()) {
      TypeError(here, "an object", c);
      continue;
    }
    NodeContribution nc;
    std::string raw = id;  // the id the document used, when resolution joined it
    Str(c, here, "id", &raw);
    if (raw.empty()) raw = id;
    ReadNodeContribution(c, here, &nc);
    DocContribution* d = DocFor(doc, here);
    if (d == nullptr) continue;
    if (!d->nodes.emplace(raw, std::move(nc)).second) {
      Error(here, "document '" + doc + "' contributes actor '" + raw + "' twice");
      continue;
    }
    if (raw != id) joined_[{id, doc}] = raw;
  }
}

void SavedGraphReader::ReadEdgeContribution(const json& c, const JsonPath& at,
                                            EdgeContribution* out) {
  Int(c, at, "mentions", &out->mentions);
  StrList(c, at, "dates", &out->dates);
  Num(c, at, "goldstein_sum", &out->goldstein_sum);
  Str(c, at, "cameo", &out->cameo);
  const json* e = Field(c, at, "evidence", false);
  if (e == nullptr) return;
  JsonPath here = Append(at, "evidence");
  if (!e->is_object()) return TypeError(here, "an object", *e);
  Str(*e, here, "sentence", &out->evidence.sentence);
  Offset(*e, here, "start", &out->evidence.start);
  Offset(*e, here, "end", &out->evidence.end);
  Num(*e, here, "confidence", &out->evidence.confidence);
}

void SavedGraphReader::ReadLink(const json& l, const JsonPath& at) {
  if (!l.is_object()) return TypeError(at, "an object", l);
  EdgeKey key;
  Str(l, at, "source", &key.source, true);
  Str(l, at, "target", &key.target, true);
  Str(l, at, "key", &key.type);
  Str(l, at, "type", &key.type, key.type.empty());
  const json* contrib = Container(l, at, "contrib", false);
  if (key.source.empty() || key.target.empty() || key.type.empty() || !contrib) return;
  key = graph_internal::CanonicalEdgeKey(std::move(key));
  if (!links_.insert(key).second) {
    return Error(at, "duplicate link " + key.source + " -" + key.type + "-> " + key.target);
  }
  if (contrib->empty()) return Error(Append(at, "contrib"), "link has no documents");
  for (const auto& [doc, c] : contrib->items()) {
    JsonPath here = Append(Append(at, "contrib"), doc);
    if (!c.is_object()) {
      TypeError(here, "an object", c);
      continue;
    }
    EdgeContribution ec;
    ReadEdgeContribution(c, here, &ec);
    DocContribution* d = DocFor(doc, here);
    if (d == nullptr) continue;
    EdgeKey raw{"", "", key.type};  // under the ids the document used
    for (const std::string* end : {&key.source, &key.target}) {
      auto it = joined_.find({*end, doc});
      const std::string& used = it != joined_.end() ? it->second : *end;
      if (!d->nodes.contains(used)) {
        Error(here, "document '" + doc + "' supports this link but not its node '" + *end + "'");
        d = nullptr;
        break;
      }
      (end == &key.source ? raw.source : raw.target) = used;
    }
    if (d != nullptr) d->edges[graph_internal::CanonicalEdgeKey(std::move(raw))] = std::move(ec);
  }
}

std::optional<KnowledgeGraph> SavedGraphReader::Read() {
  json root;
  if (!Parse(&root) || !ReadHeader(root)) return std::nullopt;
  const json& graph = root["graph"];
  const JsonPath graph_at = {{"graph", 0, false}};
  if (const json* docs = Container(graph, graph_at, "documents", true)) {
    ReadDocuments(*docs, Append(graph_at, "documents"));
  }
  if (const json* nodes = Container(root, {}, "nodes", true)) {
    for (size_t i = 0; i < nodes->size(); ++i)
      ReadNode((*nodes)[i], Append(Append({}, "nodes"), i));
  }
  if (const json* links = Container(root, {}, "links", true)) {
    for (size_t i = 0; i < links->size(); ++i)
      ReadLink((*links)[i], Append(Append({}, "links"), i));
  }
  if (errors_ > kMaxErrors) {
    diags_->Error(path_, 0, 0,
                  std::to_string(errors_ - kMaxErrors) + " more errors in this graph not shown");
  }
  if (!ok_) return std::nullopt;
  KnowledgeGraph g;
  for (auto& [id, contribution] : docs_) g.AddContribution(std::move(contribution));
  return g;
}

}  // namespace

std::optional<KnowledgeGraph> ReadSavedGraph(std::string_view content, std::string_view path,
                                             Diagnostics* diags) {
  return SavedGraphReader(content, path, diags).Read();
}

}  // namespace diplograph
