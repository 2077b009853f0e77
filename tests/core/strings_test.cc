// Tests for core/strings.h (and core/diagnostics.h, which has no test file of
// its own in tests/CMakeLists.txt).
#include "diplograph/core/strings.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "diplograph/core/diagnostics.h"

namespace diplograph {
namespace {

size_t BadOffset(std::string_view s) {
  size_t off = 12345;
  CHECK_FALSE(IsValidUtf8(s, &off));
  return off;
}

TEST_CASE("IsValidUtf8") {
  SUBCASE("ASCII and empty input are valid") {
    CHECK(IsValidUtf8(""));
    CHECK(IsValidUtf8("The envoy left Seoul on Tuesday.\n"));
  }
  SUBCASE("well-formed sequences of every length") {
    CHECK(IsValidUtf8("\xC3\xA9"));          // é, 2 bytes
    CHECK(IsValidUtf8("\xE2\x80\x94"));      // em dash, 3 bytes
    CHECK(IsValidUtf8("\xF0\x9F\x98\x80"));  // U+1F600, 4 bytes
    CHECK(IsValidUtf8("\xF4\x8F\xBF\xBF"));  // U+10FFFF, the largest
    CHECK(IsValidUtf8("\xED\x9F\xBF"));      // U+D7FF, just below the surrogates
    CHECK(IsValidUtf8("\xEE\x80\x80"));      // U+E000, just above them
    CHECK(IsValidUtf8("Caf\xC3\xA9 \xE2\x80\x9Cnow\xE2\x80\x9D"));
  }
  SUBCASE("U+FFFD itself is valid") {
    CHECK(IsValidUtf8("\xEF\xBF\xBD"));
    CHECK(
        IsValidUtf8("a\xEF\xBF\xBD"
                    "b"));
  }
  SUBCASE("overlong encodings are refused") {
    CHECK(BadOffset("\xC0\xAF") == 0);  // '/' in two bytes
    CHECK(BadOffset("\xC1\xBF") == 0);
    CHECK(BadOffset("ab\xE0\x80\xAF") == 2);    // '/' in three bytes
    CHECK(BadOffset("\xE0\x9F\xBF") == 0);      // U+07FF in three bytes
    CHECK(BadOffset("\xF0\x8F\xBF\xBF") == 0);  // U+FFFF in four bytes
  }
  SUBCASE("surrogates and values past U+10FFFF are refused") {
    CHECK(BadOffset("\xED\xA0\x80") == 0);      // U+D800
    CHECK(BadOffset("x\xED\xBF\xBF") == 1);     // U+DFFF
    CHECK(BadOffset("\xF4\x90\x80\x80") == 0);  // U+110000
    CHECK(BadOffset("\xF5\x80\x80\x80") == 0);
    CHECK(BadOffset("\xFF") == 0);
  }
  SUBCASE("truncated sequences and stray continuation bytes are refused") {
    CHECK(BadOffset("abc\xC3") == 3);
    CHECK(BadOffset("abc\xE2\x80") == 3);
    CHECK(BadOffset("\xF0\x9F\x98") == 0);
    CHECK(BadOffset("\xE2\x80"
                    "A") == 0);  // interrupted by ASCII
    CHECK(BadOffset("ok \x80 no") == 3);
    CHECK(BadOffset("\xC3\xA9\xA9") == 2);  // one continuation too many
  }
  SUBCASE("reports the first bad sequence") {
    CHECK(BadOffset("\xC3\xA9 fine \xC0\x80 \xFF") == 8);
  }
  SUBCASE("bad_offset may be null") { CHECK_FALSE(IsValidUtf8("\xC3", nullptr)); }
}

TEST_CASE("DecodeUtf8 and AppendUtf8") {
  SUBCASE("decodes code points and their lengths") {
    size_t len = 0;
    CHECK(DecodeUtf8("A", 0, &len) == U'A');
    CHECK(len == 1);
    CHECK(DecodeUtf8("x\xC3\xA9", 1, &len) == U'\u00E9');
    CHECK(len == 2);
    CHECK(DecodeUtf8("\xE2\x80\x99", 0, &len) == U'\u2019');
    CHECK(len == 3);
    CHECK(DecodeUtf8("\xF0\x9F\x98\x80", 0, &len) == U'\U0001F600');
    CHECK(len == 4);
  }
  SUBCASE("malformed input gives U+FFFD and length 1") {
    size_t len = 0;
    CHECK(DecodeUtf8("\xE2\x80", 0, &len) == 0xFFFD);
    CHECK(len == 1);
    CHECK(DecodeUtf8("\xED\xA0\x80", 0, &len) == 0xFFFD);
    CHECK(len == 1);
    CHECK(DecodeUtf8("\x80", 0, &len) == 0xFFFD);
    CHECK(len == 1);
  }
  SUBCASE("AppendUtf8 round-trips through DecodeUtf8") {
    for (char32_t cp : {U'\u0024', U'\u007F', U'\u0080', U'\u00E9', U'\u07FF', U'\u0800', U'\u2014',
                        U'\uFFFD', U'\U00010000', U'\U0010FFFF'}) {
      std::string s;
      AppendUtf8(cp, &s);
      CHECK(IsValidUtf8(s));
      size_t len = 0;
      CHECK(DecodeUtf8(s, 0, &len) == cp);
      CHECK(len == s.size());
    }
    std::string s;
    AppendUtf8(0x2019, &s);
    CHECK(s == "\xE2\x80\x99");
  }
}

TEST_CASE("AsciiLower") {
  CHECK(AsciiLower("") == "");
  CHECK(AsciiLower("NATO Summit 2019") == "nato summit 2019");
  CHECK(AsciiLower("\xC3\x89lys\xC3\xA9"
                   "E") ==
        "\xC3\x89lys\xC3\xA9"
        "e");  // É left alone
}

TEST_CASE("FoldToAscii") {
  SUBCASE("ASCII is unchanged") {
    CHECK(FoldToAscii("") == "");
    CHECK(FoldToAscii("Plain words, 42 of them!") == "Plain words, 42 of them!");
  }
  SUBCASE("curly quotes become straight quotes") {
    CHECK(FoldToAscii("\xE2\x80\x9CWe agree,\xE2\x80\x9D she said.") == "\"We agree,\" she said.");
    CHECK(FoldToAscii("\xE2\x80\x98yes\xE2\x80\x99") == "'yes'");
    CHECK(FoldToAscii("Seoul\xE2\x80\x99s envoy") == "Seoul's envoy");
    CHECK(FoldToAscii("\xC2\xABnon\xC2\xBB") == "\"non\"");
  }
  SUBCASE("dashes, spaces and the ellipsis") {
    CHECK(FoldToAscii("talks \xE2\x80\x94 again") == "talks - again");  // em dash
    CHECK(FoldToAscii("2018\xE2\x80\x93"
                      "19") == "2018-19");          // en dash
    CHECK(FoldToAscii("10\xC2\xA0km") == "10 km");  // no-break space
    CHECK(FoldToAscii("wait\xE2\x80\xA6") == "wait...");
  }
  SUBCASE("accented Latin letters") {
    CHECK(FoldToAscii("\xC3\x89lys\xC3\xA9"
                      "e") == "Elysee");
    CHECK(FoldToAscii("S\xC3\xA3o Tom\xC3\xA9") == "Sao Tome");
    CHECK(FoldToAscii("M\xC3\xBCnchen") == "Munchen");
    CHECK(FoldToAscii("Stra\xC3\x9F"
                      "e") == "Strasse");
    CHECK(FoldToAscii("\xC3\x86"
                      "gir") == "AEgir");
    CHECK(FoldToAscii("Gda\xC5\x84sk") == "Gdansk");  // ń
    CHECK(FoldToAscii("\xC5\x81\xC3\xB3"
                      "d\xC5\xBA") == "Lodz");  // Łódź
    CHECK(FoldToAscii("\xC5\xA0koda \xC4\x8C"
                      "e\xC5\xA1ka") == "Skoda Ceska");
    CHECK(FoldToAscii("Erdo\xC4\x9F"
                      "an") == "Erdogan");  // ğ
    CHECK(FoldToAscii("\xC5\xB8") == "Y");  // Ÿ U+0178
    CHECK(FoldToAscii("\xC5\xBE") == "z");  // ž U+017E
  }
  SUBCASE("other scripts and invalid bytes pass through") {
    CHECK(FoldToAscii("\xE5\x8C\x97\xE4\xBA\xAC") == "\xE5\x8C\x97\xE4\xBA\xAC");  // 北京
    CHECK(FoldToAscii("\xD0\x9C\xD0\xBE\xD1\x81") == "\xD0\x9C\xD0\xBE\xD1\x81");  // Мос
    CHECK(FoldToAscii("a\xFF"
                      "b") ==
          "a\xFF"
          "b");
  }
}

TEST_CASE("Slugify") {
  CHECK(Slugify("People's Liberation Army") == "peoples-liberation-army");
  CHECK(Slugify("People\xE2\x80\x99s Liberation Army") == "peoples-liberation-army");
  CHECK(Slugify("  Minist\xC3\xA8re des Affaires \xC3\xA9trang\xC3\xA8res ") ==
        "ministere-des-affaires-etrangeres");
  CHECK(Slugify("U.S. State Department") == "u-s-state-department");
  CHECK(Slugify("G-20 -- summit!!") == "g-20-summit");
  CHECK(Slugify("Resolution 2231") == "resolution-2231");
  CHECK(Slugify("") == "");
  CHECK(Slugify("--- ...") == "");
  CHECK(Slugify("\xE5\x8C\x97\xE4\xBA\xAC talks") == "talks");
}

TEST_CASE("Trim, Split, StartsWith, EndsWith") {
  SUBCASE("Trim") {
    CHECK(Trim("") == "");
    CHECK(Trim(" \t\r\n") == "");
    CHECK(Trim("\t  two words \r\n") == "two words");
    CHECK(Trim("\xC2\xA0x\xC2\xA0") == "\xC2\xA0x\xC2\xA0");  // only ASCII white space
  }
  SUBCASE("Split keeps empty fields") {
    CHECK(Split("a,b,c", ',') == std::vector<std::string_view>{"a", "b", "c"});
    CHECK(Split("a,,b,", ',') == std::vector<std::string_view>{"a", "", "b", ""});
    CHECK(Split("", ',') == std::vector<std::string_view>{""});
    CHECK(Split("no separator", ',') == std::vector<std::string_view>{"no separator"});
  }
  SUBCASE("StartsWith and EndsWith") {
    CHECK(StartsWith("Title: x", "Title:"));
    CHECK(StartsWith("abc", ""));
    CHECK_FALSE(StartsWith("Ti", "Title"));
    CHECK_FALSE(StartsWith("title", "Title"));
    CHECK(EndsWith("report.jsonl", ".jsonl"));
    CHECK(EndsWith("abc", ""));
    CHECK_FALSE(EndsWith("l", ".jsonl"));
    CHECK_FALSE(EndsWith("report.json", ".jsonl"));
  }
}

TEST_CASE("EditDistance") {
  SUBCASE("within the limit gives the exact distance") {
    CHECK(EditDistance("", "", 3) == 0);
    CHECK(EditDistance("Moscow", "Moscow", 0) == 0);
    CHECK(EditDistance("Beijing", "Bejing", 2) == 1);
    CHECK(EditDistance("kitten", "sitting", 3) == 3);
    CHECK(EditDistance("Qaddafi", "Gaddafi", 1) == 1);
    CHECK(EditDistance("", "abc", 5) == 3);
    CHECK(EditDistance("abc", "", 3) == 3);
    CHECK(EditDistance("ab", "ba", 2) == 2);
  }
  SUBCASE("past the limit gives limit + 1") {
    CHECK(EditDistance("kitten", "sitting", 2) == 3);
    CHECK(EditDistance("kitten", "sitting", 1) == 2);
    CHECK(EditDistance("Moscow", "Moscow!", 0) == 1);
    CHECK(EditDistance("abc", "xyz", 1) == 2);
    CHECK(EditDistance("a", "abcdef", 2) == 3);  // length gap alone exceeds it
    // Rows stay within the limit but the final distance (4) does not.
    CHECK(EditDistance("xa", "abcd", 2) == 3);
    CHECK(EditDistance("abcd", "xa", 2) == 3);
  }
  SUBCASE("symmetric") {
    const std::string_view words[] = {"", "Kim", "Kimm", "Jong", "Jong-un", "Putin", "Poutine"};
    for (std::string_view a : words) {
      for (std::string_view b : words) {
        CAPTURE(a);
        CAPTURE(b);
        CHECK(EditDistance(a, b, 3) == EditDistance(b, a, 3));
        CHECK(EditDistance(a, b, 3) <= 4);
      }
    }
  }
}

TEST_CASE("Diagnostics") {
  SUBCASE("ToString leaves out unknown parts") {
    Diagnostics d;
    d.Error("in.txt", 3, 7, "something broke");
    d.Error("in.txt", 3, 0, "no column");
    d.Error("in.txt", 0, 0, "no line");
    d.Error("", 0, 0, "no path");
    d.Warning("w.jsonl", 2, 0, "a warning");
    REQUIRE(d.items().size() == 5);
    CHECK(d.items()[0].ToString() == "in.txt:3:7: error: something broke");
    CHECK(d.items()[1].ToString() == "in.txt:3: error: no column");
    CHECK(d.items()[2].ToString() == "in.txt: error: no line");
    CHECK(d.items()[3].ToString() == "error: no path");
    CHECK(d.items()[4].ToString() == "w.jsonl:2: warning: a warning");
    CHECK(d.error_count() == 4);
    CHECK(d.HasErrors());
  }
  SUBCASE("warnings alone are not errors; Append counts errors") {
    Diagnostics a, b;
    CHECK(a.empty());
    a.Warning("x", 1, 1, "careful");
    CHECK_FALSE(a.HasErrors());
    CHECK_FALSE(a.empty());
    b.Error("y", 1, 1, "bad");
    a.Append(b);
    CHECK(a.items().size() == 2);
    CHECK(a.error_count() == 1);
  }
  SUBCASE("LineColAt") {
    int line = 0, col = 0;
    LineColAt("ab\ncd\n\nef", 0, &line, &col);
    CHECK((line == 1 && col == 1));
    LineColAt("ab\ncd\n\nef", 2, &line, &col);  // the newline itself
    CHECK((line == 1 && col == 3));
    LineColAt("ab\ncd\n\nef", 4, &line, &col);
    CHECK((line == 2 && col == 2));
    LineColAt("ab\ncd\n\nef", 8, &line, &col);
    CHECK((line == 4 && col == 2));
    LineColAt("ab", 99, &line, &col);  // clamped to the end
    CHECK((line == 1 && col == 3));
  }
}

}  // namespace
}  // namespace diplograph

