#include "diplograph/event/record.h"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <limits>
#include <unordered_map>

#include "diplograph/core/strings.h"

namespace diplograph {

namespace {

using ojson = nlohmann::ordered_json;

ojson SpanJson(const MentionSpan& m) {
  ojson j;
  j["start"] = m.start;
  j["end"] = m.end;
  j["text"] = m.text;
  if (!m.field.empty()) j["field"] = m.field;
  return j;
}

}  // namespace

ojson RecordToJson(const ExtractionRecord& r) {
  ojson doc;
  doc["id"] = r.doc.id;
  doc["title"] = r.doc.title;
  doc["date"] = r.doc.date;
  doc["url"] = r.doc.url;
  doc["source"] = r.doc.source;
  ojson entities = ojson::array();
  for (const EntityRecord& e : r.entities) {
    ojson j;
    j["id"] = e.id;
    j["type"] = e.type;
    j["name"] = e.name;
    j["aliases"] = e.aliases;
    j["country"] = e.country;
    j["cameo"] = e.cameo;
    j["roles"] = e.roles;
    ojson mentions = ojson::array();
    for (const MentionSpan& m : e.mentions) mentions.push_back(SpanJson(m));
    j["mentions"] = std::move(mentions);
    entities.push_back(std::move(j));
  }
  ojson events = ojson::array();
  for (const EventRecord& ev : r.events) {
    ojson j;
    j["type"] = ev.type;
    j["source"] = ev.source;
    j["target"] = ev.target;
    j["date"] = ev.date;
    j["cameo"] = ev.cameo;
    j["goldstein"] = ev.goldstein;
    j["plover"] = ev.plover;
    j["confidence"] = ev.confidence;
    if (!ev.modality.empty()) j["modality"] = ev.modality;
    ojson evid;
    evid["sentence"] = ev.evidence.sentence;
    evid["start"] = ev.evidence.start;
    evid["end"] = ev.evidence.end;
    if (!ev.evidence.field.empty()) evid["field"] = ev.evidence.field;
    j["evidence"] = std::move(evid);
    events.push_back(std::move(j));
  }
  ojson out;
  out["doc"] = std::move(doc);
  out["entities"] = std::move(entities);
  out["events"] = std::move(events);
  return out;
}

namespace {

// A direct writer for the hot path; its bytes equal RecordToJson(r).dump()
// with invalid UTF-8 replaced by U+FFFD (a test checks both agree).
// It writes through a cursor into the buffer `out`, growing it ahead of
// each item so that no single character pays for a capacity check; the
// bytes written are Written(), the rest of the buffer is scratch.
class LineWriter {
 public:
  explicit LineWriter(std::string* out) : out_(out) {
    p_ = out_->data();
    end_ = p_ + out_->size();
  }

  std::string_view Written() const {
    return std::string_view(out_->data(), static_cast<size_t>(p_ - out_->data()));
  }

  void Key(std::string_view k) {
    Reserve(k.size() + 4);
    if (need_comma_) *p_++ = ',';
    *p_++ = '"';
    Copy(k);
    *p_++ = '"';
    *p_++ = ':';
    need_comma_ = false;
  }
  void Open(char c) {
    Reserve(2);
    if (need_comma_) *p_++ = ',';
    *p_++ = c;
    need_comma_ = false;
  }
  void Close(char c) {
    Reserve(1);
    *p_++ = c;
    need_comma_ = true;
  }
  void Str(std::string_view s) {
    Reserve(JsonEscapedBound(s.size()) + 3);
    if (need_comma_) *p_++ = ',';
    *p_++ = '"';
    p_ = EscapeJsonTo(s, p_);
    *p_++ = '"';
    need_comma_ = true;
  }
  void UInt(uint64_t v) {
    Reserve(24);
    if (need_comma_) *p_++ = ',';
    p_ = std::to_chars(p_, end_, v).ptr;
    need_comma_ = true;
  }
  void Num(double v) {
    const std::string& text = NumberText(v);
    Reserve(text.size() + 1);
    if (need_comma_) *p_++ = ',';
    Copy(text);
    need_comma_ = true;
  }
  void StrList(const std::vector<std::string>& v) {
    Open('[');
    for (const std::string& s : v) Str(s);
    Close(']');
  }

