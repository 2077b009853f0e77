// tests/fuzz/replay_main.cc: a main() for the fuzz targets when they are built
// without libFuzzer (any compiler), as fmt's test/fuzzing/main.cc does.
//
// usage: NAME_fuzzer FILE_OR_DIR...
// Runs LLVMFuzzerTestOneInput once on every regular file given, and on every
// regular file under every directory given (recursively, in sorted order).
// Exits 0 when all ran; a failing input aborts (and names itself first). A
// directory holding no file is an error, so a misplaced corpus cannot pass.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace fs = std::filesystem;

namespace {

bool Collect(const std::string& arg, std::vector<std::string>* files) {
  std::error_code ec;
  if (!fs::is_directory(arg, ec)) {
    if (!fs::is_regular_file(arg, ec)) {
      std::fprintf(stderr, "%s: no such file or directory\n", arg.c_str());
      return false;
    }
    files->push_back(arg);
    return true;
  }
  size_t before = files->size();
  for (fs::recursive_directory_iterator it(arg, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file()) files->push_back(it->path().string());
  }
  if (ec || files->size() == before) {
    std::fprintf(stderr, "%s: %s\n", arg.c_str(),
                 ec ? ec.message().c_str() : "directory holds no input");
    return false;
  }
  std::sort(files->begin() + static_cast<std::ptrdiff_t>(before), files->end());
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s FILE_OR_DIR...\n", argv[0]);
    return 2;
  }
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    if (!Collect(argv[i], &files)) return 1;
  }
  for (const std::string& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) {
      std::fprintf(stderr, "%s: cannot read\n", f.c_str());
      return 1;
    }
    std::fprintf(stderr, "replaying %s (%zu bytes)\n", f.c_str(), bytes.size());
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
  }
  std::printf("replayed %zu inputs\n", files.size());
  return 0;
}