namespace diplograph {
namespace {

std::string Escaped(std::string_view s) {
  std::string out(JsonEscapedBound(s.size()), '\0');
  out.resize(static_cast<size_t>(EscapeJsonTo(s, out.data()) - out.data()));
  return out;
}

TEST_CASE("EscapeJsonTo.SpellsStringsAsNlohmannDoes") {
  std::mt19937 rng(5);
  const std::vector<std::string> pieces = {"a", "Z", " ", "\"", "\\", "/", "\b", "\f", "\n",
                                           "\r", "\t", std::string(1, '\0'), "\x1f", "\x7f",
                                           "\xC3\xA9", "\xE2\x80\x94", "\xF0\x9F\x98\x80",
                                           "plain words"};
  for (int i = 0; i < 2000; ++i) {
    std::string s;
    for (int n = std::uniform_int_distribution<int>(0, 24)(rng); n > 0; --n) {
      s += pieces[std::uniform_int_distribution<size_t>(0, pieces.size() - 1)(rng)];
    }
    std::string want = nlohmann::json(s).dump();
    CHECK(Escaped(s) == want.substr(1, want.size() - 2));
  }
  CHECK(Escaped("a\xFF" "b\xC3") == "a\xEF\xBF\xBD" "b\xEF\xBF\xBD");  // each bad byte
}

}  // namespace
}  // namespace diplograph
