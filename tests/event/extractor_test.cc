// Tests for event/extractor.h on invented news-style sentences, with the
// shipped dictionaries and trigger lexicon (see models.h). Each TEST_CASE is
// one pattern family of /work/shared/eval/GUIDELINES.md. Cases the extractor
// does not yet get right are kept as the specification, in TEST_CASEs named
// "... (known gap)" and decorated with doctest::may_fail().
#include "diplograph/event/extractor.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "diplograph/core/diagnostics.h"
#include "diplograph/core/document.h"
#include "diplograph/event/record.h"
#include "models.h"

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

// A Wednesday.
constexpr std::string_view kDate = "2023-06-14";

ExtractionRecord Run(std::string_view text, std::string_view date = kDate,
                     ExtractOptions options = {}, std::string_view title = "") {
  const test::Models& m = test::ShippedModels();
  Extractor extractor(m.dict, m.lexicon, options);
  Document doc;
  doc.id = "doc";
  doc.date = std::string(date);
  doc.title = std::string(title);
  doc.text = std::string(text);
  return extractor.Extract(doc);
}

// "type source->target"; symmetric types as "type a<->b" with a < b, so the
// direction the extractor happens to pick does not matter.
std::string Describe(const EventRecord& e) {
  const EventTypeInfo* info = FindEventType(e.type);
  if (info != nullptr && info->symmetric) {
    std::string a = e.source, b = e.target;
    if (b < a) std::swap(a, b);
    return e.type + " " + a + "<->" + b;
  }
  return e.type + " " + e.source + "->" + e.target;
}

