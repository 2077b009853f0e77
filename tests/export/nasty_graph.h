// A graph whose names are full of markup, control characters, invalid UTF-8
// and separators, for checking that every export stays well-formed.
#ifndef DIPLOGRAPH_TESTS_EXPORT_NASTY_GRAPH_H_
#define DIPLOGRAPH_TESTS_EXPORT_NASTY_GRAPH_H_

#include "../graph/sample_records.h"
#include "diplograph/graph/graph.h"

namespace diplograph::testing {

inline ExtractionRecord NastyRecord() {
  return Record(
      "nasty <doc> & \"co\"", "2015",
      {Entity("a&b <c>", "organization", "<script>alert('x & y')</script>", "USA",
              {"semi;colon", "comma, \"quoted\"", "tab\there"}),
       Entity("ctrl", "person", "Bell\x07 Null-ish\x01 Esc\x1b DEL\x7f", "CHN",
              {"line\nbreak", "cr\rreturn"}),
       Entity("bad-utf8", "group", "Lone \xff byte, cut \xc3, surrogate \xed\xa0\x80 end", ""),
       Entity("nonchar", "event", "U+FFFE \xef\xbf\xbe and U+FFFF \xef\xbf\xbf", ""),
       Entity("\xc3\xa9"
              "lys\xc3\xa9"
              "e palace:1|2.x",
              "location",
              "\xc3\x89"
              "lys\xc3\xa9"
              "e ]]> \"'",
              "FRA"),
       Entity("  spaced   id  ", "country", "  lots   of\t\tspace  ", "")},
      {Event("met_with", "a&b <c>", "ctrl", "2015-03", 1.0, 0.9,
             "He said \"<b>hi</b>\" & left;\nthen ]]> came back.", 7),
       Event("accused", "ctrl", "bad-utf8", "2015-03-04", -2.0, 0.5, "Bad \xff\xfe bytes", 3),
       Event("weird type <&>", "nonchar",
             "\xc3\xa9"
             "lys\xc3\xa9"
             "e palace:1|2.x",
             "", -10.0, 0.1, "x"),
       Event("attacked", "  spaced   id  ", "a&b <c>", "2015", -10.0, 0.7, "Boom, \"boom\"."),
       Event("praised", "bad-utf8", "bad-utf8", "2015-12-31", 3.4, 0.6, "Self-praise.")});
}

// The nasty record plus the ordinary sample documents.
inline KnowledgeGraph NastyGraph() {
  KnowledgeGraph g;
  g.AddRecord(NastyRecord());
  g.AddRecord(DocA());
  g.AddRecord(DocB());
  g.AddRecord(DocC());
  return g;
}

}  // namespace diplograph::testing

#endif  // DIPLOGRAPH_TESTS_EXPORT_NASTY_GRAPH_H_
