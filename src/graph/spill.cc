#include "spill.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <queue>

namespace diplograph::graph_internal {

namespace {

constexpr size_t kFileBuffer = 1u << 20;

// The bytes a record costs in memory beyond its characters: two strings
// and the vector slot.
constexpr size_t kRecordOverhead = 2 * sizeof(std::string);

}  // namespace

TempFile::~TempFile() {
  if (file_ != nullptr) std::fclose(file_);
}

bool TempFile::Create(const std::string& dir, std::string* error) {
  int fd = open(dir.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0) {  // a file system without O_TMPFILE: a named file, unlinked at once
    std::string name = dir + "/.diplograph-sort-XXXXXX";
    fd = mkstemp(name.data());
    if (fd >= 0) unlink(name.c_str());
  }
  if (fd < 0) {
    *error = "cannot create a temporary file in " + dir + ": " + std::strerror(errno);
    return false;
  }
  file_ = fdopen(fd, "w+b");
  if (file_ == nullptr) {
    *error = "cannot open a temporary file in " + dir + ": " + std::strerror(errno);
    close(fd);
    return false;
  }
  std::setvbuf(file_, nullptr, _IOFBF, kFileBuffer);
  return true;
}

void TempFile::Write(std::string_view bytes) {
  if (error_ != 0 || bytes.empty()) return;
  errno = 0;
  if (std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size()) {
    error_ = errno != 0 ? errno : EIO;
    return;
  }
  size_ += bytes.size();
}

bool TempFile::Rewind(uint64_t offset) {
  if (error_ != 0) return false;
  errno = 0;
  if (std::fflush(file_) != 0 || fseeko(file_, static_cast<off_t>(offset), SEEK_SET) != 0) {
    error_ = errno != 0 ? errno : EIO;
    return false;
  }
  return true;
}

bool TempFile::Read(size_t n, std::string* out) {
  out->resize(n);
  if (error_ != 0) return false;
  if (n == 0) return true;
  errno = 0;
  if (std::fread(out->data(), 1, n, file_) != n) {
    if (std::ferror(file_)) error_ = errno != 0 ? errno : EIO;
    return false;
  }
  return true;
}

std::string TempFile::ErrorText() const {
  return std::string("temporary file: ") + std::strerror(error_);
}

void Encoder::U32(uint32_t v) {
  char b[4];
  for (int i = 0; i < 4; ++i) b[i] = static_cast<char>(v >> (8 * i));
  out_.append(b, 4);
}

void Encoder::U64(uint64_t v) {
  U32(static_cast<uint32_t>(v));
  U32(static_cast<uint32_t>(v >> 32));
}

void Encoder::F64(double v) {
  uint64_t bits;
  std::memcpy(&bits, &v, sizeof bits);
  U64(bits);
}

void Encoder::Str(std::string_view s) {
  U32(static_cast<uint32_t>(s.size()));
  out_.append(s);
}

void Encoder::Strs(const std::vector<std::string>& list) {
  U32(static_cast<uint32_t>(list.size()));
  for (const std::string& s : list) Str(s);
}

bool Decoder::Take(size_t n, const char** p) {
  if (!ok_ || in_.size() < n) {
    ok_ = false;
    return false;
  }
  *p = in_.data();
  in_.remove_prefix(n);
  return true;
}

uint32_t Decoder::U32() {
  const char* p;
  if (!Take(4, &p)) return 0;
  uint32_t v = 0;
  for (int i = 3; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(p[i]);
  return v;
}

uint64_t Decoder::U64() {
  uint64_t low = U32();
  return low | (static_cast<uint64_t>(U32()) << 32);
}

double Decoder::F64() {
  uint64_t bits = U64();
  double v;
  std::memcpy(&v, &bits, sizeof v);
  return v;
}

std::string_view Decoder::View() {
  uint32_t n = U32();
  const char* p;
  if (!Take(n, &p)) return {};
  return {p, n};
}

std::string Decoder::Str() { return std::string(View()); }

std::vector<std::string> Decoder::Strs() {
  uint32_t n = U32();
  std::vector<std::string> out;
  if (n > in_.size() / 4) {  // every string takes at least its length
    ok_ = false;
    return out;
  }
  out.reserve(n);
  for (uint32_t i = 0; i < n && ok_; ++i) out.push_back(Str());
  return out;
}

void AppendKeyPart(std::string* key, std::string_view part) {
  for (size_t nul = part.find('\0'); nul != std::string_view::npos; nul = part.find('\0')) {
    key->append(part.substr(0, nul + 1));
    key->push_back('\xFF');
    part.remove_prefix(nul + 1);
  }
  key->append(part);
  key->append("\0\x01", 2);
}

void ExternalSorter::Add(std::string key, std::string value) {
  memory_ += key.capacity() + value.capacity() + kRecordOverhead;
  records_.emplace_back(std::move(key), std::move(value));
}

namespace {

// Sorts `records` and writes them to `run`, each as its length-prefixed key
// and value; "" or the error.
std::string WriteRun(ExternalSorter::Records* records, TempFile* run) {
  std::sort(records->begin(), records->end());
  std::string buf;
  Encoder enc(&buf);
  for (const auto& [key, value] : *records) {
    buf.clear();
    enc.Str(key);
    enc.Str(value);
    run->Write(buf);
  }
  return run->Rewind() ? "" : run->ErrorText();
}

}  // namespace

ExternalSorter::~ExternalSorter() {
  if (worker_.joinable()) worker_.join();
}

bool ExternalSorter::StartSpill(std::string* error) {
  if (!Wait(error)) return false;
  if (records_.empty()) return true;
  auto run = std::make_unique<TempFile>();
  if (!run->Create(dir_, error)) return false;
  TempFile* file = run.get();
  runs_.push_back(std::move(run));
  spilling_ = std::exchange(records_, {});
  memory_ = 0;
  worker_ = std::thread([this, file] { worker_error_ = WriteRun(&spilling_, file); });
  return true;
}

bool ExternalSorter::Wait(std::string* error) {
  if (!worker_.joinable()) return true;
  worker_.join();
  spilling_ = {};
  if (worker_error_.empty()) return true;
  *error = worker_error_;
  return false;
}

namespace {

// The next record of a run: length-prefixed key and value.
bool ReadRecord(TempFile* run, std::string* key, std::string* value) {
  std::string len;
  if (!run->Read(4, &len)) return false;
  uint32_t n = Decoder(len).U32();
  if (!run->Read(n, key) || !run->Read(4, &len)) return false;
  n = Decoder(len).U32();
  return run->Read(n, value);
}

}  // namespace

bool ExternalSorter::Merge(const std::function<bool(std::string_view, std::string_view)>& fn,
                           std::string* error) {
  if (!Wait(error)) return false;
  if (runs_.empty()) {  // everything fits in memory
    std::sort(records_.begin(), records_.end());
    for (const auto& [key, value] : records_) {
      if (!fn(key, value)) break;
    }
    records_.clear();
    records_.shrink_to_fit();
    memory_ = 0;
    return true;
  }
  if (!Spill(error)) return false;
  struct Head {
    std::string key, value;
  };
  std::vector<Head> heads(runs_.size());
  auto later = [&](size_t a, size_t b) { return heads[a].key > heads[b].key; };
  std::priority_queue<size_t, std::vector<size_t>, decltype(later)> queue(later);
  auto advance = [&](size_t i) -> bool {
    if (ReadRecord(runs_[i].get(), &heads[i].key, &heads[i].value)) {
      queue.push(i);
    } else if (!runs_[i]->ok()) {
      *error = runs_[i]->ErrorText();
      return false;
    }
    return true;
  };
  for (size_t i = 0; i < runs_.size(); ++i) {
    if (!advance(i)) return false;
  }
  bool ok = true;
  while (!queue.empty()) {
    size_t i = queue.top();
    queue.pop();
    if (!fn(heads[i].key, heads[i].value)) break;
    if (!advance(i)) {
      ok = false;
      break;
    }
  }
  runs_.clear();
  return ok;
}

}  // namespace diplograph::graph_internal
