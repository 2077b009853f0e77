// Tests for event/dates.h: time expressions resolved against an article date.
#include "diplograph/event/dates.h"

#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "diplograph/core/date.h"
#include "diplograph/segment/segmenter.h"

namespace diplograph {
namespace {

// A Wednesday.
const Date kAnchor{2023, 6, 14};

// The date `text` speaks of, as a string; "-" when it names no time.
std::string Resolve(std::string_view text, const Date& anchor = kAnchor) {
  Segmentation seg = SegmentAll(text);
  bool found = false;
  Date d = ResolveDate(seg.tokens, 0, static_cast<uint32_t>(seg.tokens.size()), anchor, &found);
  if (!found) {
    CHECK(d == anchor);  // no time named: the anchor comes back
    return "-";
  }
  return d.ToString();
}

// The date of the event whose trigger is the first token equal to `trigger`.
std::string EventDateOf(std::string_view text, std::string_view trigger,
                        const Date& anchor = kAnchor) {
  Segmentation seg = SegmentAll(text);
  REQUIRE(seg.sentences.size() == 1);
  const Sentence& s = seg.sentences[0];
  for (uint32_t i = s.first; i < s.last; ++i) {
    if (seg.tokens[i].text == trigger) {
      return EventDate(seg.tokens, s.first, s.last, i, i + 1, anchor).ToString();
    }
  }
  FAIL("no token " << std::string(trigger) << " in: " << std::string(text));
  return "";
}

TEST_CASE("ResolveDate: days") {
  SUBCASE("weekdays are the most recent such day, the article day included") {
    CHECK(Resolve("on Wednesday") == "2023-06-14");
    CHECK(Resolve("on Tuesday") == "2023-06-13");
    CHECK(Resolve("on Monday") == "2023-06-12");
    CHECK(Resolve("on Sunday") == "2023-06-11");
    CHECK(Resolve("on Thursday") == "2023-06-08");
    CHECK(Resolve("late on Friday night") == "2023-06-09");
  }
  SUBCASE("today and yesterday") {
    CHECK(Resolve("today") == "2023-06-14");
    CHECK(Resolve("yesterday") == "2023-06-13");
    CHECK(Resolve("yesterday", Date{2024, 3, 1}) == "2024-02-29");
    CHECK(Resolve("yesterday", Date{2023, 1, 1}) == "2022-12-31");
  }
  SUBCASE("a weekday across a month boundary") {
    // 2023-07-03 is a Monday; the previous Friday is in June.
    CHECK(Resolve("on Friday", Date{2023, 7, 3}) == "2023-06-30");
  }
  SUBCASE("days ago") {
    CHECK(Resolve("three days ago") == "2023-06-11");
    CHECK(Resolve("two weeks ago") == "2023-05-31");
  }
}

TEST_CASE("ResolveDate: months and years") {
  SUBCASE("a month of this year") {
    CHECK(Resolve("in March") == "2023-03");
    CHECK(Resolve("in May") == "2023-05");
  }
  SUBCASE("a later month than the article's is last year's") {
    CHECK(Resolve("in September") == "2022-09");
  }
  SUBCASE("in September last year") {
    CHECK(Resolve("in September last year") == "2022-09");
    CHECK(Resolve("in February last year") == "2022-02");
  }
  SUBCASE("month and day") {
    CHECK(Resolve("on March 3") == "2023-03-03");
    CHECK(Resolve("on Sept. 5") == "2022-09-05");
  }
  SUBCASE("full dates") {
    CHECK(Resolve("on December 8, 2016") == "2016-12-08");
    CHECK(Resolve("on Sept. 5, 2019") == "2019-09-05");
    CHECK(Resolve("in September 2016") == "2016-09");
  }
  SUBCASE("an impossible day keeps the month") {
    CHECK(Resolve("on February 30, 2023") == "2023-02");
  }
  SUBCASE("years") {
    CHECK(Resolve("in 2018") == "2018");
    CHECK(Resolve("last year") == "2022");
    CHECK(Resolve("next year") == "2024");
    CHECK(Resolve("four years ago") == "2019");
    CHECK(Resolve("a year ago") == "2022");
  }
  SUBCASE("months relative to the article") {
    CHECK(Resolve("last month") == "2023-05");
    CHECK(Resolve("next month") == "2023-07");
    CHECK(Resolve("two months ago") == "2023-04");
    CHECK(Resolve("last month", Date{2023, 1, 10}) == "2022-12");
  }
}

TEST_CASE("ResolveDate: no time named") {
  SUBCASE("plain text") {
    CHECK(Resolve("Russia attacked Ukraine.") == "-");
    CHECK(Resolve("") == "-");
  }
  SUBCASE("the modal may is not the month") { CHECK(Resolve("Russia may retaliate.") == "-"); }
  SUBCASE("a bare number is not a year") {
    CHECK(Resolve("35 diplomats") == "-");
    CHECK(Resolve("2018 diplomats") == "-");
  }
  SUBCASE("an empty range") {
    Segmentation seg = SegmentAll("on Monday");
    bool found = true;
    CHECK(ResolveDate(seg.tokens, 1, 1, kAnchor, &found) == kAnchor);
    CHECK_FALSE(found);
  }
  SUBCASE("found may be left out") {
    Segmentation seg = SegmentAll("on Monday");
    CHECK(ResolveDate(seg.tokens, 0, 2, kAnchor) == Date{2023, 6, 12});
    CHECK(ResolveDate(seg.tokens, 0, 0, kAnchor) == kAnchor);
  }
}

TEST_CASE("ResolveDate: without a full article date") {
  SUBCASE("no article date: relative times are unknown") {
    CHECK(Resolve("on Wednesday", Date{}) == "-");
    CHECK(Resolve("last year", Date{}) == "-");
    CHECK(Resolve("in September", Date{}) == "-");
  }
  SUBCASE("no article date: absolute times still resolve") {
    CHECK(Resolve("in September 2016", Date{}) == "2016-09");
    CHECK(Resolve("on December 8, 2016", Date{}) == "2016-12-08");
    CHECK(Resolve("in 2018", Date{}) == "2018");
  }
  SUBCASE("an article date of month precision") {
    const Date june{2023, 6, 0};
    CHECK(Resolve("on Wednesday", june) == "-");
    CHECK(Resolve("yesterday", june) == "-");
    CHECK(Resolve("last year", june) == "2022");
    CHECK(Resolve("last month", june) == "2023-05");
    CHECK(Resolve("in March", june) == "2023-03");
  }
}

TEST_CASE("EventDate: the time of the trigger's clause") {
  SUBCASE("a time after the trigger") {
    CHECK(EventDateOf("China criticized Japan on Monday.", "criticized") == "2023-06-12");
  }
  SUBCASE("a time before the trigger in its clause") {
    CHECK(EventDateOf("On Monday, China criticized Japan.", "criticized") == "2023-06-12");
  }
  SUBCASE("two events, two dates") {
    const char* text = "Russia attacked Ukraine last year, and on Monday China criticized Japan.";
    CHECK(EventDateOf(text, "attacked") == "2022");
    CHECK(EventDateOf(text, "criticized") == "2023-06-12");
  }
  SUBCASE("the nearest time after the trigger wins within its clause") {
    const char* text = "China criticized Japan on Monday after Russia attacked Ukraine on Friday.";
    CHECK(EventDateOf(text, "criticized") == "2023-06-12");
    CHECK(EventDateOf(text, "attacked") == "2023-06-09");
  }
  SUBCASE("else the first time in the sentence") {
    CHECK(EventDateOf("China criticized Japan, Xinhua reported on Tuesday.", "criticized") ==
          "2023-06-13");
  }
  SUBCASE("else the article date") {
    CHECK(EventDateOf("China criticized Japan.", "criticized") == "2023-06-14");
    CHECK(EventDateOf("China criticized Japan.", "criticized", Date{}) == "");
  }
}

}  // namespace
}  // namespace diplograph
