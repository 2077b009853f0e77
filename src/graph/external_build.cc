// The external builder: a log of contributions, actor profiles, resolution,
// and three external sorts that the saved graph is merged from.
#include "diplograph/graph/external_build.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <unordered_map>
#include <utility>
#include <vector>

#include "graph_internal.h"
#include "resolve.h"
#include "saved_graph_write.h"
#include "spill.h"

namespace diplograph {

using graph_internal::Decoder;
using graph_internal::Encoder;

namespace {

// --- The binary forms of contributions in the log and the sorters ---

void EncodeEntry(const DocumentEntry& d, Encoder& e) {
  for (const std::string* s : {&d.id, &d.title, &d.date, &d.url, &d.source, &d.fingerprint}) {
    e.Str(*s);
  }
  e.U64(static_cast<uint64_t>(d.skipped_events));
  e.U64(static_cast<uint64_t>(d.modal_events));
}

DocumentEntry DecodeEntry(Decoder& d) {
  DocumentEntry x;
  for (std::string* s : {&x.id, &x.title, &x.date, &x.url, &x.source, &x.fingerprint}) {
    *s = d.Str();
  }
  x.skipped_events = static_cast<int64_t>(d.U64());
  x.modal_events = static_cast<int64_t>(d.U64());
  return x;
}

void EncodeNode(const NodeContribution& c, Encoder& e) {
  e.Str(c.name);
  e.Str(c.type);
  e.Str(c.country);
  e.Str(c.cameo);
  e.Strs(c.aliases);
  e.Strs(c.roles);
  e.U64(static_cast<uint64_t>(c.mentions));
}

NodeContribution DecodeNode(Decoder& d) {
  NodeContribution c;
  c.name = d.Str();
  c.type = d.Str();
  c.country = d.Str();
  c.cameo = d.Str();
  c.aliases = d.Strs();
  c.roles = d.Strs();
  c.mentions = static_cast<int64_t>(d.U64());
  return c;
}

void EncodeEdge(const EdgeContribution& c, Encoder& e) {
  e.U64(static_cast<uint64_t>(c.mentions));
  e.Strs(c.dates);
  e.F64(c.goldstein_sum);
  e.Str(c.evidence.sentence);
  e.U32(c.evidence.start);
  e.U32(c.evidence.end);
  e.F64(c.evidence.confidence);
  e.Str(c.cameo);
}

EdgeContribution DecodeEdge(Decoder& d) {
  EdgeContribution c;
  c.mentions = static_cast<int64_t>(d.U64());
  c.dates = d.Strs();
  c.goldstein_sum = d.F64();
  c.evidence.sentence = d.Str();
  c.evidence.start = d.U32();
  c.evidence.end = d.U32();
  c.evidence.confidence = d.F64();
  c.cameo = d.Str();
  return c;
}

void EncodeContribution(const DocContribution& c, Encoder& e) {
  EncodeEntry(c.doc, e);
  e.U32(static_cast<uint32_t>(c.nodes.size()));
  for (const auto& [id, nc] : c.nodes) {
    e.Str(id);
    EncodeNode(nc, e);
  }
  e.U32(static_cast<uint32_t>(c.edges.size()));
  for (const auto& [key, ec] : c.edges) {
    e.Str(key.source);
    e.Str(key.target);
    e.Str(key.type);
    EncodeEdge(ec, e);
  }
}

bool DecodeContribution(std::string_view bytes, DocContribution* c) {
  Decoder d(bytes);
  c->doc = DecodeEntry(d);
  c->nodes.clear();
  c->edges.clear();
  for (uint32_t n = d.U32(); n > 0 && d.ok(); --n) {
    std::string id = d.Str();
    c->nodes.emplace(std::move(id), DecodeNode(d));
  }
  for (uint32_t n = d.U32(); n > 0 && d.ok(); --n) {
    EdgeKey key;
    key.source = d.Str();
    key.target = d.Str();
    key.type = d.Str();
    c->edges.emplace(std::move(key), DecodeEdge(d));
  }
  return d.ok();
}

// The dates of `c`'s round of occasion `raw_id` (as the graph's
// EventDates()): the dates of its events involving the occasion, else the
// document date.
std::vector<std::string> EventDates(const DocContribution& c, const std::string& raw_id) {
  std::vector<std::string> dates;
  for (const auto& [key, ec] : c.edges) {
    if (key.source == raw_id || key.target == raw_id) {
      dates.insert(dates.end(), ec.dates.begin(), ec.dates.end());
    }
  }
  if (dates.empty()) {
    std::string date = graph_internal::NormalizeDate(c.doc.date);
    if (!date.empty()) dates.push_back(std::move(date));
  }
  return dates;
}

// Inserts `s` into the sorted, unique `v`.
void InsertSorted(std::vector<std::string>* v, const std::string& s) {
  auto it = std::lower_bound(v->begin(), v->end(), s);
  if (it == v->end() || *it != s) v->insert(it, s);
}

}  // namespace

// What the builder keeps in memory.
struct ExternalGraphBuilder::State {
  ExternalBuildOptions options;
  graph_internal::TempFile log;

