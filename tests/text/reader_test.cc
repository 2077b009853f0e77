// Tests for text/reader.h.
#include "diplograph/text/reader.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "diplograph/core/strings.h"

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

using namespace std::literals;

std::vector<std::string> Messages(const Diagnostics& diags) {
  std::vector<std::string> out;
  for (const Diagnostic& d : diags.items()) out.push_back(d.ToString());
  return out;
}

std::optional<Document> ReadTxt(std::string_view content, Diagnostics* diags,
                                const ReaderOptions& options = {}) {
  return ParseTxtArticle(content, "news/envoy.txt", "envoy", options, diags);
}

struct Record {
  int line;
  nlohmann::json value;
};

std::vector<Record> ReadJson(std::string_view content, Diagnostics* diags,
                             const ReaderOptions& options = {}) {
  std::vector<Record> out;
  ParseJsonRecords(content, "feed.jsonl", options, diags, [&](int line, const nlohmann::json& v) {
    out.push_back({line, v});
  });
  return out;
}

std::optional<Document> FromJson(std::string_view json_text, Diagnostics* diags,
                                 const ReaderOptions& options = {}) {
  return DocumentFromJson(nlohmann::json::parse(json_text), "feed.jsonl", 4, "feed-4", options,
                          diags);
}

TEST_CASE("CheckText") {
  SUBCASE("valid text") {
    Diagnostics d;
    CHECK(CheckText("", "a.txt", &d));
    CHECK(
        CheckText("The talks \xE2\x80\x94 in Gen\xC3\xA8ve \xE2\x80\x94 went on.\n", "a.txt", &d));
    CHECK(d.empty());
  }
  SUBCASE("a NUL byte means a binary file, reported at line:col") {
    Diagnostics d;
    CHECK_FALSE(CheckText("first line\nsec\0ond"s, "a.txt", &d));
    CHECK(Messages(d) ==
          std::vector<std::string>{"a.txt:2:4: error: binary file (NUL byte at byte 14)"});
  }
  SUBCASE("invalid UTF-8 reported at line:col") {
    Diagnostics d;
    CHECK_FALSE(CheckText("one\ntwo\nth\xED\xA0\x80ree", "b.txt", &d));
    CHECK(Messages(d) == std::vector<std::string>{"b.txt:3:3: error: invalid UTF-8 at byte 10"});
  }
  SUBCASE("a NUL byte is reported before bad UTF-8") {
    Diagnostics d;
    CHECK_FALSE(CheckText("\xFF\0"s, "c.txt", &d));
    CHECK(Messages(d) ==
          std::vector<std::string>{"c.txt:1:2: error: binary file (NUL byte at byte 1)"});
  }
  SUBCASE("a big text (checked in halves) reads as it would whole") {
    // 40 MB of lines; the faults and characters placed about the middle,
    // where the halves meet.
    std::string big;
    while (big.size() < (size_t{40} << 20)) big += "The ministers met in Geneva on Tuesday.\n";
    const size_t mid = big.size() / 2;
    // What a check of the whole gives: the first NUL, else the first bad byte.
    auto whole = [](const std::string& t) {
      const size_t nul = t.find('\0');
      size_t bad = 0;
      if (nul != std::string::npos) return "nul " + std::to_string(nul);
      if (!IsValidUtf8(t, &bad)) return "bad " + std::to_string(bad);
      return std::string("ok");
    };
    auto checked = [](const std::string& t) {
      Diagnostics d;
      CheckText(t, "big.txt", &d);
      if (d.empty()) return std::string("ok");
      const std::string m = d.items().front().message;
      const size_t at = std::stoul(m.substr(m.rfind(' ') + 1));
      return (m.starts_with("binary") ? "nul " : "bad ") + std::to_string(at);
    };
    for (size_t shift = 0; shift < 6; ++shift) {
      CAPTURE(shift);
      std::string t = big;
      t.replace(mid - 3 + shift, 4, "\xF0\x9F\x8C\x8D");  // one character, across the middle
      CHECK(checked(t) == "ok");
      std::string cut = t;
      cut[mid + 1 - 3 + shift] = 'x';  // the same character, broken
      CHECK(checked(cut) == whole(cut));
      CHECK(checked(cut) != "ok");
      std::string runs = big;  // too many continuation bytes to split at
      runs.replace(mid - 4, 8 + shift, std::string(8 + shift, '\x80'));
      CHECK(checked(runs) == whole(runs));
      for (size_t stray = 1; stray <= 3; ++stray) {  // few enough: split after them
        std::string few = big;
        few.replace(mid - 2 + shift, stray, std::string(stray, '\x80'));
        CHECK(checked(few) == whole(few));
        few.replace(mid - 3 + shift, 1, "\xE2");  // now a lead byte before them
        CHECK(checked(few) == whole(few));
      }
    }
    std::string both = big;
    both[100] = '\xC3';    // bad in the first half ...
    both[mid + 50] = '\0';  // ... and a NUL in the second
    CHECK(checked(both) == "nul " + std::to_string(mid + 50));
    both[mid + 50] = '\xFF';
    CHECK(checked(both) == "bad 100");
    both[100] = 'x';
    CHECK(checked(both) == "bad " + std::to_string(mid + 50));
  }
}

