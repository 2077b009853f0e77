#include "diplograph/mention/dictionary.h"

#include <nlohmann/json.hpp>

#include "diplograph/core/json_dom.h"
#include "diplograph/core/strings.h"

using namespace std::string_view_literals;

namespace diplograph {

std::string_view ActorKindName(ActorKind kind) {
  switch (kind) {
    case ActorKind::kPerson: return "person";
    case ActorKind::kCountry: return "country";
    case ActorKind::kOrganization: return "organization";
    case ActorKind::kGroup: return "group";
    case ActorKind::kEvent: return "event";
    case ActorKind::kLocation: return "location";
  }
  return "organization";
}

namespace {

using json = nlohmann::json;

// Reads the fields of one entry. Objects are read as nlohmann reads them: of
// a repeated key, the last.
class EntryReader {
 public:
  EntryReader(std::string_view file, int index, Diagnostics* diags)
      : file_(file), index_(index), diags_(diags) {}

  std::string Str(const JsonValue& obj, const char* key, bool required = false) {
    const JsonValue* v = obj.Find(key);
    if (v == nullptr || v->is_null()) {
      if (required) Fail(std::string("missing \"") + key + "\"");
      return "";
    }
    if (!v->is_string()) {
      Fail(std::string("\"") + key + "\" must be a string");
      return "";
    }
    return std::string(v->str());
  }

  std::vector<std::string> List(const JsonValue& obj, const char* key) {
    std::vector<std::string> out;
    const JsonValue* v = obj.Find(key);
    if (v == nullptr || v->is_null()) return out;
    if (!v->is_array()) {
      Fail(std::string("\"") + key + "\" must be an array of strings");
      return out;
    }
    for (const JsonValue& item : v->items()) {
      if (item.is_string()) out.emplace_back(item.str());
      else Fail(std::string("\"") + key + "\" must be an array of strings");
    }
    return out;
  }

  void Fail(const std::string& msg) {
    if (ok_) {
      diags_->Error(file_, 0, 0, "entry " + std::to_string(index_ + 1) + ": " + msg);
    }
    ok_ = false;
  }
  bool ok() const { return ok_; }

