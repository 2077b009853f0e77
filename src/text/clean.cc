#include "diplograph/text/clean.h"

#include <re2/re2.h>

#include <algorithm>
#include <string>

#include "diplograph/core/strings.h"

namespace diplograph {

namespace {

// Whole lines that are navigation, advertising or credits, never story.
const RE2& FurnitureRe() {
  static const RE2 re(
      "(?i)^(?:advertisement|advertising|sponsored(?: content)?|learn more|read more.*|"
      "more from .*|subscribe.*|sign up.*|get more with .*|"
      "a personali[sz]ed news feed.*|share(?: this)?(?: article| story)?|click here.*|"
      "follow us.*|related(?: articles| stories)?(?::.*)?|also read:?.*|continue reading.*|"
      "skip to .*|all rights reserved.*|copyright .*|\\x{00A9}.*|"
      "this article (?:appeared|was first published|first appeared) .*|"
      "(?:reporting|additional reporting|editing|writing) by .*|"
      "you may also like.*|recommended(?: for you| stories| articles| reading)?(?::.*)?|"
      "trending.*|watch:.*|listen:.*|"
      "(?:updated|published)(?::.*| (?:on |at )?[0-9].*)|last updated .*)$");
  return re;
}

// "Jane Doe contributed to this report": the one furniture pattern that may
// start anywhere, kept apart so that FurnitureRe() fails on a line's first
// letters and this one runs only on lines that end like it.
const RE2& ContributedRe() {
  static const RE2 re("(?i)^.*contributed (?:to )?(?:this|the) report(?:ing)?\\.?$");
  return re;
}

// Whether `line` may end as ContributedRe() requires: "report", "reporting",
// either with a full stop, in any case. A line ending in non-ASCII goes to the
// regex, which knows Unicode case folding.
bool MayEndInReport(std::string_view line) {
  if (!line.empty() && line.back() == '.') line.remove_suffix(1);
  std::string tail(line.substr(line.size() - std::min<size_t>(line.size(), 9)));
  for (char c : tail) {
    if (static_cast<unsigned char>(c) >= 0x80) return true;
  }
  tail = AsciiLower(tail);
  return EndsWith(tail, "report") || EndsWith(tail, "reporting");
}

// Captions end in a picture credit: "... Photo: Reuters", "(Photo: AFP)".
const RE2& CaptionRe() {
  static const RE2 re("(?i)(?:^|[.!?)\"\\x{201D}] +|\\()(?:photo|picture|image|file photo)"
                      "(?: credit)?: *[^.]{1,60}\\)?$");
  return re;
}

}  // namespace

bool IsFurniture(std::string_view line) {
  line = Trim(line);
  if (line.empty()) return true;
  re2::StringPiece sp(line.data(), line.size());
  if (RE2::FullMatch(sp, FurnitureRe())) return true;
  if (MayEndInReport(line) && RE2::FullMatch(sp, ContributedRe())) return true;
  // A caption's credit has a colon ("Photo: AFP"); most lines have none and
  // need no scan for one.
  return line.find(':') != std::string_view::npos && RE2::PartialMatch(sp, CaptionRe());
}

std::vector<LineSpan> BodyLines(std::string_view text) {
  std::vector<LineSpan> out;
  size_t pos = 0;
  bool blank_before = true;
  while (pos <= text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view line = text.substr(pos, eol - pos);
    std::string_view trimmed = Trim(line);
    if (trimmed.empty()) {
      blank_before = true;
    } else {
      if (!IsFurniture(trimmed)) {
        uint32_t b = static_cast<uint32_t>(trimmed.data() - text.data());
        out.push_back({b, b + static_cast<uint32_t>(trimmed.size()), blank_before});
      }
      blank_before = false;
    }
    if (eol == text.size()) break;
    pos = eol + 1;
  }
  return out;
}

}  // namespace diplograph
