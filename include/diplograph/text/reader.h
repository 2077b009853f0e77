// text/reader.h: turns the bytes of article files into Documents.
//
// Readers take the file's content and its path (for messages and default
// ids); they never open files themselves. Every problem becomes a Diagnostic
// with path:line:col; a bad record is skipped and the rest still read.
// All functions are thread-safe.
#ifndef DIPLOGRAPH_TEXT_READER_H_
#define DIPLOGRAPH_TEXT_READER_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "diplograph/core/diagnostics.h"
#include "diplograph/core/document.h"

namespace diplograph {

// The largest document any reader accepts, whatever ReaderOptions says:
// offsets into a document (lines, tokens, sentences, the evidence spans of
// extraction records and saved graphs) are 32-bit.
inline constexpr size_t kMaxDocumentBytesLimit = std::numeric_limits<uint32_t>::max();

struct ReaderOptions {
  // Larger documents (text, or title) are refused; capped at kMaxDocumentBytesLimit.
  size_t max_document_bytes = 8u << 20;
  int max_json_depth = 64;               // deeper JSON nesting is refused
  std::string default_date;              // for documents without a date ("" = none)
};

// Checks that `content` is text: valid UTF-8 with no NUL byte. On failure
// reports "binary file (NUL byte ...)" or "invalid UTF-8 ..." with line:col.
bool CheckText(std::string_view content, std::string_view path, Diagnostics* diags);

// A plain-text article: optional leading "Title:", "Date:", "URL:", "Id:",
// "Source:" header lines, then the body. `default_id` is used without an Id.
std::optional<Document> ParseTxtArticle(std::string_view content, std::string_view path,
                                        std::string_view default_id,
                                        const ReaderOptions& options, Diagnostics* diags);

// Where a piece of a JSON Lines file read in chunks starts in that file:
// the number of its first line and the offset of its first byte.
struct JsonLinesChunk {
  int first_line = 1;
  size_t offset = 0;
};

// Calls `on_record(line, value)` for every JSON object in `content`: one a
// line (JSON Lines), or, when the whole content is one JSON value, that
// object or each object of that array (line = the line where it starts).
// Malformed lines are reported and skipped.
// With `chunk`, `content` is complete lines of a JSON Lines file from
// chunk->first_line on: no byte order mark or single value is looked for,
// no text is no error, and messages count lines and bytes from the file start.
void ParseJsonRecords(std::string_view content, std::string_view path,
                      const ReaderOptions& options, Diagnostics* diags,
                      const std::function<void(int line, const nlohmann::json&)>& on_record,
                      const JsonLinesChunk* chunk = nullptr);

// An article from a JSON object with "text" and optionally "id", "title",
// "date", "url", "source". Wrong field types are reported at path:line.
std::optional<Document> DocumentFromJson(const nlohmann::json& obj, std::string_view path,
                                         int line, std::string_view default_id,
                                         const ReaderOptions& options, Diagnostics* diags);

}  // namespace diplograph

#endif  // DIPLOGRAPH_TEXT_READER_H_
