#include "diplograph/text/reader.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <system_error>
#include <thread>
#include <type_traits>

#include "diplograph/core/date.h"
#include "diplograph/core/json_dom.h"
#include "diplograph/core/strings.h"

namespace diplograph {

namespace {

// The configured limit, never above what 32-bit offsets can address.
size_t DocumentLimit(const ReaderOptions& options) {
  return std::min(options.max_document_bytes, kMaxDocumentBytesLimit);
}

// Deepest nesting of [ and { outside strings, stopping early past `limit`.
int JsonDepth(std::string_view s, int limit) {
  int depth = 0, max_depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > max_depth) max_depth = depth;
      if (max_depth > limit) return max_depth;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return max_depth;
}

// Offsets in `s` (a well-formed JSON array) where its elements start.
std::vector<size_t> ArrayElementOffsets(std::string_view s) {
  std::vector<size_t> out;
  int depth = 0;
  bool in_string = false, expect_value = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
    if (expect_value && c != ']') out.push_back(i);
    expect_value = false;
    if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth == 1) expect_value = true;
    } else if (c == ']' || c == '}') {
      --depth;
    } else if (c == ',' && depth == 1) {
      expect_value = true;
    }
  }
  return out;
}

// Line and column of byte `offset` of `text`, which starts at byte `base` of
// `whole`, on line `first_line`. Costs O(offset), not O(base + offset): JSON
// Lines files with many bad lines stay linear.
void LocateIn(std::string_view whole, size_t base, int first_line, std::string_view text,
              size_t offset, int* line, int* col) {
  LineColAt(text, offset, line, col);
  if (*line == 1) {
    size_t nl = base == 0 ? std::string_view::npos : whole.rfind('\n', base - 1);
    *col += static_cast<int>(base - (nl == std::string_view::npos ? 0 : nl + 1));
  }
  *line += first_line - 1;
}

// nlohmann's DOM parser, keeping the first error instead of throwing it: a
// file of a million bad lines must not cost a million exceptions.
class QuietDomParser : public nlohmann::detail::json_sax_dom_parser<nlohmann::json> {
 public:
  explicit QuietDomParser(nlohmann::json* out) : json_sax_dom_parser(*out, false) {}

  template <class Exception>
  bool parse_error(size_t at_byte, const std::string& last_token, const Exception& e) {
    byte = at_byte;
    token_size = last_token.size();
    what = e.what();
    overflow = std::is_same_v<Exception, nlohmann::json::out_of_range>;  // 1e999
    return false;
  }

  size_t byte = 0;        // bytes read when the error was found
  size_t token_size = 0;  // of the last token read
  std::string what;
  bool overflow = false;
};

// The JSON most corpora consist of, one flat object of strings (or nulls) a
// line, read by the arena parser (core/json_dom.h) into the very value
// nlohmann's parser builds, without its per-character token buffer.
// Anything else (numbers, nesting, arrays, any syntax error) returns false,
// and the caller runs the full parser, which also words every error.
bool ParseFlatObject(std::string_view text, nlohmann::json* out) {
  thread_local JsonArena arena;
  arena.Reset();
  JsonParser p(text);
  const JsonValue* v = p.ParseValue(&arena);
  if (v == nullptr || !p.End() || !v->is_object()) return false;
  nlohmann::json obj = nlohmann::json::object();
  for (const JsonMember& m : v->members()) {  // a repeated key: the last wins, as in nlohmann
    if (m.value.is_string()) {
      obj[std::string(m.key)] = std::string(m.value.str());
    } else if (m.value.is_null()) {
      obj[std::string(m.key)] = nullptr;
    } else {
      return false;
    }
  }
  *out = std::move(obj);
  return true;
}

