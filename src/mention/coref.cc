#include <algorithm>

#include "mention/doc_state.h"

namespace diplograph {

namespace {

// The role a dictionary person held on `date`, most recent first.
const RoleSpell* RoleOn(const DictActor& a, std::string_view date) {
  const RoleSpell* best = nullptr;
  for (const RoleSpell& r : a.roles) {
    bool started = r.start.empty() || date.empty() || r.start <= date;
    bool not_ended = r.end.empty() || date.empty() || date <= r.end;
    if (started && not_ended && (best == nullptr || r.start > best->start)) best = &r;
  }
  return best;
}

}  // namespace

int DocState::DictEntity(int index) {
  const DictActor& a = dict_.actors()[static_cast<size_t>(index)];
  std::string key = "d:" + a.id;
  auto it = by_key_.find(key);
  if (it != by_key_.end()) return it->second;
  Entity e;
  e.id = a.id;
  e.name = a.name;
  e.kind = a.kind;
  e.country = a.country;
  e.cameo = a.cameo;
  e.gender = a.gender;
  e.dict = index;
  e.media = a.media;
  e.state_body = a.kind == ActorKind::kOrganization && !a.parent.empty() && !a.country.empty();
  e.parent = a.parent;
  if (a.kind == ActorKind::kPerson) {
    if (const RoleSpell* r = RoleOn(a, date_)) {
      if (!r->cameo.empty()) e.cameo = r->cameo;
      if (!r->country.empty()) e.country = r->country;
      e.roles.push_back(r->title);
    }
  }
  int id = static_cast<int>(entities_.size());
  entities_.push_back(std::move(e));
  by_key_[key] = id;
  return id;
}

int DocState::KeyedEntity(const std::string& key, const Entity& proto) {
  auto it = by_key_.find(key);
  if (it != by_key_.end()) return it->second;
  int id = static_cast<int>(entities_.size());
  entities_.push_back(proto);
  by_key_[key] = id;
  return id;
}

namespace {

// Whether `name` has two words or more, the first or the last of them `token`.
bool FirstOrLastName(std::string_view name, std::string_view token) {
  size_t first_space = name.find(' ');
  if (first_space == std::string_view::npos) return false;
  return name.substr(name.rfind(' ') + 1) == token || name.substr(0, first_space) == token;
}

}  // namespace

int DocState::PersonBySurname(std::string_view token) const {
  for (auto it = history_.rbegin(); it != history_.rend(); ++it) {
    const Entity& e = entities_[static_cast<size_t>(it->entity)];
    if (e.kind == ActorKind::kPerson && FirstOrLastName(e.name, token)) return it->entity;
  }
  for (size_t i = 0; i < entities_.size(); ++i) {
    const Entity& e = entities_[i];
    if (e.kind == ActorKind::kPerson && FirstOrLastName(e.name, token)) return static_cast<int>(i);
  }
  return -1;
}

void DocState::Note(int entity, int sentence, uint32_t token, bool subject,
                    std::string_view surface) {
  history_.push_back({entity, sentence, token, subject});
  Entity& e = entities_[static_cast<size_t>(entity)];
  ++e.mention_count;
  if (!surface.empty() &&
      std::find(e.aliases.begin(), e.aliases.end(), surface) == e.aliases.end()) {
    e.aliases.emplace_back(surface);
  }
}

std::vector<int> DocState::TopCountries(size_t n) const {
  std::vector<std::pair<int, int>> counts;  // (-count, first position) per country entity
  std::unordered_map<int, size_t> slot;
  for (size_t h = 0; h < history_.size(); ++h) {
    int e = history_[h].entity;
    if (entities_[static_cast<size_t>(e)].kind != ActorKind::kCountry) continue;
    auto it = slot.find(e);
    if (it == slot.end()) {
      slot[e] = counts.size();
      counts.push_back({0, e});
      it = slot.find(e);
    }
    counts[it->second].first -= 1;
  }
  std::stable_sort(counts.begin(), counts.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<int> out;
  for (size_t i = 0; i < counts.size() && i < n; ++i) out.push_back(counts[i].second);
  return out;
}

}  // namespace diplograph
