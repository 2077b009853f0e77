// Reading gold lines and extraction records the way score.py reads them;
// see eval/scorer.h.
#include <string>

#include "diplograph/eval/scorer.h"

namespace diplograph::eval {

namespace {

using json = nlohmann::json;

// Python's str() of a JSON scalar: "5" for 5, "True" for true, "None" for null.
std::string PyStr(const json& v) {
  switch (v.type()) {
    case json::value_t::string:
      return v.get<std::string>();
    case json::value_t::null:
      return "None";
    case json::value_t::boolean:
      return v.get<bool>() ? "True" : "False";
    default:
      return v.dump();
  }
}

// Python's truth value of a JSON value.
bool PyTruthy(const json& v) {
  switch (v.type()) {
    case json::value_t::null:
      return false;
    case json::value_t::boolean:
      return v.get<bool>();
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
      return v.get<int64_t>() != 0;
    case json::value_t::number_float:
      return v.get<double>() != 0.0;
    case json::value_t::string:
      return !v.get_ref<const std::string&>().empty();
    default:
      return !v.empty();
  }
}

class FieldReader {
 public:
  FieldReader(std::string_view path, int line, Diagnostics* diags)
      : path_(path), line_(line), diags_(diags) {}

  void Fail(const std::string& message) {
    diags_->Error(path_, line_, 0, message);
    ok_ = false;
  }
  bool ok() const { return ok_; }

  // obj[key] as an array (empty when missing or null), or nullptr after an error.
  const json* Array(const json& obj, const char* key, const std::string& where) {
    static const json kEmpty = json::array();
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) return &kEmpty;
    if (!it->is_array()) {
      Fail(where + "\"" + key + "\" must be an array");
      return nullptr;
    }
    return &*it;
  }

  // A required string or number (an id or key), as Python's str() prints it.
  std::string Key(const json& obj, const char* key, const std::string& where) {
    auto it = obj.find(key);
    if (it == obj.end()) {
      Fail(where + "missing \"" + key + "\"");
      return "";
    }
    if (!it->is_string() && !it->is_number()) {
      Fail(where + "\"" + key + "\" must be a string");
      return "";
    }
    return PyStr(*it);
  }

  // An optional string: "" when missing (or null, if `null_ok`).
  std::string Text(const json& obj, const char* key, const std::string& where, bool null_ok) {
    auto it = obj.find(key);
    if (it == obj.end() || (null_ok && it->is_null())) return "";
    if (!it->is_string()) {
      Fail(where + "\"" + key + "\" must be a string");
      return "";
    }
    return it->get<std::string>();
  }

  std::vector<std::string> Strings(const json& obj, const char* key, const std::string& where,
                                   bool required) {
    std::vector<std::string> out;
    auto it = obj.find(key);
    if (it == obj.end() || (!required && it->is_null())) {
      if (required) Fail(where + "missing \"" + key + "\"");
      return out;
    }
    if (!it->is_array()) {
      Fail(where + "\"" + key + "\" must be an array of strings");
      return out;
    }
    for (const json& v : *it) {
      if (!v.is_string()) {
        Fail(where + "\"" + key + "\" must be an array of strings");
        return out;
      }
      out.push_back(v.get<std::string>());
    }
    return out;
  }

 private:
  std::string_view path_;
  int line_;
  Diagnostics* diags_;
  bool ok_ = true;
};

std::string Where(const char* what, size_t index) {
  return std::string(what) + " " + std::to_string(index + 1) + ": ";
}

}  // namespace

std::optional<std::string> RecordDocId(const json& record, std::string_view path, int line,
                                       Diagnostics* diags) {
  FieldReader r(path, line, diags);
  if (!record.is_object()) {
    r.Fail(std::string("expected a JSON object, not ") + record.type_name());
    return std::nullopt;
  }
  auto doc = record.find("doc");
  if (doc != record.end()) {
    if (!doc->is_object()) {
      r.Fail("\"doc\" must be an object");
      return std::nullopt;
    }
    std::string id = r.Key(*doc, "id", "doc: ");
    return r.ok() ? std::optional<std::string>(id) : std::nullopt;
  }
  std::string id = r.Key(record, "id", "");
  return r.ok() ? std::optional<std::string>(id) : std::nullopt;
}

