// import/cameo_actors.h: reads TABARI/PETRARCH CAMEO actor dictionaries
// (".actors" files) and converts them to diplograph's dictionary JSON
// (people*.json or organizations*.json, schemas/dict-*.schema.json).
//
// WHAT IT READS: one entry a block. The first line names the actor, "+"
// lines add synonyms, "[CODE]" or "[CODE DATES]" blocks (on the name lines
// or on their own, usually indented lines) give its CAMEO codes:
//
//   JANE_QUINCE_  [FRAGOV >160101]   # comments run from '#' or ';' to the end
//   +JANE_Q_QUINCE_                   # of the line; <!-- ... --> may span lines
//       [FRAELI 050101-151231]
//       [FRALEG <050101]
//       [FRAELI]                      # no date: applies throughout
//
// Words are joined by '_' or spaces; a trailing '_' (exact phrase) is dropped.
// Dates are YYMMDD (YY < 50 is 20YY, else 19YY) or YYYYMMDD; "<D" is up to
// D, ">D" from D on, "D1-D2" from D1 to D2, both ends included. "[---]" is
// the null code and gives no role.
//
// ERRORS: malformed lines are reported as path:line: error and skipped; the
// entries around them are still read. Conversion reports skipped entries as
// warnings.
// THREADS: pure functions over values; thread-safe.
#ifndef DIPLOGRAPH_IMPORT_CAMEO_ACTORS_H_
#define DIPLOGRAPH_IMPORT_CAMEO_ACTORS_H_

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "diplograph/core/diagnostics.h"

namespace diplograph {

struct CameoCode {
  std::string code;    // "USAGOV"
  std::string start;   // ISO date, "" = open
  std::string end;     // ISO date, "" = open
  bool dated = false;  // false for a code without a date restriction
  int line = 0;
};

struct CameoActor {
  std::string name;                  // "Barack Hussein Obama" (title case)
  std::vector<std::string> aliases;  // from the "+" lines, title case
  std::vector<CameoCode> codes;      // in file order; the null code left out
  std::string path;                  // the file it comes from
  int line = 0;                      // of the entry's first line
};

// Parses a whole .actors file; `path` goes into diagnostics and CameoActor::path.
std::vector<CameoActor> ParseCameoActors(std::string_view content, std::string_view path,
                                         Diagnostics* diags);

// "BARACK_HUSSEIN_OBAMA_" -> "Barack Hussein Obama"; "BAN_KI-MOON" ->
// "Ban Ki-Moon"; "MIGUEL_D'ESCOTO" -> "Miguel D'Escoto". Latin-1 and
// Latin Extended-A letters are cased too; other bytes are kept.
std::string PhraseToName(std::string_view phrase);

enum class ImportKind { kPeople, kOrganizations };

struct CameoImportOptions {
  ImportKind kind = ImportKind::kPeople;
  // Three-letter CAMEO country codes -> ISO 3166-1 alpha-3 ("USA" -> "USA",
  // "TMP" -> "TLS"). A code whose first three letters are not here has no
  // country (IGO..., NGO..., regions).
  std::unordered_map<std::string, std::string> countries;
  // CAMEO actor codes of known organisations -> their dictionary ids
  // ("IGOUNO" -> "united-nations"); the longest known prefix of a code
  // names the organisation of an international role.
  std::unordered_map<std::string, std::string> organizations;
};

// The dictionary file for `actors`: {"version": 1, "people": [...]} or
// {"version": 1, "organizations": [...]}. Ids are Slugify(name); entries that
// share an id are merged. Entries with no code, or only bare country codes
// ("CAMBODIA_ [KHM]", a country, not a person or organisation), are left out
// with one warning each kind, at the first such entry.
//
// People: "country" is the country of the first role that has one (null if
// none); each code gives a role {title, role, country, org?, cameo, start,
// end}, dated roles first, undated ones last, so that a dated role wins
// where it applies; an open start or end is null. No "gender" is written
// (the .actors format has none).
// Organisations: "cameo" is the undated code, else the latest-starting one.
nlohmann::ordered_json CameoActorsToDictionary(const std::vector<CameoActor>& actors,
                                               const CameoImportOptions& options,
                                               Diagnostics* diags);

}  // namespace diplograph

#endif  // DIPLOGRAPH_IMPORT_CAMEO_ACTORS_H_
