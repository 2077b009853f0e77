// Turns extraction records into per-document contributions, and derives the
// shown values of nodes and edges from their contributions.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "diplograph/core/date.h"
#include "diplograph/core/strings.h"
#include "diplograph/graph/graph.h"
#include "graph_internal.h"

namespace diplograph {

namespace graph_internal {

std::string ValidUtf8(std::string_view s) {
  if (IsValidUtf8(s)) return std::string(s);
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    size_t len = 1;
    AppendUtf8(DecodeUtf8(s, i, &len), &out);
    i += len;
  }
  return out;
}

std::string NormalizeDate(std::string_view s) {
  std::optional<Date> d = ParseIsoDate(Trim(s));
  return d ? d->ToString() : std::string();
}

void SortUnique(std::vector<std::string>* v) {
  std::erase_if(*v, [](const std::string& s) { return s.empty(); });
  std::sort(v->begin(), v->end());
  v->erase(std::unique(v->begin(), v->end()), v->end());
}

EdgeKey CanonicalEdgeKey(EdgeKey key) {
  const EventTypeInfo* info = FindEventType(key.type);
  if (info != nullptr && info->symmetric && key.target < key.source) {
    std::swap(key.source, key.target);
  }
  return key;
}

std::string MostCommon(const std::map<std::string, int>& counts) {
  std::string best;
  int best_count = 0;
  for (const auto& [value, count] : counts) {  // sorted: ties keep the smallest
    if (!value.empty() && count > best_count) {
      best = value;
      best_count = count;
    }
  }
  return best;
}

namespace {

// Is `a` better evidence than `b`? Non-empty sentence, then confidence.
bool BetterEvidence(const EvidenceRef& a, const EvidenceRef& b) {
  if (a.sentence.empty() != b.sentence.empty()) return !a.sentence.empty();
  return a.confidence > b.confidence;
}

}  // namespace

void DeriveNode(ActorNode* node, const std::vector<NodeRef>& contrib) {
  std::map<std::string, int> names, types, countries, cameos;
  std::vector<std::string> aliases, roles;
  node->documents.clear();
  node->documents.reserve(contrib.size());
  node->mentions = 0;
  for (const NodeRef& ref : contrib) {
    const NodeContribution& c = *ref.c;
    node->documents.push_back(*ref.doc);
    ++names[c.name];
    ++types[c.type];
    ++countries[c.country];
    ++cameos[c.cameo];
    aliases.push_back(c.name);
    aliases.insert(aliases.end(), c.aliases.begin(), c.aliases.end());
    roles.insert(roles.end(), c.roles.begin(), c.roles.end());
    node->mentions += c.mentions;
  }
  node->label = MostCommon(names);
  if (node->label.empty()) node->label = node->id;
  node->type = MostCommon(types);
  node->country = MostCommon(countries);
  node->cameo = MostCommon(cameos);
  std::erase(aliases, node->label);
  SortUnique(&aliases);
  SortUnique(&roles);
  node->aliases = std::move(aliases);
  node->roles = std::move(roles);
  node->countries.clear();
  for (const auto& [country, count] : countries) {  // sorted
    if (!country.empty()) node->countries.push_back(country);
  }
}

void DeriveEdge(RelationEdge* edge, std::span<const EdgeRef> contrib) {
  // Filled in place: an edge of one document (most of them) allocates only
  // what it keeps.
  double goldstein_sum = 0.0;
  const EvidenceRef* best = nullptr;
  const std::string* best_doc = nullptr;
  edge->documents.clear();
  edge->documents.reserve(contrib.size());
  edge->dates.clear();
  edge->mentions = 0;
  for (const EdgeRef& ref : contrib) {  // by doc id: ties keep the first
    const EdgeContribution& c = *ref.c;
    edge->documents.push_back(*ref.doc);
    edge->mentions += c.mentions;
    goldstein_sum += c.goldstein_sum;
    edge->dates.insert(edge->dates.end(), c.dates.begin(), c.dates.end());
    if (best == nullptr || BetterEvidence(c.evidence, *best)) {
      best = &c.evidence;
      best_doc = ref.doc;
    }
  }
  SortUnique(&edge->dates);
  edge->first_date = edge->dates.empty() ? "" : edge->dates.front();
  edge->last_date = edge->dates.empty() ? "" : edge->dates.back();
  edge->weight = static_cast<int64_t>(contrib.size());
  edge->evidence = best != nullptr ? best->sentence : "";
  edge->evidence_doc = best_doc != nullptr ? *best_doc : "";
  edge->goldstein = edge->mentions > 0 ? goldstein_sum / static_cast<double>(edge->mentions) : 0.0;
  if (contrib.size() == 1) {
    edge->cameo = contrib.front().c->cameo;
  } else {
    std::map<std::string, int> cameos;
    for (const EdgeRef& ref : contrib) ++cameos[ref.c->cameo];
    edge->cameo = MostCommon(cameos);
  }
  const EventTypeInfo* info = FindEventType(edge->key.type);
  if (edge->cameo.empty() && info != nullptr) edge->cameo = std::string(info->cameo);
  edge->symmetric = info != nullptr && info->symmetric;
}

}  // namespace graph_internal

