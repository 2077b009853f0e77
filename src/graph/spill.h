// graph/spill.h (private): temporary files, a compact binary encoding, and
// an external merge sort of (key, value) records, for builds larger than
// memory (external_build.h).
#ifndef DIPLOGRAPH_GRAPH_SPILL_H_
#define DIPLOGRAPH_GRAPH_SPILL_H_

#include <cstdint>
#include <cstdio>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

namespace diplograph::graph_internal {

// An unnamed temporary file, open for writing and then reading back. It
// disappears when closed or when the process dies.
class TempFile {
 public:
  TempFile() = default;
  ~TempFile();
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;

  // Creates it in `dir`. False with *error.
  bool Create(const std::string& dir, std::string* error);

  // Sequential writing. Errors stick: see ok().
  void Write(std::string_view bytes);
  uint64_t size() const { return size_; }

  // Reading from `offset` on, after writing; false at the end or on error.
  bool Rewind(uint64_t offset = 0);
  bool Read(size_t n, std::string* out);
  bool ok() const { return error_ == 0; }
  std::string ErrorText() const;  // "write error: No space left on device"

 private:
  std::FILE* file_ = nullptr;
  uint64_t size_ = 0;
  int error_ = 0;
};

// Appends values in a fixed little-endian binary form.
class Encoder {
 public:
  explicit Encoder(std::string* out) : out_(*out) {}
  void U32(uint32_t v);
  void U64(uint64_t v);
  void F64(double v);
  void Str(std::string_view s);
  void Strs(const std::vector<std::string>& list);

 private:
  std::string& out_;
};

// Reads what Encoder wrote; past the end, ok() turns false and values are
// zero or empty.
class Decoder {
 public:
  explicit Decoder(std::string_view in) : in_(in) {}
  uint32_t U32();
  uint64_t U64();
  double F64();
  std::string Str();
  std::string_view View();
  std::vector<std::string> Strs();
  bool ok() const { return ok_; }

 private:
  bool Take(size_t n, const char** p);
  std::string_view in_;
  bool ok_ = true;
};

// Appends `part` to a sort key so that keys compare (as std::string) in the
// order of their parts compared one by one: NUL is escaped as 00 FF and each
// part ends with 00 01.
void AppendKeyPart(std::string* key, std::string_view part);

// Sorts (key, value) records of any total size: the caller keeps the
// records in memory within a budget by spilling them, sorted, to run files;
// Merge() merges the runs. Keys should be unique (equal keys come out in an
// unspecified order).
class ExternalSorter {
 public:
  using Records = std::vector<std::pair<std::string, std::string>>;

  explicit ExternalSorter(std::string dir) : dir_(std::move(dir)) {}
  ~ExternalSorter();
  ExternalSorter(const ExternalSorter&) = delete;
  ExternalSorter& operator=(const ExternalSorter&) = delete;

  void Add(std::string key, std::string value);
  // Bytes of the records in memory, not counting one being spilled.
  size_t memory() const { return memory_; }
  // Hands the records in memory to a thread that sorts them and writes a
  // new run, and returns (after waiting for this sorter's previous spill).
  // False with *error.
  bool StartSpill(std::string* error);
  // Waits for the spill in progress, if any. False with *error if it failed.
  bool Wait(std::string* error);
  // StartSpill(), then Wait().
  bool Spill(std::string* error) { return StartSpill(error) && Wait(error); }
  // Calls fn(key, value) for every record in key order (fn returns false to
  // stop). The sorter is empty afterwards. False with *error.
  bool Merge(const std::function<bool(std::string_view, std::string_view)>& fn,
             std::string* error);

 private:
  std::string dir_;
  Records records_;
  size_t memory_ = 0;
  std::vector<std::unique_ptr<TempFile>> runs_;
  Records spilling_;          // owned by worker_ while it runs
  std::string worker_error_;  // set by worker_
  std::thread worker_;
};

}  // namespace diplograph::graph_internal

#endif  // DIPLOGRAPH_GRAPH_SPILL_H_
