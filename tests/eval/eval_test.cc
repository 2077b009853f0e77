// Tests for eval/scorer.h on small hand-made gold and system records. The
// expected numbers follow ../shared/eval/score.py's rules (the CTest
// eval_matches_scorer runs both on real files).
#include "diplograph/eval/scorer.h"

#include <doctest/doctest.h>

#include <string>

namespace diplograph::eval {
namespace {

GoldDoc Gold(const std::string& text) {
  Diagnostics diags;
  auto doc = GoldDocFromJson(nlohmann::json::parse(text), "gold.jsonl", 1, &diags);
  REQUIRE(doc.has_value());
  return *doc;
}

SystemDoc System(const std::string& text) {
  Diagnostics diags;
  auto doc = SystemDocFromJson(nlohmann::json::parse(text), "system.jsonl", 1, &diags);
  REQUIRE(doc.has_value());
  return *doc;
}

// Errors reported for one bad gold or system line.
std::string GoldError(const std::string& text) {
  Diagnostics diags;
  CHECK_FALSE(GoldDocFromJson(nlohmann::json::parse(text), "gold.jsonl", 3, &diags));
  return diags.empty() ? "" : diags.items()[0].ToString();
}

std::string SystemError(const std::string& text) {
  Diagnostics diags;
  CHECK_FALSE(SystemDocFromJson(nlohmann::json::parse(text), "sys.jsonl", 7, &diags));
  return diags.empty() ? "" : diags.items()[0].ToString();
}

const char* kGold = R"({"id": "d1", "entities": [
    {"key": "china", "type": "country", "names": ["China", "Beijing"]},
    {"key": "us", "type": "country", "names": ["United States", "US", "Washington"]},
    {"key": "guo", "type": "person", "names": ["Guo Shengkun", "Guo"]},
    {"key": "johnson", "type": "person", "names": ["Jeh Johnson", "Johnson"]},
    {"key": "pla", "type": "organization", "names": ["PLA"], "optional": true}],
  "events": [
    {"type": "met_with", "source": "guo", "target": "johnson", "evidence": "Guo met Johnson"},
    {"type": "accused", "source": "us", "target": "china", "evidence": "the US accused China"},
    {"type": "accused", "source": "china", "target": "us", "optional": true},
    {"type": "member_of", "source": "guo", "target": "china"}]})";

TEST_CASE("MapEntities") {
  GoldDoc gold = Gold(kGold);
  SUBCASE("by normalised name first") {
    SystemDoc sys = System(R"({"doc": {"id": "d1"}, "entities": [
        {"id": "a", "name": "the United States"}, {"id": "b", "name": "GUO"},
        {"id": "c", "name": "Xi Jinping"}]})");
    auto m = MapEntities(gold, sys);
    CHECK(m.at("a") == "us");
    CHECK(m.at("b") == "guo");
    CHECK(m.at("c") == "");
  }
  SUBCASE("by aliases when they point to one key") {
    SystemDoc sys = System(R"({"doc": {"id": "d1"}, "entities": [
        {"id": "a", "name": "Secretary Johnson", "aliases": ["Jeh Johnson", "Johnson"]},
        {"id": "b", "name": "Someone", "aliases": ["Guo", "Johnson"]},
        {"id": "c", "name": "Nobody", "aliases": null}]})");
    auto m = MapEntities(gold, sys);
    CHECK(m.at("a") == "johnson");
    CHECK(m.at("b") == "");  // the aliases point to two keys
    CHECK(m.at("c") == "");
  }
  SUBCASE("a name shared by two keys falls back to the aliases") {
    GoldDoc g = Gold(R"({"id": "d", "entities": [{"key": "k1", "names": ["Lee"]},
        {"key": "k2", "names": ["Lee", "Lee Jae-myung"]}]})");
    SystemDoc sys = System(R"({"id": "d", "entities": [
        {"id": "x", "name": "Lee", "aliases": ["Lee Jae-myung"]}, {"id": "y", "name": "Lee"}]})");
    auto m = MapEntities(g, sys);
    CHECK(m.at("x") == "k2");
    CHECK(m.at("y") == "");
  }
}

