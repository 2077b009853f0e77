// Reads the saved graph back, reporting every problem with path:line:col.
//
// Saved graphs run to gigabytes, so the usual file (graph, then nodes, then
// links at the top level, as WriteSavedGraph() and networkx write them) is
// read element by element: each node or link is parsed into a reused arena
// (core/json_dom.h), turned into contributions and dropped. Any other layout
// is parsed whole and read the same way. Syntax errors are worded by
// nlohmann's parser, as everywhere else in diplograph, and win over any
// other error in the file: a file is checked to its end before its first
// content error is shown.
#include <algorithm>
#include <atomic>
#include <cstring>
#include <initializer_list>
#include <limits>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <unordered_set>
#include <utility>

#include "diplograph/core/json_dom.h"
#include "diplograph/graph/saved_graph.h"
#include "flat_index.h"
#include "graph_internal.h"
#include "json_locate.h"
#include "saved_rows.h"

namespace diplograph {

namespace {
std::atomic<size_t> rows_read_directly{0};
}  // namespace

size_t graph_internal::RowsReadDirectlyForTesting() { return rows_read_directly.load(); }

namespace {

using graph_internal::JsonPath;
using graph_internal::PathToString;

// Where a value sits, as a chain of steps up to the root; turned into a
// JsonPath only when an error needs it.
struct Where {
  const Where* parent = nullptr;
  std::string_view key;
  size_t index = 0;
  bool is_index = false;

  Where Key(std::string_view k) const { return {this, k, 0, false}; }
  Where Index(size_t i) const { return {this, {}, i, true}; }
  JsonPath Path() const {
    JsonPath path;
    for (const Where* w = this; w->parent != nullptr; w = w->parent) {  // up to the root
      path.push_back({std::string(w->key), w->index, w->is_index});
    }
    return {path.rbegin(), path.rend()};
  }
  std::string ToString() const { return PathToString(Path()); }
};

class SavedGraphReader {
 public:
  SavedGraphReader(std::string_view text, std::string_view path, Diagnostics* diags,
                   const SavedGraphReadOptions& options)
      : text_(text), path_(path), diags_(diags), options_(options) {}

  std::optional<KnowledgeGraph> Read();

 private:
  enum class Outcome { kRead, kSyntaxError, kOtherLayout };
  Outcome ReadPiecewise(JsonParser* p);
  bool ReadWhole();
  void SyntaxError(const JsonParser& p);
  void Reset();

  bool ReadGraphSection(const JsonValue* graph);
  bool ReadHeader(const JsonValue* graph);
  void ReadDocuments(const JsonValue& list, const Where& at);
  void ReadNode(const JsonValue& n, const Where& at);
  // A node read straight from the text (graph_internal::ReadNodeRow()).
  void ReadNode(graph_internal::NodeRow* row, const Where& at);
  // A node's checks before its documents: false when it is skipped (an
  // error was reported).
  bool BeginNode(std::string_view id, const Where& at, bool no_documents);
  // Document `doc`'s contribution to node `id` under raw id `raw` ("": the
  // node's own); `d` as for AddLinkContribution().
  void AddNodeContribution(std::string_view id, std::string_view doc,
                           KnowledgeGraph::Loader::Doc d, std::string_view raw,
                           NodeContribution c, const Where& here);
  void ReadLink(const JsonValue& l, const Where& at);
  // A link read straight from the text (graph_internal::ReadLinkRow()).
  void ReadLink(graph_internal::LinkRow* row, const Where& at);
  // A link's checks and look-ups before its documents: false when it is
  // skipped (an error was reported). Makes *key canonical.
  bool BeginLink(EdgeKey* key, const Where& at, bool no_documents);
  // Document `doc`'s contribution to the link begun (`d`: the document,
  // nullptr when it is not in the table).
  void AddLinkContribution(const EdgeKey& key, std::string_view doc,
                           KnowledgeGraph::Loader::Doc d, EdgeContribution c, const Where& here);
  // Starts the look-ups ReadNode() or ReadLink() will do for `element` (of
  // its documents, and a link's target), in steps
  // (KnowledgeGraph::Loader::PrefetchDocument()).
  void Prefetch(const JsonValue& element, bool link, int step) const;
  void Prefetch(const graph_internal::NodeRow& row, int step) const;
  void Prefetch(const graph_internal::LinkRow& row, int step) const;
  template <typename Item>
  void PrefetchDocuments(const graph_internal::RowContributions<Item>& contrib, int step) const;
  void ReadNodeContribution(const JsonValue& c, const Where& at, NodeContribution* out);
  void ReadEdgeContribution(const JsonValue& c, const Where& at, EdgeContribution* out);
  KnowledgeGraph::Loader::Doc DocFor(std::string_view doc, const Where& at);

