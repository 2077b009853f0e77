#include <doctest/doctest.h>

#include "diplograph/event/record.h"

namespace diplograph {
namespace {

ExtractionRecord NastyRecord() {
  ExtractionRecord r;
  r.doc = {"id \"1\"", "Title\twith\ttabs", "2016-12-08", "https://example.org/?a=1&b=2", ""};
  EntityRecord e;
  e.id = "guo-shengkun";
  e.type = "person";
  e.name = "Guo \\ Shengkun \x01 \xE2\x80\x9Cquoted\xE2\x80\x9D";
  e.aliases = {"Guo", "bad \xFF byte", "new\nline"};
  e.country = "CHN";
  e.cameo = "CHNGOV";
  e.roles = {"State Councillor"};
  e.mentions = {{3, 15, "Guo Shengkun", ""}, {0, 3, "Guo", "title"}};
  r.entities.push_back(e);
  EventRecord ev;
  ev.type = "met_with";
  ev.source = "guo-shengkun";
  ev.target = "jeh-johnson";
  ev.date = "2016-12-07";
  ev.cameo = "040";
  ev.goldstein = 1.0;
  ev.plover = "CONSULT";
  ev.confidence = 0.765;
  ev.modality = "negated";
  ev.evidence = {"He met \"Johnson\".\r", 10, 28, ""};
  r.events.push_back(ev);
  ev.goldstein = -2.0;
  ev.confidence = 0.9 * 0.85;
  ev.modality = "";
  ev.evidence.field = "title";
  r.events.push_back(ev);
  return r;
}

TEST_CASE("Record: the fast writer equals the JSON library's output") {
  ExtractionRecord r = NastyRecord();
  std::string expected =
      RecordToJson(r).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  CHECK(RecordToJsonLine(r) == expected);
  ExtractionRecord empty;
  empty.doc.id = "x";
  CHECK(RecordToJsonLine(empty) ==
        RecordToJson(empty).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

TEST_CASE("Record: the fast writer escapes every byte at every position") {
  // The writer copies eight plain bytes at a time; each special byte must be
  // caught wherever it falls in such a word, and long records must grow.
  const std::string specials[] = {"\"", "\\", "\x01", "\x1f", "\n", "\x7f", "\xC3\xA9",
                                  "\xE2\x80\x9C", "\xFF", "\xC3", " ", "~"};
  for (const std::string& sp : specials) {
    for (size_t pos = 0; pos < 17; ++pos) {
      ExtractionRecord r;
      r.doc.id = std::string(pos, 'a') + sp + std::string(20, 'b');
      r.doc.title = std::string(9000, 'c') + sp;
      CAPTURE(pos);
      CHECK(RecordToJsonLine(r) ==
            RecordToJson(r).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    }
  }
}

TEST_CASE("Record: a written record reads back the same") {
  ExtractionRecord r = NastyRecord();
  r.entities[0].name = "Guo Shengkun";
  r.entities[0].aliases = {"Guo"};
  std::string line = RecordToJsonLine(r);
  Diagnostics diags;
  auto back = RecordFromJson(nlohmann::json::parse(line), "<test>", 1, &diags);
  REQUIRE(back.has_value());
  CHECK(RecordToJsonLine(*back) == line);
}

TEST_CASE("Record: offsets past 32 bits are refused, not wrapped") {
  ExtractionRecord r = NastyRecord();
  nlohmann::json value = nlohmann::json::parse(RecordToJsonLine(r));
  value["events"][0]["evidence"]["start"] = 4294967295ull;  // the largest that fits
  Diagnostics diags;
  auto back = RecordFromJson(value, "r.jsonl", 3, &diags);
  REQUIRE(back.has_value());
  CHECK(back->events[0].evidence.start == 4294967295u);

  value["events"][0]["evidence"]["end"] = 4294967296ull + 28;  // would wrap to 28
  CHECK_FALSE(RecordFromJson(value, "r.jsonl", 3, &diags).has_value());
  value["events"][0]["evidence"]["end"] = 28;
  value["entities"][0]["mentions"][0]["start"] = 1ull << 40;
  CHECK_FALSE(RecordFromJson(value, "r.jsonl", 3, &diags).has_value());
  REQUIRE(diags.items().size() == 2);
  CHECK(diags.items()[0].ToString() == "r.jsonl:3: error: evidence.end is too large");
  CHECK(diags.items()[1].ToString() == "r.jsonl:3: error: mention.start is too large");
}

}  // namespace
}  // namespace diplograph
