// Tests for segment/segmenter.h.
#include "diplograph/segment/segmenter.h"

#include <doctest/doctest.h>

#include <random>
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

std::vector<std::string> Texts(const Segmentation& seg) {
  std::vector<std::string> out;
  for (const Token& t : seg.tokens) out.emplace_back(t.text);
  return out;
}

std::vector<std::string> Sentences(std::string_view text, const Segmentation& seg) {
  std::vector<std::string> out;
  for (const Sentence& s : seg.sentences) out.emplace_back(text.substr(s.begin, s.end - s.begin));
  return out;
}

std::vector<std::string> Tok(std::string_view text) { return Texts(SegmentAll(text)); }

std::vector<std::string> Sent(std::string_view text) { return Sentences(text, SegmentAll(text)); }

const Token* Find(const Segmentation& seg, std::string_view text) {
  for (const Token& t : seg.tokens) {
    if (t.text == text) return &t;
  }
  return nullptr;
}

using V = std::vector<std::string>;

TEST_CASE("Tokenize: words, abbreviations and numbers") {
  SUBCASE("plain words and punctuation") {
    CHECK(Tok("The envoys met, then left.") == V{"The", "envoys", "met", ",", "then", "left", "."});
    CHECK(Tok("Why? Nobody knows!") == V{"Why", "?", "Nobody", "knows", "!"});
    CHECK(Tok("(in Hanoi)") == V{"(", "in", "Hanoi", ")"});
  }
  SUBCASE("U.S. stays one token") {
    CHECK(Tok("The U.S. envoy") == V{"The", "U.S.", "envoy"});
    CHECK(Tok("talks with the U.S.") == V{"talks", "with", "the", "U.S."});
    CHECK(Tok("the U.K. and the E.U. agreed") == V{"the", "U.K.", "and", "the", "E.U.", "agreed"});
  }
  SUBCASE("titles, months and initials keep their period") {
    CHECK(Tok("Mr. Kim and Mrs. Lee") == V{"Mr.", "Kim", "and", "Mrs.", "Lee"});
    CHECK(Tok("Gen. Park met Dr. Cho") == V{"Gen.", "Park", "met", "Dr.", "Cho"});
    CHECK(Tok("on Sept. 12") == V{"on", "Sept.", "12"});
    CHECK(Tok("J. Smith") == V{"J.", "Smith"});
    CHECK(Tok("the month. Then") == V{"the", "month", ".", "Then"});
  }
  SUBCASE("numbers") {
    CHECK(Tok("1,000 troops") == V{"1,000", "troops"});
    CHECK(Tok("a 2.5 percent rise") == V{"a", "2.5", "percent", "rise"});
    CHECK(Tok("$12,500,000.") == V{"$", "12,500,000", "."});
    CHECK(Tok("In 2016, talks") == V{"In", "2016", ",", "talks"});
    CHECK(Tok("1, 2") == V{"1", ",", "2"});
  }
  SUBCASE("runs of periods and hyphens stay together") {
    CHECK(Tok("Wait... no") == V{"Wait", "...", "no"});
    CHECK(Tok("yes -- no") == V{"yes", "--", "no"});
  }
}

