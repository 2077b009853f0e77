#include "cli/progress.h"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string_view>

namespace diplograph::cli {

namespace fs = std::filesystem;

Progress::Progress(bool enabled, size_t total)
    : enabled_(enabled), total_(total), start_(std::chrono::steady_clock::now()), last_(start_) {}

bool Progress::StderrIsTerminal() {
  const char* term = std::getenv("TERM");
  return isatty(2) && !(term != nullptr && std::string_view(term) == "dumb");
}

std::string FormatDuration(double seconds) {
  long s = std::lround(std::max(0.0, seconds));
  char buf[32];
  if (s >= 3600) {
    std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
  } else {
    std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
  }
  return buf;
}

void Progress::Set(size_t done, size_t total) {
  done_ = done;
  if (total > 0) total_ = total;
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (now - last_ < std::chrono::milliseconds(200)) return;
  last_ = now;
  double secs = std::chrono::duration<double>(now - start_).count();
  double rate = secs > 0 ? static_cast<double>(done) / secs : 0.0;
  if (total_ > done && rate > 0) {
    double left = static_cast<double>(total_ - done) / rate;
    double share = 100.0 * static_cast<double>(done) / static_cast<double>(total_);
    std::fprintf(stderr, "\r%zu/%zu documents (%.0f%%)  %.0f docs/s  %s left   ", done, total_,
                 share, rate, FormatDuration(left).c_str());
  } else {
    std::fprintf(stderr, "\r%zu documents  %.0f docs/s  %s   ", done, rate,
                 FormatDuration(secs).c_str());
  }
  std::fflush(stderr);
}

void Progress::Finish() {
  if (!enabled_) return;
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  std::fprintf(stderr, "\r%zu documents in %.1fs%30s\n", done_, secs, "");
}

namespace {

constexpr size_t kUnknown = static_cast<size_t>(-1);

std::string LowerExtension(const fs::path& p) {
  std::string ext = p.extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

enum class LineKind { kBlank, kArticle, kRecord, kGraph, kArray };

// What a line of JSON Lines holds, from its first bytes.
LineKind Classify(std::string_view head) {
  head.remove_prefix(std::min(head.find_first_not_of(" \t\r\xEF\xBB\xBF"), head.size()));
  if (head.empty()) return LineKind::kBlank;
  if (head[0] == '[') return LineKind::kArray;
  if (head[0] != '{') return LineKind::kArticle;  // a bad line: the reader reports it
  head.remove_prefix(1);
  head.remove_prefix(std::min(head.find_first_not_of(" \t"), head.size()));
  if (head.starts_with("\"doc\"")) return LineKind::kRecord;
  for (std::string_view key : {"\"directed\"", "\"multigraph\"", "\"graph\"", "\"nodes\""}) {
    if (head.starts_with(key)) return LineKind::kGraph;
  }
  return LineKind::kArticle;
}

// Articles in one JSON (Lines) file: lines that are neither blank nor
// extraction records; none in a saved graph; kUnknown for a JSON array.
// Reads in blocks, without parsing.
size_t CountJsonLines(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return 0;  // the reader reports it
  std::vector<char> buf(1 << 20);
  std::string head;  // the first bytes of the current line
  bool first = true;
  size_t count = 0;
  size_t result = kUnknown - 1;  // set once the first line decides it
  auto end_line = [&] {
    LineKind kind = Classify(head);
    head.clear();
    if (first && kind != LineKind::kBlank) {
      first = false;
      if (kind == LineKind::kArray) result = kUnknown;
      if (kind == LineKind::kGraph) result = 0;
    }
    if (kind == LineKind::kArticle) ++count;
  };
  size_t n = 0;
  while (result == kUnknown - 1 && (n = std::fread(buf.data(), 1, buf.size(), f)) > 0) {
    std::string_view chunk(buf.data(), n);
    while (!chunk.empty()) {
      size_t nl = chunk.find('\n');
      std::string_view piece = chunk.substr(0, nl);
      if (head.size() < 16) head.append(piece.substr(0, 16 - head.size()));
      if (nl == std::string_view::npos) break;
      end_line();
      chunk.remove_prefix(nl + 1);
    }
  }
  if (!head.empty()) end_line();
  std::fclose(f);
  return result == kUnknown - 1 ? count : result;
}

size_t CountFile(const fs::path& p) {
  std::string ext = LowerExtension(p);
  if (ext == ".txt" || ext == ".text") return 1;
  if (ext == ".jsonl" || ext == ".ndjson" || ext == ".json") return CountJsonLines(p.string());
  return 1;  // read as one text article
}

}  // namespace

size_t Progress::CountDocuments(const std::vector<std::string>& inputs) {
  size_t total = 0;
  auto add = [&](size_t n) {
    if (n == kUnknown || total == kUnknown) {
      total = kUnknown;
    } else {
      total += n;
    }
  };
  for (const std::string& in : inputs.empty() ? std::vector<std::string>{"-"} : inputs) {
    if (in == "-") return 0;
    std::error_code ec;
    if (!fs::is_directory(in, ec)) {
      add(fs::exists(in, ec) ? CountFile(in) : 0);
      continue;
    }
    for (fs::recursive_directory_iterator it(in, fs::directory_options::skip_permission_denied, ec),
         end;
         !ec && it != end; it.increment(ec)) {
      std::string name = it->path().filename().string();
      if (!name.empty() && name[0] == '.') {
        if (it->is_directory(ec)) it.disable_recursion_pending();
        continue;
      }
      std::string ext = LowerExtension(it->path());
      bool known =
          ext == ".txt" || ext == ".text" || ext == ".jsonl" || ext == ".json" || ext == ".ndjson";
      if (known && it->is_regular_file(ec)) add(CountFile(it->path()));
    }
  }
  return total == kUnknown ? 0 : total;
}

}  // namespace diplograph::cli
