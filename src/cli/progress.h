// cli/progress.h: a progress line on stderr for long runs (terminal only).
#ifndef DIPLOGRAPH_CLI_PROGRESS_H_
#define DIPLOGRAPH_CLI_PROGRESS_H_

#include <chrono>
#include <cstddef>

namespace diplograph::cli {

class Progress {
 public:
  // Shown only when `enabled` (stderr is a terminal, or --progress).
  explicit Progress(bool enabled, size_t total = 0);
  void Set(size_t done, size_t total);
  void Finish();
  static bool StderrIsTerminal();

 private:
  bool enabled_;
  size_t total_;
  size_t done_ = 0;
  std::chrono::steady_clock::time_point start_, last_;
};

}  // namespace diplograph::cli

#endif  // DIPLOGRAPH_CLI_PROGRESS_H_