TEST_CASE("Tokenize: clitics, hyphens and quotes") {
  SUBCASE("possessive 's is split off") {
    CHECK(Tok("China's navy") == V{"China", "'s", "navy"});
    CHECK(Tok("the PLA's") == V{"the", "PLA", "'s"});
    CHECK(Tok("Seoul's.") == V{"Seoul", "'s", "."});
  }
  SUBCASE("possessive with a curly apostrophe") {
    std::string text = "Beijing\xE2\x80\x99s plan";
    Segmentation seg = SegmentAll(text);
    CHECK(Texts(seg) == V{"Beijing", "'s", "plan"});
    REQUIRE(seg.tokens.size() == 3);
    CHECK(seg.tokens[1].begin == 7);
    CHECK(seg.tokens[1].end == 11);  // three bytes of U+2019, then 's'
    CHECK(seg.tokens[1].lower == "'s");
    CHECK_FALSE(seg.tokens[1].Is(kSpaceBefore));
  }
  SUBCASE("n't is split off") {
    CHECK(Tok("It isn't over") == V{"It", "is", "n't", "over"});
    CHECK(Tok("They don't agree.") == V{"They", "do", "n't", "agree", "."});
    CHECK(Tok("We can\xE2\x80\x99t say") == V{"We", "ca", "n't", "say"});
    Segmentation seg = SegmentAll("isn't");
    REQUIRE(seg.tokens.size() == 2);
    CHECK(seg.tokens[0].end == 2);
    CHECK(seg.tokens[1].begin == 2);
    CHECK(seg.tokens[1].end == 5);
  }
  SUBCASE("other inner apostrophes are kept") {
    CHECK(Tok("O'Brien said") == V{"O'Brien", "said"});
    CHECK(Tok("charg\xC3\xA9 d'affaires") == V{"charge", "d'affaires"});
  }
  SUBCASE("hyphens split words: US-China is three tokens") {
    Segmentation seg = SegmentAll("US-China talks");
    CHECK(Texts(seg) == V{"US", "-", "China", "talks"});
    REQUIRE(seg.tokens.size() == 4);
    CHECK(seg.tokens[0].Is(kSpaceBefore));
    CHECK_FALSE(seg.tokens[1].Is(kSpaceBefore));
    CHECK_FALSE(seg.tokens[2].Is(kSpaceBefore));
    CHECK(seg.tokens[3].Is(kSpaceBefore));
    CHECK(seg.tokens[1].Is(kPunct));
  }
  SUBCASE("an em dash is its own token, folded to '-'") {
    std::string text =
        "talks\xE2\x80\x94"
        "again";
    Segmentation seg = SegmentAll(text);
    CHECK(Texts(seg) == V{"talks", "-", "again"});
    REQUIRE(seg.tokens.size() == 3);
    CHECK(seg.tokens[1].begin == 5);
    CHECK(seg.tokens[1].end == 8);
  }
  SUBCASE("quotes") {
    Segmentation seg = SegmentAll("\"We will not yield,\" he said.");
    CHECK(Texts(seg) == V{"\"", "We", "will", "not", "yield", ",", "\"", "he", "said", "."});
    REQUIRE(seg.tokens.size() == 10);
    CHECK(seg.tokens[0].Is(kQuote));
    CHECK(seg.tokens[0].Is(kPunct));
    CHECK(seg.tokens[6].Is(kQuote));
    CHECK_FALSE(seg.tokens[6].Is(kSpaceBefore));
  }
  SUBCASE("curly quotes fold to straight ones") {
    std::string text = "\xE2\x80\x9CNo deal,\xE2\x80\x9D she said";
    Segmentation seg = SegmentAll(text);
    CHECK(Texts(seg) == V{"\"", "No", "deal", ",", "\"", "she", "said"});
    REQUIRE(seg.tokens.size() == 7);
    CHECK(seg.tokens[0].Is(kQuote));
    CHECK(seg.tokens[0].end == 3);
    CHECK(seg.tokens[4].Is(kQuote));
    CHECK(seg.tokens[4].begin == text.find("\xE2\x80\x9D"));
  }
  SUBCASE("accented letters stay in the word and are folded") {
    std::string text = "Fran\xC3\xA7ois Hollande in Gen\xC3\xA8ve";
    Segmentation seg = SegmentAll(text);
    CHECK(Texts(seg) == V{"Francois", "Hollande", "in", "Geneve"});
    REQUIRE(seg.tokens.size() == 4);
    CHECK(seg.tokens[0].end == 9);  // "François" is 9 bytes
    CHECK(seg.tokens[3].lower == "geneve");
  }
  SUBCASE("a no-break space separates tokens") { CHECK(Tok("10\xC2\xA0km") == V{"10", "km"}); }
}

TEST_CASE("Token flags") {
  Segmentation seg = SegmentAll("The DOJ and China signed 40 deals, \"fast\"; e.g. today");
  const Token* the = Find(seg, "The");
  const Token* doj = Find(seg, "DOJ");
  const Token* china = Find(seg, "China");
  const Token* forty = Find(seg, "40");
  const Token* comma = Find(seg, ",");
  const Token* quote = Find(seg, "\"");
  const Token* signed_ = Find(seg, "signed");
  REQUIRE(the);
  REQUIRE(doj);
  REQUIRE(china);
  REQUIRE(forty);
  REQUIRE(comma);
  REQUIRE(quote);
  REQUIRE(signed_);
  CHECK(the->Is(kCapitalized));
  CHECK_FALSE(the->Is(kAllCaps));
  CHECK(the->Is(kSpaceBefore));  // line start counts as space
  CHECK(doj->Is(kAllCaps));
  CHECK(doj->Is(kCapitalized));
  CHECK(doj->lower == "doj");
  CHECK(china->Is(kAlpha));
  CHECK_FALSE(signed_->Is(kCapitalized));
  CHECK(forty->Is(kNumeric));
  CHECK_FALSE(forty->Is(kAlpha));
  CHECK(comma->Is(kPunct));
  CHECK_FALSE(comma->Is(kSpaceBefore));
  CHECK(quote->Is(kQuote));
  CHECK(quote->Is(kSpaceBefore));
  CHECK_FALSE(Find(seg, "I"));
  CHECK(SegmentAll("A").tokens[0].flags ==
        (kCapitalized | kAlpha | kSpaceBefore));  // one letter: not all caps
}

