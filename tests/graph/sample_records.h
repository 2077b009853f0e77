// Hand-written extraction records shared by the graph and export tests.
#ifndef DIPLOGRAPH_TESTS_GRAPH_SAMPLE_RECORDS_H_
#define DIPLOGRAPH_TESTS_GRAPH_SAMPLE_RECORDS_H_

#include <string>
#include <vector>

#include "diplograph/event/record.h"

namespace diplograph::testing {

inline EntityRecord Entity(std::string id, std::string type, std::string name,
                           std::string country = "", std::vector<std::string> aliases = {},
                           int mentions = 1) {
  EntityRecord e;
  e.id = std::move(id);
  e.type = std::move(type);
  e.name = std::move(name);
  e.country = std::move(country);
  e.aliases = std::move(aliases);
  for (int i = 0; i < mentions; ++i) {
    e.mentions.push_back(
        {static_cast<uint32_t>(10 * i), static_cast<uint32_t>(10 * i + 5), e.name, ""});
  }
  return e;
}

inline EventRecord Event(std::string type, std::string source, std::string target, std::string date,
                         double goldstein = 1.0, double confidence = 0.8, std::string sentence = "",
                         uint32_t start = 0) {
  EventRecord ev;
  ev.type = std::move(type);
  ev.source = std::move(source);
  ev.target = std::move(target);
  ev.date = std::move(date);
  ev.goldstein = goldstein;
  ev.confidence = confidence;
  ev.evidence.sentence = std::move(sentence);
  ev.evidence.start = start;
  ev.evidence.end = start + static_cast<uint32_t>(ev.evidence.sentence.size());
  return ev;
}

inline ExtractionRecord Record(std::string id, std::string date, std::vector<EntityRecord> ents,
                               std::vector<EventRecord> events) {
  ExtractionRecord r;
  r.doc.id = std::move(id);
  r.doc.title = "Title of " + r.doc.id;
  r.doc.date = std::move(date);
  r.doc.url = "https://example.com/" + r.doc.id;
  r.doc.source = "Example News";
  r.entities = std::move(ents);
  r.events = std::move(events);
  return r;
}

// Guo meets Johnson; China says it will work with the US.
inline ExtractionRecord DocA() {
  return Record("a", "2016-12-08",
                {Entity("china", "country", "China", "CHN", {"Beijing"}, 2),
                 Entity("guo-shengkun", "person", "Guo Shengkun", "CHN", {"Guo"}, 3),
                 Entity("jeh-johnson", "person", "Jeh Johnson", "USA", {}, 1),
                 Entity("usa", "country", "United States", "USA", {"Washington"}, 2)},
                {Event("met_with", "guo-shengkun", "jeh-johnson", "2016-12-07", 1.0, 0.9,
                       "Guo Shengkun met Jeh Johnson in Washington.", 120),
                 Event("intends_to_cooperate", "china", "usa", "2016-12-07", 4.0, 0.7,
                       "Beijing is looking forward to working with Washington.", 40)});
}

// Johnson meets Guo (the other way round); the US accuses China.
inline ExtractionRecord DocB() {
  return Record("b", "2016-12",
                {Entity("china", "country", "China", "CHN"),
                 Entity("guo-shengkun", "person", "Guo", "CHN", {}, 1),
                 Entity("jeh-johnson", "person", "Jeh Johnson", "USA"),
                 Entity("usa", "country", "US", "USA")},
                {Event("met_with", "jeh-johnson", "guo-shengkun", "2016-12-07", 1.0, 0.95,
                       "Johnson held talks with Guo.", 10),
                 Event("accused", "usa", "china", "2014", -2.0, 0.6,
                       "Washington accused Beijing of hacking.", 200),
                 Event("accused", "usa", "china", "2014-05", -4.0, 0.8,
                       "The US charged that China stole secrets.", 300)});
}

// Mentions Loretta Lynch only; one event to an unknown actor; one negated.
inline ExtractionRecord DocC() {
  EventRecord negated = Event("met_with", "loretta-lynch", "guo-shengkun", "2016-12-07");
  negated.modality = "negated";
  return Record("c", "2016-12-09",
                {Entity("guo-shengkun", "person", "Guo Shengkun", "CHN"),
                 Entity("loretta-lynch", "person", "Loretta Lynch", "USA")},
                {Event("praised", "loretta-lynch", "nobody", "2016-12-08"), negated});
}

}  // namespace diplograph::testing

#endif  // DIPLOGRAPH_TESTS_GRAPH_SAMPLE_RECORDS_H_
