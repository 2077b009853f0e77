// Small hand-built graphs and helpers shared by the query tests.
#ifndef DIPLOGRAPH_TESTS_QUERY_QUERY_FIXTURES_H_
#define DIPLOGRAPH_TESTS_QUERY_QUERY_FIXTURES_H_

#include <doctest/doctest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diplograph/event/record.h"
#include "diplograph/graph/graph.h"
#include "diplograph/query/engine.h"
#include "diplograph/query/parser.h"

// Readable failures: lists print as [a, b] and tables as [[a, b], [c, d]].
namespace doctest {
template <>
struct StringMaker<std::vector<std::string>> {
  static String convert(const std::vector<std::string>& v) {
    std::string out = "[";
    for (size_t k = 0; k < v.size(); ++k) out += (k ? ", " : "") + v[k];
    return (out + "]").c_str();
  }
};
template <>
struct StringMaker<std::vector<std::vector<std::string>>> {
  static String convert(const std::vector<std::vector<std::string>>& t) {
    std::string out = "[";
    for (size_t k = 0; k < t.size(); ++k) {
      out += (k ? ", " : "") +
             std::string(StringMaker<std::vector<std::string>>::convert(t[k]).c_str());
    }
    return (out + "]").c_str();
  }
};
}  // namespace doctest