TEST_CASE("Sentences") {
  SUBCASE("simple splits") {
    CHECK(Sent("The talks ended. Both sides left! Will they return? Nobody knows.") ==
          V{"The talks ended.", "Both sides left!", "Will they return?", "Nobody knows."});
  }
  SUBCASE("abbreviations and initials do not end sentences") {
    CHECK(Sent("Mr. Kim met Gen. Park in Sept. 2018 and J. Smith joined them. They talked.") ==
          V{"Mr. Kim met Gen. Park in Sept. 2018 and J. Smith joined them.", "They talked."});
    CHECK(Sent("The U.S. Navy sent a ship.") == V{"The U.S. Navy sent a ship."});
  }
  SUBCASE("\"no.\" ends a sentence unless a number follows") {
    CHECK(Sent("The parliament voted no. The treaty failed.") ==
          V{"The parliament voted no.", "The treaty failed."});
    CHECK(Tok("at No. 10 Downing Street") == V{"at", "No.", "10", "Downing", "Street"});
  }
  SUBCASE("an acronym can end a sentence") {
    CHECK(Sent("The envoy flew back to the U.S. The ministry said talks would resume.") ==
          V{"The envoy flew back to the U.S.", "The ministry said talks would resume."});
  }
  SUBCASE("a lower-case word after a period does not start a sentence") {
    CHECK(Sent("Exports rose 2.5 percent. and then fell") ==
          V{"Exports rose 2.5 percent. and then fell"});
  }
  SUBCASE("a sentence ending in a closing quote") {
    CHECK(Sent("He said: \"Talks failed.\" Then they left.") ==
          V{"He said: \"Talks failed.\"", "Then they left."});
    CHECK(Sent("She said \xE2\x80\x9Cno.\xE2\x80\x9D Officials agreed.") ==
          V{"She said \xE2\x80\x9Cno.\xE2\x80\x9D", "Officials agreed."});
    CHECK(Sent("The deal was signed (in Paris.) Then it collapsed.") ==
          V{"The deal was signed (in Paris.)", "Then it collapsed."});
  }
  SUBCASE("an opening quote starts the next sentence") {
    CHECK(Sent("\"We will not yield,\" he said. \"Talks failed.\" The end.") ==
          V{"\"We will not yield,\" he said.", "\"Talks failed.\"", "The end."});
    CHECK(Sent("He left. \xE2\x80\x9CNo comment,\xE2\x80\x9D an aide said.") ==
          V{"He left.", "\xE2\x80\x9CNo comment,\xE2\x80\x9D an aide said."});
  }
  SUBCASE("an ellipsis before lower case does not end a sentence") {
    CHECK(Sent("They waited... and waited. Then went home.") ==
          V{"They waited... and waited.", "Then went home."});
  }
  SUBCASE("every line is at least one sentence; paragraph starts") {
    std::string text = "First line without a period\nSecond line.\n\nNew paragraph. More.";
    Segmentation seg = SegmentAll(text);
    CHECK(Sentences(text, seg) ==
          V{"First line without a period", "Second line.", "New paragraph.", "More."});
    REQUIRE(seg.sentences.size() == 4);
    CHECK(seg.sentences[0].paragraph_start);
    CHECK_FALSE(seg.sentences[1].paragraph_start);
    CHECK(seg.sentences[2].paragraph_start);
    CHECK_FALSE(seg.sentences[3].paragraph_start);
  }
  SUBCASE("token ranges of sentences cover the tokens in order") {
    Segmentation seg = SegmentAll("One two. Three four five. Six.");
    REQUIRE(seg.sentences.size() == 3);
    CHECK(seg.sentences[0].first == 0);
    CHECK(seg.sentences[0].last == 3);
    CHECK(seg.sentences[1].first == 3);
    CHECK(seg.sentences[1].last == 7);
    CHECK(seg.sentences[2].first == 7);
    CHECK(seg.sentences[2].last == seg.tokens.size());
  }
  SUBCASE("empty input") {
    CHECK(SegmentAll("").tokens.empty());
    CHECK(SegmentAll("").sentences.empty());
    CHECK(SegmentAll(" \n\t\n").sentences.empty());
  }
}