 private:
  // Room for `n` more bytes after the cursor.
  void Reserve(size_t n) {
    if (static_cast<size_t>(end_ - p_) >= n) return;
    size_t used = static_cast<size_t>(p_ - out_->data());
    out_->resize(std::max(2 * out_->size(), used + n));
    p_ = out_->data() + used;
    end_ = out_->data() + out_->size();
  }
  void Copy(std::string_view s) {
    std::memcpy(p_, s.data(), s.size());
    p_ += s.size();
  }

  // nlohmann's spelling of a double, remembered per thread: records repeat a
  // few dozen Goldstein values and confidences, and building a json value
  // to dump each one costs more than the rest of the event.
  static const std::string& NumberText(double v) {
    thread_local std::unordered_map<uint64_t, std::string> cache;
    uint64_t bits = 0;
    std::memcpy(&bits, &v, sizeof bits);
    auto it = cache.find(bits);
    if (it != cache.end()) return it->second;
    if (cache.size() >= 4096) cache.clear();  // bounded whatever the input
    return cache.emplace(bits, nlohmann::json(v).dump()).first->second;
  }

  std::string* out_;
  char* p_;
  char* end_;
  bool need_comma_ = false;
};

void WriteSpan(LineWriter& w, uint32_t start, uint32_t end, const std::string& text,
               const std::string& field, std::string_view text_key) {
  w.Open('{');
  w.Key("start");
  w.UInt(start);
  w.Key("end");
  w.UInt(end);
  w.Key(text_key);
  w.Str(text);
  if (!field.empty()) {
    w.Key("field");
    w.Str(field);
  }
  w.Close('}');
}

}  // namespace

std::string RecordToJsonLine(const ExtractionRecord& r) {
  // A per-thread buffer that keeps its size: no record pays for allocating
  // and zeroing a fresh one; the line is then copied out once.
  thread_local std::string scratch;
  if (scratch.size() < 8192) scratch.resize(8192);
  LineWriter w(&scratch);
  w.Open('{');
  w.Key("doc");
  w.Open('{');
  w.Key("id"); w.Str(r.doc.id);
  w.Key("title"); w.Str(r.doc.title);
  w.Key("date"); w.Str(r.doc.date);
  w.Key("url"); w.Str(r.doc.url);
  w.Key("source"); w.Str(r.doc.source);
  w.Close('}');
  w.Key("entities");
  w.Open('[');
  for (const EntityRecord& e : r.entities) {
    w.Open('{');
    w.Key("id"); w.Str(e.id);
    w.Key("type"); w.Str(e.type);
    w.Key("name"); w.Str(e.name);
    w.Key("aliases"); w.StrList(e.aliases);
    w.Key("country"); w.Str(e.country);
    w.Key("cameo"); w.Str(e.cameo);
    w.Key("roles"); w.StrList(e.roles);
    w.Key("mentions");
    w.Open('[');
    for (const MentionSpan& m : e.mentions) WriteSpan(w, m.start, m.end, m.text, m.field, "text");
    w.Close(']');
    w.Close('}');
  }
  w.Close(']');
  w.Key("events");
  w.Open('[');
  for (const EventRecord& ev : r.events) {
    w.Open('{');
    w.Key("type"); w.Str(ev.type);
    w.Key("source"); w.Str(ev.source);
    w.Key("target"); w.Str(ev.target);
    w.Key("date"); w.Str(ev.date);
    w.Key("cameo"); w.Str(ev.cameo);
    w.Key("goldstein"); w.Num(ev.goldstein);
    w.Key("plover"); w.Str(ev.plover);
    w.Key("confidence"); w.Num(ev.confidence);
    if (!ev.modality.empty()) {
      w.Key("modality");
      w.Str(ev.modality);
    }
    w.Key("evidence");
    w.Open('{');
    w.Key("sentence"); w.Str(ev.evidence.sentence);
    w.Key("start"); w.UInt(ev.evidence.start);
    w.Key("end"); w.UInt(ev.evidence.end);
    if (!ev.evidence.field.empty()) {
      w.Key("field");
      w.Str(ev.evidence.field);
    }
    w.Close('}');
    w.Close('}');
  }
  w.Close(']');
  w.Close('}');
  return std::string(w.Written());
}

bool IsExtractionRecord(const nlohmann::json& value) {
  return value.is_object() && value.contains("doc") && value["doc"].is_object() &&
         value.contains("entities");
}

namespace {

class FieldReader {
 public:
  FieldReader(std::string_view path, int line, Diagnostics* diags)
      : path_(path), line_(line), diags_(diags) {}