 private:
  std::string_view file_;
  int index_;
  Diagnostics* diags_;
  bool ok_ = true;
};

// Reports why `content` is no JSON, in nlohmann's words and positions, as
// the dictionaries have always been reported. `parser` has failed on it;
// the rare JSON it refuses that nlohmann takes (nested over
// JsonParser::kMaxDepth) is reported at the parser's error.
void ReportMalformed(std::string_view name, std::string_view content, const JsonParser& parser,
                     Diagnostics* diags) {
  size_t at = parser.error_offset();
  try {
    json accepted = json::parse(content.begin(), content.end());  // only its error counts
  } catch (const json::parse_error& e) {
    at = e.byte > 0 ? e.byte - 1 : 0;
  } catch (const json::out_of_range&) {  // a number such as 1e999
    diags->Error(name, 0, 0, "malformed JSON in dictionary: number out of range");
    return;
  }
  int line = 0, col = 0;
  LineColAt(content, at, &line, &col);
  diags->Error(name, line, col, "malformed JSON in dictionary");
}

// The array `array_key` of the dictionary file, parsed into `arena` (the
// arena parser: dictionaries load at every start, and nlohmann's tree of
// separately allocated values took most of that time), or nullptr.
const JsonValue* ParseFile(std::string_view name, std::string_view content, const char* array_key,
                           JsonArena* arena, Diagnostics* diags) {
  JsonParser parser(content);
  const JsonValue* doc = parser.ParseValue(arena);
  if (doc == nullptr || !parser.End()) {
    ReportMalformed(name, content, parser, diags);
    return nullptr;
  }
  const JsonValue* items = doc->is_object() ? doc->Find(array_key) : nullptr;
  if (items == nullptr || !items->is_array()) {
    diags->Error(name, 1, 1, std::string("expected an object with a \"") + array_key +
                                 "\" array");
    return nullptr;
  }
  return items;
}

ActorKind KindFromString(const std::string& s, ActorKind fallback) {
  if (s == "person"sv) return ActorKind::kPerson;
  if (s == "country"sv) return ActorKind::kCountry;
  if (s == "organization"sv) return ActorKind::kOrganization;
  if (s == "group"sv) return ActorKind::kGroup;
  if (s == "event"sv) return ActorKind::kEvent;
  if (s == "location"sv) return ActorKind::kLocation;
  return fallback;
}

std::string FileKind(std::string_view name) {
  std::string base(name);
  size_t slash = base.find_last_of('/');
  if (slash != std::string::npos) base = base.substr(slash + 1);
  for (const char* k : {"countries", "organizations", "media", "organs", "titles", "people"}) {
    if (StartsWith(base, k)) return k;
  }
  return "";
}

}  // namespace

void Dictionary::Upsert(DictActor actor) {
  auto it = by_id_.find(actor.id);
  if (it != by_id_.end()) {
    actors_[static_cast<size_t>(it->second)] = std::move(actor);
    return;
  }
  by_id_[actor.id] = static_cast<int>(actors_.size());
  actors_.push_back(std::move(actor));
}

bool Dictionary::AddFile(std::string_view name, std::string_view content, Diagnostics* diags) {
  std::string kind = FileKind(name);
  if (kind.empty()) {
    diags->Error(name, 0, 0, "unknown dictionary file (expected countries, organizations, "
                             "media, organs, titles or people *.json)");
    return false;
  }
  JsonArena arena;
  const JsonValue* items = ParseFile(name, content, kind.c_str(), &arena, diags);
  if (items == nullptr) return false;
  bool all_ok = true;
  for (size_t i = 0; i < items->size(); ++i) {
    const JsonValue& obj = items->items()[i];
    EntryReader r(name, static_cast<int>(i), diags);
    if (!obj.is_object()) {
      r.Fail("must be an object");
      all_ok = false;
      continue;
    }
    if (kind == "titles"sv) {
      TitleInfo t{r.Str(obj, "title", true), r.Str(obj, "role"), r.Str(obj, "sector"),
                  r.Str(obj, "country"), false};
      t.honorific = t.role == "honorific"sv;
      if (r.ok()) titles_.push_back(std::move(t));
    } else if (kind == "organs"sv) {
      OrganInfo o{r.Str(obj, "key", true), r.Str(obj, "name", true), r.Str(obj, "sector")};
      std::vector<std::string> aliases = r.List(obj, "aliases");
      if (r.ok()) {
        // Organ aliases are stored as extra organs sharing the key.
        organs_.push_back(o);
        for (const std::string& a : aliases) organs_.push_back({o.key, a, o.sector});
      }
    } else {
      DictActor a;
      a.id = r.Str(obj, "id", true);
      a.name = r.Str(obj, "name", true);
      a.aliases = r.List(obj, "aliases");
      a.cameo = r.Str(obj, "cameo");
      if (kind == "countries"sv) {
        a.kind = ActorKind::kCountry;
        a.country = r.Str(obj, "iso3", true);
        for (const auto& n : r.List(obj, "long_names")) a.aliases.push_back(n);
        a.adjectives = r.List(obj, "adjectives");
        // Capitals, seats and peoples are stored as tagged aliases.
        for (const auto& c : r.List(obj, "capitals")) a.aliases.push_back("@capital:" + c);
        for (const auto& c : r.List(obj, "seats")) a.aliases.push_back("@seat:" + c);
        for (const auto& c : r.List(obj, "people")) a.aliases.push_back("@people:" + c);
      } else if (kind == "people"sv) {
        a.kind = ActorKind::kPerson;
        a.country = r.Str(obj, "country");
        a.gender = r.Str(obj, "gender");
        const JsonValue* roles = obj.Find("roles");
        if (roles != nullptr && roles->is_array()) {
          for (const JsonValue& ro : roles->items()) {
            if (!ro.is_object()) continue;
            RoleSpell s{r.Str(ro, "title"), r.Str(ro, "role"), r.Str(ro, "country"),
                        r.Str(ro, "org"), r.Str(ro, "cameo"), r.Str(ro, "start"),
                        r.Str(ro, "end")};
            a.roles.push_back(std::move(s));
          }
        }
        if (a.cameo.empty() && !a.roles.empty()) a.cameo = a.roles.back().cameo;
      } else {
        a.kind = KindFromString(r.Str(obj, "type"), ActorKind::kOrganization);
        a.country = r.Str(obj, "country");
        a.parent = r.Str(obj, "parent");
        a.organ = r.Str(obj, "organ");
        a.media = kind == "media"sv;
      }
      if (r.ok()) Upsert(std::move(a));
    }
    all_ok = all_ok && r.ok();
  }
  return all_ok;
}

int Dictionary::ActorIndex(std::string_view id) const {
  auto it = by_id_.find(std::string(id));
  return it == by_id_.end() ? -1 : it->second;
}

int Dictionary::CountryIndex(std::string_view iso3) const {
  auto it = by_iso_.find(std::string(iso3));
  return it == by_iso_.end() ? -1 : it->second;
}

int Dictionary::NationalOrgan(std::string_view iso3, std::string_view organ_key) const {
  auto it = national_organs_.find(std::string(iso3) + "/" + std::string(organ_key));
  return it == national_organs_.end() ? -1 : it->second;
}

int Dictionary::OfficeHolder(std::string_view role, std::string_view country,
                             std::string_view date) const {
  int best = -1;
  std::string best_start;
  for (uint32_t i : role_holders_) {
    const DictActor& a = actors_[i];
    for (const RoleSpell& s : a.roles) {
      if (s.role != role || (s.country != country && s.org != country)) continue;
      bool started = s.start.empty() || date.empty() || s.start <= date;
      bool not_ended = s.end.empty() || date.empty() || date <= s.end;
      if (started && not_ended && (best < 0 || s.start > best_start)) {
        best = static_cast<int>(i);
        best_start = s.start;
      }
    }
  }
  return best;
}

std::string Dictionary::CountryAdjective(int country_index) const {
  const DictActor& c = actors_[static_cast<size_t>(country_index)];
  return c.adjectives.empty() ? c.name : c.adjectives.front();
}

}  // namespace diplograph
