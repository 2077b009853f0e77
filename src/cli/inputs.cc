#include "cli/inputs.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <utility>

#include "diplograph/core/strings.h"

namespace fs = std::filesystem;

namespace diplograph::cli {

namespace {

std::string Extension(const std::string& path) {
  std::string ext = fs::path(path).extension().string();
  return AsciiLower(ext);
}

bool KnownExtension(const std::string& ext) {
  return ext == ".txt" || ext == ".text" || ext == ".jsonl" || ext == ".json" ||
         ext == ".ndjson";
}

// A folder we may list and enter (by the effective ids); sets errno when not.
bool Readable(const std::string& dir) {
  return faccessat(AT_FDCWD, dir.c_str(), R_OK | X_OK, AT_EACCESS) == 0;
}

// A saved graph is one JSON object with "nodes" and "links". One cut short
// (a truncated copy) still names its format on the first line, and is read as
// a graph so that it gets one error, not one per line as JSON Lines.
bool LooksLikeSavedGraph(std::string_view content, std::string_view trimmed) {
  if (trimmed.empty() || trimmed[0] != '{') return false;
  if (content.find("\"diplograph-graph\"") == std::string_view::npos) return false;
  if (content.find("\"links\"") != std::string_view::npos &&
      content.find("\"nodes\"") != std::string_view::npos) {
    return true;
  }
  std::string_view first = trimmed.substr(0, trimmed.find('\n'));
  return first.find("\"format\":\"diplograph-graph\"") != std::string_view::npos;
}

std::string StripExtension(const std::string& rel) {
  fs::path p(rel);
  return (p.parent_path() / p.stem()).generic_string();
}

}  // namespace

std::vector<InputFile> ExpandInputs(const std::vector<std::string>& inputs, Diagnostics* diags) {
  std::vector<InputFile> out;
  for (const std::string& in : inputs) {
    if (in == "-") {
      out.push_back({"-", "stdin"});
      continue;
    }
    std::error_code ec;
    fs::file_status st = fs::status(in, ec);
    if (ec || !fs::exists(st)) {
      bool missing = !ec || ec == std::errc::no_such_file_or_directory ||
                     ec == std::errc::not_a_directory;
      diags->Error(in, 0, 0, missing ? "no such file or directory" : "cannot read: " + ec.message());
      continue;
    }
    if (fs::is_directory(st)) {
      // skip_permission_denied keeps one unreadable folder from ending the
      // walk; unreadable folders are reported here instead of dropped silently.
      if (!Readable(in)) {
        diags->Error(in, 0, 0, std::string("cannot read directory: ") + std::strerror(errno));
        continue;
      }
      std::vector<std::string> found;
      std::vector<std::pair<std::string, std::string>> unreadable;  // path, reason
      fs::recursive_directory_iterator it(in, fs::directory_options::skip_permission_denied, ec);
      if (ec) {
        diags->Error(in, 0, 0, "cannot read directory: " + ec.message());
        continue;
      }
      for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (ec) {  // `it` is the end iterator now
          diags->Error(in, 0, 0, "cannot read directory: " + ec.message());
          break;
        }
        std::string name = it->path().filename().string();
        if (!name.empty() && name[0] == '.') {
          if (it->is_directory()) it.disable_recursion_pending();
          continue;
        }
        if (it->is_directory() && !it->is_symlink() && !Readable(it->path().string())) {
          unreadable.emplace_back(it->path().string(), std::strerror(errno));
          it.disable_recursion_pending();
          continue;
        }
        if (it->is_regular_file() && KnownExtension(Extension(it->path().string()))) {
          found.push_back(it->path().string());
        }
      }
      std::sort(found.begin(), found.end());
      std::sort(unreadable.begin(), unreadable.end());
      for (const auto& [path, reason] : unreadable) {
        diags->Error(path, 0, 0, "cannot read directory: " + reason);
      }
      for (const std::string& f : found) {
        std::string rel = fs::relative(f, in, ec).generic_string();
        out.push_back({f, StripExtension(ec ? f : rel)});
      }
      continue;
    }
    out.push_back({in, fs::path(in).stem().string()});
  }
  return out;
}

