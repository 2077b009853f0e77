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

void Diagnostics::Add(Diagnostic d) {
  if (d.severity == Severity::kError) ++errors_;
  if (items_.size() >= kMaxItems) {
    ++omitted_;
    return;
  }
  items_.push_back(std::move(d));
}

void Diagnostics::Error(std::string_view path, int line, int col, std::string message) {
  Add({std::string(path), line, col, Severity::kError, std::move(message)});
}

void Diagnostics::Warning(std::string_view path, int line, int col, std::string message) {
  Add({std::string(path), line, col, Severity::kWarning, std::move(message)});
}

void Diagnostics::Append(const Diagnostics& other) {
  int kept_errors = 0;
  for (const Diagnostic& d : other.items_) {
    if (d.severity == Severity::kError) ++kept_errors;
    Add(d);
  }
  omitted_ += other.omitted_;
  errors_ += other.errors_ - kept_errors;  // the errors `other` counted but did not keep
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
