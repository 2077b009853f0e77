// Tests for core/json_dom.h.
#include "diplograph/core/json_dom.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

namespace diplograph {
namespace {

// Parses `text` whole; "" on success, else "error@offset".
std::string Check(std::string_view text) {
  JsonArena arena;
  JsonParser p(text);
  const JsonValue* v = p.ParseValue(&arena);
  if (v == nullptr || !p.End()) return p.error() + "@" + std::to_string(p.error_offset());
  return "";
}

// Re-serialises a parsed value through nlohmann, for comparison.
nlohmann::json ToNlohmann(const JsonValue& v) {
  switch (v.kind()) {
    case JsonValue::Kind::kNull: return nullptr;
    case JsonValue::Kind::kBool: return v.boolean();
    case JsonValue::Kind::kInt: return v.as_int();
    case JsonValue::Kind::kUint: return v.as_uint();
    case JsonValue::Kind::kDouble: return v.as_double();
    case JsonValue::Kind::kString: return std::string(v.str());
    case JsonValue::Kind::kArray: {
      nlohmann::json a = nlohmann::json::array();
      for (const JsonValue& item : v.items()) a.push_back(ToNlohmann(item));
      return a;
    }
    case JsonValue::Kind::kObject: {
      nlohmann::json o = nlohmann::json::object();
      for (const JsonMember& m : v.members()) o[std::string(m.key)] = ToNlohmann(m.value);
      return o;
    }
  }
  return nullptr;
}

TEST_CASE("JsonParser.Values") {
  JsonArena arena;
  std::string text =
      R"( {"a": 1, "b": -2, "c": 1.5e3, "d": "x\"y\u00e9\ud83d\ude00", "e": [true, false, null],)"
      R"( "f": {}, "g": [], "h": 18446744073709551615, "i": 18446744073709551616, "a": 7} )";
  JsonParser p(text);
  const JsonValue* v = p.ParseValue(&arena);
  REQUIRE(v != nullptr);
  CHECK(p.End());
  CHECK(v->is_object());
  CHECK(v->Find("a")->as_int() == 7);  // the last of duplicate keys
  CHECK(v->Find("a")->is_unsigned());
  CHECK(v->Find("b")->kind() == JsonValue::Kind::kInt);
  CHECK(v->Find("b")->as_int() == -2);
  CHECK(v->Find("c")->as_double() == 1500.0);
  CHECK(!v->Find("c")->is_integer());
  CHECK(v->Find("d")->str() == "x\"y\xC3\xA9\xF0\x9F\x98\x80");
  CHECK(v->Find("e")->size() == 3);
  CHECK(v->Find("e")->items()[1].is_bool());
  CHECK(v->Find("e")->items()[2].is_null());
  CHECK(v->Find("f")->is_object());
  CHECK(v->Find("f")->empty());
  CHECK(v->Find("g")->is_array());
  CHECK(v->Find("h")->as_uint() == UINT64_MAX);
  CHECK(v->Find("i")->kind() == JsonValue::Kind::kDouble);
  CHECK(v->Find("zz") == nullptr);
  CHECK(std::string(v->Find("e")->type_name()) == "array");
  CHECK(std::string(v->Find("c")->type_name()) == "number");
}

TEST_CASE("JsonParser.Rejects") {
  CHECK(Check("") != "");
  CHECK(Check("{\"a\":1,}") != "");
  CHECK(Check("[1,]") != "");
  CHECK(Check("[01]") != "");
  CHECK(Check("[1.]") != "");
  CHECK(Check("[.5]") != "");
  CHECK(Check("[1e]") != "");
  CHECK(Check("[+1]") != "");
  CHECK(Check("[tru]") != "");
  CHECK(Check("\"a\tb\"") != "");           // control character
  CHECK(Check("\"\\x\"") != "");            // bad escape
  CHECK(Check("\"\\ud800\"") != "");        // lone high surrogate
  CHECK(Check("\"\\udc00\"") != "");        // lone low surrogate
  CHECK(Check("\"\xC0\xAF\"") != "");       // overlong UTF-8
  CHECK(Check("\"\xED\xA0\x80\"") != "");   // an encoded surrogate
  CHECK(Check("\"abc") != "");
  CHECK(Check("[1] x") != "");
  CHECK(Check("[1e999]") == "number overflow@1");
  CHECK(Check("[1e-999]") == "");  // underflow reads as zero
  CHECK(Check("\xEF\xBB\xBF[1]") == "");  // a byte order mark
  std::string deep(JsonParser::kMaxDepth, '[');
  deep += std::string(JsonParser::kMaxDepth, ']');
  CHECK(Check(deep) == "");
  CHECK(Check("[" + deep + "]") ==
        "JSON nested deeper than " + std::to_string(JsonParser::kMaxDepth) + " levels@" +
            std::to_string(JsonParser::kMaxDepth));
}

TEST_CASE("JsonParser.Piecewise") {
  std::string text = R"({"x": 1, "list": [{"k": "a"}, {"k": "b\n"}, 3], "y": [2]})";
  JsonParser p(text);
  JsonArena keys, element;
  bool is = false;
  REQUIRE(p.BeginObject(&is));
  REQUIRE(is);
  std::vector<std::string> seen;
  while (true) {
    std::string_view key;
    bool more = false;
    REQUIRE(p.NextMember(&key, &keys, &more));
    if (!more) break;
    if (key != "list") {
      REQUIRE(p.SkipValue());
      seen.push_back(std::string(key));
      continue;
    }
    REQUIRE(p.BeginArray(&is));
    REQUIRE(is);
    while (true) {
      REQUIRE(p.NextElement(&more));
      if (!more) break;
      element.Reset();
      const JsonValue* v = p.ParseValue(&element);
      REQUIRE(v != nullptr);
      seen.push_back(v->is_object() ? std::string(v->Find("k")->str()) : v->type_name());
    }
  }
  CHECK(p.End());
  CHECK(seen == std::vector<std::string>{"x", "a", "b\n", "number", "y"});

  JsonParser bad(R"({"a": [1 2]})");
  REQUIRE(bad.BeginObject(&is));
  std::string_view key;
  bool more = false;
  REQUIRE(bad.NextMember(&key, &keys, &more));
  CHECK(!bad.SkipValue());
  CHECK(bad.error_offset() == 9);
}

// Random JSON texts: values from `atoms`, or arrays and objects (keys
// "k0".."k2") of fewer than `max_items` items, nested at most 4 deep; with
// `mangle`, one byte replaced by a likely troublemaker.
class RandomJson {
 public:
  RandomJson(unsigned seed, std::vector<std::string> atoms, size_t max_items)
      : rng_(seed), atoms_(std::move(atoms)), max_items_(max_items) {}

