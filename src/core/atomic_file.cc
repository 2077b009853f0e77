#include "diplograph/core/atomic_file.h"

#include <fcntl.h>
#include <pthread.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdint>
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

// Holds SIGINT/SIGTERM back while a temporary gets a name and is registered
// for removal, so the handler never misses a name that already exists.
class SignalsHeld {
 public:
  SignalsHeld() {
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, &old_);
  }
  ~SignalsHeld() { pthread_sigmask(SIG_SETMASK, &old_, nullptr); }
  SignalsHeld(const SignalsHeld&) = delete;
  SignalsHeld& operator=(const SignalsHeld&) = delete;

 private:
  sigset_t old_;
};

std::atomic<bool> g_named_only{false};

void SplitPath(const std::string& path, std::string* dir, std::string* base) {
  size_t slash = path.find_last_of('/');
  if (slash == std::string::npos) {
    *dir = ".";
    *base = path;
  } else {
    *dir = slash == 0 ? "/" : path.substr(0, slash);
    *base = path.substr(slash + 1);
  }
}

std::string ProcFdPath(int fd) { return "/proc/self/fd/" + std::to_string(fd); }

// An unnamed file in `dir` (O_TMPFILE): if the process dies, even by SIGKILL,
// the kernel frees it and nothing is left behind. Returns -1 with errno set;
// errno is EOPNOTSUPP when the file system (or a missing /proc, needed to
// link the file in later) does not allow it.
int OpenUnnamed(const std::string& dir) {
#ifdef O_TMPFILE
  if (g_named_only.load()) {
    errno = EOPNOTSUPP;
    return -1;
  }
  // 0666: open() applies the umask (and a default ACL) as a plain create would.
  int fd = open(dir.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666);
  if (fd < 0) return -1;
  if (access(ProcFdPath(fd).c_str(), F_OK) != 0) {
    close(fd);
    errno = EOPNOTSUPP;
    return -1;
  }
  return fd;
#else
  (void)dir;
  errno = EOPNOTSUPP;
  return -1;
#endif
}

// Errors from O_TMPFILE that mean "not here", not "cannot write here".
bool UnnamedUnsupported(int err) { return err == EOPNOTSUPP || err == EISDIR || err == EINVAL; }

// A named temporary `.BASE.tmp-XXXXXX` in `dir`, registered for removal on
// SIGINT/SIGTERM. Returns -1 with errno set.
int OpenNamed(const std::string& dir, const std::string& base, std::string* temp) {
  std::string tmpl = dir + "/." + base + ".tmp-XXXXXX";
  std::vector<char> buf(tmpl.begin(), tmpl.end());
  buf.push_back(0);
  int fd, saved;
  {
    SignalsHeld held;
    fd = mkstemp(buf.data());
    saved = errno;
    if (fd >= 0) Register(buf.data());
  }
  if (fd >= 0) *temp = buf.data();
  errno = saved;
  return fd;
}

// A fresh `.BASE.tmp-XXXXXX` name in `dir` (mkstemp's pattern, so the CLI
// tests and users recognise it).
std::string TemporaryName(const std::string& dir, const std::string& base) {
  static std::atomic<uint64_t> counter{0};
  static const char kChars[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  uint64_t x = static_cast<uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count());
  x = (x ^ (static_cast<uint64_t>(getpid()) << 32) ^ counter++) * 0x9E3779B97F4A7C15ull;
  std::string name = dir + "/." + base + ".tmp-";
  for (int i = 0; i < 6; ++i, x /= 62) name += kChars[x % 62];
  return name;
}

