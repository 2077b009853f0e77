#include "diplograph/core/json_dom.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <memory>

#include "diplograph/core/strings.h"

namespace diplograph {

// ---------------------------------------------------------------- JsonArena

void* JsonArena::Allocate(size_t bytes, size_t align) {
  constexpr size_t kBlock = size_t{1} << 20;
  while (true) {
    if (current_ < blocks_.size()) {
      Block& b = blocks_[current_];
      size_t at = (used_ + align - 1) & ~(align - 1);
      if (at + bytes <= b.size) {
        used_ = at + bytes;
        return b.data.get() + at;
      }
      if (current_ + 1 < blocks_.size() && blocks_[current_ + 1].size >= bytes + align) {
        ++current_;
        used_ = 0;
        continue;
      }
    }
    // A new block after the current one (a big value gets a block of its own).
    size_t size = std::max(kBlock, bytes + align);
    size_t where = blocks_.empty() ? 0 : current_ + 1;
    blocks_.insert(blocks_.begin() + static_cast<ptrdiff_t>(where),
                   Block{std::make_unique<char[]>(size), size});
    current_ = where;
    used_ = 0;
  }
}

void JsonArena::Reset() {
  current_ = 0;
  used_ = 0;
}

// ---------------------------------------------------------------- JsonValue

const char* JsonValue::type_name() const {
  switch (kind_) {
    case Kind::kNull: return "null";
    case Kind::kBool: return "boolean";
    case Kind::kInt:
    case Kind::kUint:
    case Kind::kDouble: return "number";
    case Kind::kString: return "string";
    case Kind::kArray: return "array";
    case Kind::kObject: return "object";
  }
  return "null";
}

int64_t JsonValue::as_int() const {
  switch (kind_) {
    case Kind::kInt: return u_.i;
    case Kind::kUint: return static_cast<int64_t>(u_.u);
    case Kind::kDouble: return static_cast<int64_t>(u_.d);
    default: return 0;
  }
}

uint64_t JsonValue::as_uint() const {
  switch (kind_) {
    case Kind::kInt: return static_cast<uint64_t>(u_.i);
    case Kind::kUint: return u_.u;
    case Kind::kDouble: return static_cast<uint64_t>(u_.d);
    default: return 0;
  }
}

double JsonValue::as_double() const {
  switch (kind_) {
    case Kind::kInt: return static_cast<double>(u_.i);
    case Kind::kUint: return static_cast<double>(u_.u);
    case Kind::kDouble: return u_.d;
    default: return 0.0;
  }
}

std::span<const JsonValue> JsonValue::items() const {
  if (!is_array()) return {};
  return {u_.items, size_};
}

std::span<const JsonMember> JsonValue::members() const {
  if (!is_object()) return {};
  return {u_.members, size_};
}

const JsonValue* JsonValue::Find(std::string_view key) const {
  std::span<const JsonMember> m = members();
  // Keys are short and most differ in length or first byte: those are
  // told apart without a call to memcmp.
  for (size_t i = m.size(); i-- > 0;) {
    std::string_view k = m[i].key;
    if (k.size() == key.size() && (k.empty() || (k[0] == key[0] && k == key))) {
      return &m[i].value;
    }
  }
  return nullptr;
}

// --------------------------------------------------------------- JsonParser

namespace {

// Bytes a string scan must stop at: '"', '\\', control characters and the
// start of multi-byte UTF-8 sequences.
struct StopTable {
  bool stop[256];
  constexpr StopTable() : stop() {
    for (int c = 0; c < 256; ++c) stop[c] = c < 0x20 || c == '"' || c == '\\' || c >= 0x80;
  }
};
constexpr StopTable kStop;

// The first byte from t[i] on (before t[n]) that stops a plain run in a
// string (kStop); n if none. Sixteen bytes at a time where SSE2 is: strings
// in saved graphs (ids, names, sentences) are long runs of plain ASCII.
size_t PlainRunEnd(const char* t, size_t i, size_t n) {
#if defined(__SSE2__)
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i backslash = _mm_set1_epi8('\\');
  const __m128i space = _mm_set1_epi8(0x20);
  for (; i + 16 <= n; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(t + i));
    // Compared as signed bytes, those >= 0x80 are negative: "below a space"
    // catches them with the control characters.
    const __m128i stop =
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)),
                     _mm_cmplt_epi8(v, space));
    const unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(stop));
    if (mask != 0) return i + static_cast<size_t>(__builtin_ctz(mask));
  }
