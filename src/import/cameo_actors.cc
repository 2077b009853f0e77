// Reading CAMEO .actors dictionaries; see import/cameo_actors.h.
#include "diplograph/import/cameo_actors.h"

#include <cstdio>

#include "diplograph/core/date.h"
#include "diplograph/core/strings.h"

namespace diplograph {

namespace {

// Removes comments: '#' or ';' to the end of the line, and <!-- ... -->,
// which may span lines (*in_comment carries the state to the next line).
std::string StripComments(std::string_view line, bool* in_comment) {
  std::string out;
  size_t i = 0;
  while (i < line.size()) {
    if (*in_comment) {
      size_t end = line.find("-->", i);
      if (end == std::string_view::npos) break;
      *in_comment = false;
      i = end + 3;
    } else if (line.substr(i, 4) == "<!--") {
      *in_comment = true;
      i += 4;
    } else if (line[i] == '#' || line[i] == ';') {
      break;
    } else {
      out.push_back(line[i++]);
    }
  }
  return out;
}

// Old dictionaries are often Latin-1: a line that is not UTF-8 is read as Latin-1.
std::string AsUtf8(std::string_view line) {
  if (IsValidUtf8(line)) return std::string(line);
  std::string out;
  for (char c : line) AppendUtf8(static_cast<unsigned char>(c), &out);
  return out;
}

bool AllDigits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return !s.empty();
}

int Number(std::string_view s) {
  int n = 0;
  for (char c : s) n = n * 10 + (c - '0');
  return n;
}

// YYMMDD or YYYYMMDD -> "YYYY-MM-DD"; false for anything else.
bool ParseCameoDate(std::string_view s, std::string* iso) {
  if ((s.size() != 6 && s.size() != 8) || !AllDigits(s)) return false;
  size_t y = s.size() - 4;
  int year = Number(s.substr(0, y));
  if (y == 2) year += year < 50 ? 2000 : 1900;
  int month = Number(s.substr(y, 2)), day = Number(s.substr(y + 2, 2));
  if (month < 1 || month > 12 || day < 1 || day > DaysInMonth(year, month)) return false;
  char buf[40];  // room for any int, though the year has at most 4 digits
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  *iso = buf;
  return true;
}

// "<D", ">D" or "D1-D2" into code->start and code->end.
bool ParseRestriction(std::string_view s, CameoCode* code) {
  code->dated = true;
  if (!s.empty() && s[0] == '<') return ParseCameoDate(s.substr(1), &code->end);
  if (!s.empty() && s[0] == '>') return ParseCameoDate(s.substr(1), &code->start);
  size_t dash = s.find('-');
  if (dash == std::string_view::npos) return false;
  return ParseCameoDate(s.substr(0, dash), &code->start) &&
         ParseCameoDate(s.substr(dash + 1), &code->end) && code->start <= code->end;
}

// One to five three-letter upper-case parts ("USA", "IGOUNOKID").
bool IsCameoCode(std::string_view s) {
  if (s.empty() || s.size() % 3 != 0 || s.size() > 15) return false;
  for (char c : s) {
    if (c < 'A' || c > 'Z') return false;
  }
  return true;
}

std::vector<std::string_view> Words(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    size_t start = i;
    while (i < s.size() && s[i] != ' ' && s[i] != '\t') ++i;
    if (i > start) out.push_back(s.substr(start, i - start));
  }
  return out;
}

class LineParser {
 public:
  LineParser(std::string_view path, Diagnostics* diags) : path_(path), diags_(diags) {}

  void Line(std::string_view text, int line_no) {
    line_ = line_no;
    std::string_view t = Trim(text);
    if (t.empty()) return;
    if (t[0] == '[') {
      if (Current("a code line")) Codes(t);
      return;
    }
    size_t bracket = t.find('[');
    std::string_view phrase = t.substr(0, bracket);
    std::string_view codes = bracket == std::string_view::npos ? "" : t.substr(bracket);
    bool synonym = t[0] == '+';
    if (synonym) phrase.remove_prefix(1);
    std::string name = PhraseToName(phrase);
    if (name.empty()) {
      Error("no name before the codes");
      return;
    }
    if (synonym) {
      if (!Current("a synonym line")) return;
      actors_.back().aliases.push_back(std::move(name));
    } else {
      actors_.push_back({std::move(name), {}, {}, std::string(path_), line_});
    }
    Codes(codes);
  }

  std::vector<CameoActor> Take() { return std::move(actors_); }

 private:
  void Error(const std::string& message) { diags_->Error(path_, line_, 0, message); }

