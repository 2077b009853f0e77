#include "diplograph/export/filter.h"

#include <doctest/doctest.h>

#include "diplograph/graph/saved_graph.h"
#include "nasty_graph.h"

namespace diplograph {
namespace {

using testing::Entity;
using testing::Record;

KnowledgeGraph Sample() {
  KnowledgeGraph g;
  for (const auto& r : {testing::DocA(), testing::DocB(), testing::DocC()}) g.AddRecord(r);
  return g;
}

// "ids | source-type-target, ..." of a filtered graph.
std::string Summary(const ExportFilter& filter, const KnowledgeGraph& g = Sample()) {
  Diagnostics diags;
  std::optional<KnowledgeGraph> out = FilterGraph(g, filter, &diags);
  REQUIRE(out.has_value());
  std::string s;
  out->ForEachNode([&](const ActorNode& n) { s += (s.empty() ? "" : " ") + n.id; });
  s += " |";
  out->ForEachEdge([&](const RelationEdge& e) {
    s += " " + e.key.source + "-" + e.key.type + "-" + e.key.target;
  });
  return s;
}

std::string Errors(const ExportFilter& filter) {
  Diagnostics diags;
  CHECK_FALSE(FilterGraph(Sample(), filter, &diags).has_value());
  std::string s;
  for (const Diagnostic& d : diags.items()) s += d.ToString() + "\n";
  return s;
}

TEST_CASE("Filter.NoFilterKeepsEverything") {
  Diagnostics diags;
  std::optional<KnowledgeGraph> out = FilterGraph(Sample(), {}, &diags);
  REQUIRE(out.has_value());
  CHECK(SavedGraphToString(*out) == SavedGraphToString(Sample()));
}

TEST_CASE("Filter.Dates") {
  ExportFilter f;
  f.since = "2016";
  CHECK(Summary(f) ==
        "china guo-shengkun jeh-johnson usa | china-intends_to_cooperate-usa "
        "guo-shengkun-met_with-jeh-johnson");
  f = {};
  f.until = "2014-06-30";
  CHECK(Summary(f) == "china usa | usa-accused-china");
  f.since = "2014-06";  // "2014" still overlaps; "2014-05" does not
  CHECK(Summary(f) == "china usa | usa-accused-china");
  f.since = "2015";
  f.until = "2015-12-31";
  CHECK(Summary(f) == " |");
}

TEST_CASE("Filter.TypesAndWeight") {
  ExportFilter f;
  f.types = {"met_with", "accused"};
  CHECK(Summary(f) ==
        "china guo-shengkun jeh-johnson usa | guo-shengkun-met_with-jeh-johnson "
        "usa-accused-china");
  f = {};
  f.min_weight = 2;
  CHECK(Summary(f) == "guo-shengkun jeh-johnson | guo-shengkun-met_with-jeh-johnson");
}

TEST_CASE("Filter.NodeFilters") {
  ExportFilter f;
  f.actor_type = "person";  // no edge filter: people without edges stay
  CHECK(Summary(f) == "guo-shengkun jeh-johnson loretta-lynch | guo-shengkun-met_with-jeh-johnson");
  f = {};
  f.country = "usa";
  CHECK(Summary(f) == "jeh-johnson loretta-lynch usa |");
}

TEST_CASE("Filter.Around") {
  ExportFilter f;
  f.around = "GUO";  // an alias, any case
  CHECK(Summary(f) == "guo-shengkun jeh-johnson | guo-shengkun-met_with-jeh-johnson");
  f.around = "guo shengkun";  // the label
  f.depth = 0;
  CHECK(Summary(f) == "guo-shengkun |");
  f.around = "Washington";  // alias of usa
  f.depth = 2;
  CHECK(Summary(f) == "china usa | china-intends_to_cooperate-usa usa-accused-china");
  f.types = {"met_with"};  // the centre stays, alone
  CHECK(Summary(f) == "usa |");
}

TEST_CASE("Filter.KeepsTheSupportingDocumentsOnly") {
  ExportFilter f;
  f.types = {"accused"};
  Diagnostics diags;
  std::optional<KnowledgeGraph> out = FilterGraph(Sample(), f, &diags);
  REQUIRE(out.has_value());
  CHECK(out->document_count() == 1);
  CHECK(out->FindDocument("b") != nullptr);
  CHECK(out->FindEdge({"usa", "china", "accused"})->weight == 1);
  CHECK(out->FindNode("usa")->label == "US");  // values as in the full graph
}

TEST_CASE("Filter.Errors") {
  ExportFilter f;
  f.since = "2014-13";
  f.until = "soon";
  CHECK(Errors(f) ==
        "error: since: '2014-13' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)\n"
        "error: until: 'soon' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)\n");
  f = {};
  f.since = "2016";
  f.until = "2015-06";
  CHECK(Errors(f) == "error: since (2016) is after until (2015-06)\n");
  f = {};
  f.around = "Chna";
  CHECK(Errors(f) == "error: around: no actor matches 'Chna'; did you mean China (china)?\n");
  f.around = "zzzzzzzzzz";
  CHECK(Errors(f) == "error: around: no actor matches 'zzzzzzzzzz'\n");
  f = {};
  f.depth = -1;
  CHECK(Errors(f) == "error: depth must not be negative\n");
}

TEST_CASE("Filter.AmbiguousActorAndUnknownType") {
  KnowledgeGraph g;
  g.AddRecord(Record("d", "2020",
                     {Entity("john-smith-1", "person", "John Smith"),
                      Entity("john-smith-2", "person", "John Smith")},
                     {}));
  ExportFilter f;
  f.around = "john smith";
  Diagnostics diags;
  CHECK_FALSE(FilterGraph(g, f, &diags).has_value());
  REQUIRE(diags.items().size() == 1);
  CHECK(diags.items()[0].message ==
        "around: 'john smith' is ambiguous: John Smith (john-smith-1), John Smith "
        "(john-smith-2)");
  f.around = "john-smith-2";  // an exact id wins
  CHECK(Summary(f, g) == "john-smith-2 |");

  Diagnostics warnings;
  ExportFilter t;
  t.types = {"hugged"};
  CHECK(FilterGraph(Sample(), t, &warnings).has_value());
  REQUIRE(warnings.items().size() == 1);
  CHECK(warnings.items()[0].ToString() == "warning: unknown event type 'hugged'");
}

}  // namespace
}  // namespace diplograph
