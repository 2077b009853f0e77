// event/record.h: the extraction record, the plain data `extract` writes
// (one JSON object a document, schemas/extraction.schema.json) and `build`
// and `merge` read back. Also the table of event types.
//
// Records are plain values: no references into other stages' data.
#ifndef DIPLOGRAPH_EVENT_RECORD_H_
#define DIPLOGRAPH_EVENT_RECORD_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "diplograph/core/diagnostics.h"

namespace diplograph {

struct MentionSpan {
  uint32_t start = 0;  // byte offsets into the document text
  uint32_t end = 0;
  std::string text;
  std::string field;  // "" for the body, "title" for the title
};

struct EntityRecord {
  std::string id;    // stable across documents (the merge key)
  std::string type;  // person, country, organization, group, event, location
  std::string name;
  std::vector<std::string> aliases;  // other names seen or known, sorted
  std::string country;               // ISO 3166-1 alpha-3, or ""
  std::string cameo;                 // CAMEO actor code, or ""
  std::vector<std::string> roles;    // titles held, for people
  std::vector<MentionSpan> mentions;
};

struct Evidence {
  std::string sentence;
  uint32_t start = 0;  // byte offsets of the sentence
  uint32_t end = 0;
  std::string field;  // "" for the body, "title" for the title
};

struct EventRecord {
  std::string type;    // met_with, accused, ... (see EventTypes())
  std::string source;  // entity ids
  std::string target;
  std::string date;    // "YYYY[-MM[-DD]]" or ""
  std::string cameo;   // CAMEO event code
  double goldstein = 0.0;
  std::string plover;  // PLOVER category
  double confidence = 0.0;
  std::string modality;  // "" when asserted; "negated", "hypothetical", ... otherwise
  Evidence evidence;
};

struct DocInfo {
  std::string id, title, date, url, source;
};

struct ExtractionRecord {
  DocInfo doc;
  std::vector<EntityRecord> entities;  // sorted by id
  std::vector<EventRecord> events;     // in text order
};

// One line of JSON (no trailing newline), keys in a fixed order.
std::string RecordToJsonLine(const ExtractionRecord& record);
nlohmann::ordered_json RecordToJson(const ExtractionRecord& record);

// True if `value` looks like an extraction record ({"doc": {...}, "entities": ...}).
bool IsExtractionRecord(const nlohmann::json& value);

// Reads a record back. Reports wrong or missing fields at path:line.
std::optional<ExtractionRecord> RecordFromJson(const nlohmann::json& value,
                                               std::string_view path, int line,
                                               Diagnostics* diags);

struct EventTypeInfo {
  std::string_view name;
  std::string_view cameo;   // default CAMEO code
  double goldstein;         // Goldstein value of the default code
  std::string_view plover;  // PLOVER category
  bool symmetric;           // A->B implies B->A (met_with)
  std::string_view family;  // "cooperation", "diplomacy", "pressure", "conflict"
};

// The event types of the guidelines, in a fixed order.
const std::vector<EventTypeInfo>& EventTypes();
// nullptr for an unknown type.
const EventTypeInfo* FindEventType(std::string_view name);

}  // namespace diplograph

#endif  // DIPLOGRAPH_EVENT_RECORD_H_
