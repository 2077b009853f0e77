// Converting CAMEO .actors entries to diplograph dictionary JSON; see
// import/cameo_actors.h.
#include <algorithm>
#include <unordered_map>

#include "diplograph/core/strings.h"
#include "diplograph/import/cameo_actors.h"

namespace diplograph {

namespace {

using ojson = nlohmann::ordered_json;

// CAMEO sector codes and the title a person with that code holds.
struct SectorTitle {
  std::string_view code, title;
};
constexpr SectorTitle kSectorTitles[] = {
    {"AGR", "Agriculture official"},
    {"BUS", "Business person"},
    {"COP", "Police officer"},
    {"CRM", "Criminal"},
    {"CVL", "Civilian"},
    {"DEV", "Development official"},
    {"EDU", "Educator"},
    {"ELI", "Elite"},
    {"ENV", "Environmental official"},
    {"GOV", "Government official"},
    {"HLH", "Health official"},
    {"HRI", "Human rights official"},
    {"IGO", "International organisation official"},
    {"INS", "Insurgent"},
    {"JUD", "Judge"},
    {"LAB", "Labour official"},
    {"LEG", "Legislator"},
    {"MED", "Media"},
    {"MIL", "Military officer"},
    {"MNC", "Company executive"},
    {"NGO", "NGO official"},
    {"OPP", "Opposition figure"},
    {"PTY", "Party official"},
    {"RAD", "Radical"},
    {"REB", "Rebel"},
    {"REF", "Refugee"},
    {"REL", "Religious figure"},
    {"SEP", "Separatist"},
    {"SPY", "Intelligence officer"},
    {"UAF", "Armed group member"},
};

struct Entry {
  std::string id, name;
  std::vector<std::string> aliases;
  std::vector<CameoCode> codes;
  std::string path;
  int line = 0;
};

// Entries with the same id merged, in order of first appearance.
std::vector<Entry> Merge(const std::vector<CameoActor>& actors, Diagnostics* diags) {
  std::vector<Entry> out;
  std::unordered_map<std::string, size_t> index;
  for (const CameoActor& a : actors) {
    std::string id = Slugify(a.name);
    if (id.empty()) {
      diags->Warning(a.path, a.line, 0, "no id can be made from '" + a.name + "'; skipped");
      continue;
    }
    auto [it, added] = index.emplace(id, out.size());
    if (added) out.push_back({id, a.name, {}, {}, a.path, a.line});
    Entry& e = out[it->second];
    for (const std::string& alias : a.aliases) {
      if (alias != e.name &&
          std::find(e.aliases.begin(), e.aliases.end(), alias) == e.aliases.end()) {
        e.aliases.push_back(alias);
      }
    }
    for (const CameoCode& c : a.codes) {
      bool dup = std::any_of(e.codes.begin(), e.codes.end(), [&](const CameoCode& o) {
        return o.code == c.code && o.start == c.start && o.end == c.end && o.dated == c.dated;
      });
      if (!dup) e.codes.push_back(c);
    }
  }
  return out;
}

std::string CountryOf(const CameoImportOptions& o, std::string_view code) {
  auto it = o.countries.find(std::string(code.substr(0, 3)));
  return it == o.countries.end() ? "" : it->second;
}

// The organisation of the longest known prefix of `code` ("IGOUNOKID" -> "IGOUNO").
std::string OrganizationOf(const CameoImportOptions& o, std::string_view code) {
  for (size_t n = code.size(); n >= 3; n -= 3) {
    auto it = o.organizations.find(std::string(code.substr(0, n)));
    if (it != o.organizations.end()) return it->second;
  }
  return "";
}

std::string TitleOf(std::string_view sectors) {
  if (sectors.empty()) return "Citizen";
  for (const SectorTitle& s : kSectorTitles) {
    if (sectors.substr(0, 3) == s.code) return std::string(s.title);
  }
  return "CAMEO " + std::string(sectors);
}

ojson DateOrNull(const std::string& date) { return date.empty() ? ojson(nullptr) : ojson(date); }

ojson RoleJson(const CameoCode& c, const CameoImportOptions& o) {
  std::string country = CountryOf(o, c.code);
  std::string_view sectors = std::string_view(c.code).substr(country.empty() ? 0 : 3);
  ojson r;
  r["title"] = TitleOf(sectors);
  r["role"] = "cameo-" + (sectors.empty() ? std::string("citizen") : AsciiLower(sectors));
  r["country"] = country.empty() ? ojson(nullptr) : ojson(country);
  std::string org = country.empty() ? OrganizationOf(o, c.code) : "";
  if (!org.empty()) r["org"] = org;
  r["cameo"] = c.code;
  r["start"] = DateOrNull(c.start);
  r["end"] = DateOrNull(c.end);
  return r;
}

ojson PersonJson(const Entry& e, const CameoImportOptions& o) {
  ojson roles = ojson::array();
  std::string country;
  for (bool dated : {true, false}) {
    for (const CameoCode& c : e.codes) {
      if (c.dated == dated) roles.push_back(RoleJson(c, o));
    }
  }
  for (const CameoCode& c : e.codes) {
    if (country.empty()) country = CountryOf(o, c.code);
  }
  ojson j;
  j["id"] = e.id;
  j["name"] = e.name;
  j["aliases"] = e.aliases;
  j["country"] = country.empty() ? ojson(nullptr) : ojson(country);
  j["roles"] = roles;
  return j;
}

// The undated code, else the one that starts last.
const CameoCode& MainCode(const Entry& e) {
  const CameoCode* best = &e.codes.front();
  for (const CameoCode& c : e.codes) {
    if (!c.dated) return c;
    if (c.start > best->start) best = &c;
  }
  return *best;
}

ojson OrganizationJson(const Entry& e, const CameoImportOptions& o) {
  const CameoCode& main = MainCode(e);
  std::string country = CountryOf(o, main.code);
  ojson j;
  j["id"] = e.id;
  j["name"] = e.name;
  j["type"] = "organization";
  j["cameo"] = main.code;
  j["country"] = country.empty() ? ojson(nullptr) : ojson(country);
  j["parent"] = nullptr;
  j["aliases"] = e.aliases;
  return j;
}

// Reports `count` skipped entries in one warning, naming the first.
void ReportSkipped(int count, const Entry* first, const char* entry, const char* entries,
                   const std::string& why, Diagnostics* diags) {
  if (count == 0) return;
  diags->Warning(first->path, first->line, 0,
                 "skipped " + std::to_string(count) + " " + (count == 1 ? entry : entries) + why +
                     "; the first: '" + first->name + "'");
}

}  // namespace

ojson CameoActorsToDictionary(const std::vector<CameoActor>& actors,
                              const CameoImportOptions& options, Diagnostics* diags) {
  bool people = options.kind == ImportKind::kPeople;
  ojson items = ojson::array();
  int no_code = 0, country_only = 0;
  const Entry *first_no_code = nullptr, *first_country = nullptr;
  std::vector<Entry> entries = Merge(actors, diags);
  for (const Entry& e : entries) {
    if (e.codes.empty()) {
      if (no_code++ == 0) first_no_code = &e;
      continue;
    }
    bool only_country = std::all_of(e.codes.begin(), e.codes.end(), [&](const CameoCode& c) {
      return c.code.size() == 3 && !CountryOf(options, c.code).empty();
    });
    if (only_country) {
      if (country_only++ == 0) first_country = &e;
      continue;
    }
    items.push_back(people ? PersonJson(e, options) : OrganizationJson(e, options));
  }
  auto report_no_code = [&] {
    ReportSkipped(no_code, first_no_code, "entry", "entries", " without a CAMEO code", diags);
  };
  bool no_code_first = first_no_code && (!first_country || first_no_code < first_country);
  if (no_code_first) report_no_code();
  ReportSkipped(country_only, first_country, "country entry", "country entries",
                " with only a country code (countries come from countries.json)", diags);
  if (!no_code_first) report_no_code();
  ojson out;
  out["version"] = 1;
  out[people ? "people" : "organizations"] = items;
  return out;
}

}  // namespace diplograph
