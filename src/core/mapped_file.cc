#include "diplograph/core/mapped_file.h"

#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>

namespace diplograph {

MappedFile::~MappedFile() {
  if (addr_ != nullptr) munmap(addr_, size_);
}

bool MappedFile::Map(int fd, size_t size) {
  if (addr_ != nullptr || size == 0) return false;
  void* addr = mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
  if (addr == MAP_FAILED) return false;
  madvise(addr, size, MADV_SEQUENTIAL);
  addr_ = addr;
  size_ = size;
  return true;
}

void MappedFile::Release(size_t end) {
  if (addr_ == nullptr) return;
  const size_t page = static_cast<size_t>(sysconf(_SC_PAGESIZE));
  end = std::min(end, size_) / page * page;
  // Pages of a private mapping never written to are the file's: dropping
  // them loses nothing. Pages dropped before and read since go again.
  if (end > 0) madvise(addr_, end, MADV_DONTNEED);
}

}  // namespace diplograph