bool ParseOneJson(std::string_view text, std::string_view path, int first_line,
                  std::string_view whole, size_t base, const ReaderOptions& options,
                  Diagnostics* diags, nlohmann::json* out) {
  // A flat object has depth 1, within any limit (--max-json-depth is >= 1).
  if (options.max_json_depth >= 1 && ParseFlatObject(text, out)) return true;
  if (JsonDepth(text, options.max_json_depth) > options.max_json_depth) {
    diags->Error(path, first_line, 0,
                 "JSON nested deeper than " + std::to_string(options.max_json_depth) + " levels");
    return false;
  }
  QuietDomParser parser(out);
  if (nlohmann::json::sax_parse(text.begin(), text.end(), &parser)) return true;
  size_t off = parser.byte > 0 ? parser.byte - 1 : 0;
  std::string msg = parser.what;
  if (parser.overflow) {  // "[json.exception.out_of_range.406] number overflow parsing '1e999'"
    off = parser.byte > parser.token_size ? parser.byte - parser.token_size : 0;
    msg.erase(0, msg.find(']') + 2);
  } else {
    size_t p = msg.find("parse error");
    if (p != std::string::npos) msg = msg.substr(p);
    // nlohmann repeats the position ("at line 1, column 28"); ours leads the line.
    size_t at = msg.find(" at line ");
    size_t colon = at == std::string::npos ? std::string::npos : msg.find(':', at);
    if (at != std::string::npos && colon != std::string::npos) msg.erase(at, colon - at);
  }
  int line = first_line, col = 0;
  LocateIn(whole, base, first_line, text, off, &line, &col);
  diags->Error(path, line, col, "malformed JSON: " + msg);
  return false;
}

std::string StringField(const nlohmann::json& obj, const char* key, std::string_view path,
                        int line, Diagnostics* diags, bool* ok) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return "";
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number_integer() && std::string_view(key) == "id") return it->dump();
  diags->Error(path, line, 0, std::string("field \"") + key + "\" must be a string, not " +
                                  it->type_name());
  *ok = false;
  return "";
}

bool CheckDate(Document* doc, std::string_view path, int line, const ReaderOptions& options,
               Diagnostics* diags) {
  if (doc->date.empty()) {
    doc->date = options.default_date;
    return true;
  }
  if (!ParseIsoDate(doc->date)) {
    diags->Error(path, line, 0, "bad date \"" + doc->date + "\" (expected YYYY-MM-DD)");
    return false;
  }
  doc->date = doc->date.substr(0, 10);
  return true;
}

}  // namespace

