// text/clean.h: finds the lines of an article that carry its story.
//
// Scraped articles carry page furniture ("Advertisement", "Photo: Reuters",
// "Learn more", sign-up prompts, print-edition notes, contributor lines).
// BodyLines() returns the byte spans of the lines worth analysing, in order,
// as offsets into the caller's text. Thread-safe.
#ifndef DIPLOGRAPH_TEXT_CLEAN_H_
#define DIPLOGRAPH_TEXT_CLEAN_H_

#include <cstdint>
#include <string_view>
#include <vector>

namespace diplograph {

struct LineSpan {
  uint32_t begin = 0;
  uint32_t end = 0;
  bool paragraph_start = false;  // first line after a blank line (or of the text)
};

std::vector<LineSpan> BodyLines(std::string_view text);

// True if `line` (one line, without its newline) is page furniture.
bool IsFurniture(std::string_view line);

}  // namespace diplograph

#endif  // DIPLOGRAPH_TEXT_CLEAN_H_
