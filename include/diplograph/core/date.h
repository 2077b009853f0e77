// core/date.h: calendar dates of year, month or day precision.
#ifndef DIPLOGRAPH_CORE_DATE_H_
#define DIPLOGRAPH_CORE_DATE_H_

#include <optional>
#include <string>
#include <string_view>

namespace diplograph {

// A proleptic Gregorian date. month == 0 means year precision; day == 0 month
// precision. A default-constructed Date (year 0) means "unknown".
struct Date {
  int year = 0;
  int month = 0;
  int day = 0;

  bool known() const { return year != 0; }
  // "YYYY", "YYYY-MM" or "YYYY-MM-DD"; "" when unknown.
  std::string ToString() const;
  bool operator==(const Date&) const = default;
};

// Parses "YYYY", "YYYY-MM", "YYYY-MM-DD", optionally followed by a time
// ("2016-12-08T10:00:00Z"). Returns nullopt for anything else or an
// impossible date.
std::optional<Date> ParseIsoDate(std::string_view s);

int DaysInMonth(int year, int month);
// Days since 1970-01-01 for a full date.
long DaysFromCivil(int y, int m, int d);
Date CivilFromDays(long z);
// 0 = Monday ... 6 = Sunday, for a full date.
int Weekday(const Date& d);
Date AddDays(const Date& d, long days);
// Adds months to a date of month or day precision (day clamped to the month).
Date AddMonths(const Date& d, int months);

}  // namespace diplograph

#endif  // DIPLOGRAPH_CORE_DATE_H_
