// The query lexer: one pass over the text, byte offsets on every token.
#include "diplograph/query/lexer.h"

#include <cerrno>
#include <cstdlib>
#include <limits>

#include "diplograph/core/strings.h"

namespace diplograph::query {

namespace {

bool IsIdentStart(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
}

bool IsIdentChar(unsigned char c) { return IsIdentStart(c) || (c >= '0' && c <= '9'); }

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Typographic quotes pasted from documents: never part of a name.
bool IsSmartQuote(std::string_view s, size_t i) {
  size_t len = 0;
  char32_t cp = DecodeUtf8(s, i, &len);
  return cp == U'\u2018' || cp == U'\u2019' || cp == U'\u201C' || cp == U'\u201D';
}

class Lexer {
 public:
  Lexer(std::string_view src, std::string_view path, Diagnostics* diags)
      : src_(src), path_(path), diags_(diags) {}

  std::vector<Token> Run(bool* at_end);

 private:
  bool SkipSpaceAndComments();
  bool LexOne(Token* t);
  bool LexString(Token* t);
  bool LexEscape(std::string* out);
  bool LexUnicodeEscape(size_t at, std::string* out);
  bool LexNumber(Token* t);
  bool LexQuotedIdent(Token* t);
  bool LexPunct(Token* t);
  bool Fail(size_t pos, const std::string& message, bool at_end = false);
  char Peek(size_t ahead = 0) const {
    return pos_ + ahead < src_.size() ? src_[pos_ + ahead] : '\0';
  }