TEST_CASE("ParseTxtArticle") {
  SUBCASE("header lines then body") {
    Diagnostics d;
    auto doc = ReadTxt(
        "Title: Envoys meet in Hanoi\n"
        "Date: 2019-02-27\n"
        "URL: https://example.org/news/envoys?id=7\n"
        "Id: hanoi-7\n"
        "Source: Example Wire\n"
        "\n"
        "The two envoys met on Wednesday.\n"
        "\n"
        "They will meet again.\n",
        &d);
    REQUIRE(doc);
    CHECK(d.empty());
    CHECK(doc->title == "Envoys meet in Hanoi");
    CHECK(doc->date == "2019-02-27");
    CHECK(doc->url == "https://example.org/news/envoys?id=7");
    CHECK(doc->id == "hanoi-7");
    CHECK(doc->source == "Example Wire");
    CHECK(doc->origin == "news/envoy.txt");
    CHECK(doc->text == "The two envoys met on Wednesday.\n\nThey will meet again.\n");
  }
  SUBCASE("header keys are case-insensitive, values trimmed, a colon may recur") {
    Diagnostics d;
    auto doc = ReadTxt("TITLE:   Talks: a fresh start  \r\ndate:2019-02-27\r\n\r\nBody.\r\n", &d);
    REQUIRE(doc);
    CHECK(doc->title == "Talks: a fresh start");
    CHECK(doc->date == "2019-02-27");
    CHECK(doc->text == "Body.\r\n");
  }
  SUBCASE("no header: the whole content is the body and the default id is used") {
    Diagnostics d;
    auto doc = ReadTxt("Officials said: the meeting went well.\nMore later.", &d);
    REQUIRE(doc);
    CHECK(d.empty());
    CHECK(doc->id == "envoy");
    CHECK(doc->title == "");
    CHECK(doc->date == "");
    CHECK(doc->text == "Officials said: the meeting went well.\nMore later.");
  }
  SUBCASE("headers followed directly by the body") {
    Diagnostics d;
    auto doc = ReadTxt("Title: Short\nThe body starts here.\n", &d);
    REQUIRE(doc);
    CHECK(doc->title == "Short");
    CHECK(doc->text == "The body starts here.\n");
  }
  SUBCASE("a date with a time is cut to the day") {
    Diagnostics d;
    auto doc = ReadTxt("Date: 2019-02-27T09:30:00Z\n\nBody.", &d);
    REQUIRE(doc);
    CHECK(doc->date == "2019-02-27");
  }
  SUBCASE("year and month dates are kept") {
    Diagnostics d;
    auto doc = ReadTxt("Date: 2019-02\n\nBody.", &d);
    REQUIRE(doc);
    CHECK(doc->date == "2019-02");
  }
  SUBCASE("default date for documents without one") {
    Diagnostics d;
    ReaderOptions options;
    options.default_date = "2020-05-01";
    auto doc = ReadTxt("Body only.", &d, options);
    REQUIRE(doc);
    CHECK(doc->date == "2020-05-01");
    auto dated = ReadTxt("Date: 2019-02-27\n\nBody.", &d, options);
    REQUIRE(dated);
    CHECK(dated->date == "2019-02-27");
  }
  SUBCASE("a UTF-8 byte order mark is skipped") {
    Diagnostics d;
    auto doc = ReadTxt("\xEF\xBB\xBFTitle: With BOM\n\nBody.", &d);
    REQUIRE(doc);
    CHECK(doc->title == "With BOM");
    CHECK(doc->text == "Body.");
    auto plain = ReadTxt("\xEF\xBB\xBFNo header here.", &d);
    REQUIRE(plain);
    CHECK(plain->text == "No header here.");
    CHECK(d.empty());
  }
  SUBCASE("empty documents are errors") {
    for (std::string_view content :
         {""sv, "   \n\n\t"sv, "\xEF\xBB\xBF"sv, "Title: Only a title\n"sv,
          "Title: Only a title\nDate: 2019-01-01\n\n  \n"sv}) {
      CAPTURE(content);
      Diagnostics d;
      CHECK_FALSE(ReadTxt(content, &d));
      CHECK(Messages(d) ==
            std::vector<std::string>{"news/envoy.txt: error: empty document (no text)"});
    }
  }
  SUBCASE("a NUL byte: binary file") {
    Diagnostics d;
    CHECK_FALSE(ReadTxt("Title: x\n\nab\0c"s, &d));
    CHECK(Messages(d) ==
          std::vector<std::string>{"news/envoy.txt:3:3: error: binary file (NUL byte at byte 12)"});
  }
  SUBCASE("invalid UTF-8") {
    Diagnostics d;
    CHECK_FALSE(ReadTxt("Title: x\n\nOne.\nTwo \xC0\xAF.\n", &d));
    CHECK(Messages(d) ==
          std::vector<std::string>{"news/envoy.txt:4:5: error: invalid UTF-8 at byte 19"});
  }
  SUBCASE("truncated UTF-8 at the end") {
    Diagnostics d;
    CHECK_FALSE(ReadTxt("Caf\xC3", &d));
    CHECK(Messages(d) ==
          std::vector<std::string>{"news/envoy.txt:1:4: error: invalid UTF-8 at byte 3"});
  }
  SUBCASE("bad dates are reported at the Date line") {
    Diagnostics d;
    CHECK_FALSE(ReadTxt("Title: x\nDate: 2019-02-30\n\nBody.", &d));
    CHECK_FALSE(ReadTxt("Date: yesterday\n\nBody.", &d));
    CHECK(Messages(d) ==
          std::vector<std::string>{
              "news/envoy.txt:2: error: bad date \"2019-02-30\" (expected YYYY-MM-DD)",
              "news/envoy.txt:1: error: bad date \"yesterday\" (expected YYYY-MM-DD)"});
  }
  SUBCASE("size limit") {
    Diagnostics d;
    ReaderOptions options;
    options.max_document_bytes = 16;
    CHECK(ReadTxt("Fifteen bytes..", &d, options));
    CHECK(ReadTxt("Sixteen bytes...", &d, options));
    CHECK(d.empty());
    CHECK_FALSE(ReadTxt("Seventeen bytes..", &d, options));
    CHECK(Messages(d) ==
          std::vector<std::string>{
              "news/envoy.txt: error: document of 17 bytes exceeds the limit of 16 bytes"});
  }
}

