// Scoring as in ../shared/eval/score.py; see eval/scorer.h.
#include "diplograph/eval/scorer.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <iterator>
#include <set>
#include <unordered_set>

#include "diplograph/eval/normalize.h"

namespace diplograph::eval {

namespace {

using TripleSet = std::set<Triple>;

bool IsSymmetric(std::string_view type) { return type == "met_with"; }

Triple MakeTriple(const std::string& type, std::string source, std::string target) {
  if (IsSymmetric(type) && target < source) std::swap(source, target);
  return {type, std::move(source), std::move(target)};
}

// The keys whose names include each normalised name.
std::unordered_map<std::string, std::set<std::string>> NameIndex(const GoldDoc& gold) {
  std::unordered_map<std::string, std::set<std::string>> names;
  for (const GoldEntity& g : gold.entities) {
    for (const std::string& n : g.names) names[NormalizeName(n)].insert(g.key);
  }
  return names;
}

// The gold end of a system event: its mapped key, else "?" + its id.
std::string GoldEnd(const std::unordered_map<std::string, std::string>& mapping,
                    const std::string& id) {
  auto it = mapping.find(id);
  return it != mapping.end() && !it->second.empty() ? it->second : "?" + id;
}

// The first evidence given for each triple.
template <typename Event, typename TripleOf>
std::map<Triple, std::string> FirstEvidence(const std::vector<Event>& events, TripleOf triple_of) {
  std::map<Triple, std::string> out;
  for (const Event& e : events) {
    if (auto t = triple_of(e)) out.emplace(std::move(*t), e.evidence);
  }
  return out;
}

std::vector<EventError> Errors(const std::string& doc, const TripleSet& events,
                               const std::map<Triple, std::string>& evidence) {
  std::vector<EventError> out;
  for (const Triple& t : events) {
    auto it = evidence.find(t);
    out.push_back({doc, t, it == evidence.end() ? "" : it->second});
  }
  return out;
}

void EntityCounts(const GoldDoc& gold, const std::unordered_map<std::string, std::string>& mapping,
                  DocScore* out) {
  std::set<std::string> want;
  for (const GoldEntity& g : gold.entities) {
    if (!g.optional) want.insert(g.key);
  }
  std::set<std::string> got;
  for (const auto& [id, key] : mapping) {
    if (!key.empty()) got.insert(key);
  }
  out->ent_gold = static_cast<int>(want.size());
  for (const std::string& k : got) out->ent_tp += want.count(k) ? 1 : 0;
}

}  // namespace

const std::vector<std::string>& ScoredEventTypes() {
  static const std::vector<std::string> kTypes = {
      "met_with",   "visited",   "participated_in", "intends_to_cooperate",
      "agreed",     "praised",   "criticized",      "accused",
      "threatened", "indicted",  "arrested",        "sanctioned",
      "expelled",   "suspended", "attacked"};
  return kTypes;
}

bool IsScoredEventType(std::string_view type) {
  const auto& types = ScoredEventTypes();
  return std::find(types.begin(), types.end(), type) != types.end();
}

double Counts::precision() const { return system() ? static_cast<double>(tp) / system() : 0.0; }
double Counts::recall() const { return gold() ? static_cast<double>(tp) / gold() : 0.0; }
double Counts::f1() const { return F1(precision(), recall()); }

Counts& Counts::operator+=(const Counts& o) {
  tp += o.tp;
  fp += o.fp;
  fn += o.fn;
  return *this;
}

double Score::entity_recall() const {
  return ent_gold ? static_cast<double>(ent_tp) / ent_gold : 0.0;
}

double F1(double precision, double recall) {
  // Evaluated in score.py's order so that the last bit agrees.
  return precision + recall != 0.0 ? 2 * precision * recall / (precision + recall) : 0.0;
}

double RoundLikePython(double x, int digits) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", digits, x);  // correctly rounded, ties to even
  return std::strtod(buf, nullptr);
}

