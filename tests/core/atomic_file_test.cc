// Tests for core/atomic_file.h: the target is either the old file or the
// whole new one, and no temporary is left, with unnamed (O_TMPFILE) and
// named temporaries alike.
#include "diplograph/core/atomic_file.h"

#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace diplograph {
namespace {

namespace fs = std::filesystem;

// A fresh directory, removed with everything in it at the end of the test.
class TempDir {
 public:
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "diplograph-atomic-XXXXXX").string();
    std::vector<char> buf(tmpl.begin(), tmpl.end());
    buf.push_back(0);
    REQUIRE(mkdtemp(buf.data()) != nullptr);
    path_ = buf.data();
  }
  ~TempDir() { fs::remove_all(path_); }
  std::string operator/(const std::string& name) const { return path_ + "/" + name; }
  std::vector<std::string> Names() const {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(path_)) names.push_back(e.path().filename());
    std::sort(names.begin(), names.end());
    return names;
  }

 private:
  std::string path_;
};

// Runs the test body once with unnamed temporaries and once with named ones.
class BothKinds {
 public:
  explicit BothKinds(bool named) { UseNamedTemporariesForTesting(named); }
  ~BothKinds() { UseNamedTemporariesForTesting(false); }
};

// Sets the umask for one test, so modes do not depend on the caller's.
class Umask {
 public:
  explicit Umask(mode_t mask) : old_(umask(mask)) {}
  ~Umask() { umask(old_); }

 private:
  mode_t old_;
};

std::string Read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void Write(const std::string& path, const std::string& content, mode_t mode) {
  std::ofstream(path, std::ios::binary) << content;
  REQUIRE(chmod(path.c_str(), mode) == 0);
}

mode_t Mode(const std::string& path) {
  struct stat st;
  REQUIRE(stat(path.c_str(), &st) == 0);
  return st.st_mode & 07777;
}

TEST_CASE("AtomicFile creates a missing target only at Commit") {
  for (bool named : {false, true}) {
    CAPTURE(named);
    BothKinds kind(named);
    Umask mask(027);
    TempDir dir;
    AtomicFile file;
    std::string error;
    REQUIRE(file.Open(dir / "out.json", &error));
    file.stream() << "new content\n";
    file.stream().flush();
    std::vector<std::string> names = dir.Names();
    if (named) {
      REQUIRE(names.size() == 1);
      CHECK(names[0].rfind(".out.json.tmp-", 0) == 0);
    } else {
      CHECK(names.empty());  // nothing to leave behind if the process is killed now
    }
    REQUIRE(file.Commit(&error));
    CHECK(dir.Names() == std::vector<std::string>{"out.json"});
    CHECK(Read(dir / "out.json") == "new content\n");
    CHECK(Mode(dir / "out.json") == 0640);  // 0666 less the umask, as a plain create
  }
}

TEST_CASE("AtomicFile replaces an existing target and keeps its mode") {
  for (bool named : {false, true}) {
    CAPTURE(named);
    BothKinds kind(named);
    TempDir dir;
    Write(dir / "out.json", "old\n", 0600);
    AtomicFile file;
    std::string error;
    REQUIRE(file.Open(dir / "out.json", &error));
    file.stream() << "new\n";
    file.stream().flush();
    CHECK(Read(dir / "out.json") == "old\n");
    REQUIRE(file.Commit(&error));
    CHECK(dir.Names() == std::vector<std::string>{"out.json"});
    CHECK(Read(dir / "out.json") == "new\n");
    CHECK(Mode(dir / "out.json") == 0600);
  }
}

TEST_CASE("AtomicFile: Abort and destruction leave the target untouched") {
  for (bool named : {false, true}) {
    CAPTURE(named);
    BothKinds kind(named);
    TempDir dir;
    Write(dir / "kept.csv", "old\n", 0644);
    std::string error;
    {
      AtomicFile file;
      REQUIRE(file.Open(dir / "kept.csv", &error));
      file.stream() << "partial";
      file.Abort();
      CHECK_FALSE(file.Commit(&error));
      CHECK(error == "output " + (dir / "kept.csv") + " is not open");
    }
    {
      AtomicFile file;  // never committed
      REQUIRE(file.Open(dir / "kept.csv", &error));
      REQUIRE(file.Open(dir / "other.csv", &error));  // drops the first
      file.stream() << "partial";
    }
    CHECK(dir.Names() == std::vector<std::string>{"kept.csv"});
    CHECK(Read(dir / "kept.csv") == "old\n");
  }
}

TEST_CASE("AtomicFile: a target created meanwhile is replaced, not refused") {
  // Both start with no target; the second Commit finds the first one's file.
  for (bool named : {false, true}) {
    CAPTURE(named);
    BothKinds kind(named);
    TempDir dir;
    AtomicFile first, second;
    std::string error;
    REQUIRE(first.Open(dir / "g.json", &error));
    REQUIRE(second.Open(dir / "g.json", &error));
    first.stream() << "first";
    second.stream() << "second";
    REQUIRE(first.Commit(&error));
    REQUIRE(second.Commit(&error));
    CHECK(dir.Names() == std::vector<std::string>{"g.json"});
    CHECK(Read(dir / "g.json") == "second");
  }
}

TEST_CASE("AtomicFile reports failures as one line and leaves nothing") {
  for (bool named : {false, true}) {
    CAPTURE(named);
    BothKinds kind(named);
    TempDir dir;
    AtomicFile file;
    std::string error;
    CHECK_FALSE(file.Open(dir / "missing/out.json", &error));
    CHECK(error == "cannot write " + (dir / "missing/out.json") + ": No such file or directory");

    // A directory cannot be replaced by a file.
    fs::create_directory(dir / "sub");
    REQUIRE(file.Open(dir / "sub", &error));
    file.stream() << "x";
    CHECK_FALSE(file.Commit(&error));
    CHECK(error == "cannot replace " + (dir / "sub") + ": Is a directory");
    CHECK(dir.Names() == std::vector<std::string>{"sub"});
  }
}

TEST_CASE("AtomicFile writes devices directly") {
  AtomicFile file;
  std::string error;
  if (access("/dev/full", W_OK) == 0) {
    REQUIRE(file.Open("/dev/full", &error));
    file.stream() << std::string(1 << 17, 'x');  // more than one buffer
    CHECK_FALSE(file.Commit(&error));
    CHECK(error == "cannot write /dev/full: No space left on device");
  }
  REQUIRE(file.Open("/dev/null", &error));
  file.stream() << "discarded";
  CHECK(file.Commit(&error));
}

}  // namespace
}  // namespace diplograph