TEST_CASE("ParseJsonRecords: every line's value is the one nlohmann builds") {
  // Flat objects of strings take a faster reader; the rest the full parser.
  // Either way a record must be exactly what nlohmann::json::parse makes.
  const std::vector<std::string> lines = {
      R"({"id": "a", "text": "Plain."})",
      R"({"id": "n", "url": null, "text": "A null.", "title":null})",
      R"({"text": "nul", "url": nul})",
      R"({"text": "nullx", "url": nullx})",
      R"(  { "text" : "Tabs\tand\nnew lines, \"quotes\", \\ and \/" }  )",
      R"({"text": "\u00e9l\u00C9e \ud83d\ude00 \u2019s", "title": "Café — ok"})",
      R"({"text": "first", "text": "second wins"})",
      R"({})",
      R"({"id": 7, "text": "A number."})",
      R"({"text": "Nested.", "meta": {"a": [1, 2, null, true]}})",
      R"({"text": "\u0000 a NUL"})",
      R"({"text": "x\u0041\u00"})",
      R"({"text": "lone \udc00 low surrogate"})",
      R"({"text": "high \ud800 alone"})",
      R"({"text": "bad \q escape"})",
      R"({"text": "tab	raw"})",
      R"({"text": "trailing comma",})",
      R"({"text": "after"} x)",
      R"({"text": "huge", "n": 1e999})",
  };
  for (const std::string& line : lines) {
    CAPTURE(line);
    Diagnostics d;
    auto recs = ReadJson(line + "\n", &d);
    nlohmann::json expected;
    bool valid = true;
    try {
      expected = nlohmann::json::parse(line);
    } catch (const nlohmann::json::exception&) {
      valid = false;
    }
    if (valid) {
      CHECK(d.empty());
      REQUIRE(recs.size() == 1);
      CHECK(recs[0].value == expected);
      CHECK(recs[0].value.dump() == expected.dump());
    } else {
      CHECK(recs.empty());
      CHECK(d.items().size() == 1);
    }
  }
}

