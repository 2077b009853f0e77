// cli/progress.h: a progress line on stderr for long runs (terminal only):
// documents done, rate, and time left when the total is known.
// Not thread-safe: one thread reports.
#ifndef DIPLOGRAPH_CLI_PROGRESS_H_
#define DIPLOGRAPH_CLI_PROGRESS_H_

#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

namespace diplograph::cli {

class Progress {
 public:
  // Shown only when `enabled` (stderr is a terminal, or --progress). With a
  // `total` (documents expected, 0 = unknown) it also shows the share done
  // and the time left.
  explicit Progress(bool enabled, size_t total = 0);
  // `done` documents so far; a `total` > 0 replaces the expected total.
  void Set(size_t done, size_t total);
  // Ends the line with the count and the time taken.
  void Finish();
  static bool StderrIsTerminal();

  // The number of articles in `inputs` (files, directories as the readers
  // walk them, "-"), counted cheaply up front without parsing: one a .txt
  // file, one a JSON Lines line that is not an extraction record; saved
  // graphs count none. 0 (unknown) when an input is stdin or a JSON array.
  // Meant as the `total` for a Progress of `extract` and `build`:
  //   Progress progress(on, on ? Progress::CountDocuments(inputs) : 0);
  static size_t CountDocuments(const std::vector<std::string>& inputs);

 private:
  bool enabled_;
  size_t total_;
  size_t done_ = 0;
  std::chrono::steady_clock::time_point start_, last_;
};

// "0:07", "3:25", "1:02:09".
std::string FormatDuration(double seconds);

}  // namespace diplograph::cli

#endif  // DIPLOGRAPH_CLI_PROGRESS_H_
