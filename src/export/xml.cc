#include "diplograph/export/xml.h"

#include "diplograph/core/strings.h"

namespace diplograph {

namespace {

bool AllowedInXml(char32_t cp) {
  if (cp < 0x20) return cp == 0x9 || cp == 0xA || cp == 0xD;
  if (cp >= 0xD800 && cp <= 0xDFFF) return false;
  return cp != 0xFFFE && cp != 0xFFFF && cp <= 0x10FFFF;
}

// The escape for an ASCII byte, or nullptr if it stands for itself.
const char* AsciiEscape(char c, XmlContext context) {
  switch (c) {
    case '&':
      return "&amp;";
    case '<':
      return "&lt;";
    case '>':
      return "&gt;";
    case '"':
      return "&quot;";
    case '\'':
      return "&apos;";
    case '\r':
      return "&#13;";
    case '\n':
      return context == XmlContext::kAttribute ? "&#10;" : nullptr;
    case '\t':
      return context == XmlContext::kAttribute ? "&#9;" : nullptr;
    default:
      return nullptr;
  }
}

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

}  // namespace

// True for the ASCII bytes that stand for themselves in any context.
constexpr bool PlainAscii(unsigned char c) {
  return c >= 0x20 && c < 0x7F && c != '&' && c != '<' && c != '>' && c != '"' && c != '\'';
}

// PlainAscii() and the bytes a name token keeps, by byte: one look-up each.
struct ByteTables {
  bool plain[256] = {};
  bool keep[256] = {};
  constexpr ByteTables() {
    for (int c = 0; c < 256; ++c) {
      plain[c] = PlainAscii(static_cast<unsigned char>(c));
      keep[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                c == '-' || c == '_';
    }
  }
};
constexpr ByteTables kBytes;

void AppendXmlEscaped(std::string_view text, XmlContext context, std::string* out) {
  out->reserve(out->size() + text.size());
  size_t i = 0;
  while (i < text.size()) {
    size_t run = i;  // plain text is copied a run at a time
    while (run < text.size() && kBytes.plain[static_cast<unsigned char>(text[run])]) ++run;
    if (run > i) {
      out->append(text.data() + i, run - i);
      i = run;
      if (i == text.size()) break;
    }
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if (const char* esc = AsciiEscape(text[i], context)) {
        out->append(esc);
      } else if (AllowedInXml(c)) {
        out->push_back(text[i]);
      } else {
        out->append(kReplacement);
      }
      ++i;
      continue;
    }
    size_t len = 1;
    char32_t cp = DecodeUtf8(text, i, &len);
    bool malformed = cp == 0xFFFD && len != 3;  // DecodeUtf8 gives len 1 for bad bytes
    if (AllowedInXml(cp) && !malformed) {
      out->append(text.substr(i, len));
    } else {
      out->append(kReplacement);
    }
    i += len;
  }
}

std::string XmlEscaped(std::string_view text, XmlContext context) {
  std::string out;
  AppendXmlEscaped(text, context, &out);
  return out;
}

std::string CollapseWhitespace(std::string_view text) {
  if (text.find_first_of(" \t\n\r") == std::string_view::npos) return std::string(text);
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(c);
  }
  return out;
}

void AppendXmlNameToken(std::string_view id, std::string* out) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  size_t i = 0;
  while (i < id.size()) {
    size_t run = i;  // kept bytes are copied a run at a time
    while (run < id.size() && kBytes.keep[static_cast<unsigned char>(id[run])]) ++run;
    out->append(id.data() + i, run - i);
    if (run == id.size()) break;
    const unsigned char c = static_cast<unsigned char>(id[run]);
    const char escaped[3] = {'.', kHex[c >> 4], kHex[c & 0xF]};
    out->append(escaped, 3);
    i = run + 1;
  }
}

std::string XmlNameToken(std::string_view id) {
  std::string out;
  out.reserve(id.size());
  AppendXmlNameToken(id, &out);
  return out;
}

}  // namespace diplograph
