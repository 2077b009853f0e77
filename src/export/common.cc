#include "common.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>

#include "diplograph/core/date.h"
#include "diplograph/core/strings.h"
#include "diplograph/export/xml.h"

namespace diplograph::export_internal {

std::string FormatDouble(double v) {
  if (!std::isfinite(v)) return "0";
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, res.ptr);
}

std::string Join(const std::vector<std::string>& items, std::string_view sep) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += sep;
    out += items[i];
  }
  return out;
}

std::string OneLineText(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c == 0x7F) {
      out.push_back(' ');
      ++i;
    } else if (c < 0x80) {
      out.push_back(s[i++]);
    } else {
      size_t len = 1;
      AppendUtf8(DecodeUtf8(s, i, &len), &out);
      i += len;
    }
  }
  return out;
}

std::string EdgeId(const EdgeKey& key) {
  std::string out;
  AppendEdgeId(key, &out);
  return out;
}

void AppendEdgeId(const EdgeKey& key, std::string* out) {
  AppendXmlNameToken(key.source, out);
  *out += ':';
  AppendXmlNameToken(key.type, out);
  *out += ':';
  AppendXmlNameToken(key.target, out);
}

void AppendInt(std::string* out, int64_t v) {
  char buf[24];
  out->append(buf, static_cast<size_t>(std::to_chars(buf, buf + sizeof buf, v).ptr - buf));
}

std::string_view JoinInto(const std::vector<std::string>& items, std::string* out) {
  out->clear();
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) *out += "; ";
    *out += items[i];
  }
  return *out;
}

std::optional<DayRange> ExpandDate(std::string_view iso) {
  std::optional<Date> d = ParseIsoDate(iso);
  if (!d || !d->known()) return std::nullopt;
  Date first = *d;
  Date last = *d;
  if (d->month == 0) {
    first.month = 1;
    last.month = 12;
  }
  if (d->day == 0) {
    first.day = 1;
    last.day = DaysInMonth(last.year, last.month);
  }
  return DayRange{first.ToString(), last.ToString()};
}

std::vector<DayRange> MergeRanges(std::vector<DayRange> ranges) {
  std::sort(ranges.begin(), ranges.end(), [](const DayRange& a, const DayRange& b) {
    return a.first != b.first ? a.first < b.first : a.last < b.last;
  });
  std::vector<DayRange> out;
  for (DayRange& r : ranges) {
    if (!out.empty() && r.first <= out.back().last) {
      out.back().last = std::max(out.back().last, r.last);
    } else {
      out.push_back(std::move(r));
    }
  }
  return out;
}

Rgb NodeTypeColor(std::string_view type) {
  if (type == "person") return {66, 133, 244};
  if (type == "country") return {244, 160, 0};
  if (type == "organization") return {15, 157, 88};
  if (type == "group") return {171, 71, 188};
  if (type == "event") return {0, 172, 193};
  if (type == "location") return {141, 110, 99};
  return {158, 158, 158};
}

Rgb GoldsteinColor(double goldstein) {
  static constexpr Rgb kRed{214, 39, 40};
  static constexpr Rgb kAmber{240, 190, 50};
  static constexpr Rgb kGreen{44, 160, 44};
  double g = std::isfinite(goldstein) ? std::clamp(goldstein, -10.0, 10.0) : 0.0;
  const Rgb& from = g < 0 ? kRed : kAmber;
  const Rgb& to = g < 0 ? kAmber : kGreen;
  double t = g < 0 ? (g + 10.0) / 10.0 : g / 10.0;
  auto mix = [t](int a, int b) { return static_cast<int>(std::lround(a + (b - a) * t)); };
  return {mix(from.r, to.r), mix(from.g, to.g), mix(from.b, to.b)};
}

std::string HexColor(Rgb c) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "#%02x%02x%02x", c.r, c.g, c.b);
  return buf;
}

}  // namespace diplograph::export_internal
