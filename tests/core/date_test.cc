// Tests for core/date.h.
#include "diplograph/core/date.h"

#include <doctest/doctest.h>

#include <optional>
#include <string>

namespace diplograph {
namespace {

std::string Parsed(std::string_view s) {
  std::optional<Date> d = ParseIsoDate(s);
  return d ? d->ToString() : "<none>";
}

TEST_CASE("Date::ToString") {
  CHECK(Date{}.ToString() == "");
  CHECK_FALSE(Date{}.known());
  CHECK(Date{2016, 0, 0}.ToString() == "2016");
  CHECK(Date{2016, 3, 0}.ToString() == "2016-03");
  CHECK(Date{2016, 3, 7}.ToString() == "2016-03-07");
  CHECK(Date{2016, 3, 7}.known());
  CHECK(Date{2016, 3, 7} == Date{2016, 3, 7});
  CHECK_FALSE(Date{2016, 3, 7} == Date{2016, 3, 8});
}

TEST_CASE("ParseIsoDate") {
  SUBCASE("year, month and day precision") {
    CHECK(ParseIsoDate("2016") == Date{2016, 0, 0});
    CHECK(ParseIsoDate("2016-12") == Date{2016, 12, 0});
    CHECK(ParseIsoDate("2016-12-08") == Date{2016, 12, 8});
    CHECK(Parsed("1999-01-31") == "1999-01-31");
  }
  SUBCASE("a time after a full date is ignored") {
    CHECK(ParseIsoDate("2016-12-08T10:00:00Z") == Date{2016, 12, 8});
    CHECK(ParseIsoDate("2016-12-08T23:59:59+08:00") == Date{2016, 12, 8});
    CHECK(ParseIsoDate("2016-12-08 10:00") == Date{2016, 12, 8});
  }
  SUBCASE("leap days") {
    CHECK(Parsed("2016-02-29") == "2016-02-29");
    CHECK(Parsed("2000-02-29") == "2000-02-29");  // divisible by 400
    CHECK(Parsed("2019-02-29") == "<none>");
    CHECK(Parsed("1900-02-29") == "<none>");  // divisible by 100 only
  }
  SUBCASE("impossible dates") {
    CHECK(Parsed("2016-00") == "<none>");
    CHECK(Parsed("2016-13") == "<none>");
    CHECK(Parsed("2016-04-31") == "<none>");
    CHECK(Parsed("2016-01-32") == "<none>");
    CHECK(Parsed("2016-01-00") == "<none>");
    CHECK(Parsed("0999-01-01") == "<none>");  // years before 1000 are refused
  }
  SUBCASE("malformed text") {
    CHECK(Parsed("") == "<none>");
    CHECK(Parsed("16") == "<none>");
    CHECK(Parsed("20161208") == "<none>");
    CHECK(Parsed("2016-1-08") == "<none>");
    CHECK(Parsed("2016-12-8") == "<none>");
    CHECK(Parsed("2016-") == "<none>");
    CHECK(Parsed("2016-12-") == "<none>");
    CHECK(Parsed(" 2016-12-08") == "<none>");
    CHECK(Parsed("2016/12/08") == "<none>");
    CHECK(Parsed("2016-12T10:00") == "<none>");  // a time needs a full date
    CHECK(Parsed("2016-12-08x") == "<none>");
    CHECK(Parsed("December 8, 2016") == "<none>");
    CHECK(Parsed("20a6") == "<none>");
  }
}

TEST_CASE("DaysInMonth") {
  CHECK(DaysInMonth(2019, 1) == 31);
  CHECK(DaysInMonth(2019, 2) == 28);
  CHECK(DaysInMonth(2020, 2) == 29);
  CHECK(DaysInMonth(2100, 2) == 28);
  CHECK(DaysInMonth(2400, 2) == 29);
  CHECK(DaysInMonth(2019, 4) == 30);
  CHECK(DaysInMonth(2019, 12) == 31);
}

TEST_CASE("DaysFromCivil and CivilFromDays") {
  SUBCASE("known values") {
    CHECK(DaysFromCivil(1970, 1, 1) == 0);
    CHECK(DaysFromCivil(1970, 1, 2) == 1);
    CHECK(DaysFromCivil(1969, 12, 31) == -1);
    CHECK(DaysFromCivil(2000, 3, 1) == 11017);
    CHECK(CivilFromDays(0) == Date{1970, 1, 1});
    CHECK(CivilFromDays(-1) == Date{1969, 12, 31});
    CHECK(CivilFromDays(11016) == Date{2000, 2, 29});
  }
  SUBCASE("round trip over several centuries") {
    long prev = DaysFromCivil(1899, 12, 31);
    for (int y = 1900; y <= 2101; ++y) {
      for (int m = 1; m <= 12; ++m) {
        for (int d = 1; d <= DaysInMonth(y, m); ++d) {
          long z = DaysFromCivil(y, m, d);
          REQUIRE(z == prev + 1);  // consecutive days
          REQUIRE(CivilFromDays(z) == Date{y, m, d});
          prev = z;
        }
      }
    }
  }
}

TEST_CASE("Weekday") {
  CHECK(Weekday(Date{1970, 1, 1}) == 3);    // Thursday
  CHECK(Weekday(Date{2016, 12, 8}) == 3);   // Thursday
  CHECK(Weekday(Date{2019, 3, 4}) == 0);    // Monday
  CHECK(Weekday(Date{2000, 1, 1}) == 5);    // Saturday
  CHECK(Weekday(Date{2021, 8, 15}) == 6);   // Sunday
  CHECK(Weekday(Date{1969, 12, 31}) == 2);  // Wednesday, before the epoch
  CHECK(Weekday(Date{1900, 1, 1}) == 0);    // Monday
}

TEST_CASE("AddDays") {
  CHECK(AddDays(Date{2016, 12, 8}, 0) == Date{2016, 12, 8});
  CHECK(AddDays(Date{2016, 12, 8}, 1) == Date{2016, 12, 9});
  CHECK(AddDays(Date{2016, 12, 31}, 1) == Date{2017, 1, 1});
  CHECK(AddDays(Date{2017, 1, 1}, -1) == Date{2016, 12, 31});
  CHECK(AddDays(Date{2016, 2, 28}, 1) == Date{2016, 2, 29});
  CHECK(AddDays(Date{2017, 2, 28}, 1) == Date{2017, 3, 1});
  CHECK(AddDays(Date{2016, 3, 1}, -1) == Date{2016, 2, 29});
  CHECK(AddDays(Date{2016, 1, 1}, 366) == Date{2017, 1, 1});
  CHECK(AddDays(Date{2016, 12, 8}, -7) == Date{2016, 12, 1});
}

TEST_CASE("AddMonths") {
  SUBCASE("month precision") {
    CHECK(AddMonths(Date{2016, 11, 0}, 1) == Date{2016, 12, 0});
    CHECK(AddMonths(Date{2016, 12, 0}, 1) == Date{2017, 1, 0});
    CHECK(AddMonths(Date{2016, 1, 0}, -1) == Date{2015, 12, 0});
    CHECK(AddMonths(Date{2016, 5, 0}, 24) == Date{2018, 5, 0});
    CHECK(AddMonths(Date{2016, 5, 0}, -17) == Date{2014, 12, 0});
  }
  SUBCASE("day precision clamps the day to the month") {
    CHECK(AddMonths(Date{2016, 1, 31}, 1) == Date{2016, 2, 29});
    CHECK(AddMonths(Date{2017, 1, 31}, 1) == Date{2017, 2, 28});
    CHECK(AddMonths(Date{2016, 3, 31}, -1) == Date{2016, 2, 29});
    CHECK(AddMonths(Date{2016, 8, 31}, 1) == Date{2016, 9, 30});
    CHECK(AddMonths(Date{2016, 10, 15}, 3) == Date{2017, 1, 15});
    CHECK(AddMonths(Date{2016, 10, 15}, 0) == Date{2016, 10, 15});
  }
}

}  // namespace
}  // namespace diplograph
