// Fuzzes the input readers on arbitrary bytes, as `extract` and `build` read
// a file: the bytes as a .txt article (text/reader.h), and as JSON Lines / a
// JSON file whose values are documents or extraction records
// (event/record.h); once with the default limits and once with tight ones.
// A record that reads is added to a graph, which must save and read back.
//
// Beyond "no crash, no hang, no leak", checks the readers' contract: a
// document comes out only as valid UTF-8 without NUL, within the size limit,
// with a valid or empty date; a refusal always carries an error.
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "diplograph/core/date.h"
#include "diplograph/core/strings.h"
#include "diplograph/event/record.h"
#include "diplograph/graph/graph.h"
#include "diplograph/graph/saved_graph.h"
#include "diplograph/text/reader.h"
#include "fuzz_check.h"

namespace {

using diplograph::Diagnostics;
using diplograph::Document;
using diplograph::ReaderOptions;

constexpr size_t kMaxInput = 64 * 1024;

void CheckDocument(const Document& doc, const ReaderOptions& options) {
  FUZZ_CHECK(diplograph::IsValidUtf8(doc.text), "document text is not valid UTF-8");
  FUZZ_CHECK(doc.text.find('\0') == std::string::npos, "document text holds a NUL");
  FUZZ_CHECK(doc.text.size() <= options.max_document_bytes, "document over the size limit");
  FUZZ_CHECK(!doc.id.empty(), "document without an id");
  FUZZ_CHECK(doc.date.empty() || diplograph::ParseIsoDate(doc.date), "document with a bad date");
}

void CheckDiagnostics(const Diagnostics& diags) {
  for (const auto& d : diags.items()) {
    FUZZ_CHECK(d.line >= 0 && d.col >= 0, "negative line or column");
    FUZZ_CHECK(!d.message.empty(), "diagnostic without a message");
    FUZZ_CHECK(!d.ToString().empty(), "empty diagnostic text");
  }
}

// An extraction record read back from JSON goes into a graph as `build`
// would put it; the graph must survive saving and reading back.
void ReadRecord(const nlohmann::json& value, int line, Diagnostics* diags) {
  int errors = diags->error_count();
  auto rec = diplograph::RecordFromJson(value, "fuzz.jsonl", line, diags);
  if (!rec) {
    FUZZ_CHECK(diags->error_count() > errors, "record refused without an error");
    return;
  }
  diplograph::KnowledgeGraph graph;
  graph.AddRecord(*rec);
  std::string saved = diplograph::SavedGraphToString(graph);
  Diagnostics graph_diags;
  auto back = diplograph::ReadSavedGraph(saved, "fuzz.json", &graph_diags);
  if (!back) {
    for (const auto& d : graph_diags.items()) std::fprintf(stderr, "%s\n", d.ToString().c_str());
  }
  FUZZ_CHECK(back.has_value(), "the saved graph of a record does not read back");
  FUZZ_CHECK(diplograph::SavedGraphToString(*back) == saved, "saved graph changed");
}

void ReadAll(std::string_view content, const ReaderOptions& options) {
  Diagnostics diags;
  (void)diplograph::CheckText(content, "fuzz.txt", &diags);
  auto doc = diplograph::ParseTxtArticle(content, "fuzz.txt", "fuzz", options, &diags);
  if (doc) {
    CheckDocument(*doc, options);
    FUZZ_CHECK(!diplograph::Trim(doc->text).empty(), "empty .txt document accepted");
  } else {
    FUZZ_CHECK(diags.HasErrors(), ".txt article refused without an error");
  }
  CheckDiagnostics(diags);

  Diagnostics json_diags;
  int last_line = 0;
  diplograph::ParseJsonRecords(
      content, "fuzz.jsonl", options, &json_diags, [&](int line, const nlohmann::json& value) {
        FUZZ_CHECK(line >= 1 && line >= last_line, "records out of line order");
        last_line = line;
        if (diplograph::IsExtractionRecord(value)) return ReadRecord(value, line, &json_diags);
        int errors = json_diags.error_count();
        auto d = diplograph::DocumentFromJson(value, "fuzz.jsonl", line, "fuzz-1", options,
                                              &json_diags);
        if (d) {
          CheckDocument(*d, options);
        } else {
          FUZZ_CHECK(json_diags.error_count() > errors, "JSON record refused without an error");
        }
      });
  CheckDiagnostics(json_diags);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > kMaxInput) return 0;
  std::string_view content(reinterpret_cast<const char*>(data), size);
  ReadAll(content, ReaderOptions{});
  ReaderOptions tight;
  tight.max_document_bytes = size / 2 + 1;
  tight.max_json_depth = 3;
  tight.default_date = "2025-01-02";
  ReadAll(content, tight);
  return 0;
}
