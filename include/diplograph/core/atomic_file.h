// core/atomic_file.h: output files that are either complete or untouched.
//
// AtomicFile writes to a temporary file in the target's directory and
// renames it over the target on Commit(). If the process fails, is
// interrupted (SIGINT/SIGTERM, see InstallInterruptHandler) or the disk is
// full, the target keeps its earlier content and the temporary file is
// removed. Not thread-safe; one object per output.
#ifndef DIPLOGRAPH_CORE_ATOMIC_FILE_H_
#define DIPLOGRAPH_CORE_ATOMIC_FILE_H_

#include <cstdio>
#include <ostream>
#include <memory>
#include <string>

namespace diplograph {

class AtomicFile {
 public:
  AtomicFile() = default;
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  // Opens a temporary file next to `path`. On failure returns false and sets *error.
  bool Open(const std::string& path, std::string* error);
  std::ostream& stream();
  // Flushes, syncs and renames over the target. On failure (e.g. disk full)
  // removes the temporary file, returns false and sets *error.
  bool Commit(std::string* error);
  // Removes the temporary file without touching the target.
  void Abort();

 private:
  std::string path_, temp_;
  std::unique_ptr<std::ostream> stream_;
  std::unique_ptr<std::streambuf> buf_;
  FILE* file_ = nullptr;
};

// Installs SIGINT/SIGTERM handlers that remove open temporary files and exit
// with 130 (SIGINT) or 143 (SIGTERM).
void InstallInterruptHandler();

}  // namespace diplograph

#endif  // DIPLOGRAPH_CORE_ATOMIC_FILE_H_