TEST_CASE("ParseJsonRecords") {
  SUBCASE("JSON Lines") {
    Diagnostics d;
    auto recs = ReadJson(
        "{\"id\": \"a\", \"text\": \"First.\"}\n"
        "\n"
        "  {\"id\": \"b\", \"text\": \"Second.\"}  \r\n"
        "{\"id\": \"c\", \"text\": \"Third.\"}",
        &d);
    CHECK(d.empty());
    REQUIRE(recs.size() == 3);
    CHECK(recs[0].line == 1);
    CHECK(recs[0].value["id"] == "a");
    CHECK(recs[1].line == 3);
    CHECK(recs[1].value["id"] == "b");
    CHECK(recs[2].line == 4);
    CHECK(recs[2].value["text"] == "Third.");
  }
  SUBCASE("a malformed line in the middle is reported; the others are delivered") {
    Diagnostics d;
    auto recs = ReadJson(
        "{\"id\": \"a\", \"text\": \"First.\"}\n"
        "{\"id\": \"b\", \"text\": }\n"
        "{\"id\": \"c\", \"text\": \"Third.\"}\n",
        &d);
    REQUIRE(recs.size() == 2);
    CHECK(recs[0].line == 1);
    CHECK(recs[0].value["id"] == "a");
    CHECK(recs[1].line == 3);
    CHECK(recs[1].value["id"] == "c");
    CHECK(Messages(d) ==
          std::vector<std::string>{
              "feed.jsonl:2:21: error: malformed JSON: parse error: syntax "
              "error while parsing value - unexpected '}'; expected '[', '{', or a literal"});
  }
  SUBCASE("a truncated line") {
    Diagnostics d;
    auto recs = ReadJson("{\"text\": \"a\"}\n{\"text\": \"cut off\n", &d);
    CHECK(recs.size() == 1);
    REQUIRE(d.items().size() == 1);
    CHECK(d.items()[0].path == "feed.jsonl");
    CHECK(d.items()[0].line == 2);
    CHECK(d.items()[0].message.rfind("malformed JSON: parse error", 0) == 0);
  }
  SUBCASE("a JSON array: one record an element, at the line where it starts") {
    Diagnostics d;
    auto recs = ReadJson(
        "\n"
        "[\n"
        "  {\"id\": \"a\", \"text\": \"First, [with] {brackets} and \\\"quotes\\\".\"},\n"
        "  {\"id\": \"b\",\n"
        "   \"text\": \"Second.\"},\n"
        "\n"
        "  {\"id\": \"c\", \"text\": \"Third.\"}\n"
        "]\n",
        &d);
    CHECK(d.empty());
    REQUIRE(recs.size() == 3);
    CHECK(recs[0].line == 3);
    CHECK(recs[0].value["id"] == "a");
    CHECK(recs[1].line == 4);
    CHECK(recs[1].value["id"] == "b");
    CHECK(recs[2].line == 7);
    CHECK(recs[2].value["id"] == "c");
  }
  SUBCASE("a one-line JSON array") {
    Diagnostics d;
    auto recs = ReadJson("[{\"text\": \"a\"}, {\"text\": \"b\"}]", &d);
    REQUIRE(recs.size() == 2);
    CHECK(recs[0].line == 1);
    CHECK(recs[1].line == 1);
    CHECK(recs[1].value["text"] == "b");
  }
  SUBCASE("an empty JSON array has no records and no errors") {
    Diagnostics d;
    CHECK(ReadJson("[ ]\n", &d).empty());
    CHECK(d.empty());
  }
  SUBCASE("a single pretty-printed object") {
    Diagnostics d;
    auto recs = ReadJson("\xEF\xBB\xBF{\n  \"id\": \"solo\",\n  \"text\": \"Alone.\"\n}\n", &d);
    CHECK(d.empty());
    REQUIRE(recs.size() == 1);
    CHECK(recs[0].line == 1);
    CHECK(recs[0].value["id"] == "solo");
  }
  SUBCASE("a malformed JSON array is reported at its line:col") {
    Diagnostics d;
    auto recs = ReadJson("[\n  {\"text\": \"a\"},\n  {\"text\" \"b\"}\n]\n", &d);
    CHECK(recs.empty());
    CHECK(Messages(d) ==
          std::vector<std::string>{
              "feed.jsonl:3:13: error: malformed JSON: parse error: syntax "
              "error while parsing object separator - unexpected string literal; expected ':'"});
  }
  SUBCASE("empty input") {
    for (std::string_view content : {""sv, " \n \n"sv, "\xEF\xBB\xBF\n"sv}) {
      Diagnostics d;
      CHECK(ReadJson(content, &d).empty());
      CHECK(Messages(d) == std::vector<std::string>{"feed.jsonl: error: empty file"});
    }
  }
  SUBCASE("nesting depth limit") {
    ReaderOptions options;
    options.max_json_depth = 4;
    Diagnostics d;
    auto recs = ReadJson(
        "{\"text\": \"ok\", \"x\": [[[1]]]}\n"
        "{\"text\": \"deep\", \"x\": [[[[1]]]]}\n"
        "{\"text\": \"[[[[[ in a string ]]]]]\"}\n",
        &d, options);
    REQUIRE(recs.size() == 2);
    CHECK(recs[0].line == 1);
    CHECK(recs[1].line == 3);
    CHECK(Messages(d) ==
          std::vector<std::string>{"feed.jsonl:2: error: JSON nested deeper than 4 levels"});
  }
  SUBCASE("the default depth limit refuses very deep arrays") {
    Diagnostics d;
    std::string deep = std::string(65, '[') + std::string(65, ']');
    CHECK(ReadJson(deep, &d).empty());
    CHECK(Messages(d) ==
          std::vector<std::string>{"feed.jsonl:1: error: JSON nested deeper than 64 levels"});
    Diagnostics ok;
    std::string fine = std::string(64, '[') + std::string(64, ']');
    CHECK(ReadJson(fine, &ok).size() == 1);
    CHECK(ok.empty());
  }
  SUBCASE("record size limit") {
    ReaderOptions options;
    options.max_document_bytes = 20;
    Diagnostics d;
    auto recs = ReadJson(
        "{\"text\": \"short\"}\n"
        "{\"text\": \"much too long\"}\n",
        &d, options);
    REQUIRE(recs.size() == 1);
    CHECK(recs[0].value["text"] == "short");
    CHECK(Messages(d) ==
          std::vector<std::string>{
              "feed.jsonl:2: error: record of 25 bytes exceeds the limit of 20 bytes"});
  }
}

