// core/mapped_file.h: a regular file mapped read-only into memory.
//
// For big inputs read once, front to back (saved graphs run to gigabytes):
// nothing is copied, and Release() drops the pages a reader is done with,
// so the file does not sit in memory beside what is built from it. Dropped
// pages are read back from the page cache if they are looked at again.
//
//   MappedFile map;
//   if (map.Map(fd, size)) Parse(map.data(), [&](size_t n) { map.Release(n); });
//
// The file must not shrink while mapped (reading past its new end faults).
#ifndef DIPLOGRAPH_CORE_MAPPED_FILE_H_
#define DIPLOGRAPH_CORE_MAPPED_FILE_H_

#include <cstddef>
#include <string_view>

namespace diplograph {

class MappedFile {
 public:
  MappedFile() = default;
  ~MappedFile();
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;

  // Maps the first `size` bytes (> 0) of the regular file open as `fd`.
  // False when it cannot be mapped: the caller reads the file instead.
  bool Map(int fd, size_t size);

  std::string_view data() const { return {static_cast<const char*>(addr_), size_}; }

  // Drops from memory the pages wholly before byte `end` of data(); the
  // bytes stay readable.
  void Release(size_t end);

 private:
  void* addr_ = nullptr;
  size_t size_ = 0;
};

}  // namespace diplograph

#endif  // DIPLOGRAPH_CORE_MAPPED_FILE_H_