// Gives the unnamed file `fd` the name `path`. A missing target is linked
// directly (linkat never replaces, so a target appearing meanwhile is seen
// as EEXIST); an existing one is replaced by rename(), atomically, from a
// temporary name that lives only between the two calls (a SIGKILL in that
// instant is the one way left to strand a temporary).
bool LinkUnnamed(int fd, const std::string& path, std::string* error) {
  std::string proc = ProcFdPath(fd);
  if (linkat(AT_FDCWD, proc.c_str(), AT_FDCWD, path.c_str(), AT_SYMLINK_FOLLOW) == 0) return true;
  if (errno != EEXIST) {
    *error = "cannot write " + path + ": " + std::strerror(errno);
    return false;
  }
  std::string dir, base, temp;
  SplitPath(path, &dir, &base);
  for (int attempt = 0; attempt < 100 && temp.empty(); ++attempt) {
    std::string name = TemporaryName(dir, base);
    SignalsHeld held;
    if (linkat(AT_FDCWD, proc.c_str(), AT_FDCWD, name.c_str(), AT_SYMLINK_FOLLOW) == 0) {
      Register(name);
      temp = name;
    } else if (errno != EEXIST) {
      *error = "cannot write " + path + ": " + std::strerror(errno);
      return false;
    }
  }
  if (temp.empty()) {
    *error = "cannot write " + path + ": no free temporary name";
    return false;
  }
  bool ok = std::rename(temp.c_str(), path.c_str()) == 0;
  if (!ok) {
    *error = "cannot replace " + path + ": " + std::strerror(errno);
    unlink(temp.c_str());
  }
  Unregister(temp);
  return ok;
}

// The mode a plain create would give (0666 less the umask), or the mode of
// the file being replaced. Unnamed files already have the former from open().
void SetMode(int fd, const std::string& path, bool created_with_umask) {
  struct stat st;
  if (stat(path.c_str(), &st) == 0) {
    fchmod(fd, st.st_mode & 07777);
  } else if (!created_with_umask) {
    mode_t mask = umask(0);
    umask(mask);
    fchmod(fd, 0666 & ~mask);
  }
}

}  // namespace

void InstallInterruptHandler() {
  struct sigaction sa;
  std::memset(&sa, 0, sizeof sa);
  sa.sa_handler = OnSignal;
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);
}

void UseNamedTemporariesForTesting(bool on) { g_named_only.store(on); }

AtomicFile::~AtomicFile() { Abort(); }

bool AtomicFile::Open(const std::string& path, std::string* error) {
  Abort();
  path_ = path;
  if (path == "/dev/full" || path == "/dev/null" || path == "/dev/stdout") {
    file_ = std::fopen(path.c_str(), "wb");
  } else {
    std::string dir, base;
    SplitPath(path, &dir, &base);
    int fd = OpenUnnamed(dir);
    unnamed_ = fd >= 0;
    if (fd < 0 && UnnamedUnsupported(errno)) fd = OpenNamed(dir, base, &temp_);
    if (fd < 0) {
      *error = "cannot write " + path + ": " + std::strerror(errno);
      return false;
    }
    SetMode(fd, path, unnamed_);
    file_ = fdopen(fd, "wb");
    if (file_ == nullptr) close(fd);
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
  bool synced = unnamed_ || !temp_.empty();  // devices are not synced
  stream_->flush();
  bool failed = static_cast<FileBuf*>(buf_.get())->failed() || !*stream_;
  if (!failed && std::fflush(file_) != 0) failed = true;
  if (!failed && synced && fsync(fileno(file_)) != 0) failed = true;
  // The unnamed file is linked in after fclose() succeeds, so a failing
  // close leaves the target as it was; a second descriptor keeps it alive.
  int keep = -1;
  if (!failed && unnamed_ && (keep = dup(fileno(file_))) < 0) failed = true;
  int saved = errno;
  stream_.reset();
  buf_.reset();
  if (std::fclose(file_) != 0 && !failed) {
    failed = true;
    saved = errno;
  }
  file_ = nullptr;
  if (failed) {
    *error = "cannot write " + path_ + ": " + std::strerror(saved ? saved : EIO);
    if (keep >= 0) close(keep);
    Abort();
    return false;
  }
  if (unnamed_) {
    bool linked = LinkUnnamed(keep, path_, error);
    close(keep);
    unnamed_ = false;
    return linked;
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
    std::fclose(file_);  // an unnamed file vanishes with its last descriptor
    file_ = nullptr;
  }
  unnamed_ = false;
  if (!temp_.empty()) {
    unlink(temp_.c_str());
    Unregister(temp_);
    temp_.clear();
  }
}

}  // namespace diplograph
