#include "diplograph/core/diagnostics.h"

namespace diplograph {

std::string Diagnostic::ToString() const {
  std::string out;
  if (!path.empty()) {
    out += path;
    if (line > 0) {
      out += ':' + std::to_string(line);
      if (col > 0) out += ':' + std::to_string(col);
    }
    out += ": ";
  }
  out += severity == Severity::kError ? "error: " : "warning: ";
  out += message;
  return out;
}

void Diagnostics::Error(std::string_view path, int line, int col, std::string message) {
  items_.push_back({std::string(path), line, col, Severity::kError, std::move(message)});
  ++errors_;
}

void Diagnostics::Warning(std::string_view path, int line, int col, std::string message) {
  items_.push_back({std::string(path), line, col, Severity::kWarning, std::move(message)});
}

void Diagnostics::Append(const Diagnostics& other) {
  for (const Diagnostic& d : other.items_) {
    items_.push_back(d);
    if (d.severity == Severity::kError) ++errors_;
  }
}

void LineColAt(std::string_view text, size_t offset, int* line, int* col) {
  if (offset > text.size()) offset = text.size();
  int l = 1;
  size_t line_start = 0;
  for (size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++l;
      line_start = i + 1;
    }
  }
  *line = l;
  *col = static_cast<int>(offset - line_start) + 1;
}

}  // namespace diplograph
