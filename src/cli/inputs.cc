#include "cli/inputs.h"

#include <fcntl.h>
#include <sys/stat.h>
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

#include "diplograph/core/mapped_file.h"
#include "diplograph/core/strings.h"

namespace fs = std::filesystem;

namespace diplograph::cli {

namespace {

std::string Extension(const std::string& path) {
  std::string ext = fs::path(path).extension().string();
  return AsciiLower(ext);
}

bool KnownExtension(const std::string& ext) {
  return ext == ".txt" || ext == ".text" || ext == ".jsonl" || ext == ".json" || ext == ".ndjson";
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
      bool missing =
          !ec || ec == std::errc::no_such_file_or_directory || ec == std::errc::not_a_directory;
      diags->Error(in, 0, 0,
                   missing ? "no such file or directory" : "cannot read: " + ec.message());
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

namespace {

// A file ("-" = stdin) read by read(2) into a buffer that grows on demand:
// saved graphs run to gigabytes, and stream iterators read a byte at a time.
// A failure to open or read is reported once, as "cannot read: ...".
class FileReader {
 public:
  FileReader(const std::string& path, Diagnostics* diags)
      : path_(path),
        diags_(diags),
        fd_(path == "-" ? STDIN_FILENO : open(path.c_str(), O_RDONLY | O_CLOEXEC)) {
    if (fd_ < 0) {
      Fail(errno);
      return;
    }
    struct stat st {};
    if (fstat(fd_, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
      size_ = static_cast<size_t>(st.st_size);
    }
  }
  ~FileReader() {
    if (fd_ >= 0 && fd_ != STDIN_FILENO) close(fd_);
  }
  FileReader(const FileReader&) = delete;
  FileReader& operator=(const FileReader&) = delete;

  bool ok() const { return ok_; }
  bool eof() const { return eof_; }
  // The bytes read and not yet consumed.
  std::string_view data() const { return {buf_.data(), end_}; }

  // Reads until data() holds `want` bytes or the input ends. False when a
  // read failed (reported).
  bool FillTo(size_t want) {
    if (!ok_) return false;
    if (buf_.size() < want) buf_.resize(want);
    while (end_ < want && !eof_) {
      ssize_t n = read(fd_, buf_.data() + end_, want - end_);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) return Fail(errno);
      if (n == 0) eof_ = true;
      end_ += static_cast<size_t>(n);
    }
    return true;
  }

  // Reads to the end of the input.
  bool FillAll() {
    while (!eof_) {
      // One byte more than the expected size, so the end is seen in one read.
      size_t want = end_ < buf_.size() ? buf_.size() : buf_.size() * 2 + 65536;
      if (!FillTo(std::max(want, size_ + 1))) return false;
    }
    return true;
  }

  // Drops the first `n` bytes of data().
  void Consume(size_t n) {
    std::memmove(buf_.data(), buf_.data() + n, end_ - n);
    end_ -= n;
  }

  // data() as a string, leaving the reader empty.
  std::string Take() {
    buf_.resize(end_);
    end_ = 0;
    return std::move(buf_);
  }

  // Maps the whole of a regular file (not stdin) into `map`; false when it
  // cannot be mapped, and the file is read instead.
  bool Map(MappedFile* map) const {
    return ok_ && fd_ != STDIN_FILENO && size_ > 0 && map->Map(fd_, size_);
  }

 private:
  bool Fail(int err) {
    diags_->Error(path_, 0, 0, std::string("cannot read: ") + std::strerror(err));
    ok_ = false;
    return false;
  }

  std::string path_;
  Diagnostics* diags_;
  int fd_;
  size_t size_ = 0;  // of a regular file, as fstat saw it
  std::string buf_;  // data() is buf_[0, end_)
  size_t end_ = 0;
  bool eof_ = false;
  bool ok_ = true;
};

}  // namespace

bool ReadWholeFile(const std::string& path, std::string* out, Diagnostics* diags) {
  FileReader in(path, diags);
  if (!in.FillAll()) return false;
  *out = in.Take();
  return true;
}

namespace {

// JSON Lines files are read in chunks of complete lines of about this size,
// so memory does not grow with the file. A line longer than a chunk is held
// whole up to --max-doc-bytes; past that it is measured, not held.
constexpr size_t kChunkBytes = size_t{4} << 20;

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
constexpr std::string_view kBlank = " \t\r\n";  // what Trim() trims

// Whether `head`, the start of a file, holds its first non-blank line (after
// a byte order mark) to its end: enough to tell how to read the file.
bool HoldsFirstLine(std::string_view head) {
  if (StartsWith(head, kByteOrderMark)) head.remove_prefix(kByteOrderMark.size());
  size_t first = head.find_first_not_of(kBlank);
  return first != std::string_view::npos && head.find('\n', first) != std::string_view::npos;
}

// Whether a JSON file starting with `head` (which holds its first line, see
// HoldsFirstLine) can be read chunk by chunk as JSON Lines: not one JSON
// value ('[', or a first line of just '{', as ParseJsonRecords tells them
// apart) and not a saved graph (LooksLikeSavedGraph). Saved graphs name
// their format at the start (diplograph writes it on the first line), so
// only the first chunk is searched for it: a later line of JSON Lines that
// happens to hold "diplograph-graph", "nodes" and "links" no longer makes the
// file a (broken) saved graph, as it did when every file was read whole.
bool StreamsAsJsonLines(std::string_view head) {
  if (head.find("\"diplograph-graph\"") != std::string_view::npos) return false;
  if (StartsWith(head, kByteOrderMark)) head.remove_prefix(kByteOrderMark.size());
  size_t first = head.find_first_not_of(kBlank);
  size_t eol = head.find('\n', first);
  return head[first] != '[' && Trim(head.substr(first, eol - first)) != "{";
}

// The error for a NUL byte at byte `byte` of a file, line `line`, column
// `col`, as CheckText words it.
void ReportNul(const std::string& path, int line, size_t col, size_t byte, Diagnostics* diags) {
  diags->Error(path, line, static_cast<int>(col),
               "binary file (NUL byte at byte " + std::to_string(byte) + ")");
}

// Reads past a line too long to hold (more than --max-doc-bytes, and longer
// than data()), reporting it as ParseJsonRecords does unless it is blank.
// On return data() starts at the next line and `at` is moved on to it.
// False when reading stopped (a read error or a NUL byte, reported).
bool SkipLongLine(FileReader* in, const std::string& path, const ReaderOptions& options,
                  Diagnostics* diags, JsonLinesChunk* at) {
  size_t length = 0;
  bool blank = true;
  while (true) {
    std::string_view data = in->data();
    size_t eol = std::min(data.find('\n'), data.size());
    std::string_view part = data.substr(0, eol);
    if (size_t nul = part.find('\0'); nul != std::string_view::npos) {
      ReportNul(path, at->first_line, length + nul + 1, at->offset + length + nul, diags);
      return false;
    }
    blank = blank && part.find_first_not_of(kBlank) == std::string_view::npos;
    length += part.size();
    if (eol < data.size()) {
      in->Consume(eol + 1);
      break;
    }
    in->Consume(data.size());
    if (in->eof()) break;
    if (!in->FillTo(kChunkBytes)) return false;
  }
  if (!blank) {
    diags->Error(path, at->first_line, 0,
                 "record of " + std::to_string(length) + " bytes exceeds the limit of " +
                     std::to_string(options.max_document_bytes) + " bytes");
  }
  at->first_line += 1;
  at->offset += length + 1;
  return true;
}

// Reads a JSON Lines file whose first chunk `in` holds, a chunk of complete
// lines at a time, handing each record to `on_record` as ParseJsonRecords
// would for the whole file: same records, same lines, same messages.
// A NUL byte makes a binary file, one error and nothing read from it, when it
// is in the first chunk (ReadInput checks): binary files show one at once.
// Found in a later chunk, the NUL gets the same one error, but the records of
// the chunks before were read already: nothing is read from its chunk on.
void StreamJsonLines(FileReader* in, const std::string& path, const ReaderOptions& options,
                     Diagnostics* diags,
                     const std::function<void(int line, const nlohmann::json&)>& on_record) {
  JsonLinesChunk at;  // where data() starts in the file
  if (StartsWith(in->data(), kByteOrderMark)) {
    in->Consume(kByteOrderMark.size());
    at.offset = kByteOrderMark.size();
  }
  size_t checked = in->data().size();  // bytes of data() known to hold no NUL
  size_t want = kChunkBytes;
  while (in->FillTo(want)) {
    std::string_view data = in->data();
    if (size_t nul = data.find('\0', checked); nul != std::string_view::npos) {
      size_t line_start = nul == 0 ? 0 : data.rfind('\n', nul - 1) + 1;  // npos + 1 == 0
      auto lines = std::count(data.begin(), data.begin() + static_cast<ptrdiff_t>(nul), '\n');
      ReportNul(path, at.first_line + static_cast<int>(lines), nul - line_start + 1,
                at.offset + nul, diags);
      return;
    }
    checked = data.size();
    if (in->eof()) {
      ParseJsonRecords(data, path, options, diags, on_record, &at);
      return;
    }
    size_t eol = data.rfind('\n');
    if (eol != std::string_view::npos) {
      std::string_view lines = data.substr(0, eol + 1);
      ParseJsonRecords(lines, path, options, diags, on_record, &at);
      at.first_line += static_cast<int>(std::count(lines.begin(), lines.end(), '\n'));
      at.offset += lines.size();
      in->Consume(lines.size());
      checked = in->data().size();
      want = kChunkBytes;
    } else if (data.size() > options.max_document_bytes) {
      if (!SkipLongLine(in, path, options, diags, &at)) return;
      checked = 0;
      want = kChunkBytes;
    } else {
      // One line longer than the chunk: hold it, but no more of it than the limit.
      want = std::min(data.size() + std::max(kChunkBytes, data.size() / 2),
                      options.max_document_bytes + 1);
    }
  }
}

// The file's content, read whole: a text article, one JSON value, a saved
// graph, or JSON Lines small enough to be one chunk.
void ReadContent(const InputFile& file, std::string content, const ReaderOptions& options,
                 Diagnostics* diags, const InputHandlers& handlers,
                 const std::function<void(int line, const nlohmann::json&)>& on_record) {
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
    if (handlers.on_graph) handlers.on_graph(file.path, GraphText{content, {}});
    return;
  }
  ParseJsonRecords(content, file.path, options, diags, on_record);
}

}  // namespace

// JSON Lines (by extension, or stdin starting with '{') are read a chunk at
// a time, everything else whole. The first chunk, grown if need be to hold
// the first non-blank line, tells them apart as the whole file would. A
// read error part way reports as for a file read whole, but the records
// before it have been handed over.
void ReadInput(const InputFile& file, const ReaderOptions& options, Diagnostics* diags,
               const InputHandlers& handlers) {
  std::function<void(int line, const nlohmann::json&)> on_record = [&](int line,
                                                                       const nlohmann::json& v) {
    if (IsExtractionRecord(v)) {
      auto rec = RecordFromJson(v, file.path, line, diags);
      if (rec && handlers.on_record) handlers.on_record(std::move(*rec));
      return;
    }
    std::string id = file.default_id + "-" + std::to_string(line);
    auto doc = DocumentFromJson(v, file.path, line, id, options, diags);
    if (doc && handlers.on_document) handlers.on_document(std::move(*doc));
  };
  FileReader in(file.path, diags);
  std::string ext = file.path == "-" ? "" : Extension(file.path);
  bool json_ext = ext == ".jsonl" || ext == ".json" || ext == ".ndjson";
  if (file.path == "-" || json_ext) {
    if (!in.FillTo(kChunkBytes)) return;
    while (!in.eof() && !HoldsFirstLine(in.data())) {
      if (!in.FillTo(in.data().size() * 2)) return;
    }
    std::string_view head = in.data();
    // stdin is JSON when it starts with '{' or '[' (see ReadContent).
    char first = in.eof() ? '\0' : head[head.find_first_not_of(kBlank)];  // see HoldsFirstLine
    if (!in.eof() && (json_ext || first == '{' || first == '[')) {
      if (head.find('\0') != std::string_view::npos) {
        CheckText(head, file.path, diags);  // the first NUL of the file is in `head`
        return;
      }
      if (StreamsAsJsonLines(head)) {
        StreamJsonLines(&in, file.path, options, diags, on_record);
        return;
      }
    }
  }
  // A saved graph is mapped rather than read: nothing is copied, and the
  // pages its reader is done with leave memory as the graph grows.
  MappedFile map;
  if (json_ext && handlers.on_graph && LooksLikeSavedGraph(in.data(), Trim(in.data())) &&
      in.Map(&map)) {
    std::string_view content = map.data();
    if (!CheckText(content, file.path, diags)) return;
    map.Release(content.size());  // checked: the reader brings pages back as it goes
    handlers.on_graph(file.path, GraphText{content, [&map](size_t n) { map.Release(n); }});
    return;
  }
  if (!in.FillAll()) return;
  ReadContent(file, in.Take(), options, diags, handlers, on_record);
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