namespace {

// Where `text` first has a NUL byte, and first has ill-formed UTF-8 (npos:
// nowhere).
struct TextFaults {
  size_t nul = std::string_view::npos;
  size_t bad = std::string_view::npos;
};

TextFaults FindFaults(std::string_view text) {
  TextFaults f;
  f.nul = text.find('\0');
  if (size_t bad = 0; !IsValidUtf8(text, &bad)) f.bad = bad;
  return f;
}

// Big texts (saved graphs run to gigabytes) are checked in two halves at
// once. The halves meet at the start of a character, where each reads as
// the whole would; text with no such place near the middle is read whole.
TextFaults FindFaultsInHalves(std::string_view text) {
  constexpr size_t kSplitAbove = size_t{32} << 20;
  if (text.size() <= kSplitAbove || std::thread::hardware_concurrency() < 2) {
    return FindFaults(text);
  }
  size_t mid = text.size() / 2;
  auto continues = [&](size_t i) { return (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80; };
  for (int back = 0; back < 3 && continues(mid); ++back) --mid;
  if (continues(mid)) return FindFaults(text);  // not UTF-8 there anyway
  TextFaults second;
  std::thread t;
  try {
    t = std::thread([&] { second = FindFaults(text.substr(mid)); });
  } catch (const std::system_error&) {  // no thread to be had: one reading
    return FindFaults(text);
  }
  TextFaults f = FindFaults(text.substr(0, mid));
  t.join();
  if (f.nul == std::string_view::npos && second.nul != std::string_view::npos) {
    f.nul = mid + second.nul;
  }
  if (f.bad == std::string_view::npos && second.bad != std::string_view::npos) {
    f.bad = mid + second.bad;
  }
  return f;
}

}  // namespace

bool CheckText(std::string_view content, std::string_view path, Diagnostics* diags) {
  const TextFaults f = FindFaultsInHalves(content);
  if (f.nul != std::string_view::npos) {  // a binary file, whatever else is wrong
    int line, col;
    LineColAt(content, f.nul, &line, &col);
    diags->Error(path, line, col, "binary file (NUL byte at byte " + std::to_string(f.nul) + ")");
    return false;
  }
  if (f.bad != std::string_view::npos) {
    int line, col;
    LineColAt(content, f.bad, &line, &col);
    diags->Error(path, line, col, "invalid UTF-8 at byte " + std::to_string(f.bad));
    return false;
  }
  return true;
}

std::optional<Document> ParseTxtArticle(std::string_view content, std::string_view path,
                                        std::string_view default_id,
                                        const ReaderOptions& options, Diagnostics* diags) {
  if (size_t limit = DocumentLimit(options); content.size() > limit) {
    diags->Error(path, 0, 0, "document of " + std::to_string(content.size()) +
                                 " bytes exceeds the limit of " + std::to_string(limit) +
                                 " bytes");
    return std::nullopt;
  }
  if (!CheckText(content, path, diags)) return std::nullopt;
  if (StartsWith(content, "\xEF\xBB\xBF")) content.remove_prefix(3);
  Document doc;
  doc.origin = std::string(path);
  size_t pos = 0;
  int line_no = 0, date_line = 0;
  bool saw_header = false;
  while (pos < content.size()) {
    size_t eol = content.find('\n', pos);
    if (eol == std::string_view::npos) eol = content.size();
    std::string_view line = Trim(content.substr(pos, eol - pos));
    ++line_no;
    size_t colon = line.find(':');
    std::string key = colon == std::string_view::npos ? "" : AsciiLower(line.substr(0, colon));
    std::string value(colon == std::string_view::npos ? "" : Trim(line.substr(colon + 1)));
    if (line.empty() && saw_header) {
      pos = eol + 1;
      break;
    }
    if (key == "title") {
      doc.title = value;
    } else if (key == "date") {
      doc.date = value;
      date_line = line_no;
    } else if (key == "url") {
      doc.url = value;
    } else if (key == "id") {
      doc.id = value;
    } else if (key == "source") {
      doc.source = value;
    } else {
      break;
    }
    saw_header = true;
    pos = eol + 1;
  }
  if (pos > content.size()) pos = content.size();
  if (!saw_header) pos = 0;
  doc.text = std::string(content.substr(pos));
  if (doc.id.empty()) doc.id = std::string(default_id);
  if (Trim(doc.text).empty()) {
    diags->Error(path, 0, 0, "empty document (no text)");
    return std::nullopt;
  }
  if (!CheckDate(&doc, path, date_line, options, diags)) return std::nullopt;
  return doc;
}

void ParseJsonRecords(std::string_view content, std::string_view path,
                      const ReaderOptions& options, Diagnostics* diags,
                      const std::function<void(int line, const nlohmann::json&)>& on_record,
                      const JsonLinesChunk* chunk) {
  std::string_view file = content;
  size_t bom = chunk == nullptr && StartsWith(content, "\xEF\xBB\xBF") ? 3 : 0;
  content.remove_prefix(bom);
  std::string_view trimmed = Trim(content);
  if (trimmed.empty()) {
    if (chunk == nullptr) diags->Error(path, 0, 0, "empty file");
    return;
  }
  // A single JSON value spanning the file (an object or an array of objects)?
  size_t first_nl = trimmed.find('\n');
  bool one_value = trimmed.front() == '[' ||
                   (first_nl != std::string_view::npos &&
                    Trim(trimmed.substr(0, first_nl)) == "{");
  if (one_value && chunk == nullptr) {
    if (!CheckText(file, path, diags)) return;
    nlohmann::json value;
    size_t base = static_cast<size_t>(trimmed.data() - content.data());
    int first_line = 1, col = 0;
    LineColAt(content, base, &first_line, &col);
    if (!ParseOneJson(trimmed, path, first_line, content, base, options, diags, &value)) return;
    if (value.is_array()) {
      // Each element at the line where it starts (counted on from the last).
      std::vector<size_t> starts = ArrayElementOffsets(trimmed);
      int line = first_line;
      size_t counted = 0;
      for (size_t k = 0; k < value.size(); ++k) {
        if (k < starts.size() && starts[k] >= counted) {
          line += static_cast<int>(std::count(trimmed.begin() + static_cast<ptrdiff_t>(counted),
                                              trimmed.begin() + static_cast<ptrdiff_t>(starts[k]),
                                              '\n'));
          counted = starts[k];
        }
        on_record(line, value[k]);
      }
    } else {
      on_record(first_line, value);
    }
    return;
  }
  size_t pos = 0;
  int line_no = chunk == nullptr ? 0 : chunk->first_line - 1;
  size_t offset = chunk == nullptr ? bom : chunk->offset;  // of `content` in the file
  while (pos < content.size()) {
    size_t eol = content.find('\n', pos);
    if (eol == std::string_view::npos) eol = content.size();
    ++line_no;
    std::string_view line = content.substr(pos, eol - pos);
    if (!Trim(line).empty()) {
      nlohmann::json value;
      if (line.size() > options.max_document_bytes) {
        diags->Error(path, line_no, 0,
                     "record of " + std::to_string(line.size()) + " bytes exceeds the limit of " +
                         std::to_string(options.max_document_bytes) + " bytes");
      } else if (size_t bad = 0; !IsValidUtf8(line, &bad)) {
        diags->Error(path, line_no, static_cast<int>(bad) + 1,
                     "invalid UTF-8 at byte " + std::to_string(offset + pos + bad));
      } else if (ParseOneJson(line, path, line_no, content, pos, options, diags, &value)) {
        on_record(line_no, value);
      }
    }
    pos = eol + 1;
  }
}

std::optional<Document> DocumentFromJson(const nlohmann::json& obj, std::string_view path,
                                         int line, std::string_view default_id,
                                         const ReaderOptions& options, Diagnostics* diags) {
  if (!obj.is_object()) {
    diags->Error(path, line, 0, std::string("expected a JSON object, not ") + obj.type_name());
    return std::nullopt;
  }
  bool ok = true;
  Document doc;
  doc.origin = std::string(path) + ":" + std::to_string(line);
  auto text = obj.find("text");
  if (text == obj.end() || !text->is_string()) {
    diags->Error(path, line, 0,
                 text == obj.end() ? "record has no \"text\" field"
                                   : std::string("field \"text\" must be a string, not ") +
                                         text->type_name());
    return std::nullopt;
  }
  doc.text = text->get<std::string>();
  doc.id = StringField(obj, "id", path, line, diags, &ok);
  doc.title = StringField(obj, "title", path, line, diags, &ok);
  doc.date = StringField(obj, "date", path, line, diags, &ok);
  doc.url = StringField(obj, "url", path, line, diags, &ok);
  doc.source = StringField(obj, "source", path, line, diags, &ok);
  if (!ok) return std::nullopt;
  // The title is analysed too, with offsets of its own.
  size_t limit = DocumentLimit(options);
  auto too_long = [&](const std::string& field, const char* what) {
    if (field.size() <= limit) return false;
    diags->Error(path, line, 0, std::string("document ") + what + " exceeds the limit of " +
                                    std::to_string(limit) + " bytes");
    return true;
  };
  if (too_long(doc.text, "text") || too_long(doc.title, "title")) return std::nullopt;
  if (doc.text.find('\0') != std::string::npos) {
    diags->Error(path, line, 0, "document text contains a NUL character");
    return std::nullopt;
  }
  if (doc.id.empty()) doc.id = std::string(default_id);
  if (!CheckDate(&doc, path, line, options, diags)) return std::nullopt;
  return doc;
}

}  // namespace diplograph
