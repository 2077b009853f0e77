#include "diplograph/core/strings.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>

namespace diplograph {

char32_t DecodeUtf8(std::string_view s, size_t i, size_t* len) {
  auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = b(i);
  *len = 1;
  if (c < 0x80) return c;
  int n = 0;
  char32_t cp = 0;
  if (c >= 0xC2 && c <= 0xDF) {
    n = 1;
    cp = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 2;
    cp = c & 0x0F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 3;
    cp = c & 0x07;
  } else {
    return 0xFFFD;
  }
  if (i + static_cast<size_t>(n) >= s.size()) return 0xFFFD;
  for (int k = 1; k <= n; ++k) {
    unsigned char cc = b(i + k);
    if ((cc & 0xC0) != 0x80) return 0xFFFD;
    cp = (cp << 6) | (cc & 0x3F);
  }
  if ((n == 2 && cp < 0x800) || (n == 3 && (cp < 0x10000 || cp > 0x10FFFF)) ||
      (cp >= 0xD800 && cp <= 0xDFFF)) {
    return 0xFFFD;
  }
  *len = static_cast<size_t>(n) + 1;
  return cp;
}

bool IsValidUtf8(std::string_view s, size_t* bad_offset) {
  size_t i = 0;
  while (i < s.size()) {
    // Eight ASCII bytes at a time: nearly all of a news text.
    while (i + 8 <= s.size()) {
      uint64_t word;
      std::memcpy(&word, s.data() + i, 8);
      if ((word & 0x8080808080808080ull) != 0) break;
      i += 8;
    }
    if (i == s.size()) break;
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len = 0;
    char32_t cp = DecodeUtf8(s, i, &len);
    if (cp == 0xFFFD && !(len == 3 && s.substr(i, 3) == "\xEF\xBF\xBD")) {
      if (bad_offset) *bad_offset = i;
      return false;
    }
    i += len;
  }
  return true;
}

void AppendUtf8(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    // Branch-free: the compiler vectorises this loop.
    c = static_cast<char>(c + ((c >= 'A' && c <= 'Z') ? ('a' - 'A') : 0));
  }
  return out;
}

namespace {

// Latin-1 Supplement and Latin Extended-A letters folded to ASCII.
const char* FoldLatin(char32_t cp) {
  static const char* const kLatin1[] = {
      "A", "A", "A", "A", "A", "A", "AE", "C", "E", "E", "E", "E", "I", "I", "I", "I",   // C0
      "D", "N", "O", "O", "O", "O", "O", "x", "O", "U", "U", "U", "U", "Y", "Th", "ss",  // D0
      "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",   // E0
      "d", "n", "o", "o", "o", "o", "o", "/", "o", "u", "u", "u", "u", "y", "th", "y"};  // F0
  if (cp >= 0xC0 && cp <= 0xFF) return kLatin1[cp - 0xC0];
  if (cp >= 0x100 && cp <= 0x17F) {
    static const char kExtA[] =
        "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIiJjJjKkkLlLlLlLlLlNnNnNnnNnOoOoOoOoRrRrRrSsSsSsSsTt"
        "TtTtUuUuUuUuUuUuWwYyYZzZzZzs";
    static thread_local char buf[2];
    size_t k = cp - 0x100;
    if (k < sizeof(kExtA) - 1) {
      buf[0] = kExtA[k];
      buf[1] = 0;
      return buf;
    }
  }
  switch (cp) {
    case 0x2018: case 0x2019: case 0x201B: case 0x2032: case 0x02BC: return "'";
    case 0x201C: case 0x201D: case 0x201F: case 0x2033: case 0x00AB: case 0x00BB: return "\"";
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
      return "-";
    case 0x00A0: case 0x2002: case 0x2003: case 0x2009: case 0x200A: case 0x202F: case 0x2007:
      return " ";
    case 0x2026: return "...";
    default: return nullptr;
  }
}

}  // namespace

std::string FoldToAscii(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    // Runs of ASCII (nearly all of a news text) are copied in one append.
    size_t run = i;
    while (run < s.size() && static_cast<unsigned char>(s[run]) < 0x80) ++run;
    if (run > i) {
      out.append(s.data() + i, run - i);
      i = run;
      if (i == s.size()) break;
    }
    size_t len = 0;
    char32_t cp = DecodeUtf8(s, i, &len);
    const char* f = FoldLatin(cp);
    if (f != nullptr) {
      out += f;
    } else {
      out.append(s.substr(i, len));
    }
    i += len;
  }
  return out;
}