#endif
  while (i < n && !kStop.stop[uint8_t(t[i])]) ++i;
  return i;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Length of the well-formed UTF-8 sequence at t[i] (a byte >= 0x80), or 0.
size_t Utf8Length(std::string_view t, size_t i) {
  auto at = [&](size_t k) -> unsigned { return i + k < t.size() ? uint8_t(t[i + k]) : 0u; };
  auto cont = [&](size_t k) { return (at(k) & 0xC0) == 0x80; };
  unsigned c = at(0);
  if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    unsigned lo = c == 0xE0 ? 0xA0 : 0x80;
    unsigned hi = c == 0xED ? 0x9F : 0xBF;
    return at(1) >= lo && at(1) <= hi && cont(2) ? 3 : 0;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    unsigned lo = c == 0xF0 ? 0x90 : 0x80;
    unsigned hi = c == 0xF4 ? 0x8F : 0xBF;
    return at(1) >= lo && at(1) <= hi && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

}  // namespace

JsonParser::JsonParser(std::string_view text) : text_(text) {
  if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
}

bool JsonParser::Fail(size_t at, std::string message) {
  if (error_.empty()) {
    error_ = std::move(message);
    error_at_ = at;
  }
  return false;
}

void JsonParser::SkipWs() {
  // Mostly there is none: every whitespace byte is at most ' '.
  if (pos_ < text_.size() && static_cast<unsigned char>(text_[pos_]) > ' ') return;
  while (pos_ < text_.size()) {
    char c = text_[pos_];
    if (c != ' ' && c != '\n' && c != '\r' && c != '\t') return;
    ++pos_;
  }
}

bool JsonParser::Literal(std::string_view word) {
  if (text_.substr(pos_, word.size()) != word) return Fail(pos_, "invalid literal");
  pos_ += word.size();
  return true;
}