// The interactions of a record; member_of ties are checked on their own.
std::vector<std::string> Events(const ExtractionRecord& rec) {
  std::vector<std::string> out;
  for (const EventRecord& e : rec.events) {
    if (e.type != "member_of") out.push_back(Describe(e));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<std::string> Events(std::string_view text, std::string_view date = kDate) {
  return Events(Run(text, date));
}

// Events with their modality, for ExtractOptions::keep_unasserted.
std::vector<std::string> EventsWithModality(std::string_view text) {
  ExtractOptions options;
  options.keep_unasserted = true;
  std::vector<std::string> out;
  for (const EventRecord& e : Run(text, kDate, options).events) {
    if (e.type == "member_of") continue;
    out.push_back(Describe(e) + " [" + (e.modality.empty() ? "asserted" : e.modality) + "]");
  }
  std::sort(out.begin(), out.end());
  return out;
}

// "type source->target date"
std::vector<std::string> DatedEvents(std::string_view text, std::string_view date = kDate) {
  std::vector<std::string> out;
  for (const EventRecord& e : Run(text, date).events) {
    if (e.type != "member_of") out.push_back(Describe(e) + " " + e.date);
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> EntityIds(const ExtractionRecord& rec) {
  std::vector<std::string> out;
  for (const EntityRecord& e : rec.entities) out.push_back(e.id);
  return out;
}

const EntityRecord* FindEntity(const ExtractionRecord& rec, std::string_view id) {
  for (const EntityRecord& e : rec.entities) {
    if (e.id == id) return &e;
  }
  return nullptr;
}

bool Contains(const std::vector<std::string>& v, std::string_view s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

// No event has `id` as its source or target.
// No interaction involves `id` (a group's member_of tie does not count).
bool NoEventInvolves(const ExtractionRecord& rec, std::string_view id) {
  for (const EventRecord& e : rec.events) {
    if (e.type == "member_of") continue;
    if (e.source == id || e.target == id) return false;
  }
  return true;
}

using V = std::vector<std::string>;

// --- One active sentence per event type of the guidelines. -----------------

TEST_CASE("Extractor: one active sentence per event type") {
  SUBCASE("met_with: met") {
    CHECK(Events("Secretary of State Antony Blinken met Chinese Foreign Minister Qin Gang on "
                 "Sunday.") == V{"met_with antony-blinken<->qin-gang"});
  }
  SUBCASE("met_with: held talks with") {
    CHECK(Events("Wang Yi held talks with Jaishankar in New Delhi.") ==
          V{"met_with s-jaishankar<->wang-yi"});
  }
  SUBCASE("met_with: spoke by phone with") {
    CHECK(Events("Olaf Scholz spoke by phone with Vladimir Putin on Friday.") ==
          V{"met_with olaf-scholz<->vladimir-putin"});
  }
  SUBCASE("visited") {
    CHECK(Events("Russian Foreign Minister Sergei Lavrov visited India on Tuesday.") ==
          V{"visited sergei-lavrov->india"});
  }
  SUBCASE("participated_in") {
    ExtractionRecord rec =
        Run("German Foreign Minister Annalena Baerbock attended the G20 "
            "summit in New Delhi.");
    // A forum that meets every year: its id carries the year, not two states.
    CHECK(Events(rec) == V{"participated_in annalena-baerbock->g20-summit-2023"});
    const EntityRecord* summit = FindEntity(rec, "g20-summit-2023");
    REQUIRE(summit != nullptr);
    CHECK(summit->type == "event");
    CHECK(summit->name == "G20 summit");
  }
  SUBCASE("intends_to_cooperate") {
    CHECK(Events("Japan said it was willing to work with South Korea on export controls.") ==
          V{"intends_to_cooperate japan->south-korea"});
    CHECK(Events("Xi Jinping said China was ready to work with Brazil.") ==
          V{"intends_to_cooperate china->brazil"});
  }
  SUBCASE("agreed: mutual, both directions") {
    CHECK(Events("India and Australia signed a defence agreement on Monday.") ==
          V{"agreed australia->india", "agreed india->australia"});
  }
  SUBCASE("praised") {
    CHECK(Events("President Emmanuel Macron praised Germany for its support.") ==
          V{"praised emmanuel-macron->germany"});
    CHECK(Events("The United Nations praised Ukraine.") == V{"praised united-nations->ukraine"});
  }
  SUBCASE("criticized") {
    CHECK(Events("China criticized Japan over its plans to release treated water.") ==
          V{"criticized china->japan"});
  }
  SUBCASE("accused: the accused, not the third party") {
    CHECK(Events("Washington accused Tehran of supplying drones to Moscow.") ==
          V{"accused united-states->iran"});
  }
  SUBCASE("threatened") {
    CHECK(Events("North Korea threatened South Korea with a nuclear response.") ==
          V{"threatened north-korea->south-korea"});
  }
  SUBCASE("indicted") {
    ExtractionRecord rec =
        Run("The US Justice Department indicted five Chinese military "
            "officers.");
    CHECK(Events(rec) ==
          V{"indicted us-department-of-justice->doc--five-chinese-military-officers"});
  }
  SUBCASE("arrested") {
    CHECK(Events("Iran detained two French citizens last week.") ==
          V{"arrested iran->doc--two-french-citizens"});
  }
  SUBCASE("sanctioned") {
    CHECK(Events("The European Union imposed sanctions on Belarus.") ==
          V{"sanctioned european-union->belarus"});
    CHECK(Events("Britain sanctioned five Iranian officials in September last year.") ==
          V{"sanctioned united-kingdom->doc--five-iranian-officials"});
  }
  SUBCASE("expelled") {
    CHECK(Events("Moscow expelled 10 Polish diplomats on Wednesday.") ==
          V{"expelled russia->doc--10-polish-diplomats"});
  }
  SUBCASE("suspended: a mechanism") {
    V got = Events("China suspended the climate talks with the United States.");
    CHECK(Contains(got, "suspended china->chn-usa-climate-dialogue"));
  }
  SUBCASE("suspended: ties with a partner") {
    CHECK(Events("Saudi Arabia, Egypt and Bahrain cut ties with Qatar.") ==
          V{"suspended bahrain->qatar", "suspended egypt->qatar", "suspended saudi-arabia->qatar"});
  }
  SUBCASE("attacked") {
    CHECK(Events("Russia attacked Ukraine on Friday.") == V{"attacked russia->ukraine"});
    CHECK(Events("Israel struck Syria on Sunday.") == V{"attacked israel->syria"});
  }
}

TEST_CASE("Extractor: 'the United States' with its article, as subject and object") {
  SUBCASE("subject") {
    CHECK(Events("The United States accused Iran of supplying drones to Russia.") ==
          V{"accused united-states->iran"});
    CHECK(Events("The US imposed sanctions on Iran.") == V{"sanctioned united-states->iran"});
    CHECK(Events("The US expelled 35 Russian diplomats.") ==
          V{"expelled united-states->doc--35-russian-diplomats"});
  }
  SUBCASE("object") {
    CHECK(Events("China accused the United States of hacking.") ==
          V{"accused china->united-states"});
    CHECK(Events("The Chinese Foreign Ministry accused the US of hacking.") ==
          V{"accused chinese-ministry-of-foreign-affairs->united-states"});
  }
}

TEST_CASE("Extractor: passive with a by-agent keeps the real direction") {
  SUBCASE("a person criticised by a state") {
    CHECK(Events("Jeh Johnson was criticized by China.") == V{"criticized china->jeh-johnson"});
  }
  SUBCASE("a person praised by a person") {
    CHECK(Events("Sergei Lavrov was praised by Wang Yi.") == V{"praised wang-yi->sergei-lavrov"});
  }
  SUBCASE("a group indicted by an organisation") {
    CHECK(Events("Five Chinese officers were indicted by the US Justice Department.") ==
          V{"indicted us-department-of-justice->doc--five-chinese-officers"});
  }
  SUBCASE("a group arrested by a state") {
    CHECK(Events("Two Russian agents were arrested by Poland on Monday.") ==
          V{"arrested poland->doc--two-russian-agents"});
  }
  SUBCASE("a passive without an agent has no source, so no event") {
    CHECK(Events("Jeh Johnson was criticized on Monday.").empty());
  }
}

TEST_CASE("Extractor: coordination distributes") {
  SUBCASE("two objects") {
    CHECK(Events("Blinken met Sergei Lavrov and Wang Yi.") ==
          V{"met_with antony-blinken<->sergei-lavrov", "met_with antony-blinken<->wang-yi"});
  }
  SUBCASE("two objects named by surname") {
    CHECK(Events("Narendra Modi met Joe Biden and Emmanuel Macron.") ==
          V{"met_with emmanuel-macron<->narendra-modi", "met_with joe-biden<->narendra-modi"});
    CHECK(Events("Modi met Biden and Macron on Tuesday.") ==
          V{"met_with emmanuel-macron<->narendra-modi", "met_with joe-biden<->narendra-modi"});
  }
  SUBCASE("two titled objects") {
    CHECK(Events("Prime Minister Narendra Modi met President Joe Biden.") ==
          V{"met_with joe-biden<->narendra-modi"});
    CHECK(Events("Prime Minister Narendra Modi met President Joe Biden and President Emmanuel "
                 "Macron.") ==
          V{"met_with emmanuel-macron<->narendra-modi", "met_with joe-biden<->narendra-modi"});
  }
  SUBCASE("coordinated subjects") {
    CHECK(Events("Saudi Arabia and Egypt criticized Qatar.") ==
          V{"criticized egypt->qatar", "criticized saudi-arabia->qatar"});
  }
  SUBCASE("coordinated subjects of a symmetric verb with no object meet each other") {
    CHECK(Events("Japan and South Korea met in Tokyo on Monday.") ==
          V{"met_with japan<->south-korea"});
  }
}

TEST_CASE("Extractor: reciprocal phrasing gives both directions") {
  SUBCASE("accused each other") {
    CHECK(Events("China and Japan accused each other of hacking.") ==
          V{"accused china->japan", "accused japan->china"});
    CHECK(Events("Ukraine and Russia accused each other of violating the ceasefire.") ==
          V{"accused russia->ukraine", "accused ukraine->russia"});
  }
  SUBCASE("pledged to work with each other") {
    CHECK(Events("China and Russia pledged to work with each other.") ==
          V{"intends_to_cooperate china->russia", "intends_to_cooperate russia->china"});
  }
}

TEST_CASE("Extractor: participle and subordinate clauses") {
  SUBCASE("when he was meeting X") {
    CHECK(Events("Blinken raised the issue of cyber espionage when he was meeting Wang Yi in "
                 "Jakarta.") == V{"met_with antony-blinken<->wang-yi"});
  }
  SUBCASE("a participle clause between commas takes the sentence subject") {
    CHECK(Events("Lavrov, speaking after meeting Jaishankar, said ties were strong.") ==
          V{"met_with s-jaishankar<->sergei-lavrov"});
  }
}

TEST_CASE("Extractor: nominal triggers") {
  SUBCASE("talks between A and B") {
    CHECK(Events("Talks between China and India resumed on Monday.") ==
          V{"met_with china<->india"});
    CHECK(Events("The talks between Wang Yi and Jaishankar lasted three hours.") ==
          V{"met_with s-jaishankar<->wang-yi"});
  }
  SUBCASE("the US indictment of five officers") {
    CHECK(Events("The US indictment of five Chinese officers angered Beijing.") ==
          V{"indicted united-states->doc--five-chinese-officers"});
  }
  SUBCASE("a possessor's visit, invasion, criticism, claims") {
    CHECK(Events("Lavrov's visit to India was brief.") == V{"visited sergei-lavrov->india"});
    CHECK(Events("Russia's invasion of Ukraine began last year.") == V{"attacked russia->ukraine"});
    CHECK(Events("Japan's criticism of China was sharp.") == V{"criticized japan->china"});
    CHECK(Events("Kuleba's claims of Russian hacking were disputed.") ==
          V{"accused dmytro-kuleba->russia"});
  }
}

TEST_CASE("Extractor: reported speech") {
  SUBCASE("X said that Y hacked Z: X accused Y, and no attack is asserted") {
    CHECK(Events("Antony Blinken said that Russia hacked Ukraine.") ==
          V{"accused antony-blinken->russia"});
  }
  SUBCASE("accused of hacking is an accusation, not an attack") {
    CHECK(Events("Ukraine accused Russia of hacking its power grid.") ==
          V{"accused ukraine->russia"});
  }
}

TEST_CASE("Extractor: unasserted statements are not events") {
  SUBCASE("negation") {
    CHECK(Events("Antony Blinken did not meet Wang Yi.").empty());
    CHECK(Events("Antony Blinken never visited Russia.").empty());
  }
  SUBCASE("questions") {
    CHECK(Events("Did Antony Blinken meet Wang Yi?").empty());
    CHECK(Events("Why did Russia expel 35 German diplomats?").empty());
  }
  SUBCASE("hypotheticals") {
    CHECK(Events("It is unclear whether Antony Blinken will visit China.").empty());
    CHECK(Events("Japan could impose sanctions on Russia.").empty());
    CHECK(Events("If Russia attacks Poland, NATO will respond.").empty());
  }
  SUBCASE("plans") {
    CHECK(Events("Antony Blinken plans to travel to China next week.").empty());
    CHECK(Events("Sergei Lavrov is expected to visit India next month.").empty());
  }
  SUBCASE("denials") { CHECK(Events("China denied that it hacked Japan.").empty()); }
  SUBCASE("a general stance with no target") {
    CHECK(Events("China has always opposed cyber attacks in any form.").empty());
  }
  SUBCASE("keep_unasserted keeps them, with their modality") {
    CHECK(EventsWithModality("Antony Blinken did not meet Wang Yi.") ==
          V{"met_with antony-blinken<->wang-yi [negated]"});
    CHECK(EventsWithModality("It is unclear whether Antony Blinken will visit China.") ==
          V{"visited antony-blinken->china [hypothetical]"});
    CHECK(EventsWithModality("Antony Blinken plans to travel to China next week.") ==
          V{"visited antony-blinken->china [planned]"});
    CHECK(EventsWithModality("China denied that it hacked Japan.") ==
          V{"attacked china->japan [denied]"});
    CHECK(EventsWithModality("Russia attacked Ukraine on Friday.") ==
          V{"attacked russia->ukraine [asserted]"});
  }
  SUBCASE("a declared threat or intent is asserted even with will") {
    CHECK(Events("Japan said it would work closely with India.") ==
          V{"intends_to_cooperate japan->india"});
  }
}

TEST_CASE("Extractor: metonymy") {
  SUBCASE("a capital acting is its country") {
    ExtractionRecord rec = Run("Moscow expelled 35 German diplomats on Wednesday.");
    CHECK(Events(rec) == V{"expelled russia->doc--35-german-diplomats"});
    const EntityRecord* russia = FindEntity(rec, "russia");
    REQUIRE(russia != nullptr);
    CHECK(russia->type == "country");
    CHECK(russia->name == "Russia");
    CHECK(russia->country == "RUS");
    CHECK(Contains(russia->aliases, "Moscow"));
  }
  SUBCASE("capitals on both sides") {
    CHECK(Events("Seoul accused Pyongyang of firing missiles.") ==
          V{"accused south-korea->north-korea"});
    CHECK(Events("Tokyo protested to Beijing.") == V{"criticized japan->china"});
  }
  SUBCASE("a seat of power acting is its country") {
    CHECK(Events("Downing Street condemned Iran.") == V{"criticized united-kingdom->iran"});
    CHECK(Events("The Kremlin criticized Poland.") == V{"criticized russia->poland"});
    CHECK(Events("The Elysee praised Germany.") == V{"praised france->germany"});
  }
  SUBCASE("a capital as a place is no actor") {
    ExtractionRecord rec = Run("Wang Yi held talks with Jaishankar in New Delhi.");
    CHECK(Events(rec) == V{"met_with s-jaishankar<->wang-yi"});
    CHECK(NoEventInvolves(rec, "india"));
    rec = Run("Fumio Kishida met Yoon Suk Yeol in Seoul.");
    CHECK(Events(rec) == V{"met_with fumio-kishida<->yoon-suk-yeol"});
    CHECK(NoEventInvolves(rec, "south-korea"));
  }
  SUBCASE("a capital as a destination is the country visited") {
    CHECK(Events("Annalena Baerbock arrived in Beijing on Tuesday.") ==
          V{"visited annalena-baerbock->china"});
  }
}

TEST_CASE("Extractor: titles, appositions and surnames") {
  SUBCASE("a title and a later surname are one person with a role") {
    ExtractionRecord rec =
        Run("Secretary of State Antony Blinken met Wang Yi. Blinken said the "
            "talks were candid.");
    CHECK(Events(rec) == V{"met_with antony-blinken<->wang-yi"});
    CHECK(EntityIds(rec) == V{"antony-blinken", "wang-yi"});
    const EntityRecord* blinken = FindEntity(rec, "antony-blinken");
    REQUIRE(blinken != nullptr);
    CHECK(blinken->type == "person");
    CHECK(blinken->name == "Antony Blinken");
    CHECK(blinken->country == "USA");
    CHECK(Contains(blinken->roles, "Secretary of State"));
    REQUIRE(blinken->mentions.size() == 2);
    CHECK(blinken->mentions[0].text == "Secretary of State Antony Blinken");
    CHECK(blinken->mentions[1].text == "Blinken");
  }
  SUBCASE("the surname as a later subject") {
    CHECK(Events("Sergei Lavrov arrived in New Delhi on Monday. Lavrov met Jaishankar on "
                 "Tuesday.") ==
          V{"met_with s-jaishankar<->sergei-lavrov", "visited sergei-lavrov->india"});
  }
  SUBCASE("an apposition is the same person, not a new actor") {
    ExtractionRecord rec = Run("Qin Gang, the Chinese foreign minister, met Blinken.");
    CHECK(Events(rec) == V{"met_with antony-blinken<->qin-gang"});
    CHECK(EntityIds(rec) == V{"antony-blinken", "qin-gang"});
    rec = Run("Wang Yi, China's top diplomat, met Antony Blinken on Friday.");
    CHECK(Events(rec) == V{"met_with antony-blinken<->wang-yi"});
  }
  SUBCASE("a bare role resolves to the office-holder on the article date") {
    CHECK(Events("China's foreign minister met Blinken.") ==
          V{"met_with antony-blinken<->qin-gang"});
    CHECK(Events("China's foreign minister met Blinken.", "2016-05-01") ==
          V{"met_with antony-blinken<->wang-yi"});
  }
}

TEST_CASE("Extractor: pronouns and the two sides") {
  SUBCASE("he") {
    CHECK(Events("Antony Blinken arrived in Beijing on Sunday. He met Qin Gang on Monday.") ==
          V{"met_with antony-blinken<->qin-gang", "visited antony-blinken->china"});
    CHECK(Events("Sergei Lavrov met Jaishankar on Monday. He also visited Bangladesh.") ==
          V{"met_with s-jaishankar<->sergei-lavrov", "visited sergei-lavrov->bangladesh"});
  }
  SUBCASE("she") {
    CHECK(Events("Annalena Baerbock arrived in Beijing on Tuesday. She met Qin Gang.") ==
          V{"met_with annalena-baerbock<->qin-gang", "visited annalena-baerbock->china"});
  }
  SUBCASE("it") {
    CHECK(Events("Japan criticized China on Monday. It also accused Beijing of spying.") ==
          V{"accused japan->china", "criticized japan->china"});
  }
  SUBCASE("they, for a group") {
    CHECK(Events("Russia detained three Estonian activists. They had criticized Moscow.") ==
          V{"arrested russia->doc--three-estonian-activists",
            "criticized doc--three-estonian-activists->russia"});
  }
  SUBCASE("they, for coordinated states") {
    CHECK(Events("Japan and South Korea met in Tokyo on Monday. They agreed to share "
                 "intelligence.") == V{"agreed japan->south-korea", "agreed south-korea->japan",
                                       "met_with japan<->south-korea"});
    CHECK(Events("Saudi Arabia and Egypt criticized Qatar. They accused Doha of funding "
                 "militants.") == V{"accused egypt->qatar", "accused saudi-arabia->qatar",
                                    "criticized egypt->qatar", "criticized saudi-arabia->qatar"});
  }
  SUBCASE("the two sides, both sides") {
    CHECK(Events("Japan met South Korea in Tokyo on Monday. The two sides agreed to share "
                 "intelligence.") == V{"agreed japan->south-korea", "agreed south-korea->japan",
                                       "met_with japan<->south-korea"});
    CHECK(Events("Japan met South Korea in Tokyo on Monday. Both sides agreed to share "
                 "intelligence.") == V{"agreed japan->south-korea", "agreed south-korea->japan",
                                       "met_with japan<->south-korea"});
  }
}

// The guidelines only ask that the organ resolve to its dictionary body; an
// extra event for the state the body serves is allowed, so these check that
// the body's event is there rather than the whole list.
TEST_CASE("Extractor: organs resolve to the dictionary body") {
  SUBCASE("China's foreign ministry") {
    ExtractionRecord rec = Run("China's foreign ministry criticized Japan.");
    CHECK(Contains(Events(rec), "criticized chinese-ministry-of-foreign-affairs->japan"));
    const EntityRecord* mfa = FindEntity(rec, "chinese-ministry-of-foreign-affairs");
    REQUIRE(mfa != nullptr);
    CHECK(mfa->type == "organization");
    CHECK(mfa->country == "CHN");
  }
  SUBCASE("the Indian foreign ministry is the Ministry of External Affairs") {
    ExtractionRecord rec = Run("The Indian foreign ministry condemned Pakistan.");
    CHECK(Contains(Events(rec), "criticized indian-ministry-of-external-affairs->pakistan"));
    const EntityRecord* mea = FindEntity(rec, "indian-ministry-of-external-affairs");
    REQUIRE(mea != nullptr);
    CHECK(mea->name == "Ministry of External Affairs");
    CHECK(mea->country == "IND");
  }
  SUBCASE("the body's own name") {
    CHECK(Contains(Events("India's Ministry of External Affairs praised Japan."),
                   "praised indian-ministry-of-external-affairs->japan"));
    CHECK(Contains(Events("The French foreign ministry praised India."),
                   "praised french-ministry-for-europe-and-foreign-affairs->india"));
  }
  SUBCASE("a generic organ where the dictionary has no body") {
    ExtractionRecord rec = Run("Nepal's foreign ministry praised India.");
    const EntityRecord* mfa = nullptr;
    for (const EventRecord& e : rec.events) {
      CHECK(e.type == "praised");
      CHECK(e.target == "india");
      const EntityRecord* src = FindEntity(rec, e.source);
      REQUIRE(src != nullptr);
      if (src->type == "organization") mfa = src;
    }
    REQUIRE(mfa != nullptr);
    CHECK(mfa->country == "NPL");
  }
  SUBCASE("an organ never turns the event around or adds another target") {
    for (const EventRecord& e : Run("China's foreign ministry criticized Japan.").events) {
      CHECK(e.type == "criticized");
      CHECK(e.target == "japan");
      CHECK((e.source == "chinese-ministry-of-foreign-affairs" || e.source == "china"));
    }
  }
}

TEST_CASE("Extractor: groups") {
  SUBCASE("35 Russian diplomats is one group entity of Russia") {
    ExtractionRecord rec = Run("Washington expelled 35 Russian diplomats on Friday.");
    CHECK(Events(rec) == V{"expelled united-states->doc--35-russian-diplomats"});
    const EntityRecord* g = FindEntity(rec, "doc--35-russian-diplomats");
    REQUIRE(g != nullptr);
    CHECK(g->type == "group");
    CHECK(g->name == "35 Russian diplomats");
    CHECK(g->country == "RUS");
    // The nationality of the group is not a second actor of the event.
    CHECK(NoEventInvolves(rec, "russia"));
  }
  SUBCASE("a group named by an organisation acronym belongs to its country") {
    ExtractionRecord rec = Run("Poland arrested five PLA officers.");
    CHECK(Events(rec) == V{"arrested poland->doc--five-pla-officers"});
    const EntityRecord* g = FindEntity(rec, "doc--five-pla-officers");
    REQUIRE(g != nullptr);
    CHECK(g->type == "group");
    CHECK(g->country == "CHN");
  }
  SUBCASE("group ids are scoped to the document") {
    const test::Models& m = test::ShippedModels();
    Extractor extractor(m.dict, m.lexicon);
    Document doc;
    doc.id = "other";
    doc.date = std::string(kDate);
    doc.text = "Moscow expelled 35 German diplomats.";
    ExtractionRecord rec = extractor.Extract(doc);
    CHECK(Events(rec) == V{"expelled russia->other--35-german-diplomats"});
  }
}

TEST_CASE("Extractor: named occasions") {
  SUBCASE("people who met at a round of a dialogue took part in it") {
    ExtractionRecord rec =
        Run("Blinken met Wang Yi at the third round of the US-China cybercrime "
            "dialogue.");
    CHECK(Events(rec) == V{"met_with antony-blinken<->wang-yi",
                           "participated_in antony-blinken->chn-usa-cyber-dialogue",
                           "participated_in wang-yi->chn-usa-cyber-dialogue"});
    const EntityRecord* d = FindEntity(rec, "chn-usa-cyber-dialogue");
    REQUIRE(d != nullptr);
    CHECK(d->type == "event");
    CHECK(d->name == "US-China cybercrime dialogue");
  }
  SUBCASE("co-chairs take part") {
    V got = Events(
        "Attorney General Merrick Garland and Chinese Public Security Minister Wang "
        "Xiaohong co-chaired the third round of the US-China cybercrime dialogue on "
        "Wednesday.");
    CHECK(Contains(got, "participated_in merrick-garland->chn-usa-cyber-dialogue"));
    CHECK(Contains(got, "participated_in wang-xiaohong->chn-usa-cyber-dialogue"));
  }
  SUBCASE("attended a session of a working group") {
    ExtractionRecord rec =
        Run("Jaishankar attended the fourth session of the India-Japan "
            "cybersecurity working group in Tokyo.");
    CHECK(Events(rec) == V{"participated_in s-jaishankar->ind-jpn-cyber-working-group"});
    const EntityRecord* wg = FindEntity(rec, "ind-jpn-cyber-working-group");
    REQUIRE(wg != nullptr);
    CHECK(wg->type == "event");
  }
  SUBCASE("a summit") {
    CHECK(Events("Modi attended the G20 summit in Bali.") ==
          V{"participated_in narendra-modi->g20-summit-2023"});
  }
  SUBCASE("suspending an occasion targets it") {
    CHECK(DatedEvents("China suspended the US-China cybercrime dialogue last year.") ==
          V{"suspended china->chn-usa-cyber-dialogue 2022"});
  }
  SUBCASE("an occasion is never the source, nor the target of a plain interaction") {
    for (const EventRecord& e :
         Run("Blinken met Wang Yi at the third round of the US-China cybercrime dialogue.")
             .events) {
      CHECK(e.source != "chn-usa-cyber-dialogue");
      if (e.type != "participated_in" && e.type != "suspended") {
        CHECK(e.target != "chn-usa-cyber-dialogue");
      }
    }
  }
}

TEST_CASE("Extractor: event dates against the article date") {
  SUBCASE("weekdays") {
    CHECK(DatedEvents("Russia attacked Ukraine on Friday.") ==
          V{"attacked russia->ukraine 2023-06-09"});
    CHECK(DatedEvents("Moscow expelled 10 Polish diplomats on Wednesday.") ==
          V{"expelled russia->doc--10-polish-diplomats 2023-06-14"});
  }
  SUBCASE("one date per event in a sentence") {
    CHECK(DatedEvents("Sergei Lavrov arrived in New Delhi on Monday. Lavrov met Jaishankar on "
                      "Tuesday.") == V{"met_with s-jaishankar<->sergei-lavrov 2023-06-13",
                                       "visited sergei-lavrov->india 2023-06-12"});
  }
  SUBCASE("last year, in September last year, four years ago") {
    CHECK(DatedEvents("Russia's invasion of Ukraine began last year.") ==
          V{"attacked russia->ukraine 2022"});
    CHECK(DatedEvents("Britain sanctioned five Iranian officials in September last year.") ==
          V{"sanctioned united-kingdom->doc--five-iranian-officials 2022-09"});
    CHECK(DatedEvents("Ukraine accused Russia of shelling a dam four years ago.") ==
          V{"accused ukraine->russia 2019"});
    CHECK(DatedEvents("Russia invaded Ukraine in February last year.") ==
          V{"attacked russia->ukraine 2022-02"});
  }
  SUBCASE("an explicit year") {
    CHECK(DatedEvents("Iran detained two French citizens in 2018.") ==
          V{"arrested iran->doc--two-french-citizens 2018"});
  }
  SUBCASE("no time named: the article date") {
    CHECK(DatedEvents("China criticized Japan.") == V{"criticized china->japan 2023-06-14"});
  }
  SUBCASE("no article date: relative times stay unknown") {
    CHECK(DatedEvents("Russia attacked Ukraine on Friday.", "") == V{"attacked russia->ukraine "});
  }
  SUBCASE("an article date of month precision") {
    CHECK(DatedEvents("Russia attacked Ukraine on Friday.", "2023-06") ==
          V{"attacked russia->ukraine 2023-06"});
    CHECK(DatedEvents("Russia attacked Ukraine last year.", "2023-06") ==
          V{"attacked russia->ukraine 2022"});
  }
}

TEST_CASE("Extractor: the record") {
  const std::string text = "China criticized Japan on Monday. Russia attacked Ukraine.";
  ExtractionRecord rec = Run(text);
  SUBCASE("document fields are copied") {
    CHECK(rec.doc.id == "doc");
    CHECK(rec.doc.date == "2023-06-14");
  }
  SUBCASE("events are in text order, with the type table's codes and their sentence") {
    REQUIRE(rec.events.size() == 2);
    CHECK(rec.events[0].type == "criticized");
    CHECK(rec.events[1].type == "attacked");
    for (const EventRecord& e : rec.events) {
      const EventTypeInfo* info = FindEventType(e.type);
      REQUIRE(info != nullptr);
      CHECK(e.cameo == info->cameo);
      CHECK(e.goldstein == doctest::Approx(info->goldstein));
      CHECK(e.plover == info->plover);
      CHECK(e.confidence > 0.0);
      CHECK(e.confidence <= 1.0);
      CHECK(e.modality.empty());
      CHECK(e.evidence.field.empty());
      REQUIRE(e.evidence.start <= e.evidence.end);
      REQUIRE(e.evidence.end <= text.size());
      CHECK(text.substr(e.evidence.start, e.evidence.end - e.evidence.start) ==
            e.evidence.sentence);
    }
    CHECK(rec.events[0].evidence.sentence == "China criticized Japan on Monday.");
    CHECK(rec.events[1].evidence.sentence == "Russia attacked Ukraine.");
  }
  SUBCASE("entities are sorted by id and their mention spans point into the text") {
    CHECK(EntityIds(rec) == V{"china", "japan", "russia", "ukraine"});
    for (const EntityRecord& e : rec.entities) {
      CHECK(!e.mentions.empty());
      for (const MentionSpan& s : e.mentions) {
        REQUIRE(s.start <= s.end);
        REQUIRE(s.end <= text.size());
        CHECK(text.substr(s.start, s.end - s.start) == s.text);
      }
    }
  }
  SUBCASE("an event is reported once per document") {
    ExtractionRecord twice = Run("China criticized Japan. China criticized Japan again.");
    CHECK(twice.events.size() == 1);
  }
  SUBCASE("the title is analysed too, with its own field") {
    const std::string title = "Russia Expels German Diplomats";
    ExtractionRecord t = Run("Moscow expelled 35 German diplomats on Wednesday.", kDate, {}, title);
    CHECK(t.doc.title == title);
    const EntityRecord* russia = FindEntity(t, "russia");
    REQUIRE(russia != nullptr);
    bool in_title = false;
    for (const MentionSpan& s : russia->mentions) {
      if (s.field == "title") {
        in_title = true;
        CHECK(title.substr(s.start, s.end - s.start) == s.text);
      }
    }
    CHECK(in_title);
  }
  SUBCASE("spans stay on the original bytes with typographic quotes and diacritics") {
    const std::string fancy =
        "\xE2\x80\x9C"
        "Paris\xE2\x80\x9D condemned Iran, said "
        "Volodymyr Zelenskyy\xE2\x80\x99s office.";
    ExtractionRecord f = Run(fancy);
    for (const EntityRecord& e : f.entities) {
      for (const MentionSpan& s : e.mentions) {
        REQUIRE(s.end <= fancy.size());
        CHECK(fancy.substr(s.start, s.end - s.start) == s.text);
      }
    }
  }
  SUBCASE("empty and actor-free documents give empty records") {
    CHECK(Run("").events.empty());
    CHECK(Run("").entities.empty());
    CHECK(Run("The weather was fine and nobody met anyone.").events.empty());
  }
  SUBCASE("deterministic") { CHECK(RecordToJsonLine(Run(text)) == RecordToJsonLine(rec)); }
  SUBCASE("the record survives a JSON round trip") {
    Diagnostics diags;
    auto back = RecordFromJson(RecordToJson(rec), "<test>", 1, &diags);
    REQUIRE(back.has_value());
    CHECK(diags.empty());
    CHECK(RecordToJsonLine(*back) == RecordToJsonLine(rec));
  }
}

// --- Known gaps: correct behaviour the extractor does not produce yet. ------

TEST_CASE("Extractor: A's meeting with B (known gap)" * doctest::may_fail()) {
  CHECK(Events("Blinken's meeting with Wang Yi lasted five hours.") ==
        V{"met_with antony-blinken<->wang-yi"});
  CHECK(Events("China's meeting with Japan was cancelled.") == V{"met_with china<->japan"});
}

TEST_CASE("Extractor: coordinated subjects held talks (known gap)" * doctest::may_fail()) {
  CHECK(Events("Lavrov and Blinken held talks in Washington on Monday.") ==
        V{"met_with antony-blinken<->sergei-lavrov"});
  CHECK(Events("India and China held talks on Monday.") == V{"met_with china<->india"});
}

TEST_CASE("Extractor: met for a round of a named dialogue (known gap)" * doctest::may_fail()) {
  CHECK(Events("Blinken and Wang Yi met for the second round of the US-China strategic "
               "dialogue.") == V{"met_with antony-blinken<->wang-yi",
                                 "participated_in antony-blinken->chn-usa-strategic-dialogue",
                                 "participated_in wang-yi->chn-usa-strategic-dialogue"});
}

TEST_CASE("Extractor: occasion names leave out the date (known gap)" * doctest::may_fail()) {
  ExtractionRecord rec =
      Run("Attorney General Merrick Garland and Chinese Public Security "
          "Minister Wang Xiaohong co-chaired the third round of the US-China "
          "cybercrime dialogue on Wednesday.");
  const EntityRecord* d = FindEntity(rec, "chn-usa-cyber-dialogue");
  REQUIRE(d != nullptr);
  CHECK(d->name == "US-China cybercrime dialogue");
}

TEST_CASE("Extractor: a participle after 'while' (known gap)" * doctest::may_fail()) {
  CHECK(Events("Wang Yi discussed trade while visiting Germany.") == V{"visited wang-yi->germany"});
}

TEST_CASE("Extractor: suspending talks is not meeting (known gap)" * doctest::may_fail()) {
  CHECK(Events("Beijing suspended military talks with Washington.") ==
        V{"suspended china->united-states"});
  V got = Events("China suspended the climate talks with the United States.");
  CHECK(Contains(got, "suspended china->chn-usa-climate-dialogue"));
  for (const std::string& e : got) {
    CAPTURE(e);
    CHECK(e.rfind("suspended ", 0) == 0);  // no met_with, no participated_in
  }
}

TEST_CASE("Extractor: reported speech without 'that' (known gap)" * doctest::may_fail()) {
  SUBCASE("said Y had hacked Z") {
    CHECK(Events("Blinken said Russia had hacked Ukrainian power grids.") ==
          V{"accused antony-blinken->russia"});
  }
  SUBCASE("said Russian hackers attacked Z: the speaker is not the attacker") {
    CHECK(Events("The White House said Russian hackers attacked Ukraine.") ==
          V{"accused united-states->russia"});
  }
}

TEST_CASE("Extractor: a pronoun object is not the subject of its own clause (known gap)" *
          doctest::may_fail()) {
  CHECK(Events("Iran said the United States had sanctioned it.") ==
        V{"sanctioned united-states->iran"});
}

TEST_CASE("Extractor: warned X against joining Y (known gap)" * doctest::may_fail()) {
  CHECK(Events("Russia warned Finland against joining NATO.") == V{"threatened russia->finland"});
}

TEST_CASE("Extractor: a people named with a number is a group (known gap)" * doctest::may_fail()) {
  ExtractionRecord rec = Run("China arrested two Canadians in 2018.");
  CHECK(Events(rec) == V{"arrested china->doc--two-canadians"});
  const EntityRecord* g = FindEntity(rec, "doc--two-canadians");
  REQUIRE(g != nullptr);
  CHECK(g->type == "group");
  CHECK(g->country == "CAN");
}

TEST_CASE("Extractor: a sentence-initial group keeps its country (known gap)" *
          doctest::may_fail()) {
  ExtractionRecord rec = Run("Five Chinese officers were indicted by the US Justice Department.");
  const EntityRecord* g = FindEntity(rec, "doc--five-chinese-officers");
  REQUIRE(g != nullptr);
  CHECK(g->country == "CHN");
}

TEST_CASE("Extractor: a person missing from the dictionary (known gap)" * doctest::may_fail()) {
  ExtractionRecord rec = Run("Russia arrested American journalist Evan Gershkovich.");
  CHECK(Events(rec) == V{"arrested russia->evan-gershkovich"});
  const EntityRecord* p = FindEntity(rec, "evan-gershkovich");
  REQUIRE(p != nullptr);
  CHECK(p->type == "person");
}

TEST_CASE("Extractor: a nominal with a by-agent (known gap)" * doctest::may_fail()) {
  CHECK(Events("The indictment of five Russian officers by the United States angered Moscow.") ==
        V{"indicted united-states->doc--five-russian-officers"});
}

TEST_CASE("Extractor: questions keep their actors (known gap)" * doctest::may_fail()) {
  CHECK(EventsWithModality("Did Antony Blinken meet Wang Yi?") ==
        V{"met_with antony-blinken<->wang-yi [question]"});
  CHECK(EventsWithModality("Why did Russia expel 35 German diplomats?") ==
        V{"expelled russia->doc--35-german-diplomats [question]"});
}

TEST_CASE("Extractor: a group is tied to the body or state named in it") {
  SUBCASE("a body inside the group") {
    ExtractionRecord rec = Run("Poland arrested five PLA officers on Monday.");
    bool tie = false;
    for (const EventRecord& e : rec.events) {
      tie = tie || (e.type == "member_of" && e.source == "doc--five-pla-officers" &&
                    e.target == "peoples-liberation-army");
    }
    CHECK(tie);
  }
  SUBCASE("a demonym inside the group") {
    ExtractionRecord rec = Run("Moscow expelled 10 Polish diplomats on Wednesday.");
    bool tie = false;
    for (const EventRecord& e : rec.events) {
      tie = tie || (e.type == "member_of" && e.source == "doc--10-polish-diplomats" &&
                    e.target == "poland");
    }
    CHECK(tie);
  }
}

}  // namespace
}  // namespace diplograph