TEST_CASE("Segment uses only the given lines") {
  std::string text = "Talks began.\nAdvertisement\n\nThey ended. Both left.";
  std::vector<LineSpan> lines = BodyLines(text);
  Segmentation seg = Segment(text, lines);
  CHECK(Sentences(text, seg) == V{"Talks began.", "They ended.", "Both left."});
  CHECK_FALSE(Find(seg, "Advertisement"));
  REQUIRE(seg.sentences.size() == 3);
  CHECK(seg.sentences[0].paragraph_start);
  CHECK(seg.sentences[1].paragraph_start);
  CHECK_FALSE(seg.sentences[2].paragraph_start);

  SUBCASE("Tokenize appends the tokens of a range") {
    Segmentation tokenized;
    const std::vector<Token>& out = tokenized.tokens;
    Tokenize(text, 0, 12, &tokenized);
    size_t before = out.size();
    CHECK(before == 3);
    Tokenize(text, static_cast<uint32_t>(text.find("They")), static_cast<uint32_t>(text.size()),
             &tokenized);
    CHECK(out.size() == before + 6);
    CHECK(tokenized.sentences.empty());
    CHECK(out[before].text == "They");
    CHECK(out[before].Is(kSpaceBefore));
    CHECK(out.back().end == text.size());
  }
}

TEST_CASE("Title case") {
  auto title_case = [](std::string_view text) {
    Segmentation seg = SegmentAll(text);
    REQUIRE(seg.sentences.size() == 1);
    return seg.sentences[0].title_case;
  };
  CHECK(title_case("China And Russia Sign New Border Treaty"));
  CHECK(title_case("Envoys Meet in Hanoi for Second Summit"));
  CHECK(
      title_case("\xC3\x89lys\xC3\xA9"
                 "e Hosts Talks With Ukrainian Leaders"));
  CHECK_FALSE(title_case("China and Russia sign a new border treaty"));
  CHECK_FALSE(title_case("The foreign ministers met in Geneva on Monday."));
  CHECK_FALSE(title_case("Putin Visits"));  // too few long words to tell
  CHECK_FALSE(title_case("US AND UK"));
}