TEST_CASE("ParseJsonRecords: JSON Lines in chunks read as the whole file") {
  // cli/inputs.cc reads large JSON Lines files a chunk of complete lines at
  // a time: cut anywhere between lines, the records and messages (lines,
  // columns, byte offsets from the file start) must be those of the whole.
  const std::string file =
      "\xEF\xBB\xBF{\"id\": \"a\", \"text\": \"First.\"}\r\n"
      "\n"
      "  \t\r\n"
      "{\"text\": \"caf\xE9\"}\n"
      "[{\"text\": \"An array line.\"}]\n"
      "{\n"
      "{\"id\": \"b\", \"text\": \"much too long for the limit\"}\n"
      "  {\"id\": \"c\", \"text\": \"Third.\"}  \r\n"
      "{\"text\": \"x\", \"a\": [[[1]]]}\n"
      "{\"text\": \"cut \xC3\n"
      "{\"id\": \"d\", \"text\": \"Last, no newline.\"}";
  ReaderOptions options;
  options.max_document_bytes = 40;
  options.max_json_depth = 2;
  auto read = [&](std::string_view content, const JsonLinesChunk* chunk, Diagnostics* d,
                  std::vector<std::string>* out) {
    ParseJsonRecords(content, "feed.jsonl", options, d,
                     [&](int line, const nlohmann::json& v) {
                       out->push_back(std::to_string(line) + " " + v.dump());
                     }, chunk);
  };
  Diagnostics whole_diags;
  std::vector<std::string> whole;
  read(file, nullptr, &whole_diags, &whole);
  CHECK(whole == std::vector<std::string>{R"(1 {"id":"a","text":"First."})",
                                          R"(5 [{"text":"An array line."}])",
                                          R"(8 {"id":"c","text":"Third."})",
                                          R"(11 {"id":"d","text":"Last, no newline."})"});
  CHECK(Messages(whole_diags) ==
        std::vector<std::string>{
            "feed.jsonl:4:14: error: invalid UTF-8 at byte 53",
            "feed.jsonl:6:2: error: malformed JSON: parse error: syntax error while parsing "
            "object key - unexpected end of input; expected string literal",
            "feed.jsonl:7: error: record of 50 bytes exceeds the limit of 40 bytes",
            "feed.jsonl:9: error: JSON nested deeper than 2 levels",
            "feed.jsonl:10:15: error: invalid UTF-8 at byte 216"});
  // The line starts after the byte order mark: every place a chunk may begin.
  std::vector<size_t> starts = {3};
  for (size_t i = 3; i < file.size(); ++i) {
    if (file[i - 1] == '\n') starts.push_back(i);
  }
  starts.push_back(file.size());
  // Every way of cutting the file into two or three chunks.
  for (size_t a = 1; a + 1 < starts.size(); ++a) {
    for (size_t b = a; b + 1 < starts.size(); ++b) {
      CAPTURE(a);
      CAPTURE(b);
      Diagnostics d;
      std::vector<std::string> got;
      JsonLinesChunk at;
      size_t cuts[] = {starts[0], starts[a], starts[b], file.size()};
      for (int k = 0; k < 3; ++k) {
        std::string_view piece(file.data() + cuts[k], cuts[k + 1] - cuts[k]);
        at.offset = cuts[k];
        read(piece, &at, &d, &got);
        at.first_line += static_cast<int>(std::count(piece.begin(), piece.end(), '\n'));
      }
      CHECK(got == whole);
      CHECK(Messages(d) == Messages(whole_diags));
    }
  }
}