TEST_CASE("ScoreDocument") {
  GoldDoc gold = Gold(kGold);
  SUBCASE("met_with is symmetric, optional events are free, other types ignored") {
    SystemDoc sys = System(R"({"doc": {"id": "d1"}, "entities": [
        {"id": "g", "name": "Guo Shengkun"}, {"id": "j", "name": "Jeh Johnson"},
        {"id": "c", "name": "China"}, {"id": "u", "name": "US"}],
      "events": [
        {"type": "met_with", "source": "j", "target": "g"},
        {"type": "met_with", "source": "g", "target": "j"},
        {"type": "accused", "source": "c", "target": "u"},
        {"type": "member_of", "source": "g", "target": "c"}]})");
    DocScore s = ScoreDocument(gold, &sys);
    CHECK(s.has_output);
    CHECK(s.events.tp == 1);
    CHECK(s.events.fp == 0);
    CHECK(s.events.fn == 1);
    REQUIRE(s.missed.size() == 1);
    CHECK(s.missed[0].event == Triple{"accused", "us", "china"});
    CHECK(s.missed[0].evidence == "the US accused China");
    CHECK(s.by_type.at("met_with").tp == 1);
    CHECK(s.by_type.at("accused").fn == 1);
    CHECK(s.by_type.count("member_of") == 0);
    CHECK(s.ent_tp == 4);
    CHECK(s.ent_gold == 4);  // the optional PLA does not count
  }
  SUBCASE("direction matters for other types; unmapped ends stay distinct") {
    SystemDoc sys = System(R"({"doc": {"id": "d1"}, "entities": [
        {"id": "c", "name": "Beijing"}, {"id": "u", "name": "Washington"},
        {"id": "pla", "name": "PLA"}],
      "events": [
        {"type": "accused", "source": "china", "target": "u",
         "evidence": {"sentence": "China accused the US."}},
        {"type": "accused", "source": "pla", "target": "x1"},
        {"type": "accused", "source": "pla", "target": "x1",
         "evidence": {"sentence": "second"}}]})");
    DocScore s = ScoreDocument(gold, &sys);
    CHECK(s.events.tp == 0);
    CHECK(s.events.fp == 2);
    CHECK(s.events.fn == 2);
    REQUIRE(s.spurious.size() == 2);
    CHECK(s.spurious[0].event == Triple{"accused", "?china", "us"});
    CHECK(s.spurious[0].evidence == "China accused the US.");
    CHECK(s.spurious[1].event == Triple{"accused", "pla", "?x1"});
    CHECK(s.spurious[1].evidence == "");  // the first event of the triple had none
    CHECK(s.ent_tp == 2);
  }
  SUBCASE("no system record") {
    DocScore s = ScoreDocument(gold, nullptr);
    CHECK_FALSE(s.has_output);
    CHECK(s.events.fn == 2);
    CHECK(s.ent_tp == 0);
    CHECK(s.missed[0].event == Triple{"accused", "us", "china"});
    CHECK(s.missed[1].event == Triple{"met_with", "guo", "johnson"});
  }
}

TEST_CASE("ScoreCorpus") {
  std::vector<GoldDoc> gold = {
      Gold(R"({"id": "a", "entities": [{"key": "x", "names": ["X"]}, {"key": "y", "names": ["Y"]}],
               "events": [{"type": "praised", "source": "x", "target": "y"}]})"),
      Gold(R"({"id": "b", "entities": [], "events": []})"),
      Gold(R"({"id": "a", "entities": [{"key": "x", "names": ["X"]}, {"key": "y", "names": ["Y"]}],
               "events": [{"type": "criticized", "source": "x", "target": "y"}]})")};
  std::vector<SystemDoc> system = {
      System(R"({"doc": {"id": "a"}, "entities": [{"id": "1", "name": "X"}, {"id": "2", "name": "Y"}],
                 "events": [{"type": "criticized", "source": "1", "target": "2"},
                            {"type": "praised", "source": "1", "target": "2"}]})"),
      System(R"({"doc": {"id": "zzz"}, "entities": [{"id": "1", "name": "X"}],
                 "events": [{"type": "praised", "source": "1", "target": "1"}]})")};
  Score s = ScoreCorpus(gold, system);
  CHECK(s.docs == 2);  // "a" counted once, with its later gold line
  CHECK(s.docs_with_output == 1);
  CHECK(s.events.tp == 1);
  CHECK(s.events.fp == 1);  // "zzz" has no gold and does not count
  CHECK(s.events.fn == 0);
  CHECK(s.per_doc[0].doc == "a");
  CHECK(s.per_doc[1].doc == "b");
  CHECK(s.by_type.size() == ScoredEventTypes().size());
  CHECK(s.by_type.at("criticized").tp == 1);
  CHECK(s.by_type.at("praised").fp == 1);
  CHECK(s.events.precision() == 0.5);
  CHECK(s.events.recall() == 1.0);
  CHECK(s.entity_recall() == 1.0);
}

