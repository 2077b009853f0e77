#include "diplograph/segment/segmenter.h"

#include <algorithm>
#include <array>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>

#include "diplograph/core/strings.h"
#include "diplograph/segment/word_class.h"

using namespace std::string_view_literals;

namespace diplograph {

namespace {

enum class CharClass { kSpace, kWord, kApostrophe, kPeriod, kHyphen, kComma, kOther };

constexpr bool IsSpaceCp(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\r' || cp == '\n' || cp == '\f' || cp == '\v' ||
         cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F || cp == 0x205F ||
         cp == 0x3000 || cp == 0xFEFF;
}

constexpr CharClass ClassifySlow(char32_t cp) {
  if (IsSpaceCp(cp)) return CharClass::kSpace;
  if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9')) {
    return CharClass::kWord;
  }
  switch (cp) {
    case '\'': case 0x2019: case 0x2018: case 0x02BC: return CharClass::kApostrophe;
    case '.': return CharClass::kPeriod;
    case '-': case 0x2010: case 0x2011: return CharClass::kHyphen;
    case ',': return CharClass::kComma;
    default: break;
  }
  if (cp < 0x80) return CharClass::kOther;
  // General punctuation, quotes, dashes, symbols.
  if ((cp >= 0x2010 && cp <= 0x206F) || (cp >= 0x00A1 && cp <= 0x00BF) || cp == 0x00D7 ||
      cp == 0x00F7 || (cp >= 0x3000 && cp <= 0x303F) || cp == 0xFFFD || (cp >= 0x2190 && cp <= 0x2BFF)) {
    return CharClass::kOther;
  }
  return CharClass::kWord;
}

// The classes of the 128 ASCII characters, computed once at compile time:
// nearly every character of a news text is ASCII.
struct AsciiClasses {
  CharClass cls[128];
  constexpr AsciiClasses() : cls() {
    for (char32_t c = 0; c < 128; ++c) cls[c] = ClassifySlow(c);
  }
};
constexpr AsciiClasses kAsciiClasses;

inline CharClass Classify(char32_t cp) {
  return cp < 128 ? kAsciiClasses.cls[cp] : ClassifySlow(cp);
}

// Whether each byte is an ASCII letter or digit: one load in the loop that
// runs over nearly every byte of a text.
struct AsciiWordBytes {
  bool word[256];
  constexpr AsciiWordBytes() : word() {
    for (int c = 0; c < 128; ++c) word[c] = kAsciiClasses.cls[c] == CharClass::kWord;
  }
};
constexpr AsciiWordBytes kAsciiWordBytes;

bool IsAsciiWordByte(char c) { return kAsciiWordBytes.word[static_cast<unsigned char>(c)]; }

bool IsLetterAscii(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsDigitAscii(char c) { return c >= '0' && c <= '9'; }

const std::unordered_set<std::string_view>& Abbreviations() {
  static const std::unordered_set<std::string_view> kAbbrev = {
      "mr", "mrs", "ms", "dr", "gen", "lt", "col", "sgt", "sen", "rep", "gov", "jan", "feb",
      "mar", "apr", "jun", "jul", "aug", "sept", "sep", "oct", "nov", "dec", "st", "jr", "sr",
      "prof", "capt", "cmdr", "adm", "maj", "brig", "rev", "hon", "inc", "corp", "ltd", "co",
      "vs", "etc", "no", "ft", "mt", "pres", "amb", "dept", "govt", "est", "approx", "cpl",
      "pvt", "supt", "insp", "det", "rt", "messrs", "mme", "mlle", "fig", "vol", "pp"};
  return kAbbrev;
}

struct Cursor {
  std::string_view text;
  size_t pos;
  size_t end;
  char32_t Peek(size_t at, size_t* len) const {
    if (at >= end) {
      *len = 0;
      return 0;
    }
    unsigned char c = static_cast<unsigned char>(text[at]);
    if (c < 0x80) {  // no call out for ASCII
      *len = 1;
      return c;
    }
    return DecodeUtf8(text, at, len);
  }
};

// Where the tokens of one text go. Most tokens are plain ASCII and view
// `copy`, the text's one copy in the segmentation's TokenChars; only folded
// and lower-cased forms take characters of their own.
struct TokenSink {
  const char* copy;   // text[copy_begin, ...) in seg->chars
  size_t copy_begin;
  Segmentation* seg;
};

// What a byte tells of a token's shape, looked up rather than tested.
enum ByteShape : uint8_t { kUpperByte = 1, kLetterByte = 2, kAlnumByte = 4, kNonAsciiByte = 8 };

struct ByteShapes {
  uint8_t bits[256];
  constexpr ByteShapes() : bits() {
    for (int c = 0; c < 256; ++c) {
      bool upper = c >= 'A' && c <= 'Z';
      bool letter = upper || (c >= 'a' && c <= 'z');
      bool alnum = letter || (c >= '0' && c <= '9') || c >= 0x80;
      bits[c] = static_cast<uint8_t>((upper ? kUpperByte : 0) | (letter ? kLetterByte : 0) |
                                     (alnum ? kAlnumByte : 0) | (c >= 0x80 ? kNonAsciiByte : 0));
    }
  }
};
constexpr ByteShapes kByteShapes;

// What FlagsOf() needs to know of a token's text, in one pass.
struct Shape {
  int letters = 0;
  int uppers = 0;
  uint8_t any = 0;  // the ByteShape bits of any byte
};

Shape ShapeOf(std::string_view s) {
  Shape sh;
  for (char c : s) {
    uint8_t b = kByteShapes.bits[static_cast<unsigned char>(c)];
    sh.letters += (b & kLetterByte) != 0;
    sh.uppers += b & kUpperByte;
    sh.any = static_cast<uint8_t>(sh.any | b);
  }
  return sh;
}

uint16_t FlagsOf(std::string_view text, const Shape& sh, bool space_before) {
  uint16_t f = space_before ? kSpaceBefore : 0;
  if (sh.letters > 0) f |= kAlpha;
  if (!text.empty() && IsDigitAscii(text[0])) f |= kNumeric;
  if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z') f |= kCapitalized;
  if (sh.letters >= 2 && sh.uppers == sh.letters) f |= kAllCaps;
  if (!(sh.any & kAlnumByte)) f |= kPunct;
  if (text == "'"sv || text == "\""sv || text == "''"sv || text == "``"sv) f |= kQuote;
  return f;
}

// `text` in lower case: the same view when it has no capital letter.
std::string_view LowerOf(std::string_view text, int uppers, TokenChars* chars) {
  if (uppers == 0) return text;
  char* out = chars->Claim(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    out[i] = static_cast<char>(c + ((c >= 'A' && c <= 'Z') ? ('a' - 'A') : 0));
  }
  return std::string_view(out, text.size());
}

void FinishToken(std::string_view text, uint32_t b, uint32_t e, bool space_before,
                 const TokenSink& sink) {
  if (e <= b) return;
  Token& t = sink.seg->tokens.emplace_back();
  t.begin = b;
  t.end = e;
  std::string_view raw = text.substr(b, e - b);
  Shape sh = ShapeOf(raw);
  if (!(sh.any & kNonAsciiByte)) {
    t.text = std::string_view(sink.copy + (b - sink.copy_begin), raw.size());  // nothing to fold
  } else {
    t.text = sink.seg->chars.Store(FoldToAscii(raw));
    sh = ShapeOf(t.text);
  }
  t.lower = LowerOf(t.text, sh.uppers, &sink.seg->chars);
  t.flags = FlagsOf(t.text, sh, space_before);
  t.hash = WordHash(t.lower);
  t.classes = WordClassesOf(t.lower, t.hash);
}

// Tokenizes text[begin, end) into out.seg.
void TokenizeInto(std::string_view text, uint32_t begin, uint32_t end, const TokenSink& out) {
  Cursor cur{text, begin, end};
  size_t i = begin;
  bool space_before = true;
  while (i < end) {
    size_t len = 0;
    char32_t cp = cur.Peek(i, &len);
    CharClass cls = Classify(cp);
    if (cls == CharClass::kSpace) {
      space_before = true;
      i += len;
      continue;
    }
    size_t start = i;
    if (cls != CharClass::kWord) {
      // Apostrophe-led clitics: "'s", "n't" handled in the word loop; here a
      // lone punctuation mark, or "'s" after a closing quote or name.
      if (cls == CharClass::kApostrophe) {
        size_t l2 = 0, l3 = 0;
        char32_t n1 = cur.Peek(i + len, &l2);
        char32_t n2 = cur.Peek(i + len + l2, &l3);
        if ((n1 == 's' || n1 == 'S') && !space_before && Classify(n2) != CharClass::kWord) {
          FinishToken(text, static_cast<uint32_t>(i), static_cast<uint32_t>(i + len + l2),
                      false, out);
          i += len + l2;
          space_before = false;
          continue;
        }
      }
      // Runs of hyphens or periods ("--", "...") stay together.
      size_t j = i + len;
      if (cls == CharClass::kHyphen || cls == CharClass::kPeriod) {
        while (j < end) {
          size_t l2 = 0;
          char32_t c2 = cur.Peek(j, &l2);
          if (Classify(c2) != cls) break;
          j += l2;
        }
      }
      FinishToken(text, static_cast<uint32_t>(i), static_cast<uint32_t>(j), space_before, out);
      i = j;
      space_before = false;
      continue;
    }
    // A word: letters and digits, with inner periods (U.S., 2.5), commas in
    // numbers (1,000) and apostrophes (O'Brien, d'Affaires).
    size_t j = i;
    bool has_period = false;
    while (j < end) {
      // Runs of ASCII letters and digits, nearly all of a word, skip decoding.
      while (j < end && IsAsciiWordByte(text[j])) ++j;
      if (j == end) break;
      size_t l = 0;
      char32_t c = cur.Peek(j, &l);
      CharClass k = Classify(c);
      if (k == CharClass::kWord) {
        j += l;
        continue;
      }
      size_t l2 = 0;
      char32_t next = cur.Peek(j + l, &l2);
      CharClass nk = Classify(next);
      if (k == CharClass::kPeriod && nk == CharClass::kWord && next < 0x80 &&
          (IsLetterAscii(static_cast<char>(next)) || IsDigitAscii(static_cast<char>(next)))) {
        // "U.S" / "2.5" / "e.g": keep going only for short letter groups or numbers.
        bool digits = IsDigitAscii(text[j - 1]) && IsDigitAscii(static_cast<char>(next));
        size_t seg_len = 0;
        for (size_t k2 = j; k2 > i && Classify(static_cast<unsigned char>(text[k2 - 1])) ==
                                             CharClass::kWord; --k2) {
          ++seg_len;
        }
        if (digits || seg_len <= 2) {
          has_period = true;
          j += l;
          continue;
        }
        break;
      }
      if (k == CharClass::kComma && IsDigitAscii(text[j - 1]) && next < 0x80 &&
          IsDigitAscii(static_cast<char>(next))) {
        j += l;
        continue;
      }
      if (k == CharClass::kApostrophe && nk == CharClass::kWord) {
        // Split "'s" and "n't"; keep other inner apostrophes.
        size_t l3 = 0;
        char32_t after = cur.Peek(j + l + l2, &l3);
        bool possessive = (next == 's' || next == 'S') && Classify(after) != CharClass::kWord;
        bool negation = (next == 't' || next == 'T') && j > i &&
                        (text[j - 1] == 'n' || text[j - 1] == 'N') &&
                        Classify(after) != CharClass::kWord;
        if (possessive) break;
        if (negation) {
          // Move the 'n' into the clitic: "isn't" -> "is" "n't".
          FinishToken(text, static_cast<uint32_t>(i), static_cast<uint32_t>(j - 1), space_before,
                      out);
          FinishToken(text, static_cast<uint32_t>(j - 1), static_cast<uint32_t>(j + l + l2),
                      false, out);
          i = j + l + l2;
          start = i;
          space_before = false;
          j = i;
          goto next_token;
        }
        j += l;
        continue;
      }
      break;
    }
    {
      // Trailing period of an abbreviation, an acronym or an initial.
      if (j < end && text[j] == '.') {
        std::string word = AsciiLower(text.substr(start, j - start));
        bool initial = j - start == 1 && text[start] >= 'A' && text[start] <= 'Z';
        bool abbrev = Abbreviations().count(word) > 0;
        if (abbrev && word == "no"sv) {
          // "No. 10", but "They said no. The talks ended."
          size_t k = j + 1;
          while (k < end && text[k] == ' ') ++k;
          abbrev = k < end && IsDigitAscii(text[k]);
        }
        if (has_period || initial || abbrev) ++j;
      }
      FinishToken(text, static_cast<uint32_t>(start), static_cast<uint32_t>(j), space_before,
                  out);
      i = j;
      space_before = false;
    }
  next_token:;
  }
}

bool IsSentenceStarter(const Token& t) {
  static const std::unordered_set<std::string_view> kStarters = {
      "the", "he", "she", "it", "they", "but", "and", "in", "on", "a", "an", "this", "that",
      "we", "i", "his", "her", "its", "their", "there", "at", "after", "before", "as",
      "when", "while", "both", "one", "some", "officials", "meanwhile", "however", "if"};
  return kStarters.count(t.lower) > 0;
}

bool IsTerminal(const Token& t) {
  return t.text == "."sv || t.text == "!"sv || t.text == "?"sv || t.text == "..."sv ||
         t.text == "?!"sv || t.text == "!!"sv;
}

// A quote or bracket attached to the text before it; one after white space
// opens the next sentence instead ("... he said. \"Talks failed.\"").
bool IsClosing(const Token& t) {
  return !t.Is(kSpaceBefore) && (t.Is(kQuote) || t.text == ")"sv || t.text == "]"sv);
}

bool StartsUpperOrQuote(const Token& t) {
  return t.Is(kCapitalized) || t.Is(kQuote) || t.Is(kNumeric) || t.text == "("sv ||
         t.text == "-"sv;
}

void MarkTitleCase(const std::vector<Token>& tokens, Sentence* s) {
  int words = 0, caps = 0;
  for (uint32_t i = s->first; i < s->last; ++i) {
    const Token& t = tokens[i];
    if (!t.Is(kAlpha) || t.text.size() <= 3) continue;
    ++words;
    if (t.Is(kCapitalized)) ++caps;
  }
  // A sentence ending in a full stop is prose, however many names it holds.
  const Token& last = tokens[s->last - 1];
  bool prose = last.text == "." || last.text == "?" || last.text == "!";
  s->title_case = !prose && words >= 3 && caps * 10 >= words * 8;
}

void SplitLine(std::string_view text, const LineSpan& line, const TokenSink& sink) {
  Segmentation* seg = sink.seg;
  uint32_t first = static_cast<uint32_t>(seg->tokens.size());
  TokenizeInto(text, line.begin, line.end, sink);
  uint32_t last = static_cast<uint32_t>(seg->tokens.size());
  const auto& tok = seg->tokens;
  uint32_t start = first;
  bool para = line.paragraph_start;
  auto emit = [&](uint32_t end_tok) {
    if (end_tok <= start) return;
    Sentence s;
    s.first = start;
    s.last = end_tok;
    s.begin = tok[start].begin;
    s.end = tok[end_tok - 1].end;
    s.paragraph_start = para;
    MarkTitleCase(tok, &s);
    seg->sentences.push_back(s);
    para = false;
    start = end_tok;
  };
  for (uint32_t i = first; i < last; ++i) {
    const Token& t = tok[i];
    bool boundary = false;
    uint32_t end_tok = i + 1;
    if (IsTerminal(t)) {
      while (end_tok < last && IsClosing(tok[end_tok])) ++end_tok;
      boundary = end_tok == last || StartsUpperOrQuote(tok[end_tok]);
      if (t.text == "..."sv && end_tok < last && !tok[end_tok].Is(kCapitalized)) boundary = false;
    } else if (!t.text.empty() && t.text.back() == '.' && t.text.size() > 1 && i + 1 < last &&
               t.text.find('.') != t.text.size() - 1) {
      // An acronym such as "U.S." ending a sentence: "... to the U.S. The ..."
      boundary = IsSentenceStarter(tok[i + 1]) && tok[i + 1].Is(kCapitalized);
    }
    if (boundary) {
      emit(end_tok);
      i = end_tok - 1;
    }
  }
  emit(last);
}

}  // namespace

char* TokenChars::Claim(size_t n) {
  if (n > room_) {
    // Blocks double, so a segmentation holds few of them.
    last_block_ = std::max({n, 2 * last_block_, size_t{256}});
    blocks_.push_back(std::make_unique_for_overwrite<char[]>(last_block_));
    next_ = blocks_.back().get();
    room_ = last_block_;
  }
  char* out = next_;
  next_ += n;
  room_ -= n;
  return out;
}

std::string_view TokenChars::Store(std::string_view s) {
  char* out = Claim(s.size());
  std::copy(s.begin(), s.end(), out);
  return std::string_view(out, s.size());
}

void Tokenize(std::string_view text, uint32_t begin, uint32_t end, Segmentation* seg) {
  std::string_view range = text.substr(begin, end - begin);
  TokenizeInto(text, begin, end, TokenSink{seg->chars.Store(range).data(), begin, seg});
}

Segmentation Segment(std::string_view text, const std::vector<LineSpan>& lines) {
  Segmentation seg;
  AppendSegments(text, lines, &seg);
  return seg;
}

void AppendSegments(std::string_view text, const std::vector<LineSpan>& lines,
                    Segmentation* seg) {
  seg->tokens.reserve(seg->tokens.size() + text.size() / 5 + 8);
  TokenSink sink{seg->chars.Store(text).data(), 0, seg};
  for (const LineSpan& line : lines) SplitLine(text, line, sink);
}

Segmentation SegmentAll(std::string_view text) {
  std::vector<LineSpan> lines;
  size_t pos = 0;
  bool blank = true;
  while (pos <= text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view l = Trim(text.substr(pos, eol - pos));
    if (l.empty()) {
      blank = true;
    } else {
      uint32_t b = static_cast<uint32_t>(l.data() - text.data());
      lines.push_back({b, b + static_cast<uint32_t>(l.size()), blank});
      blank = false;
    }
    if (eol == text.size()) break;
    pos = eol + 1;
  }
  return Segment(text, lines);
}

}  // namespace diplograph
