// core/atomic_file.h: output files that are either complete or untouched.
//
// AtomicFile writes to a temporary file in the target's directory and moves
// it over the target on Commit(). If the process fails, is interrupted or
// killed, or the disk is full, the target keeps its earlier content and no
// temporary file is left.
//
// On Linux the temporary has no name until Commit() (O_TMPFILE), so even
// SIGKILL leaves nothing behind; Commit() links it in, replacing an existing
// target with rename(). Where O_TMPFILE is unsupported (some file systems)
// it is a named `.NAME.tmp-XXXXXX`, removed on failure and on SIGINT/SIGTERM
// (see InstallInterruptHandler) but not after SIGKILL. /dev/full, /dev/null
// and /dev/stdout are written directly. Not thread-safe; one object per output.
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

  // Opens a temporary file next to `path`. On failure returns false and sets
  // *error to "cannot write PATH: REASON".
  bool Open(const std::string& path, std::string* error);
  std::ostream& stream();
  // Flushes, syncs and puts the file in place of the target. On failure (e.g. disk full)
  // removes the temporary file, returns false and sets *error.
  bool Commit(std::string* error);
  // Removes the temporary file without touching the target.
  void Abort();

 private:
  std::string path_;
  std::string temp_;      // the named temporary (fallback), or ""
  bool unnamed_ = false;  // the file is an O_TMPFILE one
  std::unique_ptr<std::ostream> stream_;
  std::unique_ptr<std::streambuf> buf_;
  FILE* file_ = nullptr;
};

// Installs SIGINT/SIGTERM handlers that remove open temporary files and exit
// with 130 (SIGINT) or 143 (SIGTERM).
void InstallInterruptHandler();

// For tests: with `on`, Open() uses named temporaries as if O_TMPFILE were
// unsupported, so that path can be checked on any file system.
void UseNamedTemporariesForTesting(bool on);

}  // namespace diplograph

#endif  // DIPLOGRAPH_CORE_ATOMIC_FILE_H_
