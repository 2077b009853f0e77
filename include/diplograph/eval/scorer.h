// eval/scorer.h: scores extraction records against a gold file, exactly as
// the official scorer ../shared/eval/score.py does, and breaks the result
// down by event type and document.
//
// WHAT IT IS: plain data in (GoldDoc, SystemDoc: what score.py reads from
// the gold file and the system's extraction records) and plain data out
// (Score). The rules, from score.py:
//   - a system entity maps to the gold entity whose names contain its
//     normalised `name` (NormalizeName) when exactly one gold key has it;
//     else to the one key its `aliases` point to, if they point to exactly
//     one; else to nothing;
//   - an event is (type, source, target) with the ends mapped to gold keys
//     (unmapped ends stay distinct as "?" + system id); met_with is
//     symmetric (ends ordered); only the types of ScoredEventTypes() count;
//   - events and gold events are sets per document (duplicates count once);
//     events equal to an optional gold event are neither right nor wrong;
//   - entity recall counts the non-optional gold keys that some system entity
//     maps to;
//   - documents without gold are ignored; gold documents without output
//     count their gold events as missed.
// THREADS: pure functions over values; thread-safe.
#ifndef DIPLOGRAPH_EVAL_SCORER_H_
#define DIPLOGRAPH_EVAL_SCORER_H_

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "diplograph/core/diagnostics.h"
#include "diplograph/event/record.h"

namespace diplograph::eval {

struct GoldEntity {
  std::string key;
  std::vector<std::string> names;
  bool optional = false;
};

struct GoldEvent {
  std::string type, source, target;  // source and target are gold keys
  bool optional = false;
  std::string evidence;  // the annotator's evidence text, or ""
};

struct GoldDoc {
  std::string id;
  std::vector<GoldEntity> entities;
  std::vector<GoldEvent> events;
};

struct SystemEntity {
  std::string id, name;
  std::vector<std::string> aliases;
};

struct SystemEvent {
  std::string type, source, target;  // source and target are system entity ids
  std::string evidence;              // the evidence sentence, or ""
};

struct SystemDoc {
  std::string id;
  std::vector<SystemEntity> entities;
  std::vector<SystemEvent> events;
};

// The event types the scorer counts, in the order of the guidelines.
const std::vector<std::string>& ScoredEventTypes();
bool IsScoredEventType(std::string_view type);

// One scored event. For unmapped ends, source/target is "?" + the system id.
struct Triple {
  std::string type, source, target;
  auto operator<=>(const Triple&) const = default;
};

// An event found on one side only, with the evidence that goes with it (the
// gold evidence for a missed event, the system's sentence for a spurious one).
struct EventError {
  std::string doc;
  Triple event;
  std::string evidence;
};

struct Counts {
  int tp = 0, fp = 0, fn = 0;
  int gold() const { return tp + fn; }
  int system() const { return tp + fp; }
  // 0.0 when the denominator is 0, as in score.py.
  double precision() const;
  double recall() const;
  double f1() const;
  Counts& operator+=(const Counts& o);
};

struct DocScore {
  std::string doc;
  bool has_output = false;
  Counts events;
  int ent_tp = 0, ent_gold = 0;
  std::map<std::string, Counts> by_type;  // only types with a count
  std::vector<EventError> missed;         // sorted by event
  std::vector<EventError> spurious;       // sorted by event
};

struct Score {
  int docs = 0, docs_with_output = 0;
  Counts events;
  int ent_tp = 0, ent_gold = 0;
  std::map<std::string, Counts> by_type;  // every scored type
  std::vector<DocScore> per_doc;          // in gold order
  double entity_recall() const;
};

// system entity id -> gold key, or "" when it maps to none.
std::unordered_map<std::string, std::string> MapEntities(const GoldDoc& gold,
                                                         const SystemDoc& system);

// Scores one document; `system` is nullptr when the system has no record for it.
DocScore ScoreDocument(const GoldDoc& gold, const SystemDoc* system);

// Scores every gold document against the system document with its id.
// Where an id occurs twice in a file, the later record counts (as in score.py).
Score ScoreCorpus(const std::vector<GoldDoc>& gold, const std::vector<SystemDoc>& system);

// 2 p r / (p + r), or 0.0 when p + r is 0.
double F1(double precision, double recall);
// Python's round(x, digits): the decimal nearest to the double's exact value,
// ties to even, as a double. score.py's JSON numbers are round(x, 4).
double RoundLikePython(double x, int digits);

// --- Reading -----------------------------------------------------------------

// The document id of a record in either file: record["doc"]["id"] if there
// is a "doc", else record["id"], as Python's str() would print it.
// Returns nullopt (with an error at path:line) when neither is there.
std::optional<std::string> RecordDocId(const nlohmann::json& record, std::string_view path,
                                       int line, Diagnostics* diags);

// Reads one gold line (the format in ../shared/eval/GUIDELINES.md). Missing
// keys that score.py requires ("key", "names", an event's "type", "source",
// "target") and wrongly typed values are reported at path:line; returns
// nullopt iff it reported an error.
std::optional<GoldDoc> GoldDocFromJson(const nlohmann::json& record, std::string_view path,
                                       int line, Diagnostics* diags);

// Reads one extraction record as leniently as score.py: entities need an
// "id"; a missing name is "", missing aliases none; events with a missing
// or unscored type are kept (and ignored when scoring). Returns nullopt iff
// it reported an error.
std::optional<SystemDoc> SystemDocFromJson(const nlohmann::json& record, std::string_view path,
                                           int line, Diagnostics* diags);

// The scorer's view of a record already read by event/record.h.
SystemDoc SystemDocFromRecord(const ExtractionRecord& record);

}  // namespace diplograph::eval

#endif  // DIPLOGRAPH_EVAL_SCORER_H_