  std::string Str(const nlohmann::json& obj, const char* key, const char* where) {
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) return "";
    if (!it->is_string()) {
      Fail(std::string(where) + "." + key + " must be a string, not " + it->type_name());
      return "";
    }
    return it->get<std::string>();
  }

  std::vector<std::string> StrList(const nlohmann::json& obj, const char* key, const char* where) {
    std::vector<std::string> out;
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) return out;
    if (!it->is_array()) {
      Fail(std::string(where) + "." + key + " must be an array");
      return out;
    }
    for (const auto& v : *it) {
      if (!v.is_string()) {
        Fail(std::string(where) + "." + key + " must hold strings");
        return out;
      }
      out.push_back(v.get<std::string>());
    }
    return out;
  }

  double Num(const nlohmann::json& obj, const char* key, const char* where) {
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) return 0.0;
    if (!it->is_number()) {
      Fail(std::string(where) + "." + key + " must be a number");
      return 0.0;
    }
    return it->get<double>();
  }

  uint32_t Offset(const nlohmann::json& obj, const char* key, const char* where) {
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) return 0;
    if (!it->is_number_unsigned() && !(it->is_number_integer() && it->get<long long>() >= 0)) {
      Fail(std::string(where) + "." + key + " must be a non-negative integer");
      return 0;
    }
    // Offsets are 32-bit (documents are at most 4 GiB); a larger one would wrap.
    unsigned long long v = it->get<unsigned long long>();
    if (v > std::numeric_limits<uint32_t>::max()) {
      Fail(std::string(where) + "." + key + " is too large");
      return 0;
    }
    return static_cast<uint32_t>(v);
  }

  void Fail(const std::string& msg) {
    if (ok_) diags_->Error(path_, line_, 0, msg);
    ok_ = false;
  }
  bool ok() const { return ok_; }

 private:
  std::string_view path_;
  int line_;
  Diagnostics* diags_;
  bool ok_ = true;
};

}  // namespace

