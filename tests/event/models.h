// tests/event/models.h: the shipped dictionaries and trigger lexicon, loaded
// once per test binary the way the CLI loads them (src/cli/inputs.cc
// LoadModels): every *.json under data/dict goes to Dictionary::AddFile,
// files named events*.json under data/lexicon to Lexicon::AddFile, then
// Dictionary::Finish().
#ifndef DIPLOGRAPH_TESTS_EVENT_MODELS_H_
#define DIPLOGRAPH_TESTS_EVENT_MODELS_H_

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "diplograph/core/diagnostics.h"
#include "diplograph/event/lexicon.h"
#include "diplograph/mention/dictionary.h"

namespace diplograph::test {

struct Models {
  Dictionary dict;
  Lexicon lexicon;
};

namespace models_internal {

inline std::vector<std::filesystem::path> JsonFiles(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().extension() == ".json") {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

inline std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline Models* LoadModels() {
  auto* m = new Models;
  const std::filesystem::path data(DIPLOGRAPH_TEST_DATA_DIR);
  Diagnostics diags;
  bool ok = true;
  for (const auto& f : JsonFiles(data / "dict")) {
    ok = m->dict.AddFile(f.filename().string(), ReadFile(f), &diags) && ok;
  }
  for (const auto& f : JsonFiles(data / "lexicon")) {
    if (f.filename().string().rfind("events", 0) == 0) {
      ok = m->lexicon.AddFile(f.filename().string(), ReadFile(f), &diags) && ok;
    }
  }
  m->dict.Finish();
  if (!ok) {
    std::string msg = "the shipped models in " + data.string() + " failed to load:";
    for (const Diagnostic& d : diags.items()) msg += "\n  " + d.ToString();
    throw std::runtime_error(msg);
  }
  return m;
}

}  // namespace models_internal

// The shipped models, loaded on first use and shared by all tests (never freed).
inline const Models& ShippedModels() {
  static const Models* models = models_internal::LoadModels();
  return *models;
}

}  // namespace diplograph::test

#endif  // DIPLOGRAPH_TESTS_EVENT_MODELS_H_