  // Field readers. A missing or null field leaves *out alone (an error if
  // `required`); a field of the wrong type is an error.
  const JsonValue* Field(const JsonValue& obj, const Where& at, std::string_view key,
                         bool required);
  void Str(const JsonValue& obj, const Where& at, std::string_view key, std::string* out,
           bool required = false);
  void StrList(const JsonValue& obj, const Where& at, std::string_view key,
               std::vector<std::string>* out);
  void Int(const JsonValue& obj, const Where& at, std::string_view key, int64_t* out);
  void Offset(const JsonValue& obj, const Where& at, std::string_view key, uint32_t* out);
  void Num(const JsonValue& obj, const Where& at, std::string_view key, double* out);
  const JsonValue* Container(const JsonValue& obj, const Where& at, std::string_view key,
                             bool array);
  void TypeError(const Where& at, const char* what, const JsonValue& value);
  void Error(const Where& at, const std::string& message);

  struct Pending {
    int line;
    int col;
    std::string message;
  };

  std::string_view text_;
  std::string_view path_;
  Diagnostics* diags_;
  // options_.release is told every kReleaseBytes read that the text before
  // is done with.
  const SavedGraphReadOptions& options_;
  static constexpr size_t kReleaseBytes = size_t{16} << 20;
  // Elements parsed ahead of the one read (ReadPiecewise()).
  static constexpr size_t kAhead = 3;
  size_t released_ = 0;
  static constexpr int kMaxErrors = 20;
  bool ok_ = true;
  int errors_ = 0;
  std::vector<Pending> pending_;  // shown once the whole file has parsed
  std::unique_ptr<KnowledgeGraph::Loader> loader_ = std::make_unique<KnowledgeGraph::Loader>();
  graph_internal::FlatIndex<char> nodes_;  // node ids seen
  // (node id, doc) -> the raw id the document used, where they differ.
  std::map<std::pair<std::string, std::string>, std::string, std::less<>> joined_;
  graph_internal::FlatIndex<char> has_joined_;  // the node ids in joined_
  std::pair<std::string, std::string> joined_probe_;  // a look-up's key, reused
  // Links seen, by two independent 64-bit hashes of source, type and
  // target, each part with its length (a false duplicate is about as
  // likely as a 1 in 2^100 event).
  struct PairHash {
    size_t operator()(const std::pair<uint64_t, uint64_t>& p) const { return p.first; }
  };
  // Written graphs list links in increasing key order, where a duplicate
  // cannot hide; the hashes of earlier links go into the set only when
  // that order breaks.
  bool links_sorted_ = true;
  EdgeKey last_link_;
  std::vector<std::pair<uint64_t, uint64_t>> link_hashes_;
  std::unordered_set<std::pair<uint64_t, uint64_t>, PairHash> links_;
  bool NewLink(const EdgeKey& key);
  // The node of the last link's source: links come sorted by source, so it
  // is mostly the next one's too.
  std::string source_id_;
  KnowledgeGraph::Loader::Node source_node_ = nullptr;
  // The link begun: its ends' raw ids where no document used other ids
  // (the usual case), and whether some document did (rare).
  KnowledgeGraph::Loader::Node link_ends_[2] = {};
  bool link_joined_[2] = {};
};

// Two independent 64-bit hashes of `parts` (with their lengths, so that
// the split between parts counts), eight bytes at a time.
std::pair<uint64_t, uint64_t> KeyHashes(std::initializer_list<std::string_view> parts) {
  constexpr uint64_t kMulA = 0x9E3779B97F4A7C15ULL;
  constexpr uint64_t kMulB = 0xFF51AFD7ED558CCDULL;
  uint64_t a = 0xCBF29CE484222325ULL;
  uint64_t b = 0x243F6A8885A308D3ULL;
  auto mix = [&](uint64_t w) {
    a = (a ^ w) * kMulA;
    a ^= a >> 32;
    b = (b ^ w) * kMulB;
    b ^= b >> 29;
  };
  for (std::string_view part : parts) {
    mix(part.size());
    size_t i = 0;
    for (; i + 8 <= part.size(); i += 8) {
      uint64_t w;
      std::memcpy(&w, part.data() + i, 8);
      mix(w);
    }
    if (i < part.size()) {
      uint64_t w = 0;
      for (size_t k = i; k < part.size(); ++k) w = (w << 8) | static_cast<unsigned char>(part[k]);
      mix(w);
    }
  }
  return {a, b};
}

void SavedGraphReader::Reset() {
  ok_ = true;
  errors_ = 0;
  pending_.clear();
  loader_ = std::make_unique<KnowledgeGraph::Loader>();
  nodes_ = {};
  joined_.clear();
  has_joined_ = {};
  links_.clear();
  links_sorted_ = true;
  last_link_ = {};
  link_hashes_.clear();
  source_id_.clear();
  source_node_ = nullptr;
}

void SavedGraphReader::Error(const Where& at, const std::string& message) {
  ok_ = false;
  // Locating costs O(file size), so a graph with thousands of bad elements
  // gets the first kMaxErrors and a count (it is refused either way).
  if (++errors_ > kMaxErrors) return;
  int line = 0;
  int col = 0;
  LineColAt(text_, graph_internal::LocateJsonValue(text_, at.Path()), &line, &col);
  pending_.push_back({line, col, message});
}

void SavedGraphReader::TypeError(const Where& at, const char* what, const JsonValue& value) {
  Error(at, at.ToString() + " must be " + what + ", not " + value.type_name());
}

const JsonValue* SavedGraphReader::Field(const JsonValue& obj, const Where& at,
                                         std::string_view key, bool required) {
  const JsonValue* v = obj.Find(key);
  if (v == nullptr || v->is_null()) {
    if (required) Error(at.Key(key), at.Key(key).ToString() + " is missing");
    return nullptr;
  }
  return v;
}

void SavedGraphReader::Str(const JsonValue& obj, const Where& at, std::string_view key,
                           std::string* out, bool required) {
  const JsonValue* v = Field(obj, at, key, required);
  if (v == nullptr) return;
  if (!v->is_string()) return TypeError(at.Key(key), "a string", *v);
  out->assign(v->str());
  if (required && out->empty()) Error(at.Key(key), at.Key(key).ToString() + " is empty");
}

void SavedGraphReader::StrList(const JsonValue& obj, const Where& at, std::string_view key,
                               std::vector<std::string>* out) {
  const JsonValue* v = Field(obj, at, key, false);
  if (v == nullptr) return;
  if (!v->is_array()) return TypeError(at.Key(key), "an array of strings", *v);
  out->clear();
  out->reserve(v->size());
  std::span<const JsonValue> items = v->items();
  for (size_t i = 0; i < items.size(); ++i) {
    if (!items[i].is_string()) return TypeError(at.Key(key).Index(i), "a string", items[i]);
    out->emplace_back(items[i].str());  // the parser checked it is UTF-8
  }
  graph_internal::SortUnique(out);
}

void SavedGraphReader::Int(const JsonValue& obj, const Where& at, std::string_view key,
                           int64_t* out) {
  const JsonValue* v = Field(obj, at, key, false);
  if (v == nullptr) return;
  bool ok = v->is_unsigned() || (v->is_integer() && v->as_int() >= 0);
  if (!ok || v->as_uint() > static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) {
    return TypeError(at.Key(key), "a non-negative integer", *v);
  }
  *out = v->as_int();
}

void SavedGraphReader::Offset(const JsonValue& obj, const Where& at, std::string_view key,
                              uint32_t* out) {
  int64_t value = *out;
  Int(obj, at, key, &value);
  if (value > std::numeric_limits<uint32_t>::max()) {
    return Error(at.Key(key), at.Key(key).ToString() + " is too large");
  }
  *out = static_cast<uint32_t>(value);
}

void SavedGraphReader::Num(const JsonValue& obj, const Where& at, std::string_view key,
                           double* out) {
  const JsonValue* v = Field(obj, at, key, false);
  if (v == nullptr) return;
  if (!v->is_number()) return TypeError(at.Key(key), "a number", *v);
  *out = v->as_double();
}

const JsonValue* SavedGraphReader::Container(const JsonValue& obj, const Where& at,
                                             std::string_view key, bool array) {
  const JsonValue* v = Field(obj, at, key, true);
  if (v == nullptr) return nullptr;
  if (array ? !v->is_array() : !v->is_object()) {
    TypeError(at.Key(key), array ? "an array" : "an object", *v);
    return nullptr;
  }
  return v;
}

// Takes nlohmann's first syntax error (checking syntax builds nothing).
struct SyntaxCheck {
  using json = nlohmann::json;
  bool failed = false;
  size_t byte = 0;
  int id = 0;
  std::string what;

