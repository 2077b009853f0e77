// core/json_dom.h: a fast, read-only JSON tree over text that outlives it.
//
// Saved graphs run to gigabytes. A general JSON library allocates every
// value, key and string separately, and freeing such a tree costs as much
// as building it. JsonParser instead parses strict RFC 8259 JSON into
// values that live in a JsonArena (freed, or reused, all at once) and point
// into the source text wherever a string has no escapes. It also reads a
// document piece by piece: the members of the top-level object and the
// elements of a big array one at a time, so a caller can handle one element
// and reuse the arena for the next.
//
// Example:
//   JsonArena arena;
//   JsonParser p(text);
//   const JsonValue* v = p.ParseValue(&arena);
//   if (v == nullptr) return Fail(p.error_offset(), p.error());
//   if (const JsonValue* id = v->Find("id"); id && id->is_string()) Use(id->str());
//
// Numbers follow the usual reading: an integer literal is kUint when it is
// non-negative and fits in 64 bits, kInt when negative and fits, otherwise
// (like every literal with a fraction or an exponent) kDouble; a double
// literal out of range is an error. Strings are checked to be valid UTF-8,
// with \u escapes (surrogate pairs included) decoded. A UTF-8 byte order
// mark before the first value is skipped. Nesting deeper than
// JsonParser::kMaxDepth is an error, so the parser's recursion is bounded.
//
// Thread-safety: none of these types is shared; use one per thread.
#ifndef DIPLOGRAPH_CORE_JSON_DOM_H_
#define DIPLOGRAPH_CORE_JSON_DOM_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace diplograph {

// Bump allocation in blocks; Reset() makes every block reusable.
class JsonArena {
 public:
  JsonArena() = default;
  JsonArena(const JsonArena&) = delete;
  JsonArena& operator=(const JsonArena&) = delete;

  void* Allocate(size_t bytes, size_t align);
  // Forgets everything allocated; keeps the memory for reuse.
  void Reset();

 private:
  struct Block {
    std::unique_ptr<char[]> data;
    size_t size;
  };
  std::vector<Block> blocks_;
  size_t current_ = 0;  // index into blocks_
  size_t used_ = 0;     // bytes used in blocks_[current_]
};

struct JsonMember;

class JsonValue {
 public:
  enum class Kind : uint8_t { kNull, kBool, kInt, kUint, kDouble, kString, kArray, kObject };

  Kind kind() const { return kind_; }
  bool is_null() const { return kind_ == Kind::kNull; }
  bool is_bool() const { return kind_ == Kind::kBool; }
  bool is_string() const { return kind_ == Kind::kString; }
  bool is_array() const { return kind_ == Kind::kArray; }
  bool is_object() const { return kind_ == Kind::kObject; }
  bool is_number() const {
    return kind_ == Kind::kInt || kind_ == Kind::kUint || kind_ == Kind::kDouble;
  }
  bool is_integer() const { return kind_ == Kind::kInt || kind_ == Kind::kUint; }
  bool is_unsigned() const { return kind_ == Kind::kUint; }
  // "null", "boolean", "number", "string", "array" or "object".
  const char* type_name() const;

  bool boolean() const { return u_.b; }
  std::string_view str() const { return {u_.s, size_}; }
  // Numbers converted as static_cast would (checked by the caller).
  int64_t as_int() const;
  uint64_t as_uint() const;
  double as_double() const;

  // Elements of an array, members of an object (empty for anything else).
  size_t size() const { return is_array() || is_object() ? size_ : 0; }
  bool empty() const { return size() == 0; }
  std::span<const JsonValue> items() const;
  std::span<const JsonMember> members() const;
  // The last member named `key` (as duplicate keys usually resolve), or
  // nullptr. Linear in the number of members.
  const JsonValue* Find(std::string_view key) const;

 private:
  friend class JsonParser;
  Kind kind_ = Kind::kNull;
  uint32_t size_ = 0;  // string length, element or member count
  union {
    bool b;
    int64_t i;
    uint64_t u;
    double d;
    const char* s;
    const JsonValue* items;
    const JsonMember* members;
  } u_{};
};

