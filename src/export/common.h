// export/common.h (private): formatting helpers shared by the writers.
#ifndef DIPLOGRAPH_EXPORT_COMMON_H_
#define DIPLOGRAPH_EXPORT_COMMON_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diplograph/graph/graph.h"

namespace diplograph::export_internal {

// Shortest text that reads back as the same double; "0" for NaN/infinity.
std::string FormatDouble(double v);

std::string Join(const std::vector<std::string>& items, std::string_view sep);

// Valid UTF-8 (bad bytes become U+FFFD) with control characters (C0 and
// DEL) turned into spaces: for formats that are line-based (CSV, DOT).
std::string OneLineText(std::string_view s);

// The stable edge id "source:type:target", each part an XmlNameToken.
std::string EdgeId(const EdgeKey& key);
void AppendEdgeId(const EdgeKey& key, std::string* out);

// `v` in decimal, appended.
void AppendInt(std::string* out, int64_t v);
// The items joined by "; " into `*out` (replaced); returns it.
std::string_view JoinInto(const std::vector<std::string>& items, std::string* out);

// The days a date of year, month or day precision covers, as full ISO dates
// ("2014" -> 2014-01-01..2014-12-31). nullopt if `iso` is no date.
struct DayRange {
  std::string first;
  std::string last;
};
std::optional<DayRange> ExpandDate(std::string_view iso);

// Sorted, with overlapping ranges merged into one.
std::vector<DayRange> MergeRanges(std::vector<DayRange> ranges);

struct Rgb {
  int r = 0;
  int g = 0;
  int b = 0;
};
// A fixed colour per actor type (grey for others).
Rgb NodeTypeColor(std::string_view type);
// Conflict red (-10) through amber (0) to cooperation green (+10).
Rgb GoldsteinColor(double goldstein);
// "#rrggbb"
std::string HexColor(Rgb c);

}  // namespace diplograph::export_internal

#endif  // DIPLOGRAPH_EXPORT_COMMON_H_
