#include "cli/progress.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>

namespace diplograph::cli {

Progress::Progress(bool enabled, size_t total)
    : enabled_(enabled), total_(total), start_(std::chrono::steady_clock::now()), last_(start_) {}

bool Progress::StderrIsTerminal() {
  const char* term = std::getenv("TERM");
  return isatty(2) && !(term != nullptr && std::string_view(term) == "dumb");
}

void Progress::Set(size_t done, size_t total) {
  done_ = done;
  if (total > 0) total_ = total;
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (now - last_ < std::chrono::milliseconds(200)) return;
  last_ = now;
  double secs = std::chrono::duration<double>(now - start_).count();
  double rate = secs > 0 ? static_cast<double>(done) / secs : 0.0;
  if (total_ > done && rate > 0) {
    double left = static_cast<double>(total_ - done) / rate;
    std::fprintf(stderr, "\r%zu/%zu documents  %.0f docs/s  %.0fs left   ", done, total_, rate,
                 left);
  } else {
    std::fprintf(stderr, "\r%zu documents  %.0f docs/s  %.1fs   ", done, rate, secs);
  }
  std::fflush(stderr);
}

void Progress::Finish() {
  if (!enabled_) return;
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  std::fprintf(stderr, "\r%zu documents in %.1fs%20s\n", done_, secs, "");
}

}  // namespace diplograph::cli
