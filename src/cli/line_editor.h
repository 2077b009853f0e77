// cli/line_editor.h: a small line editor for the interactive query prompt.
//
// On a terminal (stdin and stderr both ttys) it reads in raw mode with the
// usual keys: arrows, Home/End, Backspace/Delete, Ctrl-A/E/B/F/K/U/W/L,
// Up/Down or Ctrl-P/N through the history, Ctrl-C to drop the line, Ctrl-D
// on an empty line to quit. Long lines scroll sideways. Elsewhere it reads
// plain lines. The prompt goes to stderr, so stdout carries only results.
// History lives in memory and, one entry a line, in a file (appended as
// entries are added). Not thread-safe.
#ifndef DIPLOGRAPH_CLI_LINE_EDITOR_H_
#define DIPLOGRAPH_CLI_LINE_EDITOR_H_

#include <string>
#include <string_view>
#include <vector>

namespace diplograph::cli {

class LineEditor {
 public:
  enum class Result { kLine, kInterrupted, kEnd };

  // Loads up to the last kMaxHistory entries of `history_path` ("" = keep
  // history in memory only; a missing file is fine).
  explicit LineEditor(std::string history_path);

  // Shows `prompt` and reads one line (without its newline) into *line.
  Result ReadLine(std::string_view prompt, std::string* line);

  // Adds `entry` (line breaks become spaces) to the history and its file,
  // unless it repeats the last entry. Reports a file that cannot be written
  // once, on stderr.
  void AddHistory(std::string entry);

  static constexpr size_t kMaxHistory = 1000;

 private:
  Result ReadRaw(std::string_view prompt, std::string* line);
  Result ReadPlain(std::string_view prompt, std::string* line);

  std::string path_;
  std::vector<std::string> history_;
  bool terminal_ = false;
  bool warned_ = false;
};

}  // namespace diplograph::cli

#endif  // DIPLOGRAPH_CLI_LINE_EDITOR_H_