std::unordered_map<std::string, std::string> MapEntities(const GoldDoc& gold,
                                                         const SystemDoc& system) {
  const auto names = NameIndex(gold);
  static const std::set<std::string> kNone;
  auto keys_of = [&](const std::string& name) -> const std::set<std::string>& {
    auto it = names.find(NormalizeName(name));
    return it == names.end() ? kNone : it->second;
  };
  std::unordered_map<std::string, std::string> mapping;
  for (const SystemEntity& e : system.entities) {
    std::set<std::string> hit = keys_of(e.name);
    if (hit.size() != 1) {
      std::set<std::string> alias_hits;
      for (const std::string& a : e.aliases) {
        const auto& k = keys_of(a);
        alias_hits.insert(k.begin(), k.end());
      }
      if (alias_hits.size() == 1) hit = std::move(alias_hits);
    }
    mapping[e.id] = hit.size() == 1 ? *hit.begin() : "";
  }
  return mapping;
}

DocScore ScoreDocument(const GoldDoc& gold, const SystemDoc* system) {
  DocScore out;
  out.doc = gold.id;
  out.has_output = system != nullptr;
  std::unordered_map<std::string, std::string> mapping;
  if (system) mapping = MapEntities(gold, *system);

  auto gold_triple = [](bool optional) {
    return [optional](const GoldEvent& e) -> std::optional<Triple> {
      if (!IsScoredEventType(e.type) || e.optional != optional) return std::nullopt;
      return MakeTriple(e.type, e.source, e.target);
    };
  };
  auto system_triple = [&](const SystemEvent& e) -> std::optional<Triple> {
    if (!IsScoredEventType(e.type)) return std::nullopt;
    return MakeTriple(e.type, GoldEnd(mapping, e.source), GoldEnd(mapping, e.target));
  };
  const std::map<Triple, std::string> want_evidence =
      FirstEvidence(gold.events, gold_triple(false));
  const std::map<Triple, std::string> maybe = FirstEvidence(gold.events, gold_triple(true));
  const std::map<Triple, std::string> got_evidence =
      system ? FirstEvidence(system->events, system_triple) : std::map<Triple, std::string>();

  TripleSet want, got, missed, spurious;
  for (const auto& [t, ev] : want_evidence) want.insert(t);
  for (const auto& [t, ev] : got_evidence) {
    if (!maybe.count(t)) got.insert(t);
  }
  std::set_difference(want.begin(), want.end(), got.begin(), got.end(),
                      std::inserter(missed, missed.end()));
  std::set_difference(got.begin(), got.end(), want.begin(), want.end(),
                      std::inserter(spurious, spurious.end()));
  for (const Triple& t : got) (want.count(t) ? out.by_type[t.type].tp : out.by_type[t.type].fp)++;
  for (const Triple& t : missed) out.by_type[t.type].fn++;
  for (const auto& [type, c] : out.by_type) out.events += c;

  out.missed = Errors(gold.id, missed, want_evidence);
  out.spurious = Errors(gold.id, spurious, got_evidence);
  EntityCounts(gold, mapping, &out);
  return out;
}

Score ScoreCorpus(const std::vector<GoldDoc>& gold, const std::vector<SystemDoc>& system) {
  // Like a Python dict: first position, last value.
  std::vector<const GoldDoc*> docs;
  std::unordered_map<std::string, size_t> position;
  for (const GoldDoc& g : gold) {
    auto [it, added] = position.emplace(g.id, docs.size());
    if (added) {
      docs.push_back(&g);
    } else {
      docs[it->second] = &g;
    }
  }
  std::unordered_map<std::string, const SystemDoc*> by_id;
  for (const SystemDoc& s : system) by_id[s.id] = &s;

  Score score;
  for (const std::string& type : ScoredEventTypes()) score.by_type[type] = Counts();
  for (const GoldDoc* g : docs) {
    auto it = by_id.find(g->id);
    DocScore d = ScoreDocument(*g, it == by_id.end() ? nullptr : it->second);
    score.docs++;
    score.docs_with_output += d.has_output ? 1 : 0;
    score.events += d.events;
    score.ent_tp += d.ent_tp;
    score.ent_gold += d.ent_gold;
    for (const auto& [type, c] : d.by_type) score.by_type[type] += c;
    score.per_doc.push_back(std::move(d));
  }
  return score;
}

}  // namespace diplograph::eval
