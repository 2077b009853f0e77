// Fuzzes the whole extraction of one document (event/extractor.h) with the
// shipped dictionaries and trigger lexicon, loaded once: the bytes are read
// as a .txt article (headers, then the body), extracted, written as an
// extraction record and read back, and added to a graph that is saved and
// read back.
//
// Checks: every mention and evidence span lies inside its text, on UTF-8
// boundaries; the record survives RecordToJsonLine -> RecordFromJson
// unchanged; the saved graph of the document reads back to the same bytes.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "cli/inputs.h"
#include "diplograph/core/strings.h"
#include "diplograph/event/extractor.h"
#include "diplograph/event/record.h"
#include "diplograph/graph/graph.h"
#include "diplograph/graph/saved_graph.h"
#include "diplograph/text/reader.h"
#include "fuzz_check.h"

namespace {

using diplograph::Diagnostics;
using diplograph::ExtractionRecord;

constexpr size_t kMaxInput = 16 * 1024;

struct Models {
  diplograph::Dictionary dict;
  diplograph::Lexicon lexicon;
};

const Models& LoadedModels() {
  static const Models* models = [] {
    auto* m = new Models;
    Diagnostics diags;
    if (!diplograph::cli::LoadModels({}, &m->dict, &m->lexicon, &diags)) {
      for (const auto& d : diags.items()) std::fprintf(stderr, "%s\n", d.ToString().c_str());
      std::fprintf(stderr, "extract_fuzzer: cannot load the dictionaries (set DIPLOGRAPH_DATA)\n");
      std::abort();
    }
    return m;
  }();
  return *models;
}

bool OnBoundary(std::string_view text, uint32_t offset) {
  return offset == text.size() ||
         (offset < text.size() && (static_cast<unsigned char>(text[offset]) & 0xC0) != 0x80);
}

void CheckSpan(const diplograph::Document& doc, std::string_view field, uint32_t start,
               uint32_t end) {
  std::string_view text = field == "title" ? std::string_view(doc.title) : doc.text;
  FUZZ_CHECK(field.empty() || field == "title", "span in an unknown field");
  FUZZ_CHECK(start <= end && end <= text.size(), "span outside its text");
  FUZZ_CHECK(OnBoundary(text, start) && OnBoundary(text, end), "span splits a UTF-8 character");
}

void CheckRecord(const diplograph::Document& doc, const ExtractionRecord& rec) {
  FUZZ_CHECK(rec.doc.id == doc.id, "record of another document");
  for (size_t i = 0; i < rec.entities.size(); ++i) {
    const auto& e = rec.entities[i];
    FUZZ_CHECK(!e.id.empty(), "entity without an id");
    FUZZ_CHECK(i == 0 || rec.entities[i - 1].id < e.id, "entities not sorted and unique");
    for (const auto& m : e.mentions) CheckSpan(doc, m.field, m.start, m.end);
  }
  for (const auto& ev : rec.events) {
    FUZZ_CHECK(diplograph::FindEventType(ev.type) != nullptr, "event of an unknown type");
    FUZZ_CHECK(ev.confidence >= 0.0 && ev.confidence <= 1.0, "confidence outside [0, 1]");
    CheckSpan(doc, ev.evidence.field, ev.evidence.start, ev.evidence.end);
  }
}

void CheckRoundTrips(const ExtractionRecord& rec) {
  std::string line = diplograph::RecordToJsonLine(rec);
  nlohmann::json parsed = nlohmann::json::parse(line);
  FUZZ_CHECK(diplograph::IsExtractionRecord(parsed), "record line not recognised as a record");
  Diagnostics diags;
  auto back = diplograph::RecordFromJson(parsed, "fuzz.jsonl", 1, &diags);
  FUZZ_CHECK(back && !diags.HasErrors(), "record line does not read back");
  FUZZ_CHECK(diplograph::RecordToJsonLine(*back) == line, "record changed in a round trip");

  diplograph::KnowledgeGraph graph;
  graph.AddRecord(rec);
  std::string saved = diplograph::SavedGraphToString(graph);
  auto reread = diplograph::ReadSavedGraph(saved, "fuzz.json", &diags);
  FUZZ_CHECK(reread && !diags.HasErrors(), "saved graph of one document does not read back");
  FUZZ_CHECK(diplograph::SavedGraphToString(*reread) == saved, "saved graph changed");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > kMaxInput) return 0;
  const Models& models = LoadedModels();
  std::string_view content(reinterpret_cast<const char*>(data), size);
  Diagnostics diags;
  diplograph::ReaderOptions options;
  options.default_date = "2025-03-11";
  auto doc = diplograph::ParseTxtArticle(content, "fuzz.txt", "fuzz", options, &diags);
  if (!doc) return 0;
  // Odd sizes also keep negated and hypothetical events, and trace.
  bool odd = size % 2 == 1;
  diplograph::Extractor extractor(models.dict, models.lexicon, {odd});
  std::string trace;
  ExtractionRecord rec = extractor.Extract(*doc, odd ? &trace : nullptr);
  CheckRecord(*doc, rec);
  CheckRoundTrips(rec);
  return 0;
}
