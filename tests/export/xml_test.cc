#include "diplograph/export/xml.h"

#include <doctest/doctest.h>

#include <random>
#include <set>

#include "xml_check.h"

namespace diplograph {
namespace {

using testing::XmlProblem;

TEST_CASE("Xml.EscapesMarkup") {
  CHECK(XmlEscaped("<a href=\"x\">'&'</a>") ==
        "&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;");
  CHECK(XmlEscaped("plain text, é and 😀") == "plain text, é and 😀");
  CHECK(XmlEscaped("]]>") == "]]&gt;");
}

TEST_CASE("Xml.Whitespace") {
  CHECK(XmlEscaped("a\tb\nc\rd") == "a\tb\nc&#13;d");
  CHECK(XmlEscaped("a\tb\nc\rd", XmlContext::kAttribute) == "a&#9;b&#10;c&#13;d");
  CHECK(CollapseWhitespace("  a \t\n b  c ") == "a b c");
  CHECK(CollapseWhitespace(" \n ").empty());
}

TEST_CASE("Xml.ReplacesForbiddenCharacters") {
  const std::string fffd = "\xEF\xBF\xBD";
  CHECK(XmlEscaped(std::string("a\0b", 3)) == "a" + fffd + "b");
  CHECK(XmlEscaped("\x01\x08\x0b\x0c\x1f") == fffd + fffd + fffd + fffd + fffd);
  CHECK(XmlEscaped("\x7f") == "\x7f");                                  // allowed in XML 1.0
  CHECK(XmlEscaped("\xef\xbf\xbe|\xef\xbf\xbf") == fffd + "|" + fffd);  // U+FFFE, U+FFFF
  CHECK(XmlEscaped("\xed\xa0\x80") == fffd + fffd + fffd);              // a lone surrogate
  CHECK(XmlEscaped("\xff") == fffd);
  CHECK(XmlEscaped("cut \xc3") == "cut " + fffd);
  CHECK(XmlEscaped("\xc0\xaf") == fffd + fffd);  // overlong '/'
  CHECK(XmlEscaped(fffd) == fffd);
  CHECK(XmlEscaped("\xf0\x9f\x98\x80") == "\xf0\x9f\x98\x80");
}

TEST_CASE("Xml.AnyBytesGiveWellFormedXml") {
  std::mt19937 rng(42);
  std::uniform_int_distribution<int> byte(0, 255);
  std::uniform_int_distribution<int> length(0, 40);
  for (int round = 0; round < 3000; ++round) {
    std::string s;
    for (int n = length(rng); n > 0; --n) s.push_back(static_cast<char>(byte(rng)));
    std::string xml = "<a b=\"" + XmlEscaped(s, XmlContext::kAttribute) + "\" c='" +
                      XmlEscaped(s, XmlContext::kAttribute) + "'>" + XmlEscaped(s) + "</a>";
    std::string problem = XmlProblem(xml);
    CHECK_MESSAGE(problem.empty(), problem);
    if (!problem.empty()) break;
  }
}

TEST_CASE("Xml.NameTokens") {
  CHECK(XmlNameToken("guo-shengkun") == "guo-shengkun");
  CHECK(XmlNameToken("UN_Security_Council2") == "UN_Security_Council2");
  CHECK(XmlNameToken("u.s.") == "u.2Es.2E");
  CHECK(XmlNameToken("a b:c|d") == "a.20b.3Ac.7Cd");
  CHECK(XmlNameToken("é") == ".C3.A9");
  CHECK(XmlNameToken("").empty());
  std::set<std::string> tokens;
  for (const char* id : {"a.", "a.2E", "a..", "a.2E2E", "a:b", "a.3Ab", "a", "A"}) {
    std::string t = XmlNameToken(id);
    CHECK(t.find(':') == std::string::npos);
    CHECK(tokens.insert(t).second);  // one-to-one
  }
}

TEST_CASE("XmlChecker.CatchesBrokenXml") {
  CHECK(XmlProblem("<a><b/></a>").empty());
  CHECK_FALSE(XmlProblem("<a><b></a>").empty());
  CHECK_FALSE(XmlProblem("<a x=\"<\"/>").empty());
  CHECK_FALSE(XmlProblem("<a>&nope;</a>").empty());
  CHECK_FALSE(XmlProblem("<a>\x01</a>").empty());
  CHECK_FALSE(XmlProblem("<a x='1' x='2'/>").empty());
  CHECK_FALSE(XmlProblem("<a/><b/>").empty());
  if (std::system("command -v xmllint >/dev/null 2>&1") == 0) {
    CHECK(testing::XmllintAccepts("<a/>", "", ""));
    CHECK_FALSE(testing::XmllintAccepts("<a>", "", ""));  // the xmllint run is real
  }
}

}  // namespace
}  // namespace diplograph