namespace diplograph::query::testing {

inline EntityRecord Actor(std::string id, std::string type, std::string name,
                          std::string country = "", std::vector<std::string> aliases = {}) {
  EntityRecord e;
  e.id = std::move(id);
  e.type = std::move(type);
  e.name = std::move(name);
  e.country = std::move(country);
  e.aliases = std::move(aliases);
  e.mentions.push_back({0, static_cast<uint32_t>(e.name.size()), e.name, ""});
  return e;
}

inline EventRecord Ev(std::string type, std::string source, std::string target, std::string date,
                      std::string sentence = "", double confidence = 0.8) {
  EventRecord ev;
  ev.type = std::move(type);
  ev.source = std::move(source);
  ev.target = std::move(target);
  ev.date = std::move(date);
  ev.confidence = confidence;
  ev.goldstein = -2.0;
  ev.evidence.sentence = std::move(sentence);
  ev.evidence.end = static_cast<uint32_t>(ev.evidence.sentence.size());
  return ev;
}

inline ExtractionRecord Doc(std::string id, std::string date, std::vector<EntityRecord> entities,
                            std::vector<EventRecord> events) {
  ExtractionRecord r;
  r.doc.id = std::move(id);
  r.doc.date = std::move(date);
  std::sort(entities.begin(), entities.end(),
            [](const EntityRecord& a, const EntityRecord& b) { return a.id < b.id; });
  r.entities = std::move(entities);
  r.events = std::move(events);
  return r;
}

inline EntityRecord China() { return Actor("china", "country", "China", "CHN", {"Beijing"}); }
inline EntityRecord Usa() {
  return Actor("usa", "country", "United States", "USA", {"US", "Washington"});
}
inline EntityRecord Guo() { return Actor("guo-shengkun", "person", "Guo Shengkun", "CHN"); }
inline EntityRecord Johnson() { return Actor("jeh-johnson", "person", "Jeh Johnson", "USA"); }
inline EntityRecord Lynch() { return Actor("loretta-lynch", "person", "Loretta Lynch", "USA"); }
inline EntityRecord Trump() { return Actor("donald-trump", "person", "Donald Trump", "USA"); }
inline EntityRecord Doj() {
  return Actor("us-doj", "organization", "Department of Justice", "USA", {"Justice Department"});
}
inline EntityRecord Pla() {
  return Actor("pla", "organization", "People's Liberation Army", "CHN", {"PLA"});
}

// Johnson - Guo - Lynch meet (met_with is symmetric); Guo visits the US; the
// US accuses China (two documents, so weight 2); the DOJ indicts the PLA;
// Trump criticises China; Kenya and Somalia form a component of their own.
inline KnowledgeGraph SmallWorld() {
  KnowledgeGraph g;
  g.AddRecord(Doc(
      "d1", "2016-12-08", {China(), Usa(), Guo(), Johnson(), Lynch()},
      {Ev("met_with", "guo-shengkun", "jeh-johnson", "2016-12-07", "Guo Shengkun met Jeh Johnson."),
       Ev("met_with", "loretta-lynch", "guo-shengkun", "2016-12-07", "Lynch met Guo.", 0.9),
       Ev("visited", "guo-shengkun", "usa", "2016-12-06", "Guo visited Washington."),
       Ev("accused", "usa", "china", "2016-12-08", "The US accused China again."),
       Ev("agreed", "china", "usa", "2016-12-07", "China and the US agreed.")}));
  g.AddRecord(Doc("d2", "2014-05-20", {China(), Usa(), Doj(), Pla()},
                  {Ev("accused", "usa", "china", "2014-05-20", "Washington accused Beijing.", 0.9),
                   Ev("indicted", "us-doj", "pla", "2014-05-19", "The DOJ indicted PLA officers."),
                   Ev("criticized", "china", "usa", "2014-05-20", "Beijing criticised the US.")}));
  g.AddRecord(Doc("d3", "2017-01-10", {China(), Trump()},
                  {Ev("criticized", "donald-trump", "china", "2017-01-09", "Trump hit China.")}));
  g.AddRecord(Doc(
      "d4", "2025-01-02",
      {Actor("kenya", "country", "Kenya", "KEN"), Actor("somalia", "country", "Somalia", "SOM")},
      {Ev("agreed", "kenya", "somalia", "2025-01-01", "Kenya and Somalia agreed."),
       Ev("expelled", "somalia", "kenya", "", "Somalia expelled Kenya's envoy.")}));
  return g;
}

// A graph and an engine over it.
struct World {
  explicit World(KnowledgeGraph g) : graph(std::move(g)), engine(graph) {}
  World() : World(SmallWorld()) {}
  KnowledgeGraph graph;
  QueryEngine engine;
};

// Runs `q`, which must succeed.
inline ResultTable Run(const QueryEngine& engine, std::string_view q) {
  Diagnostics diags;
  std::optional<ResultTable> t = engine.Execute(q, "query", &diags);
  std::string errors;
  for (const Diagnostic& d : diags.items()) errors += RenderQueryDiagnostic(d, q);
  INFO(q);
  INFO(errors);
  REQUIRE(t.has_value());
  return *t;
}

// Runs `q`, which must fail; returns what a person sees.
inline std::string ErrorOf(const QueryEngine& engine, std::string_view q) {
  Diagnostics diags;
  std::optional<ResultTable> t = engine.Execute(q, "query", &diags);
  INFO(q);
  CHECK_FALSE(t.has_value());
  std::string out;
  for (const Diagnostic& d : diags.items()) out += RenderQueryDiagnostic(d, q);
  return out;
}

// Every cell as text, row by row.
inline std::vector<std::vector<std::string>> Cells(const ResultTable& t) {
  std::vector<std::vector<std::string>> out;
  for (const auto& row : t.rows) {
    std::vector<std::string> line;
    for (const Value& v : row) line.push_back(ValueToText(v));
    out.push_back(std::move(line));
  }
  return out;
}

// The one column of `t`, as text.
inline std::vector<std::string> Column(const ResultTable& t, size_t c = 0) {
  std::vector<std::string> out;
  for (const auto& row : t.rows) out.push_back(ValueToText(row[c]));
  return out;
}

using Strings = std::vector<std::string>;
using Table = std::vector<std::vector<std::string>>;

}  // namespace diplograph::query::testing

#endif  // DIPLOGRAPH_TESTS_QUERY_QUERY_FIXTURES_H_