// Property: over random mixes of ASCII, accented letters, curly quotes, em
// dashes, no-break spaces and newlines, every token and sentence lies inside
// the text on UTF-8 boundaries, in order, and covers no white space.
TEST_CASE("Offsets are in range and on UTF-8 boundaries") {
  const std::vector<std::string> pieces = {
      "a",
      "Z",
      "q",
      "7",
      "0",
      " ",
      " ",
      "  ",
      ".",
      ".",
      ",",
      "'",
      "\"",
      "-",
      "(",
      ")",
      "?",
      "!",
      "s",
      "t",
      "n",
      "U.S.",
      "Mr.",
      "1,000",
      "2.5",
      "\xC3\xA9",          // é
      "\xC3\x89",          // É
      "\xC5\x81",          // Ł
      "\xC3\x9F",          // ß
      "\xE2\x80\x9C",      // “
      "\xE2\x80\x9D",      // ”
      "\xE2\x80\x98",      // ‘
      "\xE2\x80\x99",      // ’
      "\xE2\x80\x94",      // em dash
      "\xE2\x80\x93",      // en dash
      "\xE2\x80\xA6",      // …
      "\xC2\xA0",          // no-break space
      "\xE5\x8C\x97",      // 北
      "\xF0\x9F\x98\x80",  // an emoji
      "\n",
      "\n\n",
      "\r\n",
      "\t",
  };
  auto boundary = [](std::string_view s, size_t i) {
    return i == s.size() || (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
  };
  std::mt19937 rng(20190227);
  for (int iter = 0; iter < 500; ++iter) {
    std::string text;
    int n = static_cast<int>(rng() % 60);
    for (int k = 0; k < n; ++k) text += pieces[rng() % pieces.size()];
    CAPTURE(text);
    for (int mode = 0; mode < 2; ++mode) {
      Segmentation seg = mode == 0 ? SegmentAll(text) : Segment(text, BodyLines(text));
      uint32_t prev_end = 0;
      for (const Token& t : seg.tokens) {
        REQUIRE(t.begin < t.end);
        REQUIRE(t.end <= text.size());
        REQUIRE(t.begin >= prev_end);
        REQUIRE(boundary(text, t.begin));
        REQUIRE(boundary(text, t.end));
        std::string_view raw = std::string_view(text).substr(t.begin, t.end - t.begin);
        REQUIRE(raw.find_first_of(" \t\r\n") == std::string_view::npos);
        REQUIRE(raw.find("\xC2\xA0") == std::string_view::npos);
        REQUIRE_FALSE(t.text.empty());
        prev_end = t.end;
      }
      uint32_t prev_last = 0;
      for (const Sentence& s : seg.sentences) {
        REQUIRE(s.first < s.last);
        REQUIRE(s.last <= seg.tokens.size());
        REQUIRE(s.first == prev_last);  // sentences partition the tokens
        REQUIRE(s.begin == seg.tokens[s.first].begin);
        REQUIRE(s.end == seg.tokens[s.last - 1].end);
        REQUIRE(s.begin <= s.end);
        REQUIRE(s.end <= text.size());
        REQUIRE(boundary(text, s.begin));
        REQUIRE(boundary(text, s.end));
        prev_last = s.last;
      }
      REQUIRE(prev_last == seg.tokens.size());
    }
  }
}

TEST_CASE("Deterministic") {
  std::string text =
      "Mr. Lee told the U.S. envoy: \xE2\x80\x9CWe won\xE2\x80\x99t wait.\xE2\x80\x9D The "
      "talks \xE2\x80\x94 the first since 2018 \xE2\x80\x94 ended.";
  Segmentation a = SegmentAll(text);
  Segmentation b = SegmentAll(text);
  REQUIRE(a.tokens.size() == b.tokens.size());
  for (size_t i = 0; i < a.tokens.size(); ++i) {
    CHECK(a.tokens[i].begin == b.tokens[i].begin);
    CHECK(a.tokens[i].end == b.tokens[i].end);
    CHECK(a.tokens[i].text == b.tokens[i].text);
    CHECK(a.tokens[i].flags == b.tokens[i].flags);
  }
  CHECK(Sentences(text, a) ==
        V{"Mr. Lee told the U.S. envoy: \xE2\x80\x9CWe won\xE2\x80\x99t wait.\xE2\x80\x9D",
          "The talks \xE2\x80\x94 the first since 2018 \xE2\x80\x94 ended."});
}

TEST_CASE("AppendSegments continues a segmentation as a separate one would start") {
  std::string title = "Ministers Meet In Geneva";
  std::string body = "Guo met Johnson. They agreed.\n\nTalks went on.";
  Segmentation alone = SegmentAll(body);
  Segmentation seg = SegmentAll(title);
  size_t title_tokens = seg.tokens.size();
  size_t title_sentences = seg.sentences.size();
  std::vector<LineSpan> lines = {{0, 29, true}, {31, static_cast<uint32_t>(body.size()), true}};
  Segmentation direct = Segment(body, lines);
  AppendSegments(body, lines, &seg);
  REQUIRE(seg.tokens.size() == title_tokens + direct.tokens.size());
  REQUIRE(seg.sentences.size() == title_sentences + direct.sentences.size());
  for (size_t i = 0; i < direct.tokens.size(); ++i) {
    CHECK(seg.tokens[title_tokens + i].text == direct.tokens[i].text);
    CHECK(seg.tokens[title_tokens + i].begin == direct.tokens[i].begin);
  }
  for (size_t i = 0; i < direct.sentences.size(); ++i) {
    const Sentence& a = seg.sentences[title_sentences + i];
    const Sentence& b = direct.sentences[i];
    CHECK(a.first == b.first + title_tokens);
    CHECK(a.last == b.last + title_tokens);
    CHECK(a.begin == b.begin);
    CHECK(a.paragraph_start == b.paragraph_start);
  }
  CHECK(alone.sentences.size() == direct.sentences.size());
}

}  // namespace
}  // namespace diplograph