std::optional<ExtractionRecord> RecordFromJson(const nlohmann::json& value,
                                               std::string_view path, int line,
                                               Diagnostics* diags) {
  FieldReader f(path, line, diags);
  if (!IsExtractionRecord(value)) {
    f.Fail("not an extraction record (needs \"doc\" and \"entities\")");
    return std::nullopt;
  }
  ExtractionRecord r;
  const auto& doc = value["doc"];
  r.doc.id = f.Str(doc, "id", "doc");
  r.doc.title = f.Str(doc, "title", "doc");
  r.doc.date = f.Str(doc, "date", "doc");
  r.doc.url = f.Str(doc, "url", "doc");
  r.doc.source = f.Str(doc, "source", "doc");
  if (r.doc.id.empty()) f.Fail("doc.id is missing");
  const auto& ents = value["entities"];
  if (!ents.is_array()) f.Fail("entities must be an array");
  for (const auto& e : ents.is_array() ? ents : nlohmann::json::array()) {
    if (!e.is_object()) {
      f.Fail("entities must hold objects");
      break;
    }
    EntityRecord er;
    er.id = f.Str(e, "id", "entity");
    er.type = f.Str(e, "type", "entity");
    er.name = f.Str(e, "name", "entity");
    er.aliases = f.StrList(e, "aliases", "entity");
    er.country = f.Str(e, "country", "entity");
    er.cameo = f.Str(e, "cameo", "entity");
    er.roles = f.StrList(e, "roles", "entity");
    if (er.id.empty()) f.Fail("entity.id is missing");
    auto ms = e.find("mentions");
    if (ms != e.end() && ms->is_array()) {
      for (const auto& m : *ms) {
        if (!m.is_object()) continue;
        er.mentions.push_back({f.Offset(m, "start", "mention"), f.Offset(m, "end", "mention"),
                               f.Str(m, "text", "mention"), f.Str(m, "field", "mention")});
      }
    }
    r.entities.push_back(std::move(er));
  }
  auto evs = value.find("events");
  if (evs != value.end() && !evs->is_null()) {
    if (!evs->is_array()) f.Fail("events must be an array");
    for (const auto& e : evs->is_array() ? *evs : nlohmann::json::array()) {
      if (!e.is_object()) {
        f.Fail("events must hold objects");
        break;
      }
      EventRecord ev;
      ev.type = f.Str(e, "type", "event");
      ev.source = f.Str(e, "source", "event");
      ev.target = f.Str(e, "target", "event");
      ev.date = f.Str(e, "date", "event");
      ev.cameo = f.Str(e, "cameo", "event");
      ev.goldstein = f.Num(e, "goldstein", "event");
      ev.plover = f.Str(e, "plover", "event");
      ev.confidence = f.Num(e, "confidence", "event");
      ev.modality = f.Str(e, "modality", "event");
      auto evid = e.find("evidence");
      if (evid != e.end() && evid->is_object()) {
        ev.evidence.sentence = f.Str(*evid, "sentence", "evidence");
        ev.evidence.start = f.Offset(*evid, "start", "evidence");
        ev.evidence.end = f.Offset(*evid, "end", "evidence");
        ev.evidence.field = f.Str(*evid, "field", "evidence");
      }
      if (ev.type.empty() || ev.source.empty() || ev.target.empty()) {
        f.Fail("event needs type, source and target");
      }
      r.events.push_back(std::move(ev));
    }
  }
  if (!f.ok()) return std::nullopt;
  return r;
}

const std::vector<EventTypeInfo>& EventTypes() {
  static const std::vector<EventTypeInfo> kTypes = {
      {"met_with", "040", 1.0, "CONSULT", true, "diplomacy"},
      {"visited", "042", 1.9, "CONSULT", false, "diplomacy"},
      {"participated_in", "040", 1.0, "CONSULT", false, "diplomacy"},
      {"intends_to_cooperate", "030", 4.0, "COOPERATE", false, "cooperation"},
      {"agreed", "057", 8.0, "AGREE", false, "cooperation"},
      {"praised", "051", 3.4, "SUPPORT", false, "cooperation"},
      {"criticized", "111", -2.0, "DISAPPROVE", false, "pressure"},
      {"accused", "112", -2.0, "DISAPPROVE", false, "pressure"},
      {"threatened", "130", -4.4, "THREATEN", false, "pressure"},
      {"indicted", "173", -5.0, "COERCE", false, "pressure"},
      {"arrested", "173", -5.0, "COERCE", false, "conflict"},
      {"sanctioned", "163", -8.0, "SANCTION", false, "pressure"},
      {"expelled", "166", -7.0, "SANCTION", false, "conflict"},
      {"suspended", "160", -4.0, "REDUCE", false, "pressure"},
      {"attacked", "190", -10.0, "ASSAULT", false, "conflict"},
      // Not an interaction: a group's tie to the body it belongs to
      // ("five PLA officers" -> People's Liberation Army).
      {"member_of", "", 0.0, "", false, "affiliation"},
  };
  return kTypes;
}

const EventTypeInfo* FindEventType(std::string_view name) {
  for (const EventTypeInfo& t : EventTypes()) {
    if (t.name == name) return &t;
  }
  return nullptr;
}

}  // namespace diplograph
