#include "diplograph/core/date.h"

#include <cstdio>

namespace diplograph {

std::string Date::ToString() const {
  if (!known()) return "";
  char buf[16];
  if (month == 0) {
    std::snprintf(buf, sizeof buf, "%04d", year);
  } else if (day == 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
  } else {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  }
  return buf;
}

namespace {

bool ReadDigits(std::string_view s, size_t pos, size_t n, int* out) {
  if (pos + n > s.size()) return false;
  int v = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  *out = v;
  return true;
}

}  // namespace

int DaysInMonth(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  if (month == 2 && leap) return 29;
  return kDays[(month - 1) % 12];
}

std::optional<Date> ParseIsoDate(std::string_view s) {
  Date d;
  if (!ReadDigits(s, 0, 4, &d.year) || d.year < 1000) return std::nullopt;
  size_t pos = 4;
  if (pos < s.size() && s[pos] == '-') {
    if (!ReadDigits(s, pos + 1, 2, &d.month) || d.month < 1 || d.month > 12) return std::nullopt;
    pos += 3;
    if (pos < s.size() && s[pos] == '-') {
      if (!ReadDigits(s, pos + 1, 2, &d.day) || d.day < 1 ||
          d.day > DaysInMonth(d.year, d.month)) {
        return std::nullopt;
      }
      pos += 3;
      if (pos < s.size() && (s[pos] == 'T' || s[pos] == ' ')) pos = s.size();
    }
  }
  if (pos != s.size()) return std::nullopt;
  return d;
}

long DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date CivilFromDays(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long y = yoe + era * 400;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  const long d = doy - (153 * mp + 2) / 5 + 1;
  const long m = mp < 10 ? mp + 3 : mp - 9;
  return Date{static_cast<int>(y + (m <= 2)), static_cast<int>(m), static_cast<int>(d)};
}

int Weekday(const Date& d) {
  long z = DaysFromCivil(d.year, d.month, d.day);
  long w = (z + 3) % 7;  // 1970-01-01 was a Thursday
  return static_cast<int>(w < 0 ? w + 7 : w);
}

Date AddDays(const Date& d, long days) {
  return CivilFromDays(DaysFromCivil(d.year, d.month, d.day) + days);
}

Date AddMonths(const Date& d, int months) {
  int total = d.year * 12 + (d.month - 1) + months;
  Date out{total / 12, total % 12 + 1, 0};
  if (d.day != 0) {
    int dim = DaysInMonth(out.year, out.month);
    out.day = d.day > dim ? dim : d.day;
  }
  return out;
}

}  // namespace diplograph