bool JsonParser::ParseString(std::string_view* out, JsonArena* arena) {
  const size_t start = ++pos_;  // past the opening quote
  const char* t = text_.data();
  const size_t n = text_.size();
  size_t i = start;
  bool escaped = false;
  while (true) {
    size_t run = i;
    i = PlainRunEnd(t, i, n);
    if (i >= n) return Fail(n, "unterminated string");
    if (escaped) scratch_.append(t + run, i - run);
    unsigned char c = uint8_t(t[i]);
    if (c == '"') break;
    if (c >= 0x80) {
      size_t len = Utf8Length(text_, i);
      if (len == 0) return Fail(i, "ill-formed UTF-8 in a string");
      if (escaped) scratch_.append(t + i, len);
      i += len;
      continue;
    }
    if (c < 0x20) return Fail(i, "control character in a string");
    // A backslash: from here on the string is decoded into scratch_.
    if (!escaped) {
      scratch_.assign(t + start, i - start);
      escaped = true;
    }
    if (i + 1 >= n) return Fail(n, "unterminated string");
    char e = t[i + 1];
    i += 2;
    switch (e) {
      case '"': scratch_ += '"'; break;
      case '\\': scratch_ += '\\'; break;
      case '/': scratch_ += '/'; break;
      case 'b': scratch_ += '\b'; break;
      case 'f': scratch_ += '\f'; break;
      case 'n': scratch_ += '\n'; break;
      case 'r': scratch_ += '\r'; break;
      case 't': scratch_ += '\t'; break;
      case 'u': {
        auto hex4 = [&](size_t at, uint32_t* v) {
          if (at + 4 > n) return false;
          *v = 0;
          for (size_t k = 0; k < 4; ++k) {
            int h = HexValue(t[at + k]);
            if (h < 0) return false;
            *v = *v * 16 + static_cast<uint32_t>(h);
          }
          return true;
        };
        uint32_t cp = 0;
        if (!hex4(i, &cp)) return Fail(i, "bad \\u escape");
        i += 4;
        if (cp >= 0xDC00 && cp <= 0xDFFF) return Fail(i - 6, "lone low surrogate");
        if (cp >= 0xD800 && cp <= 0xDBFF) {
          uint32_t lo = 0;
          if (i + 2 > n || t[i] != '\\' || t[i + 1] != 'u' || !hex4(i + 2, &lo) || lo < 0xDC00 ||
              lo > 0xDFFF) {
            return Fail(i - 6, "high surrogate without a low one");
          }
          i += 6;
          cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
        }
        AppendUtf8(static_cast<char32_t>(cp), &scratch_);
        break;
      }
      default: return Fail(i - 2, "bad escape");
    }
  }
  pos_ = i + 1;
  size_t len = escaped ? scratch_.size() : i - start;
  if (len > std::numeric_limits<uint32_t>::max()) return Fail(start, "string too long");
  if (!escaped) {
    *out = std::string_view(t + start, len);
  } else {
    char* copy = static_cast<char*>(arena->Allocate(len, 1));
    std::memcpy(copy, scratch_.data(), len);
    *out = std::string_view(copy, len);
  }
  return true;
}

bool JsonParser::ParseNumber(JsonValue* out) {
  const size_t start = pos_;
  const char* t = text_.data();
  const size_t n = text_.size();
  size_t i = pos_;
  if (i < n && t[i] == '-') ++i;
  if (i >= n || !IsDigit(t[i])) return Fail(i, "invalid number");
  if (t[i] == '0') {
    ++i;
  } else {
    while (i < n && IsDigit(t[i])) ++i;
  }
  bool integer = true;
  if (i < n && t[i] == '.') {
    integer = false;
    ++i;
    if (i >= n || !IsDigit(t[i])) return Fail(i, "invalid number");
    while (i < n && IsDigit(t[i])) ++i;
  }
  if (i < n && (t[i] == 'e' || t[i] == 'E')) {
    integer = false;
    ++i;
    if (i < n && (t[i] == '+' || t[i] == '-')) ++i;
    if (i >= n || !IsDigit(t[i])) return Fail(i, "invalid number");
    while (i < n && IsDigit(t[i])) ++i;
  }
  pos_ = i;
  const char* first = t + start;
  const char* last = t + i;
  if (integer) {
    if (*first == '-') {
      int64_t v = 0;
      if (std::from_chars(first, last, v).ec == std::errc()) {
        out->kind_ = JsonValue::Kind::kInt;
        out->u_.i = v;
        return true;
      }
    } else {
      uint64_t v = 0;
      if (std::from_chars(first, last, v).ec == std::errc()) {
        out->kind_ = JsonValue::Kind::kUint;
        out->u_.u = v;
        return true;
      }
    }
  }
  double d = 0.0;
  auto r = std::from_chars(first, last, d);
  if (r.ec == std::errc::result_out_of_range) {
    // Underflow reads as (nearly) zero; only overflow is an error.
    std::string copy(first, last);
    d = std::strtod(copy.c_str(), nullptr);
    if (!std::isfinite(d)) return Fail(start, "number overflow");
  } else if (r.ec != std::errc() || r.ptr != last) {
    return Fail(start, "invalid number");
  }
  out->kind_ = JsonValue::Kind::kDouble;
  out->u_.d = d;
  return true;
}

