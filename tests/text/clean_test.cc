// Tests for text/clean.h.
#include "diplograph/text/clean.h"

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

namespace doctest {
template <>
struct StringMaker<std::vector<std::string>> {
  static String convert(const std::vector<std::string>& v) {
    std::string out = "{";
    for (size_t i = 0; i < v.size(); ++i) out += (i ? ", \"" : "\"") + v[i] + "\"";
    out += "}";
    return String(out.c_str());
  }
};
}  // namespace doctest

namespace diplograph {
namespace {

std::vector<std::string> LineTexts(std::string_view text) {
  std::vector<std::string> out;
  for (const LineSpan& l : BodyLines(text)) {
    out.emplace_back(text.substr(l.begin, l.end - l.begin));
  }
  return out;
}

TEST_CASE("IsFurniture") {
  SUBCASE("page furniture") {
    for (std::string_view line : {
             "Advertisement",
             "ADVERTISEMENT",
             "  Advertisement  ",
             "Learn more",
             "learn more",
             "Read more: the envoy's full statement",
             "Sponsored content",
             "Share this article",
             "Subscribe to our daily briefing",
             "Sign up for the morning newsletter",
             "Skip to main content",
             "Related articles",
             "Related:",
             "Related stories: Trade talks resume",
             "Recommended",
             "Recommended for you",
             "Updated: 10:32 GMT",
             "Updated 3 hours ago",
             "Published 12 June 2019",
             "Published: Monday",
             "Last updated 3 hours ago",
             "Photo: Reuters",
             "PHOTO: AFP/Getty Images",
             "(Photo: AP)",
             "Soldiers march through the square on Monday. Photo: Reuters",
             "The envoy arrives at the airport (Photo: Xinhua)",
             "File photo: a ministry building in the capital",
             "Picture credit: State media",
             "This article appeared in the Asia section of the print edition under the "
             "headline \"A thaw\"",
             "This article first appeared in the print edition.",
             "Additional reporting by A. Writer; Editing by B. Editor",
             "A colleague in Seoul contributed to this report.",
             "\xC2\xA9 2019 Example News. All rights reserved.",
             "Copyright 2019 Example News",
             "",
             "   ",
         }) {
      CAPTURE(line);
      CHECK(IsFurniture(line));
    }
  }
  SUBCASE("story lines") {
    for (std::string_view line : {
             "The foreign ministers met in Geneva on Monday.",
             "\"We will learn more after the meeting,\" the spokesman said.",
             "Officials said the photo showed the two leaders shaking hands.",
             "The advertisement ran in three newspapers.",
             "She took a photo: it was the first such meeting in years.",
             "Published reports said the envoy would visit Seoul.",
             "Related talks in Geneva ended without a deal.",
             "Updated figures from the ministry showed exports fell.",
             "Recommended steps include a new military hotline.",
             "This article says nothing about the print edition.",
         }) {
      CAPTURE(line);
      CHECK_FALSE(IsFurniture(line));
    }
  }
}

TEST_CASE("BodyLines") {
  SUBCASE("offsets and paragraph starts of a simple text") {
    std::string_view text = "One line.\nTwo line.\n\nThree.";
    std::vector<LineSpan> lines = BodyLines(text);
    REQUIRE(lines.size() == 3);
    CHECK(lines[0].begin == 0);
    CHECK(lines[0].end == 9);
    CHECK(lines[0].paragraph_start);
    CHECK(lines[1].begin == 10);
    CHECK(lines[1].end == 19);
    CHECK_FALSE(lines[1].paragraph_start);
    CHECK(lines[2].begin == 21);
    CHECK(lines[2].end == 27);
    CHECK(lines[2].paragraph_start);
  }
  SUBCASE("furniture is dropped, story kept") {
    std::string text =
        "Talks resumed in Geneva on Monday.\n"
        "Advertisement\n"
        "The envoys did not speak to reporters.\n"
        "\n"
        "Learn more\n"
        "\n"
        "Troops parade past the embassy. Photo: Reuters\n"
        "A second round is planned for March.\n"
        "\n"
        "This article appeared in the World section of the print edition under the "
        "headline \"Round two\"\n";
    CHECK(LineTexts(text) == std::vector<std::string>{"Talks resumed in Geneva on Monday.",
                                                      "The envoys did not speak to reporters.",
                                                      "A second round is planned for March."});
    std::vector<LineSpan> lines = BodyLines(text);
    REQUIRE(lines.size() == 3);
    CHECK(lines[0].begin == 0);
    CHECK(lines[1].begin == text.find("The envoys"));
    CHECK(lines[2].begin == text.find("A second"));
    CHECK(lines[2].end == text.find(".\n\nThis article") + 1);
    CHECK(lines[0].paragraph_start);
    CHECK_FALSE(lines[1].paragraph_start);
  }
  SUBCASE("white space around lines is trimmed from the spans") {
    std::string text = "  \t Indented story line.  \r\n\r\n\tSecond paragraph.\r\n";
    std::vector<LineSpan> lines = BodyLines(text);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].begin == text.find("Indented"));
    CHECK(lines[0].end == text.find("  \r\n"));
    CHECK(lines[0].paragraph_start);
    CHECK(lines[1].begin == text.find("Second"));
    CHECK(lines[1].end == text.find("\r\n", lines[1].begin));
    CHECK(lines[1].paragraph_start);
  }
  SUBCASE("multi-byte text keeps byte offsets") {
    std::string text =
        "\xE2\x80\x9CWe agree,\xE2\x80\x9D said the minister in Gen\xC3\xA8ve.\n"
        "\n"
        "Advertisement\n"
        "\n"
        "M\xC3\xBCller \xE2\x80\x94 the envoy \xE2\x80\x94 left.";
    std::vector<LineSpan> lines = BodyLines(text);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].begin == 0);
    CHECK(lines[0].end == text.find('\n'));
    CHECK(lines[1].begin == text.find("M\xC3\xBC"));
    CHECK(lines[1].end == text.size());
    CHECK(lines[1].paragraph_start);
  }
  SUBCASE("paragraph starts across dropped lines") {
    std::string text =
        "First paragraph.\n"
        "\n"
        "Advertisement\n"
        "\n"
        "Second paragraph.\n"
        "Still the second.\n";
    std::vector<LineSpan> lines = BodyLines(text);
    REQUIRE(lines.size() == 3);
    CHECK(lines[0].paragraph_start);
    CHECK(lines[1].paragraph_start);
    CHECK_FALSE(lines[2].paragraph_start);
  }
  SUBCASE("empty and all-furniture texts") {
    CHECK(BodyLines("").empty());
    CHECK(BodyLines("\n\n   \n").empty());
    CHECK(BodyLines("Advertisement\nLearn more\nPhoto: Reuters\n").empty());
  }
  SUBCASE("spans are ordered and within the text") {
    std::string text = "\n\nA.\nAdvertisement\nB b.\n\n\nC c c.\nLearn more\n  D.  \nPhoto: AFP\nE";
    std::vector<LineSpan> lines = BodyLines(text);
    CHECK(LineTexts(text) == std::vector<std::string>{"A.", "B b.", "C c c.", "D.", "E"});
    uint32_t prev_end = 0;
    for (const LineSpan& l : lines) {
      CHECK(l.begin >= prev_end);
      CHECK(l.begin < l.end);
      CHECK(l.end <= text.size());
      prev_end = l.end;
    }
  }
}

}  // namespace
}  // namespace diplograph
