#include "diplograph/event/dates.h"

#include <cstdlib>
#include <string>
#include <string_view>

#include "diplograph/segment/word_class.h"

using namespace std::string_view_literals;

namespace diplograph {

namespace {

// std::atoi of a token (a view, so not NUL-terminated).
int Atoi(std::string_view w) { return std::atoi(std::string(w).c_str()); }

int MonthOf(std::string_view w) {
  static constexpr std::string_view kMonths[] = {"january", "february", "march", "april", "may", "june",
                                        "july", "august", "september", "october", "november",
                                        "december"};
  static constexpr std::string_view kShort[] = {"jan.", "feb.", "mar.", "apr.", "may", "jun.", "jul.",
                                       "aug.", "sept.", "oct.", "nov.", "dec."};
  for (int m = 0; m < 12; ++m) {
    if (w == kMonths[m] || w == kShort[m]) return m + 1;
  }
  if (w == "sep."sv) return 9;
  return 0;
}

int WeekdayOf(std::string_view w) {
  static constexpr std::string_view kDays[] = {"monday", "tuesday", "wednesday", "thursday", "friday",
                                      "saturday", "sunday"};
  for (int d = 0; d < 7; ++d) {
    if (w == kDays[d]) return d;
  }
  return -1;
}

int NumberOf(std::string_view w) {
  static constexpr std::string_view kWords[] = {"zero", "one", "two", "three", "four", "five", "six",
                                       "seven", "eight", "nine", "ten", "eleven", "twelve"};
  for (int n = 0; n <= 12; ++n) {
    if (w == kWords[n]) return n;
  }
  if (!w.empty() && w[0] >= '0' && w[0] <= '9') return Atoi(w);
  if (w == "a"sv) return 1;
  return -1;
}

bool IsYear(std::string_view w, int* year) {
  if (w.size() != 4 || w[0] < '1' || w[0] > '2') return false;
  for (char c : w) {
    if (c < '0' || c > '9') return false;
  }
  *year = Atoi(w);
  return *year >= 1900 && *year <= 2100;
}

}  // namespace

Date ResolveDate(const std::vector<Token>& t, uint32_t first, uint32_t last, const Date& anchor,
                 bool* found) {
  if (found != nullptr) *found = true;
  auto w = [&](uint32_t i) -> std::string_view {
    return i < last ? t[i].lower : std::string_view();
  };
  bool full = anchor.known() && anchor.day != 0;
  for (uint32_t i = first; i < last; ++i) {
    // Tokens that cannot start a time expression are known from the tokenizer.
    if (!t[i].Has(kWcDateCue)) continue;
    std::string_view x = w(i);
    int year = 0;
    // Most tokens name no time: skip them on their first letter.
    char c0 = x.empty() ? 0 : x[0];
    bool maybe = (c0 >= '0' && c0 <= '9') || c0 == 't' || c0 == 'y' || c0 == 'm' ||
                 c0 == 'w' || c0 == 'f' || c0 == 's' || c0 == 'j' || c0 == 'a' || c0 == 'o' ||
                 c0 == 'n' || c0 == 'd' || c0 == 'l' || c0 == 'e' || c0 == 'i';
    if (!maybe || x.size() > 9) continue;
    if (x == "today"sv || x == "tonight"sv) return anchor;
    if (x == "yesterday"sv && full) return AddDays(anchor, -1);
    int wd = WeekdayOf(x);
    if (wd >= 0 && full) {
      int diff = (Weekday(anchor) - wd + 7) % 7;
      return AddDays(anchor, -diff);
    }
    int month = MonthOf(x);
    if (month > 0 && !(x == "may"sv && t[i].text == "may"sv)) {
      Date d{anchor.known() ? anchor.year : 0, month, 0};
      uint32_t j = i + 1;
      if (j < last && t[j].Is(kNumeric) && !IsYear(w(j), &year)) {
        int day = Atoi(w(j));
        if (day >= 1 && day <= 31) d.day = day;
        ++j;
        if (j < last && w(j) == ","sv) ++j;
      }
      if (j < last && IsYear(w(j), &year)) {
        d.year = year;
      } else if (w(j) == "last"sv && w(j + 1) == "year"sv) {
        d.year = anchor.year - 1;
      } else if (anchor.known() && (month > anchor.month || (month == anchor.month && d.day > anchor.day))) {
        d.year = anchor.year - 1;
      }
      if (d.year == 0) continue;
      if (d.day > DaysInMonth(d.year, d.month)) d.day = 0;
      return d;
    }
    if (IsYear(x, &year) && i > first && (w(i - 1) == "in"sv || w(i - 1) == "since"sv)) {
      return Date{year, 0, 0};
    }
    if (!anchor.known()) continue;
    if ((x == "last"sv || x == "next"sv) && i + 1 < last) {
      int sign = x == "last"sv ? -1 : 1;
      if (w(i + 1) == "year"sv) return Date{anchor.year + sign, 0, 0};
      if (w(i + 1) == "month"sv) return AddMonths(Date{anchor.year, anchor.month, 0}, sign);
      if (w(i + 1) == "week"sv && full) return AddDays(anchor, 7 * sign);
    }
    if (x == "this"sv && w(i + 1) == "week"sv) return anchor;
    if (x == "earlier"sv && w(i + 1) == "this"sv && w(i + 2) == "week"sv) return anchor;
    int n = NumberOf(x);
    if (n > 0 && i + 2 < last && w(i + 2) == "ago"sv) {
      std::string_view unit = w(i + 1);
      if (unit == "years"sv || unit == "year"sv) return Date{anchor.year - n, 0, 0};
      if (unit == "months"sv || unit == "month"sv) return AddMonths(Date{anchor.year, anchor.month, 0}, -n);
      if ((unit == "days"sv || unit == "day"sv) && full) return AddDays(anchor, -n);
      if ((unit == "weeks"sv || unit == "week"sv) && full) return AddDays(anchor, -7 * n);
    }
  }
  if (found != nullptr) *found = false;
  return anchor;
}

Date EventDate(const std::vector<Token>& t, uint32_t first, uint32_t last, uint32_t trigger_first,
               uint32_t trigger_last, const Date& anchor) {
  bool found = false;
  uint32_t clause_end = trigger_last;
  while (clause_end < last && t[clause_end].text != ","sv && t[clause_end].text != ";"sv) ++clause_end;
  Date d = ResolveDate(t, trigger_last, clause_end, anchor, &found);
  if (found) return d;
  uint32_t clause_start = trigger_first;
  while (clause_start > first && t[clause_start - 1].text != ","sv) --clause_start;
  d = ResolveDate(t, clause_start, trigger_first, anchor, &found);
  if (found) return d;
  return ResolveDate(t, first, last, anchor, &found);
}

}  // namespace diplograph