struct JsonMember {
  std::string_view key;
  JsonValue value;
};

class JsonParser {
 public:
  static constexpr int kMaxDepth = 512;

  // `text` must outlive the parser and every value it returns.
  explicit JsonParser(std::string_view text);

  // Parses one value at the current position (after whitespace) into
  // `arena`. Returns nullptr on error (see error()).
  const JsonValue* ParseValue(JsonArena* arena);
  // Likewise, but when the value is an object, members whose key `keep`
  // rejects are checked and skipped rather than built (a reader that needs
  // a few members of big objects). The same text is refused, with the same
  // error.
  using KeyFilter = bool (*)(std::string_view key);
  const JsonValue* ParseValue(JsonArena* arena, KeyFilter keep);

  // Piecewise reading. Each returns false on a syntax error (see error()).
  // Begin*: consumes the opening bracket of the value at the current
  // position; `*is` says whether it was one (when not, nothing is consumed).
  bool BeginObject(bool* is);
  bool BeginArray(bool* is);
  // Next*: moves to the next member / element of the innermost container
  // begun; `*more` is false (and the closing bracket consumed) at its end.
  // After NextMember the value follows: parse it, or SkipValue().
  bool NextMember(std::string_view* key, JsonArena* arena, bool* more);
  bool NextElement(bool* more);
  // Skips one value without building it (it is still checked).
  // `nesting`: the containers around it that were read directly (below),
  // which count towards kMaxDepth as those begun piecewise do.
  bool SkipValue(int nesting = 0);

  // Direct reading, for a caller that expects values of a known shape and
  // would rather not build them. Each reads one token at the current
  // position (after whitespace) and returns true, or returns false having
  // read nothing and reported nothing (another token, or a malformed one,
  // which ParseValue() will report). A caller that meets anything it does
  // not expect goes back with Rewind() and parses the value in full.
  bool ReadToken(char c) {  // one of { } [ ] : ,
    // Mostly right there: no whitespace in machine-written JSON.
    if (pos_ < text_.size() && text_[pos_] == c && !failed()) {
      ++pos_;
      return true;
    }
    return ReadTokenAfterWs(c);
  }
  // A string: a view of the text, or of its decoded copy in `arena`.
  bool ReadString(std::string_view* out, JsonArena* arena);
  bool ReadNumber(JsonValue* out);  // as ParseValue() reads it
  // Back to `mark`, an offset() taken since the last Begin*() or Next*()
  // call, with no error (one found since is forgotten).
  void Rewind(size_t mark);
  // After the top-level value: only whitespace may follow.
  bool End();

  // Where the parser is, and the first error found.
  size_t offset() const { return pos_; }
  bool failed() const { return !error_.empty(); }
  const std::string& error() const { return error_; }
  size_t error_offset() const { return error_at_; }

 private:
  struct Frame {
    bool object;
    bool first;
  };
  bool Begin(char open, bool* is);
  bool ReadTokenAfterWs(char c);
  bool Fail(size_t at, std::string message);
  void SkipWs();
  bool Literal(std::string_view word);
  bool ParseString(std::string_view* out, JsonArena* arena);
  bool ParseNumber(JsonValue* out);
  // `out` null: the value is checked, not built.
  bool ParseInto(JsonValue* out, JsonArena* arena, int depth, KeyFilter keep = nullptr);
  bool ParseContainer(JsonValue* out, JsonArena* arena, int depth, KeyFilter keep);
  bool ParseKey(std::string_view* key, JsonArena* arena);
  bool Separator(Frame* frame, char close, bool* more);

  std::string_view text_;
  size_t pos_ = 0;
  std::string error_;
  size_t error_at_ = 0;
  std::vector<Frame> frames_;          // containers begun piecewise
  std::vector<JsonValue> value_stack_;  // children of containers being parsed
  std::vector<JsonMember> member_stack_;
  std::string scratch_;    // decoding escaped strings
  JsonArena skip_arena_;  // values parsed only to be skipped
};

}  // namespace diplograph

#endif  // DIPLOGRAPH_CORE_JSON_DOM_H_
