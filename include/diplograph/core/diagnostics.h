// core/diagnostics.h: problems found in user input, with their location.
//
// Parsers of untrusted input (articles, dictionaries, graphs, queries) report
// problems by appending a Diagnostic and carrying on, so a run reports every
// bad record, not just the first. Not thread-safe; use one per thread.
#ifndef DIPLOGRAPH_CORE_DIAGNOSTICS_H_
#define DIPLOGRAPH_CORE_DIAGNOSTICS_H_

#include <string>
#include <string_view>
#include <vector>

namespace diplograph {

enum class Severity { kWarning, kError };

struct Diagnostic {
  std::string path;  // file name, "-" for stdin, or "" when none applies
  int line = 0;      // 1-based; 0 when unknown
  int col = 0;       // 1-based; 0 when unknown
  Severity severity = Severity::kError;
  std::string message;

  // "path:line:col: error: message", leaving out the parts that are unknown.
  std::string ToString() const;
};

class Diagnostics {
 public:
  // items() keeps the first kMaxItems problems; later ones are only counted
  // (error_count(), omitted()), so a file of millions of bad records cannot
  // use up memory.
  static constexpr size_t kMaxItems = 1000;

  void Error(std::string_view path, int line, int col, std::string message);
  void Warning(std::string_view path, int line, int col, std::string message);
  void Append(const Diagnostics& other);

  bool HasErrors() const { return errors_ > 0; }
  int error_count() const { return errors_; }
  const std::vector<Diagnostic>& items() const { return items_; }
  bool empty() const { return items_.empty(); }
  // Problems reported but not kept in items().
  int omitted() const { return omitted_; }

 private:
  void Add(Diagnostic d);

  std::vector<Diagnostic> items_;
  int errors_ = 0;
  int omitted_ = 0;
};

// 1-based line and column of byte `offset` in `text` (column counts bytes).
void LineColAt(std::string_view text, size_t offset, int* line, int* col);

}  // namespace diplograph

#endif  // DIPLOGRAPH_CORE_DIAGNOSTICS_H_