  // One document id: where its winning contribution sits in the log.
  struct DocSlot {
    std::string fingerprint;
    uint64_t offset = 0;
  };
  std::unordered_map<std::string, uint32_t> doc_index;
  std::vector<DocSlot> docs;

  // One raw actor id over all its documents. Types and countries are small
  // numbers into `values`.
  struct RawActor {
    std::vector<std::pair<uint32_t, uint32_t>> types, countries;  // (value, count)
    std::vector<std::string> names, aliases;                      // sorted, unique
    std::vector<uint32_t> docs;                                   // document numbers
    const std::string* home = nullptr;                            // node id, after resolution
    bool event_dates = false;  // its node is an occasion: keep round dates
  };
  std::unordered_map<std::string, RawActor> actors;
  bool reprofile = false;  // a document was replaced: `actors` counts its old version
  std::vector<std::string> values;
  std::unordered_map<std::string, uint32_t> value_index;

  uint32_t Value(const std::string& s) {
    auto [it, added] = value_index.try_emplace(s, static_cast<uint32_t>(values.size()));
    if (added) values.push_back(s);
    return it->second;
  }

  // Calls fn(doc number, contribution) for the winning contribution of every
  // document, in log order.
  bool ForEachWinner(const std::function<void(uint32_t, const DocContribution&)>& fn,
                     std::string* error);
  void Profile(uint32_t doc, const DocContribution& c);
  void Resolve();
  bool Emit(graph_internal::ExternalSorter* docs_out, graph_internal::ExternalSorter* nodes_out,
            graph_internal::ExternalSorter* links_out, std::string* error);
};

namespace {

void Count(std::vector<std::pair<uint32_t, uint32_t>>* counts, uint32_t value) {
  for (auto& [v, n] : *counts) {
    if (v == value) {
      ++n;
      return;
    }
  }
  counts->emplace_back(value, 1);
}

std::map<std::string, int> Counts(const std::vector<std::pair<uint32_t, uint32_t>>& counts,
                                  const std::vector<std::string>& values) {
  std::map<std::string, int> out;
  for (const auto& [v, n] : counts) out[values[v]] += static_cast<int>(n);
  return out;
}

}  // namespace

ExternalGraphBuilder::ExternalGraphBuilder(ExternalBuildOptions options)
    : state_(std::make_unique<State>()) {
  if (options.temp_dir.empty()) {
    const char* tmp = std::getenv("TMPDIR");
    options.temp_dir = tmp != nullptr && *tmp != '\0' ? tmp : "/tmp";
  }
  state_->options = std::move(options);
}

ExternalGraphBuilder::~ExternalGraphBuilder() = default;

bool ExternalGraphBuilder::Open(std::string* error) {
  return state_->log.Create(state_->options.temp_dir, error);
}

size_t ExternalGraphBuilder::document_count() const { return state_->docs.size(); }

KnowledgeGraph::AddResult ExternalGraphBuilder::AddRecord(const ExtractionRecord& record) {
  if (record.doc.id.empty()) return KnowledgeGraph::AddResult::kKept;
  return AddContribution(ContributionFromRecord(record));
}

KnowledgeGraph::AddResult ExternalGraphBuilder::AddContribution(DocContribution c) {
  using AddResult = KnowledgeGraph::AddResult;
  State& s = *state_;
  if (c.doc.id.empty()) return AddResult::kKept;
  for (const auto& [key, ec] : c.edges) {  // endpoints are nodes of the document
    c.nodes.try_emplace(key.source);
    c.nodes.try_emplace(key.target);
  }
  auto [it, added] = s.doc_index.try_emplace(c.doc.id, static_cast<uint32_t>(s.docs.size()));
  AddResult result = AddResult::kAdded;
  if (added) {
    s.docs.emplace_back();
  } else {
    const std::string& old = s.docs[it->second].fingerprint;
    if (old == c.doc.fingerprint) return AddResult::kUnchanged;
    if (old > c.doc.fingerprint) return AddResult::kKept;
    result = AddResult::kReplaced;
  }
  // A new document is profiled at once; a replaced one means profiling
  // again from the log, once, in Write().
  if (result == AddResult::kAdded) {
    s.Profile(it->second, c);
  } else {
    s.reprofile = true;
  }
  State::DocSlot& slot = s.docs[it->second];
  slot.fingerprint = c.doc.fingerprint;
  slot.offset = s.log.size();
  std::string bytes;
  Encoder e(&bytes);
  e.U32(it->second);
  e.U32(0);  // the length, filled in below
  EncodeContribution(c, e);
  uint32_t length = static_cast<uint32_t>(bytes.size() - 8);
  for (int i = 0; i < 4; ++i) bytes[4 + i] = static_cast<char>(length >> (8 * i));
  s.log.Write(bytes);
  return result;
}

bool ExternalGraphBuilder::State::ForEachWinner(
    const std::function<void(uint32_t, const DocContribution&)>& fn, std::string* error) {
  if (!log.Rewind()) {
    *error = log.ErrorText();
    return false;
  }
  uint64_t offset = 0;
  std::string head, body;
  DocContribution c;
  while (offset < log.size()) {
    if (!log.Read(8, &head)) break;
    Decoder d(head);
    uint32_t doc = d.U32();
    uint32_t length = d.U32();
    if (doc >= docs.size() || !log.Read(length, &body)) break;
    if (docs[doc].offset == offset) {
      if (!DecodeContribution(body, &c)) break;
      fn(doc, c);
    }
    offset += 8 + length;
  }
  if (offset != log.size()) {
    *error = log.ok() ? "temporary file is corrupt" : log.ErrorText();
    return false;
  }
  return true;
}

void ExternalGraphBuilder::State::Profile(uint32_t doc, const DocContribution& c) {
  for (const auto& [id, nc] : c.nodes) {
    RawActor& a = actors[id];
    Count(&a.types, Value(nc.type));
    Count(&a.countries, Value(nc.country));
    InsertSorted(&a.names, nc.name);
    for (const std::string& alias : nc.aliases) InsertSorted(&a.aliases, alias);
    a.docs.push_back(doc);
  }
}

// Resolution as KnowledgeGraph::Resolve(), from the profiles; then every
// raw id learns its node id and whether that node is an occasion.
void ExternalGraphBuilder::State::Resolve() {
  std::vector<const std::string*> ids;
  ids.reserve(actors.size());
  for (auto& [id, a] : actors) {
    std::sort(a.docs.begin(), a.docs.end());
    ids.push_back(&id);
  }
  std::sort(ids.begin(), ids.end(), [](const auto* a, const auto* b) { return *a < *b; });
  // Profiles of the resolvable ids only; names and aliases are not needed
  // after this.
  std::vector<graph_internal::ActorProfile> profiles;
  std::vector<const std::string*> resolvable;
  for (const std::string* id : ids) {
    RawActor& a = actors.at(*id);
    graph_internal::ActorProfile p =
        graph_internal::ProfileType(Counts(a.types, values), Counts(a.countries, values));
    std::vector<std::string> names = std::exchange(a.names, {});
    std::vector<std::string> aliases = std::exchange(a.aliases, {});
    if (!graph_internal::Resolvable(p)) continue;
    graph_internal::AddNames(std::move(names), std::move(aliases), &p);
    profiles.push_back(std::move(p));
    resolvable.push_back(id);
  }
  std::vector<graph_internal::ResolveInput> inputs;
  inputs.reserve(resolvable.size());
  for (size_t i = 0; i < resolvable.size(); ++i) {
    inputs.push_back(
        {resolvable[i], &profiles[i], graph_internal::DocSet(&actors.at(*resolvable[i]).docs)});
  }
  std::unordered_map<std::string, std::string> node_of = graph_internal::ResolveActors(inputs);
  profiles.clear();
  profiles.shrink_to_fit();

  for (auto& [id, a] : actors) {
    auto home = node_of.find(id);
    a.home = home == node_of.end() ? &id : &actors.find(home->second)->first;
  }
  // A node's type is the most common over all its contributions: summed
  // over its raw ids where resolution joined several.
  std::unordered_map<const std::string*, std::vector<std::pair<uint32_t, uint32_t>>> joined_types;
  auto add_counts = [](std::vector<std::pair<uint32_t, uint32_t>>* to,
                       const std::vector<std::pair<uint32_t, uint32_t>>& from) {
    for (const auto& [v, n] : from) {
      auto it = std::find_if(to->begin(), to->end(), [&](const auto& x) { return x.first == v; });
      if (it == to->end()) {
        to->emplace_back(v, n);
      } else {
        it->second += n;
      }
    }
  };
  for (auto& [id, a] : actors) {
    if (a.home == &id) continue;
    auto [counts, first] = joined_types.try_emplace(a.home);
    if (first) add_counts(&counts->second, actors.at(*a.home).types);
    add_counts(&counts->second, a.types);
  }
  for (auto& [id, a] : actors) {
    auto joined = joined_types.find(a.home);
    const auto& types = joined == joined_types.end() ? a.types : joined->second;
    a.event_dates = graph_internal::MostCommon(Counts(types, values)) == "event";
    a.types.clear();
    a.types.shrink_to_fit();
    a.countries = {};
    a.docs = {};
  }
}

namespace {

// Keeps the sorters within the memory budget: half of it for the records
// being gathered, half for one batch being sorted and written meanwhile.
bool WithinBudget(size_t budget, std::initializer_list<graph_internal::ExternalSorter*> sorters,
                  std::string* error) {
  size_t total = 0;
  graph_internal::ExternalSorter* largest = nullptr;
  for (auto* s : sorters) {
    total += s->memory();
    if (largest == nullptr || s->memory() > largest->memory()) largest = s;
  }
  if (total <= budget / 2) return true;
  for (auto* s : sorters) {
    if (!s->Wait(error)) return false;
  }
  return largest->StartSpill(error);
}

}  // namespace

// Every winning contribution under its node id / edge key, into the sorters.
bool ExternalGraphBuilder::State::Emit(graph_internal::ExternalSorter* docs_out,
                                       graph_internal::ExternalSorter* nodes_out,
                                       graph_internal::ExternalSorter* links_out,
                                       std::string* error) {
  using graph_internal::AppendKeyPart;
  bool ok = true;
  std::string key, value;
  Encoder e(&value);
  auto emitted = ForEachWinner(
      [&](uint32_t, const DocContribution& c) {
        if (!ok) return;
        const std::string& doc = c.doc.id;
        key.clear();
        AppendKeyPart(&key, doc);
        value.clear();
        EncodeEntry(c.doc, e);
        docs_out->Add(key, value);
        for (const auto& [id, nc] : c.nodes) {
          const RawActor& a = actors.at(id);
          key.clear();
          AppendKeyPart(&key, *a.home);
          AppendKeyPart(&key, doc);
          value.clear();
          e.Str(*a.home);
          e.Str(doc);
          e.Str(id);
          EncodeNode(nc, e);
          e.U32(a.event_dates ? 1 : 0);
          if (a.event_dates) e.Strs(EventDates(c, id));
          nodes_out->Add(key, value);
        }
        for (const auto& [raw, ec] : c.edges) {
          EdgeKey home = graph_internal::CanonicalEdgeKey(
              {*actors.at(raw.source).home, *actors.at(raw.target).home, raw.type});
          key.clear();
          AppendKeyPart(&key, home.source);
          AppendKeyPart(&key, home.target);
          AppendKeyPart(&key, home.type);
          AppendKeyPart(&key, doc);
          value.clear();
          e.Str(home.source);
          e.Str(home.target);
          e.Str(home.type);
          e.Str(doc);
          EncodeEdge(ec, e);
          links_out->Add(key, value);
        }
        ok = WithinBudget(options.sort_buffer_bytes, {docs_out, nodes_out, links_out}, error);
      },
      error);
  return emitted && ok;
}

namespace {

// One node's contributions, as they come out of the node sorter.
struct NodeRow {
  std::string doc, raw_id;
  NodeContribution c;
  std::vector<std::string> dates;
};

struct EdgeRow {
  std::string doc;
  EdgeContribution c;
};

void WriteNodeGroup(const std::string& id, const std::vector<NodeRow>& rows,
                    graph_internal::SavedGraphWriter* w) {
  ActorNode node;
  node.id = id;
  std::vector<graph_internal::NodeRef> refs;
  refs.reserve(rows.size());
  for (const NodeRow& r : rows) refs.push_back({&r.doc, &r.raw_id, &r.c});
  graph_internal::DeriveNode(&node, refs);
  if (node.type == "event") {
    for (const NodeRow& r : rows)
      node.dates.insert(node.dates.end(), r.dates.begin(), r.dates.end());
    graph_internal::SortUnique(&node.dates);
  }
  node.first_date = node.dates.empty() ? "" : node.dates.front();
  node.last_date = node.dates.empty() ? "" : node.dates.back();
  w->Node(node, [&](const graph_internal::NodeContribFn& fn) {
    for (const NodeRow& r : rows) fn(r.doc, r.raw_id, r.c);
  });
}

void WriteEdgeGroup(const EdgeKey& key, const std::vector<EdgeRow>& rows,
                    graph_internal::SavedGraphWriter* w) {
  RelationEdge edge;
  edge.key = key;
  std::vector<graph_internal::EdgeRef> refs;
  refs.reserve(rows.size());
  for (const EdgeRow& r : rows) refs.push_back({&r.doc, &key, &r.c});
  graph_internal::DeriveEdge(&edge, refs);
  w->Link(edge, [&](const graph_internal::EdgeContribFn& fn) {
    for (const EdgeRow& r : rows) fn(r.doc, r.c);
  });
}

}  // namespace

namespace {

// Merges `sorter`'s records, reading each into (key, row) with `read`, and
// calls flush(key, rows) for every run of records with one key. False with
// *error when a temporary file failed or holds what `read` cannot decode.
template <typename Key, typename Row, typename Read, typename Flush>
bool MergeGroups(graph_internal::ExternalSorter* sorter, Read read, Flush flush,
                 std::string* error) {
  Key key, next;
  std::vector<Row> rows;
  bool corrupt = false;
  bool ok = sorter->Merge(
      [&](std::string_view, std::string_view value) {
        Decoder d(value);
        Row row;
        read(d, &next, &row);
        if (!d.ok()) return !(corrupt = true);
        if (next != key && !rows.empty()) {
          flush(key, rows);
          rows.clear();
        }
        key = std::move(next);
        rows.push_back(std::move(row));
        return true;
      },
      error);
  if (ok && corrupt) *error = "temporary file is corrupt";
  if (!ok || corrupt) return false;
  if (!rows.empty()) flush(key, rows);
  return true;
}

}  // namespace

bool ExternalGraphBuilder::Write(std::ostream& out, std::string* error) {
  State& s = *state_;
  if (!s.log.ok()) {
    *error = s.log.ErrorText();
    return false;
  }
  if (s.reprofile) {
    s.actors.clear();
    if (!s.ForEachWinner([&](uint32_t doc, const DocContribution& c) { s.Profile(doc, c); },
                         error)) {
      return false;
    }
  }
  s.Resolve();
  const std::string& dir = s.options.temp_dir;
  graph_internal::ExternalSorter docs(dir), nodes(dir), links(dir);
  if (!s.Emit(&docs, &nodes, &links, error)) return false;
  s.doc_index = {};
  s.docs = {};

  graph_internal::SavedGraphWriter w(out);
  auto read_doc = [](Decoder& d, std::string* id, DocumentEntry* entry) {
    *entry = DecodeEntry(d);
    *id = entry->id;
  };
  auto write_docs = [&](const std::string&, const std::vector<DocumentEntry>& entries) {
    for (const DocumentEntry& entry : entries) w.Document(entry);
  };
  if (!MergeGroups<std::string, DocumentEntry>(&docs, read_doc, write_docs, error)) return false;

  w.StartNodes();
  auto read_node = [](Decoder& d, std::string* id, NodeRow* row) {
    *id = d.Str();
    row->doc = d.Str();
    row->raw_id = d.Str();
    row->c = DecodeNode(d);
    if (d.U32() != 0) row->dates = d.Strs();
  };
  auto write_node = [&](const std::string& id, const std::vector<NodeRow>& rows) {
    WriteNodeGroup(id, rows, &w);
  };
  if (!MergeGroups<std::string, NodeRow>(&nodes, read_node, write_node, error)) return false;

  w.StartLinks();
  auto read_link = [](Decoder& d, EdgeKey* key, EdgeRow* row) {
    key->source = d.Str();
    key->target = d.Str();
    key->type = d.Str();
    row->doc = d.Str();
    row->c = DecodeEdge(d);
  };
  auto write_link = [&](const EdgeKey& key, const std::vector<EdgeRow>& rows) {
    WriteEdgeGroup(key, rows, &w);
  };
  if (!MergeGroups<EdgeKey, EdgeRow>(&links, read_link, write_link, error)) return false;
  if (!w.Finish()) {
    *error = "write error";
    return false;
  }
  return true;
}

}  // namespace diplograph
