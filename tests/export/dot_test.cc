#include "diplograph/export/dot.h"

#include <doctest/doctest.h>

#include <sstream>

#include "nasty_graph.h"

namespace diplograph {
namespace {

std::string Dot(const KnowledgeGraph& g) {
  std::ostringstream out;
  CHECK(WriteDot(g, out));
  return out.str();
}

TEST_CASE("Dot.Quoting") {
  CHECK(DotQuoted("plain") == "\"plain\"");
  CHECK(DotQuoted("say \"hi\"") == "\"say \\\"hi\\\"\"");
  CHECK(DotQuoted("back\\slash") == "\"back\\\\slash\"");
  CHECK(DotQuoted("two\nlines\r\n") == "\"two\\nlines \\n\"");
  CHECK(DotQuoted("bell\x07") == "\"bell \"");
  CHECK(DotQuoted("\xff") == "\"\xEF\xBF\xBD\"");
  CHECK(DotQuoted("") == "\"\"");
}

TEST_CASE("Dot.Graph") {
  KnowledgeGraph g;
  for (const auto& r : {testing::DocA(), testing::DocB(), testing::DocC()}) g.AddRecord(r);
  const std::string dot = Dot(g);
  CHECK(dot.starts_with("digraph \"diplograph\" {\n"));
  CHECK(dot.ends_with("}\n"));
  CHECK(dot.find("  \"guo-shengkun\" [label=\"Guo Shengkun\", type=\"person\", "
                 "country=\"CHN\", fillcolor=\"#4285f4\"];\n") != std::string::npos);
  CHECK(dot.find("  \"guo-shengkun\" -> \"jeh-johnson\" [label=\"met_with\", weight=\"2\", "
                 "goldstein=\"1\", first_date=\"2016-12-07\", last_date=\"2016-12-07\", "
                 "color=\"#dcbb31\", dir=\"none\"];\n") != std::string::npos);
}

TEST_CASE("Dot.NastyNames") {
  const std::string dot = Dot(testing::NastyGraph());
  CHECK(dot.find("  \"\xc3\xa9lys\xc3\xa9"
                 "e palace:1|2.x\" [label=\"\xc3\x89lys\xc3\xa9"
                 "e ]]> \\\"'\"") != std::string::npos);
  // One statement a line: every line but the braces ends in ';'.
  std::istringstream lines(dot);
  std::string line;
  int statements = 0;
  while (std::getline(lines, line)) {
    if (line == "}" || line.ends_with("{")) continue;
    CHECK(line.ends_with(";"));
    ++statements;
  }
  CHECK(statements == 2 + 11 + 8);
}

}  // namespace
}  // namespace diplograph