using graph_internal::NormalizeDate;
using graph_internal::SortUnique;
using graph_internal::ValidUtf8;

std::string Fnv1a64Hex(std::string_view bytes) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (char c : bytes) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

namespace {

double Finite(double v) { return std::isfinite(v) ? v : 0.0; }

std::vector<std::string> ValidList(const std::vector<std::string>& in) {
  std::vector<std::string> out;
  out.reserve(in.size());
  for (const std::string& s : in) out.push_back(ValidUtf8(s));
  SortUnique(&out);
  return out;
}

void AddEntity(const EntityRecord& e, NodeContribution* c) {
  // An id listed twice: the first non-empty value of each field wins.
  if (c->name.empty()) c->name = ValidUtf8(e.name);
  if (c->type.empty()) c->type = ValidUtf8(e.type);
  if (c->country.empty()) c->country = ValidUtf8(e.country);
  if (c->cameo.empty()) c->cameo = ValidUtf8(e.cameo);
  std::vector<std::string> aliases = ValidList(e.aliases);
  aliases.insert(aliases.end(), c->aliases.begin(), c->aliases.end());
  SortUnique(&aliases);
  c->aliases = std::move(aliases);
  std::vector<std::string> roles = ValidList(e.roles);
  roles.insert(roles.end(), c->roles.begin(), c->roles.end());
  SortUnique(&roles);
  c->roles = std::move(roles);
  c->mentions += static_cast<int64_t>(e.mentions.size());
}

// Within one document: non-empty sentence, then higher confidence, then
// the earlier offset.
bool BetterInDocument(const EvidenceRef& a, const EvidenceRef& b) {
  if (a.sentence.empty() != b.sentence.empty()) return !a.sentence.empty();
  if (a.confidence != b.confidence) return a.confidence > b.confidence;
  return a.start < b.start;
}

struct EdgeDraft {
  EdgeContribution contrib;
  std::map<std::string, int> cameos;
  bool has_evidence = false;
};

void AddEvent(const EventRecord& ev, EdgeDraft* d) {
  EdgeContribution& c = d->contrib;
  ++c.mentions;
  std::string date = NormalizeDate(ev.date);
  if (!date.empty()) c.dates.push_back(std::move(date));
  c.goldstein_sum += Finite(ev.goldstein);
  ++d->cameos[ValidUtf8(ev.cameo)];
  EvidenceRef e{ValidUtf8(ev.evidence.sentence), ev.evidence.start, ev.evidence.end,
                Finite(ev.confidence)};
  if (!d->has_evidence || BetterInDocument(e, c.evidence)) c.evidence = std::move(e);
  d->has_evidence = true;
}

DocumentEntry EntryFromRecord(const ExtractionRecord& record) {
  DocumentEntry doc;
  doc.id = ValidUtf8(record.doc.id);
  doc.title = ValidUtf8(record.doc.title);
  doc.date = ValidUtf8(record.doc.date);
  doc.url = ValidUtf8(record.doc.url);
  doc.source = ValidUtf8(record.doc.source);
  doc.fingerprint = Fnv1a64Hex(RecordToJsonLine(record));
  return doc;
}

}  // namespace

DocContribution ContributionFromRecord(const ExtractionRecord& record) {
  DocContribution out;
  out.doc = EntryFromRecord(record);
  for (const EntityRecord& e : record.entities) {
    if (e.id.empty()) continue;
    AddEntity(e, &out.nodes[ValidUtf8(e.id)]);
  }
  std::map<EdgeKey, EdgeDraft> drafts;
  for (const EventRecord& ev : record.events) {
    if (!ev.modality.empty()) {
      ++out.doc.modal_events;
      continue;
    }
    EdgeKey key{ValidUtf8(ev.source), ValidUtf8(ev.target), ValidUtf8(ev.type)};
    if (key.type.empty() || !out.nodes.contains(key.source) || !out.nodes.contains(key.target)) {
      ++out.doc.skipped_events;
      continue;
    }
    AddEvent(ev, &drafts[graph_internal::CanonicalEdgeKey(std::move(key))]);
  }
  for (auto& [key, draft] : drafts) {
    EdgeContribution& c = draft.contrib;
    SortUnique(&c.dates);
    c.cameo = graph_internal::MostCommon(draft.cameos);
    out.edges.emplace(key, std::move(c));
  }
  return out;
}

}  // namespace diplograph