TEST_CASE("Numbers") {
  CHECK(F1(0.0, 0.0) == 0.0);
  CHECK(F1(0.5, 1.0) == doctest::Approx(2.0 / 3.0));
  CHECK(RoundLikePython(2.675, 2) == 2.67);  // 2.675 is just below 2.675 in binary
  CHECK(RoundLikePython(0.98765, 4) == 0.9877);
  CHECK(RoundLikePython(0.12345, 4) == 0.1235);
  Counts none;
  CHECK(none.precision() == 0.0);
  CHECK(none.recall() == 0.0);
  CHECK(none.f1() == 0.0);
}

TEST_CASE("Reading") {
  SUBCASE("ids as score.py prints them") {
    Diagnostics diags;
    CHECK(RecordDocId(nlohmann::json::parse(R"({"doc": {"id": 12}})"), "f", 1, &diags) == "12");
    CHECK(RecordDocId(nlohmann::json::parse(R"({"id": "x", "doc": {"id": "y"}})"), "f", 1,
                      &diags) == "y");
    CHECK(diags.empty());
  }
  SUBCASE("what score.py would fail on is an error with path:line") {
    CHECK(GoldError(R"({"entities": []})") == "gold.jsonl:3: error: missing \"id\"");
    CHECK(GoldError(R"({"id": "d", "entities": [{"names": ["X"]}]})") ==
          "gold.jsonl:3: error: entity 1: missing \"key\"");
    CHECK(GoldError(R"({"id": "d", "entities": [{"key": "x", "names": "X"}]})") ==
          "gold.jsonl:3: error: entity 1: \"names\" must be an array of strings");
    CHECK(GoldError(R"({"id": "d", "events": [{"type": "met_with", "source": "x"}]})") ==
          "gold.jsonl:3: error: event 1: missing \"target\"");
    CHECK(SystemError(R"({"doc": {"id": "d"}, "entities": [{"name": "X"}]})") ==
          "sys.jsonl:7: error: entity 1: missing \"id\"");
    CHECK(SystemError(R"({"doc": {"id": "d"}, "entities": [{"id": "x", "name": 5}]})") ==
          "sys.jsonl:7: error: entity 1: \"name\" must be a string");
    CHECK(SystemError(R"([1, 2])") == "sys.jsonl:7: error: expected a JSON object, not array");
  }
  SUBCASE("system records are read leniently") {
    SystemDoc s = System(R"({"doc": {"id": "d"}, "entities": [{"id": "x"}],
                             "events": [{"target": "x"}, {"type": 3, "source": null}]})");
    CHECK(s.entities[0].name == "");
    CHECK(s.events[0].type == "");
    CHECK(s.events[0].source == "None");  // score.py: "?" + str(None)
    CHECK(s.events[1].source == "None");
  }
  SUBCASE("from an extraction record") {
    ExtractionRecord r;
    r.doc.id = "d";
    r.entities.push_back({"x", "person", "X Y", {"Y"}, "", "", {}, {}});
    EventRecord e;
    e.type = "met_with";
    e.source = "x";
    e.target = "x";
    e.evidence.sentence = "X met X.";
    r.events.push_back(e);
    SystemDoc s = SystemDocFromRecord(r);
    CHECK(s.id == "d");
    CHECK(s.entities[0].aliases == std::vector<std::string>{"Y"});
    CHECK(s.events[0].evidence == "X met X.");
  }
}

}  // namespace
}  // namespace diplograph::eval