bool ReadWholeFile(const std::string& path, std::string* out, Diagnostics* diags) {
  if (path == "-") {
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    *out = ss.str();
    return true;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    diags->Error(path, 0, 0, std::string("cannot read: ") + std::strerror(errno));
    return false;
  }
  // Block reads: a character iterator costs a call per byte of a large corpus.
  out->clear();
  std::error_code size_ec;
  uintmax_t size = fs::file_size(path, size_ec);
  if (!size_ec) out->reserve(static_cast<size_t>(size));
  char block[1 << 16];
  while (in.read(block, sizeof block) || in.gcount() > 0) {
    out->append(block, static_cast<size_t>(in.gcount()));
  }
  if (in.bad()) {
    diags->Error(path, 0, 0, std::string("cannot read: ") + std::strerror(errno));
    return false;
  }
  return true;
}

void ReadInput(const InputFile& file, const ReaderOptions& options, Diagnostics* diags,
               const InputHandlers& handlers) {
  std::string content;
  if (!ReadWholeFile(file.path, &content, diags)) return;
  std::string ext = file.path == "-" ? "" : Extension(file.path);
  std::string_view trimmed = Trim(content);
  bool json = ext == ".jsonl" || ext == ".json" || ext == ".ndjson" ||
              (file.path == "-" && !trimmed.empty() && (trimmed[0] == '{' || trimmed[0] == '['));
  if (!json) {
    auto doc = ParseTxtArticle(content, file.path, file.default_id, options, diags);
    if (doc && handlers.on_document) handlers.on_document(std::move(*doc));
    return;
  }
  // A NUL byte makes a binary file: one error for it. Invalid UTF-8 in JSON
  // Lines is reported per line, so the file's good records still count.
  if (content.find('\0') != std::string::npos) {
    CheckText(content, file.path, diags);
    return;
  }
  if (LooksLikeSavedGraph(content, trimmed)) {
    if (!CheckText(content, file.path, diags)) return;
    if (handlers.on_graph) handlers.on_graph(file.path, std::move(content));
    return;
  }
  ParseJsonRecords(content, file.path, options, diags, [&](int line, const nlohmann::json& v) {
    std::string id = file.default_id + "-" + std::to_string(line);
    if (IsExtractionRecord(v)) {
      auto rec = RecordFromJson(v, file.path, line, diags);
      if (rec && handlers.on_record) handlers.on_record(std::move(*rec));
      return;
    }
    auto doc = DocumentFromJson(v, file.path, line, id, options, diags);
    if (doc && handlers.on_document) handlers.on_document(std::move(*doc));
  });
}

std::string DataDir() {
  if (const char* env = std::getenv("DIPLOGRAPH_DATA")) return env;
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    fs::path installed = exe.parent_path().parent_path() / DIPLOGRAPH_INSTALL_DATA_SUBDIR;
    if (fs::exists(installed / "dict", ec)) return installed.string();
  }
  return DIPLOGRAPH_SOURCE_DATA_DIR;
}

namespace {

bool LoadDir(const std::string& dir, bool required, Dictionary* dict, Lexicon* lexicon,
             Diagnostics* diags) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    if (required) diags->Error(dir, 0, 0, "dictionary folder not found");
    return !required;
  }
  std::vector<std::string> files;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file() && Extension(it->path().string()) == ".json") {
      files.push_back(it->path().string());
    }
  }
  std::sort(files.begin(), files.end());
  bool ok = true;
  for (const std::string& f : files) {
    std::string content;
    if (!ReadWholeFile(f, &content, diags)) {
      ok = false;
      continue;
    }
    std::string name = fs::path(f).filename().string();
    if (StartsWith(name, "events")) {
      ok = lexicon->AddFile(f, content, diags) && ok;
    } else {
      ok = dict->AddFile(f, content, diags) && ok;
    }
  }
  return ok;
}

}  // namespace

bool LoadModels(const std::vector<std::string>& extra_dirs, Dictionary* dict, Lexicon* lexicon,
                Diagnostics* diags) {
  std::string data = DataDir();
  bool ok = LoadDir(data + "/dict", true, dict, lexicon, diags);
  ok = LoadDir(data + "/lexicon", true, dict, lexicon, diags) && ok;
  for (const std::string& d : extra_dirs) ok = LoadDir(d, true, dict, lexicon, diags) && ok;
  dict->Finish();
  return ok;
}

}  // namespace diplograph::cli