  std::string_view src_;
  std::string_view path_;
  Diagnostics* diags_;
  size_t pos_ = 0;
  bool failed_at_end_ = false;
};

bool Lexer::Fail(size_t pos, const std::string& message, bool at_end) {
  int line = 0;
  int col = 0;
  LineColAt(src_, pos, &line, &col);
  diags_->Error(path_, line, col, message);
  failed_at_end_ = at_end;
  pos_ = pos;
  return false;
}

bool Lexer::SkipSpaceAndComments() {
  while (pos_ < src_.size()) {
    char c = src_[pos_];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      ++pos_;
    } else if (c == '/' && Peek(1) == '/') {
      while (pos_ < src_.size() && src_[pos_] != '\n') ++pos_;
    } else if (c == '/' && Peek(1) == '*') {
      size_t close = src_.find("*/", pos_ + 2);
      if (close == std::string_view::npos) return Fail(pos_, "unterminated comment", true);
      pos_ = close + 2;
    } else {
      break;
    }
  }
  return true;
}

std::vector<Token> Lexer::Run(bool* at_end) {
  std::vector<Token> tokens;
  while (true) {
    if (!SkipSpaceAndComments()) break;
    Token t;
    t.pos = pos_;
    if (pos_ >= src_.size()) break;
    if (!LexOne(&t)) break;
    t.end = pos_;
    tokens.push_back(std::move(t));
  }
  Token end;
  end.kind = TokenKind::kEnd;
  end.pos = end.end = std::min(pos_, src_.size());
  tokens.push_back(end);
  if (at_end != nullptr) *at_end = failed_at_end_;
  return tokens;
}

bool Lexer::LexOne(Token* t) {
  unsigned char c = static_cast<unsigned char>(src_[pos_]);
  if (c == '\'' || c == '"') return LexString(t);
  if (c == '`') return LexQuotedIdent(t);
  if (IsDigit(static_cast<char>(c)) || (c == '.' && IsDigit(Peek(1)))) return LexNumber(t);
  if (c >= 0x80 && IsSmartQuote(src_, pos_)) {
    size_t len = 0;
    DecodeUtf8(src_, pos_, &len);
    return Fail(pos_, "unexpected character '" + std::string(src_.substr(pos_, len)) +
                          "' (quote strings with ' or \")");
  }
  if (IsIdentStart(c)) {
    size_t start = pos_;
    while (pos_ < src_.size() && IsIdentChar(static_cast<unsigned char>(src_[pos_])) &&
           !(static_cast<unsigned char>(src_[pos_]) >= 0x80 && IsSmartQuote(src_, pos_))) {
      ++pos_;
    }
    t->kind = TokenKind::kIdent;
    t->text = std::string(src_.substr(start, pos_ - start));
    return true;
  }
  return LexPunct(t);
}

bool Lexer::LexEscape(std::string* out) {
  static constexpr std::pair<char, char> kSimple[] = {{'\\', '\\'}, {'\'', '\''}, {'"', '"'},
                                                      {'n', '\n'},  {'t', '\t'},  {'r', '\r'},
                                                      {'b', '\b'},  {'f', '\f'}};
  size_t at = pos_;
  char e = Peek(1);
  pos_ += 2;
  for (const auto& [written, meant] : kSimple) {
    if (e == written) {
      *out += meant;
      return true;
    }
  }
  if (e == 'u') return LexUnicodeEscape(at, out);
  if (at + 1 >= src_.size()) return Fail(at, "unterminated string", true);
  return Fail(at, "unknown escape '\\" + std::string(1, e) + "' in a string");
}

// The four hex digits after \u (at byte `at`).
bool Lexer::LexUnicodeEscape(size_t at, std::string* out) {
  if (pos_ + 4 > src_.size()) return Fail(at, "\\u needs four hex digits");
  char32_t cp = 0;
  for (int k = 0; k < 4; ++k) {
    char h = src_[pos_ + k];
    int digit = IsDigit(h)               ? h - '0'
                : (h >= 'a' && h <= 'f') ? h - 'a' + 10
                : (h >= 'A' && h <= 'F') ? h - 'A' + 10
                                         : -1;
    if (digit < 0) return Fail(at, "\\u needs four hex digits");
    cp = cp * 16 + static_cast<char32_t>(digit);
  }
  pos_ += 4;
  AppendUtf8(cp, out);
  return true;
}

bool Lexer::LexString(Token* t) {
  char quote = src_[pos_];
  size_t start = pos_++;
  t->kind = TokenKind::kString;
  while (true) {
    if (pos_ >= src_.size()) return Fail(start, "unterminated string", true);
    char c = src_[pos_];
    if (c == quote) {
      ++pos_;
      return true;
    }
    if (c == '\\') {
      if (!LexEscape(&t->text)) return false;
      continue;
    }
    t->text += c;
    ++pos_;
  }
}

bool Lexer::LexQuotedIdent(Token* t) {
  size_t start = pos_++;
  size_t close = src_.find('`', pos_);
  if (close == std::string_view::npos) return Fail(start, "unterminated `name`", true);
  t->kind = TokenKind::kIdent;
  t->quoted = true;
  t->text = std::string(src_.substr(pos_, close - pos_));
  pos_ = close + 1;
  if (t->text.empty()) return Fail(start, "empty `name`");
  return true;
}

bool Lexer::LexNumber(Token* t) {
  size_t start = pos_;
  while (IsDigit(Peek())) ++pos_;
  bool is_float = false;
  if (Peek() == '.' && IsDigit(Peek(1))) {
    is_float = true;
    ++pos_;
    while (IsDigit(Peek())) ++pos_;
  }
  if ((Peek() == 'e' || Peek() == 'E') &&
      (IsDigit(Peek(1)) || ((Peek(1) == '-' || Peek(1) == '+') && IsDigit(Peek(2))))) {
    is_float = true;
    pos_ += 2;
    while (IsDigit(Peek())) ++pos_;
  }
  if (IsIdentStart(static_cast<unsigned char>(Peek()))) {
    return Fail(start, "bad number '" + std::string(src_.substr(start, pos_ - start + 1)) + "'");
  }
  std::string text(src_.substr(start, pos_ - start));
  errno = 0;
  if (is_float) {
    t->kind = TokenKind::kFloat;
    t->float_value = std::strtod(text.c_str(), nullptr);
  } else {
    t->kind = TokenKind::kInt;
    unsigned long long v = std::strtoull(text.c_str(), nullptr, 10);
    if (errno == ERANGE ||
        v > static_cast<unsigned long long>(std::numeric_limits<int64_t>::max())) {
      return Fail(start, "number " + text + " is too large");
    }
    t->int_value = static_cast<int64_t>(v);
  }
  return true;
}

bool Lexer::LexPunct(Token* t) {
  struct Punct {
    std::string_view text;
    TokenKind kind;
  };
  static constexpr Punct kPuncts[] = {
      {"..", TokenKind::kDotDot},  {"<>", TokenKind::kNe},    {"!=", TokenKind::kNe},
      {"<=", TokenKind::kLe},      {">=", TokenKind::kGe},    {"=~", TokenKind::kRegexMatch},
      {"(", TokenKind::kLParen},   {")", TokenKind::kRParen}, {"[", TokenKind::kLBracket},
      {"]", TokenKind::kRBracket}, {"{", TokenKind::kLBrace}, {"}", TokenKind::kRBrace},
      {",", TokenKind::kComma},    {":", TokenKind::kColon},  {";", TokenKind::kSemicolon},
      {".", TokenKind::kDot},      {"|", TokenKind::kPipe},   {"*", TokenKind::kStar},
      {"+", TokenKind::kPlus},     {"-", TokenKind::kMinus},  {"/", TokenKind::kSlash},
      {"%", TokenKind::kPercent},  {"=", TokenKind::kEq},     {"<", TokenKind::kLt},
      {">", TokenKind::kGt},
  };
  std::string_view rest = src_.substr(pos_);
  for (const Punct& p : kPuncts) {
    if (rest.starts_with(p.text)) {
      t->kind = p.kind;
      pos_ += p.text.size();
      return true;
    }
  }
  size_t len = 1;
  DecodeUtf8(src_, pos_, &len);
  return Fail(pos_, "unexpected character '" + std::string(src_.substr(pos_, len)) + "'");
}

}  // namespace

std::vector<Token> Lex(std::string_view src, std::string_view path, Diagnostics* diags,
                       bool* at_end) {
  return Lexer(src, path, diags).Run(at_end);
}

}  // namespace diplograph::query