TEST_CASE("DocumentFromJson") {
  SUBCASE("all fields") {
    Diagnostics d;
    auto doc = FromJson(
        R"({"id": "x1", "title": "Summit ends", "date": "2018-06-12T04:00:00Z",
            "url": "https://example.org/x1", "source": "Example Wire",
            "text": "The summit ended.", "extra": [1, 2]})",
        &d);
    REQUIRE(doc);
    CHECK(d.empty());
    CHECK(doc->id == "x1");
    CHECK(doc->title == "Summit ends");
    CHECK(doc->date == "2018-06-12");
    CHECK(doc->url == "https://example.org/x1");
    CHECK(doc->source == "Example Wire");
    CHECK(doc->text == "The summit ended.");
    CHECK(doc->origin == "feed.jsonl:4");
  }
  SUBCASE("missing and null fields are empty; the default id is used") {
    Diagnostics d;
    auto doc = FromJson(R"({"text": "Only text.", "title": null})", &d);
    REQUIRE(doc);
    CHECK(d.empty());
    CHECK(doc->id == "feed-4");
    CHECK(doc->title == "");
    CHECK(doc->date == "");
  }
  SUBCASE("an integer id is accepted") {
    Diagnostics d;
    auto doc = FromJson(R"({"id": 1234, "text": "Numbered."})", &d);
    REQUIRE(doc);
    CHECK(doc->id == "1234");
  }
  SUBCASE("default date") {
    Diagnostics d;
    ReaderOptions options;
    options.default_date = "2018-01-01";
    auto doc = FromJson(R"({"text": "Undated."})", &d, options);
    REQUIRE(doc);
    CHECK(doc->date == "2018-01-01");
  }
  SUBCASE("not an object") {
    Diagnostics d;
    CHECK_FALSE(FromJson(R"(["text"])", &d));
    CHECK_FALSE(FromJson(R"("text")", &d));
    CHECK(Messages(d) ==
          std::vector<std::string>{"feed.jsonl:4: error: expected a JSON object, not array",
                                   "feed.jsonl:4: error: expected a JSON object, not string"});
  }
  SUBCASE("no text") {
    Diagnostics d;
    CHECK_FALSE(FromJson(R"({"title": "No body"})", &d));
    CHECK(Messages(d) ==
          std::vector<std::string>{"feed.jsonl:4: error: record has no \"text\" field"});
  }
  SUBCASE("wrong field types") {
    Diagnostics d;
    CHECK_FALSE(FromJson(R"({"text": 42})", &d));
    CHECK_FALSE(FromJson(R"({"text": null})", &d));
    CHECK_FALSE(FromJson(R"({"text": ["a", "b"]})", &d));
    CHECK_FALSE(FromJson(R"({"text": "ok", "title": {"en": "x"}, "date": 20180612})", &d));
    CHECK_FALSE(FromJson(R"({"text": "ok", "id": 1.5})", &d));
    CHECK_FALSE(FromJson(R"({"text": "ok", "url": true})", &d));
    CHECK(Messages(d) == std::vector<std::string>{
                             "feed.jsonl:4: error: field \"text\" must be a string, not number",
                             "feed.jsonl:4: error: field \"text\" must be a string, not null",
                             "feed.jsonl:4: error: field \"text\" must be a string, not array",
                             "feed.jsonl:4: error: field \"title\" must be a string, not object",
                             "feed.jsonl:4: error: field \"date\" must be a string, not number",
                             "feed.jsonl:4: error: field \"id\" must be a string, not number",
                             "feed.jsonl:4: error: field \"url\" must be a string, not boolean"});
  }
  SUBCASE("bad date") {
    Diagnostics d;
    CHECK_FALSE(FromJson(R"({"text": "ok", "date": "2018-02-30"})", &d));
    CHECK_FALSE(FromJson(R"({"text": "ok", "date": "June 12, 2018"})", &d));
    CHECK(Messages(d) ==
          std::vector<std::string>{
              "feed.jsonl:4: error: bad date \"2018-02-30\" (expected YYYY-MM-DD)",
              "feed.jsonl:4: error: bad date \"June 12, 2018\" (expected YYYY-MM-DD)"});
  }
  SUBCASE("text size limit") {
    Diagnostics d;
    ReaderOptions options;
    options.max_document_bytes = 8;
    CHECK(FromJson(R"({"text": "12345678"})", &d, options));
    CHECK_FALSE(FromJson(R"({"text": "123456789"})", &d, options));
    CHECK(Messages(d) == std::vector<std::string>{
                             "feed.jsonl:4: error: document text exceeds the limit of 8 bytes"});
  }
  SUBCASE("the title has the same limit") {
    Diagnostics d;
    ReaderOptions options;
    options.max_document_bytes = 8;
    CHECK(FromJson(R"({"title": "12345678", "text": "Short."})", &d, options));
    CHECK_FALSE(FromJson(R"({"title": "123456789", "text": "Short."})", &d, options));
    CHECK(Messages(d) == std::vector<std::string>{
                             "feed.jsonl:4: error: document title exceeds the limit of 8 bytes"});
  }
  SUBCASE("no limit goes past what 32-bit offsets address") {
    // A 4 GiB document is too big to build here; the cap is what protects it.
    static_assert(kMaxDocumentBytesLimit == 4294967295u);
    Diagnostics d;
    ReaderOptions options;
    options.max_document_bytes = static_cast<size_t>(1) << 40;
    CHECK(FromJson(R"({"text": "Within any limit."})", &d, options));
    CHECK(d.empty());
  }
  SUBCASE("a NUL character from an escape") {
    Diagnostics d;
    CHECK_FALSE(FromJson(R"({"text": "before\u0000after"})", &d));
    CHECK(Messages(d) ==
          std::vector<std::string>{"feed.jsonl:4: error: document text contains a NUL character"});
  }
  SUBCASE("records of a JSON Lines file end to end") {
    Diagnostics d;
    std::vector<Document> docs;
    ParseJsonRecords("{\"text\": \"One.\"}\n{\"text\": 7}\n{\"id\": \"z\", \"text\": \"Three.\"}\n",
                     "in.jsonl", {}, &d, [&](int line, const nlohmann::json& v) {
                       auto doc = DocumentFromJson(v, "in.jsonl", line,
                                                   "in-" + std::to_string(line), {}, &d);
                       if (doc) docs.push_back(*doc);
                     });
    REQUIRE(docs.size() == 2);
    CHECK(docs[0].id == "in-1");
    CHECK(docs[0].origin == "in.jsonl:1");
    CHECK(docs[1].id == "z");
    CHECK(docs[1].origin == "in.jsonl:3");
    CHECK(Messages(d) == std::vector<std::string>{
                             "in.jsonl:2: error: field \"text\" must be a string, not number"});
  }
}

}  // namespace
}  // namespace diplograph
