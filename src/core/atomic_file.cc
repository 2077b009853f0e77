#include "diplograph/core/atomic_file.h"

#include <pthread.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <mutex>
#include <streambuf>
#include <vector>

namespace diplograph {

namespace {

// Temporary paths to unlink on a signal. Fixed-size, async-signal-safe reads.
constexpr int kMaxTemps = 64;
char g_temps[kMaxTemps][4096];
std::atomic<bool> g_used[kMaxTemps];
std::mutex g_mu;

int Register(const std::string& path) {
  std::lock_guard<std::mutex> lock(g_mu);
  for (int i = 0; i < kMaxTemps; ++i) {
    if (!g_used[i].load()) {
      std::strncpy(g_temps[i], path.c_str(), sizeof g_temps[i] - 1);
      g_temps[i][sizeof g_temps[i] - 1] = 0;
      g_used[i].store(true);
      return i;
    }
  }
  return -1;
}

void Unregister(const std::string& path) {
  std::lock_guard<std::mutex> lock(g_mu);
  for (int i = 0; i < kMaxTemps; ++i) {
    if (g_used[i].load() && path == g_temps[i]) g_used[i].store(false);
  }
}

extern "C" void OnSignal(int sig) {
  for (int i = 0; i < kMaxTemps; ++i) {
    if (g_used[i].load()) unlink(g_temps[i]);
  }
  _exit(sig == SIGINT ? 130 : 128 + sig);
}

// A streambuf over a FILE* that remembers write errors.
class FileBuf : public std::streambuf {
 public:
  explicit FileBuf(FILE* f) : f_(f) { setp(buf_, buf_ + sizeof buf_); }
  ~FileBuf() override { sync(); }
  bool failed() const { return failed_; }

 protected:
  int_type overflow(int_type ch) override {
    if (FlushBuffer() < 0) return traits_type::eof();
    if (!traits_type::eq_int_type(ch, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(ch);
      pbump(1);
    }
    return traits_type::not_eof(ch);
  }
  int sync() override {
    if (FlushBuffer() < 0) return -1;
    if (std::fflush(f_) != 0) failed_ = true;
    return failed_ ? -1 : 0;
  }

 private:
  int FlushBuffer() {
    std::ptrdiff_t n = pptr() - pbase();
    if (n > 0 && std::fwrite(pbase(), 1, static_cast<size_t>(n), f_) != static_cast<size_t>(n)) {
      failed_ = true;
    }
    setp(buf_, buf_ + sizeof buf_);
    return failed_ ? -1 : 0;
  }
  FILE* f_;
  char buf_[1 << 16];
  bool failed_ = false;
};

}  // namespace

void InstallInterruptHandler() {
  struct sigaction sa;
  std::memset(&sa, 0, sizeof sa);
  sa.sa_handler = OnSignal;
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);
}

AtomicFile::~AtomicFile() { Abort(); }

bool AtomicFile::Open(const std::string& path, std::string* error) {
  path_ = path;
  std::string dir = ".";
  std::string base = path;
  size_t slash = path.find_last_of('/');
  if (slash != std::string::npos) {
    dir = slash == 0 ? "/" : path.substr(0, slash);
    base = path.substr(slash + 1);
  }
  if (path == "/dev/full" || path == "/dev/null" || path == "/dev/stdout") {
    temp_.clear();
    file_ = std::fopen(path.c_str(), "wb");
  } else {
    std::string tmpl = dir + "/." + base + ".tmp-XXXXXX";
    std::vector<char> buf(tmpl.begin(), tmpl.end());
    buf.push_back(0);
    // SIGINT/SIGTERM wait until the temporary is registered for removal.
    sigset_t signals, old;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, &old);
    int fd = mkstemp(buf.data());
    int saved = errno;
    if (fd >= 0) Register(buf.data());
    pthread_sigmask(SIG_SETMASK, &old, nullptr);
    if (fd < 0) {
      *error = "cannot write " + path + ": " + std::strerror(saved);
      return false;
    }
    temp_ = buf.data();
    // mkstemp creates 0600; give the file the mode a plain create would
    // (0666 less the umask), or keep the mode of the file it replaces.
    struct stat st;
    if (stat(path.c_str(), &st) == 0) {
      fchmod(fd, st.st_mode & 07777);
    } else {
      mode_t mask = umask(0);
      umask(mask);
      fchmod(fd, 0666 & ~mask);
    }
    file_ = fdopen(fd, "wb");
  }
  if (file_ == nullptr) {
    *error = "cannot write " + path + ": " + std::strerror(errno);
    Abort();
    return false;
  }
  buf_ = std::make_unique<FileBuf>(file_);
  stream_ = std::make_unique<std::ostream>(buf_.get());
  return true;
}

std::ostream& AtomicFile::stream() { return *stream_; }

bool AtomicFile::Commit(std::string* error) {
  if (file_ == nullptr) {
    *error = "output " + path_ + " is not open";
    return false;
  }
  stream_->flush();
  bool failed = static_cast<FileBuf*>(buf_.get())->failed() || !*stream_;
  if (!failed && std::fflush(file_) != 0) failed = true;
  if (!failed && !temp_.empty() && fsync(fileno(file_)) != 0) failed = true;
  int saved = errno;
  stream_.reset();
  buf_.reset();
  if (std::fclose(file_) != 0) failed = true;
  file_ = nullptr;
  if (failed) {
    *error = "cannot write " + path_ + ": " + std::strerror(saved ? saved : EIO);
    Abort();
    return false;
  }
  if (!temp_.empty()) {
    if (std::rename(temp_.c_str(), path_.c_str()) != 0) {
      *error = "cannot replace " + path_ + ": " + std::strerror(errno);
      Abort();
      return false;
    }
    Unregister(temp_);
    temp_.clear();
  }
  return true;
}

void AtomicFile::Abort() {
  stream_.reset();
  buf_.reset();
  if (file_ != nullptr) {
    std::fclose(file_);
    file_ = nullptr;
  }
  if (!temp_.empty()) {
    unlink(temp_.c_str());
    Unregister(temp_);
    temp_.clear();
  }
}

}  // namespace diplograph
