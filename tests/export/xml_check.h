// Test helpers: a small XML well-formedness checker (enough for what our
// writers produce: no DTD, comments or CDATA) and an optional xmllint run.
#ifndef DIPLOGRAPH_TESTS_EXPORT_XML_CHECK_H_
#define DIPLOGRAPH_TESTS_EXPORT_XML_CHECK_H_

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "diplograph/core/strings.h"

namespace diplograph::testing {

class XmlChecker {
 public:
  explicit XmlChecker(std::string_view xml) : x_(xml) {}

  // "" if well-formed, else the first problem and its byte offset.
  std::string Problem() {
    if (size_t bad = 0; !IsValidUtf8(x_, &bad)) return At(bad, "invalid UTF-8");
    for (size_t i = 0; i < x_.size();) {
      size_t len = 1;
      char32_t c = DecodeUtf8(x_, i, &len);
      bool ok = c >= 0x20 ? !(c >= 0xD800 && c <= 0xDFFF) && c != 0xFFFE && c != 0xFFFF
                          : c == 0x9 || c == 0xA || c == 0xD;
      if (!ok) return At(i, "character not allowed in XML");
      i += len;
    }
    if (x_.substr(0, 5) == "<?xml") i_ = x_.find("?>") + 2;
    int roots = 0;
    while (err_.empty() && i_ < x_.size()) {
      if (x_[i_] != '<') {
        Text();
      } else if (x_.substr(i_, 2) == "</") {
        Close();
      } else {
        if (stack_.empty()) ++roots;
        Open();
      }
    }
    if (err_.empty() && !stack_.empty()) err_ = At(i_, "unclosed <" + stack_.back() + ">");
    if (err_.empty() && roots != 1) err_ = At(i_, "need exactly one root element");
    return err_;
  }

 private:
  std::string At(size_t i, const std::string& msg) { return msg + " at byte " + std::to_string(i); }
  void Fail(const std::string& msg) {
    if (err_.empty()) err_ = At(i_, msg);
  }
  static bool NameChar(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == ':' || c == '.' ||
           c == '-';
  }
  std::string Name() {
    size_t start = i_;
    while (i_ < x_.size() && NameChar(x_[i_])) ++i_;
    if (i_ == start) Fail("expected a name");
    return std::string(x_.substr(start, i_ - start));
  }
  void SkipWs() {
    while (i_ < x_.size() && std::string_view(" \t\r\n").find(x_[i_]) != std::string_view::npos) {
      ++i_;
    }
  }
  void Reference() {  // at '&'
    size_t semi = x_.find(';', i_);
    std::string_view ref = x_.substr(i_ + 1, semi == std::string_view::npos ? 0 : semi - i_ - 1);
    static const std::set<std::string_view> kNamed = {"amp", "lt", "gt", "quot", "apos"};
    bool ok = kNamed.contains(ref);
    if (!ok && ref.size() > 1 && ref[0] == '#') {
      bool hex = ref[1] == 'x';
      unsigned long v =
          std::strtoul(std::string(ref.substr(hex ? 2 : 1)).c_str(), nullptr, hex ? 16 : 10);
      ok = v == 0x9 || v == 0xA || v == 0xD ||
           (v >= 0x20 && v != 0xFFFE && v != 0xFFFF && !(v >= 0xD800 && v <= 0xDFFF) &&
            v <= 0x10FFFF);
    }
    if (!ok) return Fail("bad reference");
    i_ = semi + 1;
  }
  void Text() {
    while (err_.empty() && i_ < x_.size() && x_[i_] != '<') {
      if (x_.substr(i_, 3) == "]]>") return Fail("]]> in text");
      if (x_[i_] == '&') {
        Reference();
      } else {
        ++i_;
      }
    }
  }
  void Attribute(std::set<std::string>* seen) {
    std::string name = Name();
    if (!seen->insert(name).second) Fail("duplicate attribute " + name);
    SkipWs();
    if (i_ >= x_.size() || x_[i_] != '=') return Fail("expected '='");
    ++i_;
    SkipWs();
    char q = i_ < x_.size() ? x_[i_] : 0;
    if (q != '"' && q != '\'') return Fail("expected a quote");
    for (++i_; err_.empty() && i_ < x_.size() && x_[i_] != q;) {
      if (x_[i_] == '<') return Fail("'<' in an attribute value");
      if (x_[i_] == '&') {
        Reference();
      } else {
        ++i_;
      }
    }
    if (i_ >= x_.size()) return Fail("unterminated attribute");
    ++i_;
  }
  void Open() {
    ++i_;
    std::string name = Name();
    std::set<std::string> seen;
    while (err_.empty()) {
      size_t before = i_;
      SkipWs();
      if (i_ >= x_.size()) return Fail("unterminated tag");
      if (x_.substr(i_, 2) == "/>") {
        i_ += 2;
        return;
      }
      if (x_[i_] == '>') {
        ++i_;
        stack_.push_back(name);
        return;
      }
      if (i_ == before) return Fail("expected space before an attribute");
      Attribute(&seen);
    }
  }
  void Close() {
    i_ += 2;
    std::string name = Name();
    SkipWs();
    if (i_ >= x_.size() || x_[i_] != '>') return Fail("expected '>'");
    ++i_;
    if (stack_.empty() || stack_.back() != name) return Fail("mismatched </" + name + ">");
    stack_.pop_back();
  }

  std::string_view x_;
  size_t i_ = 0;
  std::vector<std::string> stack_;
  std::string err_;
};

inline std::string XmlProblem(std::string_view xml) { return XmlChecker(xml).Problem(); }

// Runs `xmllint --noout --nonet ARGS SCHEMA FILE` on `xml` (only a
// well-formedness check when `schema` is ""). True when xmllint accepts the
// file, or when xmllint or the schema is missing (the check is skipped).
inline bool XmllintAccepts(const std::string& xml, const std::string& args,
                           const std::string& schema) {
  if (std::system("command -v xmllint >/dev/null 2>&1") != 0) return true;
  if (!schema.empty() && !std::filesystem::exists(schema)) return true;
  std::filesystem::path file = std::filesystem::temp_directory_path() /
                               ("diplograph-export-test-" + std::to_string(std::rand()) + ".xml");
  std::ofstream(file, std::ios::binary) << xml;
  std::string cmd = "xmllint --noout --nonet " +
                    (schema.empty() ? "" : args + " '" + schema + "' ") + "'" + file.string() +
                    "' >/dev/null 2>&1";
  bool ok = std::system(cmd.c_str()) == 0;
  std::filesystem::remove(file);
  return ok;
}

}  // namespace diplograph::testing

#endif  // DIPLOGRAPH_TESTS_EXPORT_XML_CHECK_H_