// With `out` null, the value is only checked: nothing is built, and
// strings with escapes are decoded into skip_arena_.
bool JsonParser::ParseInto(JsonValue* out, JsonArena* arena, int depth, KeyFilter keep) {
  JsonValue unused;
  JsonValue* v = out != nullptr ? out : &unused;
  if (out == nullptr) arena = &skip_arena_;
  SkipWs();
  if (pos_ >= text_.size()) return Fail(pos_, "unexpected end of input");
  switch (text_[pos_]) {
    case '{':
    case '[': return ParseContainer(out, arena, depth + 1, keep);
    case '"': {
      std::string_view s;
      if (!ParseString(&s, arena)) return false;
      v->kind_ = JsonValue::Kind::kString;
      v->size_ = static_cast<uint32_t>(s.size());
      v->u_.s = s.data();
      return true;
    }
    case 't':
      v->kind_ = JsonValue::Kind::kBool;
      v->u_.b = true;
      return Literal("true");
    case 'f':
      v->kind_ = JsonValue::Kind::kBool;
      v->u_.b = false;
      return Literal("false");
    case 'n': v->kind_ = JsonValue::Kind::kNull; return Literal("null");
    default: return ParseNumber(v);
  }
}

// A member's key and the ':' after it.
bool JsonParser::ParseKey(std::string_view* key, JsonArena* arena) {
  SkipWs();
  if (pos_ >= text_.size() || text_[pos_] != '"') return Fail(pos_, "expected a key");
  if (!ParseString(key, arena)) return false;
  SkipWs();
  if (pos_ >= text_.size() || text_[pos_] != ':') return Fail(pos_, "expected ':'");
  ++pos_;
  return true;
}

// With `out` null, only checked (ParseInto()); with `keep`, only the
// members of this object whose key it accepts are built.
bool JsonParser::ParseContainer(JsonValue* out, JsonArena* arena, int depth, KeyFilter keep) {
  if (depth > kMaxDepth) {
    return Fail(pos_, "JSON nested deeper than " + std::to_string(kMaxDepth) + " levels");
  }
  const bool object = text_[pos_] == '{';
  const char close = object ? '}' : ']';
  ++pos_;
  const size_t base = object ? member_stack_.size() : value_stack_.size();
  uint64_t items = 0;
  SkipWs();
  if (pos_ < text_.size() && text_[pos_] == close) {
    ++pos_;
  } else {
    while (true) {
      JsonValue v;
      std::string_view key;
      if (object && !ParseKey(&key, arena)) return false;
      const bool build = out != nullptr && (!object || keep == nullptr || keep(key));
      if (!ParseInto(build ? &v : nullptr, arena, depth)) return false;
      ++items;
      if (build && object) member_stack_.push_back({key, v});
      if (build && !object) value_stack_.push_back(v);
      SkipWs();
      if (pos_ >= text_.size()) return Fail(pos_, "unexpected end of input");
      if (text_[pos_] == ',') {
        ++pos_;
        continue;
      }
      if (text_[pos_] != close) return Fail(pos_, "expected ',' or a closing bracket");
      ++pos_;
      break;
    }
  }
  if (items > std::numeric_limits<uint32_t>::max()) return Fail(pos_, "container too large");
  if (out == nullptr) return true;
  const size_t count = (object ? member_stack_.size() : value_stack_.size()) - base;
  out->size_ = static_cast<uint32_t>(count);
  if (object) {
    out->kind_ = JsonValue::Kind::kObject;
    auto* m = static_cast<JsonMember*>(arena->Allocate(count * sizeof(JsonMember),
                                                       alignof(JsonMember)));
    std::uninitialized_copy(member_stack_.begin() + static_cast<ptrdiff_t>(base),
                            member_stack_.end(), m);
    member_stack_.resize(base);
    out->u_.members = m;
  } else {
    out->kind_ = JsonValue::Kind::kArray;
    auto* v = static_cast<JsonValue*>(arena->Allocate(count * sizeof(JsonValue),
                                                      alignof(JsonValue)));
    std::uninitialized_copy(value_stack_.begin() + static_cast<ptrdiff_t>(base),
                            value_stack_.end(), v);
    value_stack_.resize(base);
    out->u_.items = v;
  }
  return true;
}