std::optional<GoldDoc> GoldDocFromJson(const json& record, std::string_view path, int line,
                                       Diagnostics* diags) {
  std::optional<std::string> id = RecordDocId(record, path, line, diags);
  if (!id) return std::nullopt;
  FieldReader r(path, line, diags);
  GoldDoc doc;
  doc.id = *id;
  const json* entities = r.Array(record, "entities", "");
  for (size_t i = 0; entities && i < entities->size(); ++i) {
    const json& e = (*entities)[i];
    std::string where = Where("entity", i);
    if (!e.is_object()) {
      r.Fail(where + "must be an object");
      continue;
    }
    GoldEntity g{r.Key(e, "key", where), r.Strings(e, "names", where, true), false};
    auto opt = e.find("optional");
    g.optional = opt != e.end() && PyTruthy(*opt);
    doc.entities.push_back(std::move(g));
  }
  const json* events = r.Array(record, "events", "");
  for (size_t i = 0; events && i < events->size(); ++i) {
    const json& e = (*events)[i];
    std::string where = Where("event", i);
    if (!e.is_object()) {
      r.Fail(where + "must be an object");
      continue;
    }
    GoldEvent g{r.Key(e, "type", where), r.Key(e, "source", where), r.Key(e, "target", where),
                false, r.Text(e, "evidence", where, true)};
    auto opt = e.find("optional");
    g.optional = opt != e.end() && PyTruthy(*opt);
    doc.events.push_back(std::move(g));
  }
  if (!r.ok()) return std::nullopt;
  return doc;
}

std::optional<SystemDoc> SystemDocFromJson(const json& record, std::string_view path, int line,
                                           Diagnostics* diags) {
  std::optional<std::string> id = RecordDocId(record, path, line, diags);
  if (!id) return std::nullopt;
  FieldReader r(path, line, diags);
  SystemDoc doc;
  doc.id = *id;
  const json* entities = r.Array(record, "entities", "");
  for (size_t i = 0; entities && i < entities->size(); ++i) {
    const json& e = (*entities)[i];
    std::string where = Where("entity", i);
    if (!e.is_object()) {
      r.Fail(where + "must be an object");
      continue;
    }
    doc.entities.push_back({r.Key(e, "id", where), r.Text(e, "name", where, false),
                            r.Strings(e, "aliases", where, false)});
  }
  const json* events = r.Array(record, "events", "");
  for (size_t i = 0; events && i < events->size(); ++i) {
    const json& e = (*events)[i];
    if (!e.is_object()) {
      r.Fail(Where("event", i) + "must be an object");
      continue;
    }
    SystemEvent ev;
    auto field = [&](const char* key) {
      auto it = e.find(key);
      return it == e.end() ? std::string("None") : PyStr(*it);
    };
    auto type = e.find("type");
    if (type != e.end() && type->is_string()) ev.type = type->get<std::string>();
    ev.source = field("source");
    ev.target = field("target");
    auto evidence = e.find("evidence");
    if (evidence != e.end() && evidence->is_object()) {
      auto sentence = evidence->find("sentence");
      if (sentence != evidence->end() && sentence->is_string()) ev.evidence = *sentence;
    }
    doc.events.push_back(std::move(ev));
  }
  if (!r.ok()) return std::nullopt;
  return doc;
}

SystemDoc SystemDocFromRecord(const ExtractionRecord& record) {
  SystemDoc doc;
  doc.id = record.doc.id;
  for (const EntityRecord& e : record.entities) doc.entities.push_back({e.id, e.name, e.aliases});
  for (const EventRecord& e : record.events) {
    doc.events.push_back({e.type, e.source, e.target, e.evidence.sentence});
  }
  return doc;
}

}  // namespace diplograph::eval