  bool null() { return true; }
  bool boolean(bool) { return true; }
  bool number_integer(json::number_integer_t) { return true; }
  bool number_unsigned(json::number_unsigned_t) { return true; }
  bool number_float(json::number_float_t, const std::string&) { return true; }
  bool string(std::string&) { return true; }
  bool binary(json::binary_t&) { return true; }
  bool start_object(std::size_t) { return true; }
  bool key(std::string&) { return true; }
  bool end_object() { return true; }
  bool start_array(std::size_t) { return true; }
  bool end_array() { return true; }
  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& e) {
    failed = true;
    byte = position;
    id = e.id;
    what = e.what();
    return false;
  }
};

// The message nlohmann's parser gives for the file, so syntax errors read
// the same as in every other JSON input; our own when it has none (only the
// nesting limit is stricter).
void SavedGraphReader::SyntaxError(const JsonParser& p) {
  int line = 0;
  int col = 0;
  SyntaxCheck check;
  try {
    nlohmann::json::sax_parse(text_.begin(), text_.end(), &check);
  } catch (...) {  // not expected: errors come through parse_error
  }
  if (!check.failed) {
    LineColAt(text_, p.error_offset(), &line, &col);
    diags_->Error(path_, line, col, p.error());  // the nesting limit
    return;
  }
  std::string what = check.what;
  if (check.id == 406) {  // a number such as 1e999: "[json.exception.out_of_range.406] ..."
    what.erase(0, what.find(']') + 2);
    size_t quote = what.find('\'');
    size_t at = quote == std::string::npos
                    ? std::string::npos
                    : text_.find(std::string_view(what).substr(quote + 1, what.size() - quote - 2));
    if (at != std::string::npos) LineColAt(text_, at, &line, &col);
    diags_->Error(path_, line, col, "malformed JSON: " + what);
    return;
  }
  LineColAt(text_, check.byte > 0 ? check.byte - 1 : 0, &line, &col);
  size_t colon = what.find(": ", what.find("column "));
  diags_->Error(path_, line, col,
                "malformed JSON: " + (colon == std::string::npos ? what : what.substr(colon + 2)));
}

bool SavedGraphReader::ReadHeader(const JsonValue* graph) {
  const Where root;
  const Where at = root.Key("graph");
  std::string format;
  if (graph != nullptr && graph->is_object()) Str(*graph, at, "format", &format);
  if (format != kSavedGraphFormat) {
    Error(format.empty() ? root : at.Key("format"),
          "not a diplograph saved graph (graph.format must be \"diplograph-graph\")");
    return false;
  }
  const JsonValue* version = Field(*graph, at, "version", true);
  if (version == nullptr) return false;
  if (!version->is_integer()) {
    TypeError(at.Key("version"), "an integer", *version);
    return false;
  }
  // A version past int64 is still "newer".
  int64_t v = version->is_unsigned() && version->as_uint() > uint64_t{INT64_MAX}
                  ? INT64_MAX
                  : version->as_int();
  if (v > kSavedGraphVersion) {
    Error(at.Key("version"), "graph format version " + std::to_string(v) +
                                 " is newer than this diplograph supports (" +
                                 std::to_string(kSavedGraphVersion) + ")");
    return false;
  }
  if (v < 1) {
    Error(at.Key("version"), "graph format version " + std::to_string(v) + " is not valid");
    return false;
  }
  return true;
}

// The top-level "graph" object: its header, then its document table.
// False if the header rules the file out.
bool SavedGraphReader::ReadGraphSection(const JsonValue* graph) {
  if (!ReadHeader(graph)) return false;
  const Where root;
  const Where at = root.Key("graph");
  if (const JsonValue* docs = Container(*graph, at, "documents", true)) {
    ReadDocuments(*docs, at.Key("documents"));
  }
  return true;
}

void SavedGraphReader::ReadDocuments(const JsonValue& list, const Where& at) {
  std::span<const JsonValue> items = list.items();
  for (size_t i = 0; i < items.size(); ++i) {
    Where here = at.Index(i);
    const JsonValue& item = items[i];
    if (!item.is_object()) {
      TypeError(here, "an object", item);
      continue;
    }
    DocumentEntry d;
    Str(item, here, "id", &d.id, true);
    Str(item, here, "title", &d.title);
    Str(item, here, "date", &d.date);
    Str(item, here, "url", &d.url);
    Str(item, here, "source", &d.source);
    Str(item, here, "fingerprint", &d.fingerprint, true);
    Int(item, here, "skipped_events", &d.skipped_events);
    Int(item, here, "modal_events", &d.modal_events);
    if (d.id.empty()) continue;
    std::string id = d.id;
    if (!loader_->AddDocument(std::move(d))) Error(here, "duplicate document id '" + id + "'");
  }
}

KnowledgeGraph::Loader::Doc SavedGraphReader::DocFor(std::string_view doc, const Where& at) {
  if (KnowledgeGraph::Loader::Doc d = loader_->FindDocument(doc)) return d;
  Error(at, at.ToString() + ": document '" + std::string(doc) + "' is not in graph.documents");
  return nullptr;
}

void SavedGraphReader::ReadNodeContribution(const JsonValue& c, const Where& at,
                                            NodeContribution* out) {
  Str(c, at, "name", &out->name);
  Str(c, at, "type", &out->type);
  Str(c, at, "country", &out->country);
  Str(c, at, "cameo", &out->cameo);
  StrList(c, at, "aliases", &out->aliases);
  StrList(c, at, "roles", &out->roles);
  Int(c, at, "mentions", &out->mentions);
}

void SavedGraphReader::ReadNode(const JsonValue& n, const Where& at) {
  if (!n.is_object()) return TypeError(at, "an object", n);
  std::string id;
  Str(n, at, "id", &id, true);
  const JsonValue* contrib = Container(n, at, "contrib", false);
  if (id.empty() || contrib == nullptr || !BeginNode(id, at, contrib->empty())) return;
  const Where contrib_at = at.Key("contrib");
  std::string raw;
  for (const JsonMember& m : contrib->members()) {
    const std::string_view doc = m.key;
    const JsonValue& c = m.value;
    const Where here = contrib_at.Key(doc);
    if (!c.is_object()) {
      TypeError(here, "an object", c);
      continue;
    }
    // Looked up first: the loader starts fetching the document's entry,
    // which AddNode() needs, while the fields are read.
    KnowledgeGraph::Loader::Doc d = loader_->FindDocument(doc);
    NodeContribution nc;
    raw.clear();
    Str(c, here, "id", &raw);
    ReadNodeContribution(c, here, &nc);
    AddNodeContribution(id, doc, d, raw, std::move(nc), here);
  }
}

void SavedGraphReader::ReadNode(graph_internal::NodeRow* row, const Where& at) {
  if (!BeginNode(row->id, at, row->contrib.size == 0)) return;
  const Where contrib_at = at.Key("contrib");
  for (size_t i = 0; i < row->contrib.size; ++i) {
    graph_internal::NodeRow::Contribution& c = row->contrib.items[i];
    AddNodeContribution(row->id, c.doc, loader_->FindDocument(c.doc), c.raw_id, std::move(c.c),
                        contrib_at.Key(c.doc));
  }
}

bool SavedGraphReader::BeginNode(std::string_view id, const Where& at, bool no_documents) {
  if (!nodes_.Insert(id, 1).second) {
    Error(at, "duplicate node id '" + std::string(id) + "'");
    return false;
  }
  if (no_documents) {
    Error(at.Key("contrib"), "node '" + std::string(id) + "' has no documents");
    return false;
  }
  return true;
}

void SavedGraphReader::AddNodeContribution(std::string_view id, std::string_view doc,
                                           KnowledgeGraph::Loader::Doc d, std::string_view raw,
                                           NodeContribution c, const Where& here) {
  if (raw.empty()) raw = id;
  if (d == nullptr && DocFor(doc, here) == nullptr) return;
  if (!loader_->AddNode(d, raw, std::move(c))) {
    Error(here, "document '" + std::string(doc) + "' contributes actor '" + std::string(raw) +
                    "' twice");
    return;
  }
  if (raw != id) {
    joined_[{std::string(id), std::string(doc)}] = raw;
    has_joined_.Insert(id, 1);
  }
}

void SavedGraphReader::ReadEdgeContribution(const JsonValue& c, const Where& at,
                                            EdgeContribution* out) {
  Int(c, at, "mentions", &out->mentions);
  StrList(c, at, "dates", &out->dates);
  Num(c, at, "goldstein_sum", &out->goldstein_sum);
  Str(c, at, "cameo", &out->cameo);
  const JsonValue* e = Field(c, at, "evidence", false);
  if (e == nullptr) return;
  const Where here = at.Key("evidence");
  if (!e->is_object()) return TypeError(here, "an object", *e);
  Str(*e, here, "sentence", &out->evidence.sentence);
  Offset(*e, here, "start", &out->evidence.start);
  Offset(*e, here, "end", &out->evidence.end);
  Num(*e, here, "confidence", &out->evidence.confidence);
}

// False if a link with `key` came before.
bool SavedGraphReader::NewLink(const EdgeKey& key) {
  std::pair<uint64_t, uint64_t> h = KeyHashes({key.source, key.type, key.target});
  if (links_sorted_) {
    if (link_hashes_.empty() || last_link_ < key) {
      last_link_ = key;
      link_hashes_.push_back(h);
      return true;
    }
    links_sorted_ = false;
    links_.insert(link_hashes_.begin(), link_hashes_.end());
    link_hashes_ = {};
  }
  return links_.insert(h).second;
}

void SavedGraphReader::ReadLink(const JsonValue& l, const Where& at) {
  if (!l.is_object()) return TypeError(at, "an object", l);
  EdgeKey key;
  Str(l, at, "source", &key.source, true);
  Str(l, at, "target", &key.target, true);
  // A type, where given, wins over a key; one of them must be given, and
  // not empty.
  Str(l, at, "key", &key.type);
  const JsonValue* type = l.Find("type");
  Str(l, at, "type", &key.type, key.type.empty() || (type != nullptr && !type->is_null()));
  const JsonValue* contrib = Container(l, at, "contrib", false);
  if (key.source.empty() || key.target.empty() || key.type.empty() || !contrib) return;
  if (!BeginLink(&key, at, contrib->empty())) return;
  const Where contrib_at = at.Key("contrib");
  for (const JsonMember& m : contrib->members()) {
    const std::string_view doc = m.key;
    const JsonValue& c = m.value;
    const Where here = contrib_at.Key(doc);
    if (!c.is_object()) {
      TypeError(here, "an object", c);
      continue;
    }
    KnowledgeGraph::Loader::Doc d = loader_->FindDocument(doc);  // fetched while fields are read
    EdgeContribution ec;
    ReadEdgeContribution(c, here, &ec);
    AddLinkContribution(key, doc, d, std::move(ec), here);
  }
}

void SavedGraphReader::ReadLink(graph_internal::LinkRow* row, const Where& at) {
  if (!BeginLink(&row->key, at, row->contrib.size == 0)) return;
  const Where contrib_at = at.Key("contrib");
  for (size_t i = 0; i < row->contrib.size; ++i) {
    graph_internal::LinkRow::Contribution& c = row->contrib.items[i];
    AddLinkContribution(row->key, c.doc, loader_->FindDocument(c.doc), std::move(c.c),
                        contrib_at.Key(c.doc));
  }
}

bool SavedGraphReader::BeginLink(EdgeKey* key, const Where& at, bool no_documents) {
  *key = graph_internal::CanonicalEdgeKey(std::move(*key));
  if (!NewLink(*key)) {
    Error(at, "duplicate link " + key->source + " -" + key->type + "-> " + key->target);
    return false;
  }
  if (no_documents) {
    Error(at.Key("contrib"), "link has no documents");
    return false;
  }
  if (source_node_ == nullptr || key->source != source_id_) {
    source_id_ = key->source;
    source_node_ = loader_->FindNode(key->source);
  }
  link_ends_[0] = source_node_;
  link_ends_[1] = loader_->FindNode(key->target);
  link_joined_[0] = has_joined_.Find(key->source) != nullptr;
  link_joined_[1] = has_joined_.Find(key->target) != nullptr;
  return true;
}

void SavedGraphReader::AddLinkContribution(const EdgeKey& key, std::string_view doc,
                                           KnowledgeGraph::Loader::Doc d, EdgeContribution c,
                                           const Where& here) {
  if (d == nullptr && DocFor(doc, here) == nullptr) return;
  const std::string* used[2] = {&key.source, &key.target};  // the ids the document used
  KnowledgeGraph::Loader::Node nodes[2];
  for (int end = 0; end < 2; ++end) {
    KnowledgeGraph::Loader::Node& node = nodes[end];
    node = link_ends_[end];
    if (link_joined_[end]) {
      joined_probe_.first = *used[end];
      joined_probe_.second.assign(doc);
      auto it = joined_.find(joined_probe_);
      if (it != joined_.end()) {
        used[end] = &it->second;
        node = loader_->FindNode(it->second);
      }
    }
    if (!loader_->HasNode(d, node)) {
      Error(here, "document '" + std::string(doc) + "' supports this link but not its node '" +
                      (end == 0 ? key.source : key.target) + "'");
      return;
    }
  }
  if (used[0] == &key.source && used[1] == &key.target) {
    loader_->AddEdge(d, key, std::move(c), nodes[1]);
  } else {
    loader_->AddEdge(d, graph_internal::CanonicalEdgeKey({*used[0], *used[1], key.type}),
                     std::move(c));
  }
}

// The members of a node and of a link that ReadNode() and ReadLink() read.
bool KeepNodeKey(std::string_view key) { return key == "id" || key == "contrib"; }
bool KeepLinkKey(std::string_view key) {
  return key == "source" || key == "target" || key == "type" || key == "key" || key == "contrib";
}

template <typename Item>
void SavedGraphReader::PrefetchDocuments(const graph_internal::RowContributions<Item>& contrib,
                                         int step) const {
  for (size_t i = 0; i < contrib.size; ++i) loader_->PrefetchDocument(contrib.items[i].doc, step);
}

void SavedGraphReader::Prefetch(const graph_internal::NodeRow& row, int step) const {
  PrefetchDocuments(row.contrib, step);
}

void SavedGraphReader::Prefetch(const graph_internal::LinkRow& row, int step) const {
  loader_->PrefetchNode(row.key.target, step);
  PrefetchDocuments(row.contrib, step);
}

void SavedGraphReader::Prefetch(const JsonValue& element, bool link, int step) const {
  if (!element.is_object()) return;
  if (link) {
    if (const JsonValue* target = element.Find("target"); target && target->is_string()) {
      loader_->PrefetchNode(target->str(), step);
    }
  }
  // Documents come in no order: each look-up is mostly a cache miss.
  if (const JsonValue* contrib = element.Find("contrib"); contrib && contrib->is_object()) {
    for (const JsonMember& m : contrib->members()) loader_->PrefetchDocument(m.key, step);
  }
}

// The usual layout, one element at a time: "graph" before "nodes" before
// "links", each once. kOtherLayout when the file is laid out otherwise (or
// misses one of them), to be read whole.
SavedGraphReader::Outcome SavedGraphReader::ReadPiecewise(JsonParser* p) {
  const Where root;
  bool is = false;
  if (!p->BeginObject(&is)) return Outcome::kSyntaxError;
  if (!is) return Outcome::kOtherLayout;
  JsonArena keys;
  JsonArena graph_arena;
  JsonArena element[kAhead + 1];  // the element being read and those parsed ahead
  graph_internal::NodeRow node_rows[kAhead + 1];  // likewise, read directly
  graph_internal::LinkRow link_rows[kAhead + 1];
  bool graph_seen = false, nodes_seen = false, links_seen = false;
  bool header_ok = false;
  while (true) {
    std::string_view key;
    bool more = false;
    if (!p->NextMember(&key, &keys, &more)) return Outcome::kSyntaxError;
    if (!more) break;
    if (key == "graph") {
      if (graph_seen || nodes_seen || links_seen) return Outcome::kOtherLayout;
      graph_seen = true;
      const JsonValue* graph = p->ParseValue(&graph_arena);
      if (graph == nullptr) return Outcome::kSyntaxError;
      header_ok = ReadGraphSection(graph);  // if not, the rest is only checked for syntax
    } else if (key == "nodes" || key == "links") {
      const bool nodes = key == "nodes";
      if (!graph_seen || (nodes ? nodes_seen || links_seen : !nodes_seen || links_seen)) {
        return Outcome::kOtherLayout;
      }
      (nodes ? nodes_seen : links_seen) = true;
      if (!header_ok) {
        if (!p->SkipValue()) return Outcome::kSyntaxError;
        continue;
      }
      if (!p->BeginArray(&is)) return Outcome::kSyntaxError;
      if (!is) return Outcome::kOtherLayout;
      // Written graphs put one link on a line: about as many raw keys.
      if (!nodes) {
        // Counted on the first few megabytes (a hint need not be exact).
        std::string_view rest = text_.substr(std::min(p->offset(), text_.size()));
        std::string_view head = rest.substr(0, size_t{4} << 20);
        const double lines = static_cast<double>(std::count(head.begin(), head.end(), '\n'));
        loader_->ReserveEdges(static_cast<size_t>(lines * static_cast<double>(rest.size()) /
                                                  static_cast<double>(head.size() + 1)));
        loader_->EndNodes(options_.derive);
      }
      const Where at = root.Key(nodes ? "nodes" : "links");
      // Each element is parsed kAhead elements before it is read, so that
      // the look-ups it will need (documents, a link's target) are under
      // way, step by step, while the ones before are read.
      // An element of the usual shape is read straight from the text
      // into a row; any other is parsed (ring[slot] not null).
      const JsonValue* ring[kAhead + 1] = {};
      size_t direct = 0;  // rows read directly (RowsReadDirectlyForTesting())
      auto read = [&](size_t i) {
        const size_t slot = i % (kAhead + 1);
        if (ring[slot] != nullptr) {
          nodes ? ReadNode(*ring[slot], at.Index(i)) : ReadLink(*ring[slot], at.Index(i));
        } else {
          nodes ? ReadNode(&node_rows[slot], at.Index(i)) : ReadLink(&link_rows[slot], at.Index(i));
        }
      };
      size_t parsed = 0, done = 0;
      while (true) {
        if (!p->NextElement(&more)) return Outcome::kSyntaxError;
        if (!more) break;
        const size_t slot = parsed % (kAhead + 1);
        element[slot].Reset();
        if (nodes ? graph_internal::ReadNodeRow(p, &element[slot], &node_rows[slot])
                  : graph_internal::ReadLinkRow(p, &element[slot], &link_rows[slot])) {
          ring[slot] = nullptr;
          ++direct;
        } else {
          // Only the members read below are built: the derived ones (a
          // node's documents, a link's dates and evidence...) are checked
          // and skipped.
          ring[slot] = p->ParseValue(&element[slot], nodes ? KeepNodeKey : KeepLinkKey);
          if (ring[slot] == nullptr) return Outcome::kSyntaxError;
        }
        ++parsed;
        for (size_t step = 0; step < kAhead && step < parsed; ++step) {
          const size_t ahead = (parsed - 1 - step) % (kAhead + 1);
          const int s = static_cast<int>(step);
          if (ring[ahead] != nullptr) {
            Prefetch(*ring[ahead], !nodes, s);
          } else {
            nodes ? Prefetch(node_rows[ahead], s) : Prefetch(link_rows[ahead], s);
          }
        }
        if (parsed > kAhead) read(done++);
        if (options_.release && p->offset() >= released_ + kReleaseBytes) {
          released_ = p->offset();
          options_.release(released_);
        }
      }
      while (done < parsed) read(done++);
      rows_read_directly.fetch_add(direct, std::memory_order_relaxed);
    } else if (!p->SkipValue()) {
      return Outcome::kSyntaxError;
    }
  }
  if (!p->End()) return Outcome::kSyntaxError;
  if (!graph_seen || !nodes_seen || !links_seen) return Outcome::kOtherLayout;
  return Outcome::kRead;
}

// Any other layout: the whole file as one tree, then the same reading.
bool SavedGraphReader::ReadWhole() {
  const Where root;
  JsonArena arena;
  JsonParser p(text_);
  const JsonValue* doc = p.ParseValue(&arena);
  if (doc == nullptr || !p.End()) {
    SyntaxError(p);
    return false;
  }
  if (!doc->is_object()) {
    Error(root, std::string("a saved graph must be a JSON object, not ") + doc->type_name());
    return true;
  }
  if (!ReadGraphSection(doc->Find("graph"))) return true;
  if (const JsonValue* nodes = Container(*doc, root, "nodes", true)) {
    std::span<const JsonValue> items = nodes->items();
    for (size_t i = 0; i < items.size(); ++i) {
      Prefetch(items[i], /*link=*/false, 0);
      ReadNode(items[i], root.Key("nodes").Index(i));
    }
  }
  if (const JsonValue* links = Container(*doc, root, "links", true)) {
    loader_->EndNodes(options_.derive);
    std::span<const JsonValue> items = links->items();
    for (size_t i = 0; i < items.size(); ++i) ReadLink(items[i], root.Key("links").Index(i));
  }
  return true;
}

std::optional<KnowledgeGraph> SavedGraphReader::Read() {
  JsonParser p(text_);
  switch (ReadPiecewise(&p)) {
    case Outcome::kRead:
      break;
    case Outcome::kSyntaxError:
      SyntaxError(p);
      return std::nullopt;
    case Outcome::kOtherLayout:
      Reset();
      if (!ReadWhole()) return std::nullopt;
      break;
  }
  for (const Pending& e : pending_) diags_->Error(path_, e.line, e.col, e.message);
  if (errors_ > kMaxErrors) {
    diags_->Error(path_, 0, 0,
                  std::to_string(errors_ - kMaxErrors) + " more errors in this graph not shown");
  }
  if (!ok_) return std::nullopt;
  return std::move(*loader_).Finish();
}

}  // namespace

std::optional<KnowledgeGraph> ReadSavedGraph(std::string_view content, std::string_view path,
                                             Diagnostics* diags,
                                             const SavedGraphReadOptions& options) {
  return SavedGraphReader(content, path, diags, options).Read();
}

}  // namespace diplograph