  bool Current(const char* what) {
    if (!actors_.empty()) return true;
    Error(std::string(what) + " before the first entry");
    return false;
  }

  // A run of "[CODE]" / "[CODE DATES]" blocks; bad blocks are reported and skipped.
  void Codes(std::string_view s) {
    while (!(s = Trim(s)).empty()) {
      size_t close = s.find(']');
      if (s[0] != '[' || close == std::string_view::npos) {
        Error(s[0] != '[' ? "unexpected text '" + std::string(s) + "' after the codes"
                          : "missing ']' in '" + std::string(s) + "'");
        return;
      }
      Block(s.substr(1, close - 1));
      s.remove_prefix(close + 1);
    }
  }

  void Block(std::string_view inside) {
    std::vector<std::string_view> w = Words(inside);
    if (w.empty() || w.size() > 2) {
      Error("expected [CODE] or [CODE DATES], not [" + std::string(inside) + "]");
      return;
    }
    if (w[0] == "---") return;  // the null code
    if (!IsCameoCode(w[0])) {
      Error("malformed CAMEO code '" + std::string(w[0]) + "'");
      return;
    }
    CameoCode code{std::string(w[0]), "", "", false, line_};
    if (w.size() == 2 && !ParseRestriction(w[1], &code)) {
      Error("malformed date restriction '" + std::string(w[1]) +
            "' (expected <YYMMDD, >YYMMDD or YYMMDD-YYMMDD)");
      return;
    }
    actors_.back().codes.push_back(std::move(code));
  }

  std::string_view path_;
  Diagnostics* diags_;
  int line_ = 0;
  std::vector<CameoActor> actors_;
};

// Latin-1 and Latin Extended-A case pairs; other code points are unchanged.
char32_t LatinLower(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z' ? c + 32 : c;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;
  if (c == 0x178) return 0xFF;
  bool even_upper = (c >= 0x100 && c <= 0x137 && c != 0x130) || (c >= 0x14A && c <= 0x177);
  bool odd_upper = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E);
  if ((even_upper && c % 2 == 0) || (odd_upper && c % 2 == 1)) return c + 1;
  return c;
}

char32_t LatinUpper(char32_t c) {
  if (c < 0x80) return c >= 'a' && c <= 'z' ? c - 32 : c;
  if (c >= 0xE0 && c <= 0xFE && c != 0xF7) return c - 32;
  if (c == 0xFF) return 0x178;
  if (c > 0x100 && c <= 0x17E && LatinLower(c - 1) == c) return c - 1;
  return c;
}

bool IsLetter(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c != 0xD7 && c != 0xF7);
}

// One word in title case: capitals after '-', '.', '/', '(' and after an
// apostrophe that follows a single letter ("D'Escoto", not "Children'S").
std::string TitleWord(std::string_view word) {
  std::u32string cps;
  for (size_t i = 0; i < word.size();) {
    size_t len = 1;
    cps.push_back(DecodeUtf8(word, i, &len));
    i += len;
  }
  std::string out;
  size_t part_start = 0;
  for (size_t i = 0; i < cps.size(); ++i) {
    char32_t c = cps[i];
    bool start = i == part_start;
    if (c == '-' || c == '.' || c == '/' || c == '(') part_start = i + 1;
    if (c == '\'' && i == part_start + 1 && IsLetter(cps[part_start])) part_start = i + 1;
    AppendUtf8(start ? LatinUpper(LatinLower(c)) : LatinLower(c), &out);
  }
  return out;
}

}  // namespace

std::string PhraseToName(std::string_view phrase) {
  std::string out;
  size_t i = 0;
  while (i < phrase.size()) {
    auto sep = [&](char c) { return c == '_' || c == ' ' || c == '\t'; };
    while (i < phrase.size() && sep(phrase[i])) ++i;
    size_t start = i;
    while (i < phrase.size() && !sep(phrase[i])) ++i;
    if (i == start) break;
    if (!out.empty()) out.push_back(' ');
    out += TitleWord(phrase.substr(start, i - start));
  }
  return out;
}

std::vector<CameoActor> ParseCameoActors(std::string_view content, std::string_view path,
                                         Diagnostics* diags) {
  if (StartsWith(content, "\xEF\xBB\xBF")) content.remove_prefix(3);
  LineParser parser(path, diags);
  bool in_comment = false;
  int line_no = 0;
  for (std::string_view line : Split(content, '\n')) {
    ++line_no;
    parser.Line(StripComments(AsUtf8(line), &in_comment), line_no);
  }
  return parser.Take();
}

}  // namespace diplograph