  std::string Next(bool mangle) {
    std::string text = Value(0);
    if (mangle && !text.empty()) {
      static constexpr char kJunk[] = {'[', ']', '{', '}', ',', ':',    '"',
                                       '\\', 'x', ' ', '\x01', '\xff', '1'};
      text[Pick(text.size())] = kJunk[Pick(sizeof kJunk)];
    }
    return text;
  }

 private:
  size_t Pick(size_t n) { return static_cast<size_t>(rng_() % n); }

  std::string Value(int depth) {
    size_t k = Pick(depth > 3 ? 1 : 3);
    if (k == 0) return atoms_[Pick(atoms_.size())];
    std::string out(1, k == 1 ? '[' : '{');
    size_t n = Pick(max_items_);
    for (size_t i = 0; i < n; ++i) {
      if (i) out += ',';
      if (k == 2) out += "\"k" + std::to_string(Pick(3)) + "\":";
      out += Value(depth + 1);
    }
    return out + (k == 1 ? ']' : '}');
  }

  std::mt19937 rng_;
  std::vector<std::string> atoms_;
  size_t max_items_;
};

// Members the filter rejects are skipped, not built, yet checked: the same
// texts are refused with the same error at the same offset.
TEST_CASE("JsonParser.KeyFilterSkipsButChecks") {
  RandomJson random(11, {"0", "-1", "1.5e2", "true", "null", "\"\"", "\"a\\\"b\"",
                         "\"\\ud83d\\ude00\"", "\"\xC3\xA9\"", "[]", "{}"},
                    5);
  auto keep = [](std::string_view key) { return key == "k0"; };
  for (int round = 0; round < 3000; ++round) {
    const std::string text = random.Next(round % 2 == 1);
    JsonArena a1, a2;
    JsonParser whole(text), filtered(text);
    const JsonValue* v1 = whole.ParseValue(&a1);
    const JsonValue* v2 = filtered.ParseValue(&a2, +keep);
    REQUIRE_MESSAGE((v1 == nullptr) == (v2 == nullptr), text);
    if (v1 == nullptr) {
      CHECK_MESSAGE(whole.error() == filtered.error(), text);
      CHECK_MESSAGE(whole.error_offset() == filtered.error_offset(), text);
      continue;
    }
    CHECK(whole.offset() == filtered.offset());
    if (!v1->is_object()) {
      CHECK_MESSAGE(ToNlohmann(*v1) == ToNlohmann(*v2), text);
      continue;
    }
    // The kept members, in order, as parsed whole.
    nlohmann::json expect = nlohmann::json::array();
    for (const JsonMember& m : v1->members()) {
      if (m.key == "k0") expect.push_back(ToNlohmann(m.value));
    }
    nlohmann::json got = nlohmann::json::array();
    for (const JsonMember& m : v2->members()) {
      CHECK(m.key == "k0");
      got.push_back(ToNlohmann(m.value));
    }
    CHECK_MESSAGE(got == expect, text);
  }
  // Depth counts inside skipped members too.
  std::string deep = "{\"skip\":" + std::string(JsonParser::kMaxDepth, '[') +
                     std::string(JsonParser::kMaxDepth, ']') + "}";
  JsonArena arena;
  JsonParser p(deep);
  CHECK(p.ParseValue(&arena, +keep) == nullptr);
  CHECK(p.error().find("nested deeper") != std::string::npos);
}

// Long strings, with what stops a plain run at every position: the runs
// scanned many bytes at a time end where a byte-by-byte scan would.
TEST_CASE("JsonParser.LongStrings") {
  const std::string stops[] = {"\\n", "\\\"", "\\u00e9", "\xC3\xA9", "\xE2\x82\xAC", "\x01", "\xFF",
                               "\xC3"};
  for (size_t len = 0; len < 48; ++len) {
    for (size_t at = 0; at <= len; ++at) {
      for (const std::string& stop : stops) {
        std::string body(len, 'a');
        for (size_t i = 0; i < len; ++i) body[i] = static_cast<char>('a' + i % 26);
        body.insert(at, stop);
        const std::string text = "[\"" + body + "\",1]";
        bool theirs = nlohmann::json::accept(text);
        CHECK_MESSAGE((Check(text) == "") == theirs, text);
        if (!theirs) continue;
        JsonArena arena;
        JsonParser p(text);
        const JsonValue* v = p.ParseValue(&arena);
        REQUIRE(v != nullptr);
        CHECK_MESSAGE(ToNlohmann(*v) == nlohmann::json::parse(text), text);
      }
    }
  }
  CHECK(Check("\"" + std::string(40, 'x')) == "unterminated string@41");
  CHECK(Check("\"" + std::string(40, 'x') + "\x01\"") == "control character in a string@41");
}

TEST_CASE("JsonParser.DirectReading") {
  JsonArena arena;
  const std::string text = R"([ {"a" : "x\"y", "b":[-0, 1.5e1, 18446744073709551616]}, 7 ])";
  JsonParser p(text);
  bool is = false, more = false;
  REQUIRE(p.BeginArray(&is));
  REQUIRE(p.NextElement(&more));
  const size_t mark = p.offset();
  std::string_view s;
  JsonValue v;
  CHECK_FALSE(p.ReadToken('['));  // nothing read: another token
  CHECK(p.ReadToken('{'));
  CHECK(p.ReadString(&s, &arena));
  CHECK(s == "a");
  CHECK(p.ReadToken(':'));
  CHECK_FALSE(p.ReadNumber(&v));
  CHECK(p.ReadString(&s, &arena));
  CHECK(s == "x\"y");  // decoded into the arena
  CHECK(p.ReadToken(','));
  CHECK(p.ReadString(&s, &arena));
  CHECK(p.ReadToken(':'));
  CHECK(p.ReadToken('['));
  CHECK(p.ReadNumber(&v));
  CHECK((v.kind() == JsonValue::Kind::kInt && v.as_int() == 0));
  CHECK(p.ReadToken(','));
  CHECK(p.ReadNumber(&v));
  CHECK((v.kind() == JsonValue::Kind::kDouble && v.as_double() == 15.0));
  CHECK(p.ReadToken(','));
  CHECK(p.ReadNumber(&v));
  CHECK(v.kind() == JsonValue::Kind::kDouble);  // past 64 bits
  // Back to the start of the element: it parses in full as before.
  p.Rewind(mark);
  const JsonValue* whole = p.ParseValue(&arena);
  REQUIRE(whole != nullptr);
  CHECK(whole->Find("a")->str() == "x\"y");
  REQUIRE(p.NextElement(&more));
  CHECK(more);
  CHECK(p.ReadNumber(&v));
  CHECK(v.as_uint() == 7);
  REQUIRE(p.NextElement(&more));
  CHECK_FALSE(more);
  CHECK(p.End());

  SUBCASE("malformed tokens are not read, and leave no error") {
    for (std::string_view bad : {"\"a\\x\"", "\"\x01\"", "\"\xC3\"", "1e999", "-", "01"}) {
      CAPTURE(bad);
      JsonParser q(bad);
      CHECK_FALSE(q.ReadString(&s, &arena));
      CHECK((bad == "01" ? q.ReadNumber(&v) : !q.ReadNumber(&v)));  // "0", then "1"
      if (bad != "01") CHECK(q.offset() == 0);
      CHECK_FALSE(q.failed());
    }
  }
  SUBCASE("SkipValue counts containers read directly towards the depth limit") {
    std::string deep(JsonParser::kMaxDepth, '[');
    deep += std::string(JsonParser::kMaxDepth, ']');
    JsonParser q(deep);
    CHECK(q.SkipValue());
    JsonParser r(deep);
    CHECK_FALSE(r.SkipValue(1));
    CHECK(r.failed());
    r.Rewind(0);
    CHECK_FALSE(r.failed());
  }
}

// Agrees with nlohmann on random documents, valid and mangled.
TEST_CASE("JsonParser.AgreesWithNlohmann") {
  RandomJson random(7, {"0", "-1", "12.5", "1e3", "true", "false", "null", "\"\"", "\"a\"",
                        "\"\\u00e9\"", "\"\\n\"", "\"\xC3\xA9\"", "123456789012"},
                    4);
  for (int round = 0; round < 2000; ++round) {
    const std::string text = random.Next(round % 2 == 1);
    bool theirs = nlohmann::json::accept(text);
    CHECK_MESSAGE((Check(text) == "") == theirs, text);
    if (theirs) {
      JsonArena arena;
      JsonParser p(text);
      const JsonValue* v = p.ParseValue(&arena);
      REQUIRE(v != nullptr);
      CHECK_MESSAGE(ToNlohmann(*v) == nlohmann::json::parse(text), text);
    }
  }
}

}  // namespace
}  // namespace diplograph