std::string Slugify(std::string_view s) {
  std::string folded = FoldToAscii(s);
  std::string out;
  out.reserve(folded.size());
  bool dash = false;
  for (char ch : folded) {
    char c = ch;
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      if (dash && !out.empty()) out.push_back('-');
      dash = false;
      out.push_back(c);
    } else if (c == '\'') {
      // "People's" -> "peoples"
    } else {
      dash = true;
    }
  }
  return out;
}

std::string_view Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r' || s[b] == '\n')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r' || s[e - 1] == '\n')) --e;
  return s.substr(b, e - b);
}

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == sep) {
      out.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  return out;
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

int EditDistance(std::string_view a, std::string_view b, int limit) {
  int n = static_cast<int>(a.size()), m = static_cast<int>(b.size());
  if (std::abs(n - m) > limit) return limit + 1;
  std::vector<int> prev(static_cast<size_t>(m) + 1), cur(static_cast<size_t>(m) + 1);
  for (int j = 0; j <= m; ++j) prev[static_cast<size_t>(j)] = j;
  for (int i = 1; i <= n; ++i) {
    cur[0] = i;
    int row_min = cur[0];
    for (int j = 1; j <= m; ++j) {
      int cost = a[static_cast<size_t>(i - 1)] == b[static_cast<size_t>(j - 1)] ? 0 : 1;
      cur[static_cast<size_t>(j)] = std::min({prev[static_cast<size_t>(j)] + 1,
                                              cur[static_cast<size_t>(j - 1)] + 1,
                                              prev[static_cast<size_t>(j - 1)] + cost});
      row_min = std::min(row_min, cur[static_cast<size_t>(j)]);
    }
    if (row_min > limit) return limit + 1;
    std::swap(prev, cur);
  }
  int d = prev[static_cast<size_t>(m)];
  return d > limit ? limit + 1 : d;
}

namespace {

// Printable ASCII other than '"' and '\\' is copied as it is.
bool JsonPlain(unsigned char c) { return c >= 0x20 && c < 0x80 && c != '"' && c != '\\'; }

// Whether all eight bytes of `w` are JsonPlain(), by the usual bit tricks:
// a byte below 0x20 or at 0x80 and above, and a byte equal to '"' or '\\',
// each leave a high bit set in one of the terms.
bool AllJsonPlain(uint64_t w) {
  constexpr uint64_t kOnes = 0x0101010101010101ull;
  constexpr uint64_t kHigh = 0x8080808080808080ull;
  auto has_zero = [](uint64_t x) { return (x - kOnes) & ~x & kHigh; };
  uint64_t bad = w & kHigh;                // non-ASCII
  bad |= (w - kOnes * 0x20) & ~w & kHigh;  // below 0x20 (for ASCII bytes)
  bad |= has_zero(w ^ (kOnes * '"'));
  bad |= has_zero(w ^ (kOnes * '\\'));
  return bad == 0;
}

char* Put(char* out, std::string_view s) {
  std::memcpy(out, s.data(), s.size());
  return out + s.size();
}

}  // namespace

char* EscapeJsonTo(std::string_view s, char* out) {
  size_t i = 0;
  while (i < s.size()) {
    // Eight plain bytes at a time: copy the word when none of its bytes is
    // a control character, non-ASCII, '"' or '\\'.
    while (i + 8 <= s.size()) {
      uint64_t w;
      std::memcpy(&w, s.data() + i, 8);
      if (!AllJsonPlain(w)) break;
      std::memcpy(out, &w, 8);
      out += 8;
      i += 8;
    }
    if (i == s.size()) break;
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (JsonPlain(c)) {
      *out++ = static_cast<char>(c);
      ++i;
      continue;
    }
    if (c < 0x80) {
      switch (c) {
        case '"': out = Put(out, "\\\""); break;
        case '\\': out = Put(out, "\\\\"); break;
        case '\b': out = Put(out, "\\b"); break;
        case '\f': out = Put(out, "\\f"); break;
        case '\n': out = Put(out, "\\n"); break;
        case '\r': out = Put(out, "\\r"); break;
        case '\t': out = Put(out, "\\t"); break;
        default: {  // another control character (DEL is plain above)
          static constexpr char kHex[] = "0123456789abcdef";
          const char u[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
          out = Put(out, std::string_view(u, 6));
        }
      }
      ++i;
      continue;
    }
    size_t len = 0;
    char32_t cp = DecodeUtf8(s, i, &len);
    out = Put(out, cp == 0xFFFD && len == 1 ? std::string_view("\xEF\xBF\xBD")
                                            : s.substr(i, len));
    i += len;
  }
  return out;
}

}  // namespace diplograph
