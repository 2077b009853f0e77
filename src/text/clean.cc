#include "diplograph/text/clean.h"

#include <re2/re2.h>

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
      ".*contributed (?:to )?(?:this|the) report(?:ing)?\\.?|"
      "(?:reporting|additional reporting|editing|writing) by .*|"
      "you may also like.*|recommended(?: for you| stories| articles| reading)?(?::.*)?|"
      "trending.*|watch:.*|listen:.*|"
      "(?:updated|published)(?::.*| (?:on |at )?[0-9].*)|last updated .*)$");
  return re;
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
  return RE2::FullMatch(sp, FurnitureRe()) || RE2::PartialMatch(sp, CaptionRe());
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
