// Tests for import/cameo_actors.h on tests/data/sample.actors (invented
// people) and small inline dictionaries.
#include "diplograph/import/cameo_actors.h"

#include <doctest/doctest.h>

#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace diplograph {
namespace {

using ojson = nlohmann::ordered_json;

std::string ReadSample() {
  std::ifstream in(std::string(DIPLOGRAPH_TEST_SOURCE_DIR) + "/tests/data/sample.actors",
                   std::ios::binary);
  REQUIRE(in.good());
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::vector<std::string> Messages(const Diagnostics& diags) {
  std::vector<std::string> out;
  for (const Diagnostic& d : diags.items()) out.push_back(d.ToString());
  return out;
}

// The diagnostics of parsing `text` alone.
std::vector<std::string> ParseErrors(const std::string& text) {
  Diagnostics diags;
  ParseCameoActors(text, "x.actors", &diags);
  return Messages(diags);
}

CameoImportOptions Options(ImportKind kind = ImportKind::kPeople) {
  CameoImportOptions o;
  o.kind = kind;
  for (const char* iso : {"ITA", "SWE", "NOR", "GHA", "PER", "NGA", "FRA"}) o.countries[iso] = iso;
  o.organizations["IGOUNO"] = "united-nations";
  return o;
}

TEST_CASE("PhraseToName") {
  CHECK(PhraseToName("BARACK_HUSSEIN_OBAMA_") == "Barack Hussein Obama");
  CHECK(PhraseToName("TEODOR_ASANTI-BRIGHT_") == "Teodor Asanti-Bright");
  CHECK(PhraseToName("PELLA_D'ARCONTE_") == "Pella D'Arconte");
  CHECK(PhraseToName("UNITED_NATIONS_CHILDREN'S_FUND_") == "United Nations Children's Fund");
  CHECK(PhraseToName("R.K._PACHAURI") == "R.K. Pachauri");
  CHECK(PhraseToName("CARLOS SANTOS_CRUZ_") == "Carlos Santos Cruz");
  CHECK(PhraseToName("JOSÉ_ÑANDÚ_PERALTA_") == "José Ñandú Peralta");
  CHECK(PhraseToName("ŁUKASZ_ŻAK") == "Łukasz Żak");
  CHECK(PhraseToName("_ _") == "");
}

TEST_CASE("ParseCameoActors") {
  Diagnostics diags;
  std::vector<CameoActor> actors = ParseCameoActors(ReadSample(), "sample.actors", &diags);
  CHECK(Messages(diags) == std::vector<std::string>{
      "sample.actors:28: error: malformed date restriction '200230-210101' "
      "(expected <YYMMDD, >YYMMDD or YYMMDD-YYMMDD)",
      "sample.actors:30: error: malformed CAMEO code 'ngagov'",
      "sample.actors:31: error: malformed date restriction '2001-2002' "
      "(expected <YYMMDD, >YYMMDD or YYMMDD-YYMMDD)"});
  REQUIRE(actors.size() == 10);

  const CameoActor& marta = actors[0];
  CHECK(marta.name == "Marta Vellanova");
  CHECK(marta.line == 6);
  CHECK(marta.path == "sample.actors");
  CHECK(marta.aliases == std::vector<std::string>{"Marta G. Vellanova", "Vellanova"});
  REQUIRE(marta.codes.size() == 3);
  CHECK(marta.codes[0].code == "ITAGOV");
  CHECK(marta.codes[0].start == "2019-06-01");
  CHECK(marta.codes[0].end == "2023-01-15");
  CHECK(marta.codes[1].code == "ITALEG");
  CHECK(marta.codes[1].start == "");
  CHECK(marta.codes[1].end == "2019-06-01");
  CHECK(marta.codes[2].code == "ITAELI");
  CHECK_FALSE(marta.codes[2].dated);

  CHECK(actors[1].codes[0].start == "2020-03-01");  // >200301
  CHECK(actors[1].codes[0].end == "");
  CHECK(actors[2].codes.size() == 2);  // two codes on the name line
  CHECK(actors[3].codes[0].start == "1999-10-01");  // YYYYMMDD
  CHECK(actors[5].name == "José Ñandú Peralta");
  CHECK(actors[5].codes[0].start == "1995-07-28");  // 95 -> 1995, 00 -> 2000
  CHECK(actors[5].codes[0].end == "2000-07-28");
  CHECK(actors[6].codes.size() == 1);  // three bad codes left out, [NGAOPP] kept
  CHECK(actors[9].name == "Halvard Quintrell");
  CHECK(actors[9].codes.empty());  // [---] is the null code
}

TEST_CASE("ParseCameoActorsErrors") {
  CHECK(ParseErrors("+ALIAS_\n") ==
        std::vector<std::string>{"x.actors:1: error: a synonym line before the first entry"});
  CHECK(ParseErrors("\n  [USAGOV]\n") ==
        std::vector<std::string>{"x.actors:2: error: a code line before the first entry"});
  CHECK(ParseErrors("A_ [USAGOV\n") ==
        std::vector<std::string>{"x.actors:1: error: missing ']' in '[USAGOV'"});
  CHECK(ParseErrors("A_ [USAGOV] junk\n") ==
        std::vector<std::string>{"x.actors:1: error: unexpected text 'junk' after the codes"});
  CHECK(ParseErrors("A_\n [USAGOV 010101 020202]\n") ==
        std::vector<std::string>{
            "x.actors:2: error: expected [CODE] or [CODE DATES], not [USAGOV 010101 020202]"});
  CHECK(ParseErrors("A_\n [USAGOV 170120-090120]\n").size() == 1);  // reversed
  CHECK(ParseErrors("A_\n [USAG]\n") ==
        std::vector<std::string>{"x.actors:2: error: malformed CAMEO code 'USAG'"});
  CHECK(ParseErrors("[USAGOV] # a code, then a name\n").size() == 1);
  CHECK(ParseErrors("A_ [USAGOV 500101-491231]\r\n").empty());  // CRLF; 1950 to 2049
}

TEST_CASE("ParseCameoActorsLatin1") {
  Diagnostics diags;
  auto actors = ParseCameoActors("MANFRED_W\xD6RNER_ [DEUGOV]\n", "x.actors", &diags);
  CHECK(diags.empty());
  REQUIRE(actors.size() == 1);
  CHECK(actors[0].name == "Manfred Wörner");
}

TEST_CASE("CameoActorsToDictionary") {
  Diagnostics diags;
  std::vector<CameoActor> actors = ParseCameoActors(ReadSample(), "sample.actors", &diags);
  Diagnostics conv;
  ojson dict = CameoActorsToDictionary(actors, Options(), &conv);
  CHECK(Messages(conv) == std::vector<std::string>{
      "sample.actors:34: warning: skipped 1 country entry with only a country code "
      "(countries come from countries.json); the first: 'Fredonia'",
      "sample.actors:36: warning: skipped 1 entry without a CAMEO code; "
      "the first: 'Nobody In Particular'"});
  CHECK(dict["version"] == 1);
  const ojson& people = dict["people"];
  REQUIRE(people.size() == 7);

  SUBCASE("dated roles first, the default last, open ends null") {
    CHECK(people[0].dump() ==
          R"({"id":"marta-vellanova","name":"Marta Vellanova",)"
          R"("aliases":["Marta G. Vellanova","Vellanova"],"country":"ITA","roles":[)"
          R"({"title":"Government official","role":"cameo-gov","country":"ITA","cameo":"ITAGOV",)"
          R"("start":"2019-06-01","end":"2023-01-15"},)"
          R"({"title":"Legislator","role":"cameo-leg","country":"ITA","cameo":"ITALEG",)"
          R"("start":null,"end":"2019-06-01"},)"
          R"({"title":"Elite","role":"cameo-eli","country":"ITA","cameo":"ITAELI",)"
          R"("start":null,"end":null}]})");
  }
  SUBCASE("international roles name their organisation") {
    const ojson& oskar = people[1];
    CHECK(oskar["country"] == "SWE");
    CHECK(oskar["roles"][1].dump() ==
          R"({"title":"International organisation official","role":"cameo-igouno",)"
          R"("country":null,"org":"united-nations","cameo":"IGOUNO",)"
          R"("start":"2012-01-01","end":"2018-12-31"})");
    const ojson& pella = people[4];
    CHECK(pella["id"] == "pella-darconte");
    CHECK(pella["country"] == nullptr);
    CHECK(pella["roles"][0]["org"] == "united-nations");  // IGOUNOKID -> IGOUNO
  }
  SUBCASE("entries with the same id are merged") {
    const ojson& halvard = people[2];
    CHECK(halvard["id"] == "halvard-quintrell");
    CHECK(halvard["aliases"] == ojson::array({"H. Quintrell"}));
    CHECK(halvard["roles"].size() == 2);
  }
  SUBCASE("organisations") {
    ojson orgs = CameoActorsToDictionary(actors, Options(ImportKind::kOrganizations), &conv);
    REQUIRE(orgs["organizations"].size() == 7);
    CHECK(orgs["organizations"][0].dump() ==
          R"({"id":"marta-vellanova","name":"Marta Vellanova","type":"organization",)"
          R"("cameo":"ITAELI","country":"ITA","parent":null,)"
          R"("aliases":["Marta G. Vellanova","Vellanova"]})");
    CHECK(orgs["organizations"][1]["cameo"] == "SWEGOV");  // no default: the latest start
  }
}

}  // namespace
}  // namespace diplograph