const JsonValue* JsonParser::ParseValue(JsonArena* arena) { return ParseValue(arena, nullptr); }

const JsonValue* JsonParser::ParseValue(JsonArena* arena, KeyFilter keep) {
  if (failed()) return nullptr;
  if (keep != nullptr) skip_arena_.Reset();
  auto* v = static_cast<JsonValue*>(arena->Allocate(sizeof(JsonValue), alignof(JsonValue)));
  new (v) JsonValue();
  if (!ParseInto(v, arena, static_cast<int>(frames_.size()), keep)) return nullptr;
  return v;
}

bool JsonParser::Begin(char open, bool* is) {
  SkipWs();
  *is = pos_ < text_.size() && text_[pos_] == open;
  if (*is) {
    ++pos_;
    frames_.push_back({open == '{', true});
  }
  return !failed();
}

bool JsonParser::BeginObject(bool* is) { return Begin('{', is); }
bool JsonParser::BeginArray(bool* is) { return Begin('[', is); }

// Before the next member or element: the closing bracket (`*more` false),
// or, after the first one, a comma.
bool JsonParser::Separator(Frame* frame, char close, bool* more) {
  SkipWs();
  if (pos_ >= text_.size()) return Fail(pos_, "unexpected end of input");
  if (text_[pos_] == close) {
    ++pos_;
    frames_.pop_back();
    *more = false;
    return true;
  }
  if (!frame->first) {
    if (text_[pos_] != ',') return Fail(pos_, "expected ',' or a closing bracket");
    ++pos_;
  }
  frame->first = false;
  *more = true;
  return true;
}

bool JsonParser::NextMember(std::string_view* key, JsonArena* arena, bool* more) {
  if (failed() || frames_.empty() || !frames_.back().object) return Fail(pos_, "not in an object");
  if (!Separator(&frames_.back(), '}', more) || !*more) return !failed();
  return ParseKey(key, arena);
}

bool JsonParser::NextElement(bool* more) {
  if (failed() || frames_.empty() || frames_.back().object) return Fail(pos_, "not in an array");
  return Separator(&frames_.back(), ']', more);
}

bool JsonParser::SkipValue(int nesting) {
  if (failed()) return false;
  skip_arena_.Reset();
  return ParseInto(nullptr, &skip_arena_, static_cast<int>(frames_.size()) + nesting);
}

bool JsonParser::ReadTokenAfterWs(char c) {
  SkipWs();
  if (failed() || pos_ >= text_.size() || text_[pos_] != c) return false;
  ++pos_;
  return true;
}

bool JsonParser::ReadString(std::string_view* out, JsonArena* arena) {
  SkipWs();
  if (failed() || pos_ >= text_.size() || text_[pos_] != '"') return false;
  const size_t mark = pos_;
  if (ParseString(out, arena)) return true;
  Rewind(mark);
  return false;
}

bool JsonParser::ReadNumber(JsonValue* out) {
  SkipWs();
  if (failed() || pos_ >= text_.size() || (text_[pos_] != '-' && !IsDigit(text_[pos_]))) {
    return false;
  }
  const size_t mark = pos_;
  if (ParseNumber(out)) return true;
  Rewind(mark);
  return false;
}

void JsonParser::Rewind(size_t mark) {
  pos_ = mark;
  error_.clear();
  error_at_ = 0;
}

bool JsonParser::End() {
  if (failed()) return false;
  SkipWs();
  if (pos_ != text_.size()) return Fail(pos_, "unexpected trailing characters");
  return true;
}

}  // namespace diplograph
