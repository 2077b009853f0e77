// `diplograph extract` and the parallel runner it shares with `build`.
#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <deque>
#include <iostream>
#include <limits>
#include <mutex>
#include <thread>

#include "cli/commands.h"
#include "cli/inputs.h"
#include "cli/progress.h"
#include "cli/runner.h"
#include "diplograph/core/atomic_file.h"
#include "diplograph/core/date.h"
#include "diplograph/event/extractor.h"

namespace diplograph::cli {

std::vector<OptionSpec> RunOptionSpecs() {
  return {
      {"--jobs", "-j", true, "Extract on N threads (default 1; 0 = all cores)."},
      {"--date", nullptr, true, "Date (YYYY-MM-DD) for documents that have none."},
      {"--dict", nullptr, true, "Extra dictionary folder; adds to or overrides the shipped one."},
      {"--max-doc-bytes", nullptr, true,
       "Refuse larger documents (default 8388608, at most 4294967295)."},
      {"--max-json-depth", nullptr, true, "Refuse deeper JSON nesting (default 64)."},
      {"--keep-unasserted", nullptr, false,
       "Also emit negated and hypothetical events, marked with \"modality\"."},
      {"--progress", nullptr, false, "Show progress on stderr even when it is not a terminal."},
      {"--no-progress", nullptr, false, "Never show progress."},
      {"--trace", nullptr, false, "Print each sentence's actor phrases and events to stderr."},
  };
}

namespace {

bool ParseCount(const std::string& s, long min, long max, long* out) {
  if (s.empty()) return false;
  char* end = nullptr;
  errno = 0;
  long v = std::strtol(s.c_str(), &end, 10);
  if (*end != 0 || errno == ERANGE || v < min || v > max) return false;
  *out = v;
  return true;
}

}  // namespace

bool ReadRunOptions(const Args& args, RunOptions* out, std::string* error) {
  out->inputs = args.positional;
  long v = 0;
  if (args.Has("--jobs")) {
    if (!ParseCount(args.Get("--jobs"), 0, 1024, &v)) {
      *error = "--jobs needs a number from 0 to 1024";
      return false;
    }
    out->jobs = v == 0 ? static_cast<int>(std::max(1u, std::thread::hardware_concurrency()))
                       : static_cast<int>(v);
  }
  if (args.Has("--date")) {
    out->reader.default_date = args.Get("--date");
    if (!ParseIsoDate(out->reader.default_date)) {
      *error = "--date needs a date such as 2016-12-08";
      return false;
    }
  }
  if (args.Has("--max-doc-bytes")) {
    if (!ParseCount(args.Get("--max-doc-bytes"), 1, std::numeric_limits<long>::max(), &v)) {
      *error = "--max-doc-bytes needs a positive number";
      return false;
    }
    // Said outright rather than capped quietly: offsets into a document are 32-bit.
    if (static_cast<unsigned long>(v) > kMaxDocumentBytesLimit) {
      *error = "--max-doc-bytes can be at most " + std::to_string(kMaxDocumentBytesLimit) +
               " (4 GiB less one byte)";
      return false;
    }
    out->reader.max_document_bytes = static_cast<size_t>(v);
  }
  if (args.Has("--max-json-depth")) {
    if (!ParseCount(args.Get("--max-json-depth"), 1, 100000, &v)) {
      *error = "--max-json-depth needs a positive number";
      return false;
    }
    out->reader.max_json_depth = static_cast<int>(v);
  }
  out->dict_dirs = args.GetAll("--dict");
  out->keep_unasserted = args.Has("--keep-unasserted");
  out->trace = args.Has("--trace");
  out->progress =
      args.Has("--progress") || (!args.Has("--no-progress") && Progress::StderrIsTerminal());
  return true;
}

namespace {

// Hands extracted batches on to `on_record`, in order. With `threaded`, it
// does so on a thread of its own, so that one batch is written (or added to
// a graph) while the next is extracted; at most two batches wait.
class RecordSink {
 public:
  struct Batch {
    std::vector<std::string> ids;
    std::vector<ExtractionRecord> records;
    std::vector<std::string> traces;  // empty without --trace
  };

  RecordSink(bool threaded, const std::function<void(ExtractionRecord)>& on_record)
      : on_record_(on_record) {
    if (threaded) thread_ = std::thread([this] { Run(); });
  }
  ~RecordSink() {
    if (!thread_.joinable()) return;
    {
      std::lock_guard<std::mutex> lock(mu_);
      closing_ = true;
    }
    changed_.notify_all();
    thread_.join();
  }

  void Push(Batch batch) {
    if (!thread_.joinable()) {
      Deliver(batch);
      return;
    }
    std::unique_lock<std::mutex> lock(mu_);
    changed_.wait(lock, [&] { return queue_.size() < kMaxWaiting; });
    queue_.push_back(std::move(batch));
    changed_.notify_all();
  }

  // Returns once every batch pushed so far has been handed on.
  void Drain() {
    std::unique_lock<std::mutex> lock(mu_);
    changed_.wait(lock, [&] { return queue_.empty() && !busy_; });
  }

 private:
  static constexpr size_t kMaxWaiting = 2;

  void Deliver(Batch& batch) {
    for (size_t i = 0; i < batch.records.size(); ++i) {
      if (!batch.traces.empty()) std::cerr << "== " << batch.ids[i] << "\n" << batch.traces[i];
      on_record_(std::move(batch.records[i]));
    }
  }

  void Run() {
    std::unique_lock<std::mutex> lock(mu_);
    while (true) {
      changed_.wait(lock, [&] { return !queue_.empty() || closing_; });
      if (queue_.empty()) return;
      Batch batch = std::move(queue_.front());
      queue_.pop_front();
      busy_ = true;
      changed_.notify_all();
      lock.unlock();
      Deliver(batch);
      lock.lock();
      busy_ = false;
      changed_.notify_all();
    }
  }

  const std::function<void(ExtractionRecord)>& on_record_;
  std::thread thread_;
  std::mutex mu_;
  std::condition_variable changed_;
  std::deque<Batch> queue_;
  bool busy_ = false;
  bool closing_ = false;
};

}  // namespace

bool StreamRecords(const RunOptions& options, Diagnostics* diags,
                   const std::function<void(ExtractionRecord)>& on_record,
                   const std::function<void(const std::string&, const GraphText&)>& on_graph) {
  Dictionary dict;
  Lexicon lexicon;
  if (!LoadModels(options.dict_dirs, &dict, &lexicon, diags)) return false;
  Extractor extractor(dict, lexicon, {options.keep_unasserted});
  std::vector<InputFile> files =
      ExpandInputs(options.inputs.empty() ? std::vector<std::string>{"-"} : options.inputs, diags);
  Progress progress(options.progress,
                    options.progress ? Progress::CountDocuments(options.inputs) : 0);
  size_t done = 0;
  constexpr size_t kBatch = 256;
  std::vector<Document> batch;
  // With several threads, records are handed on while the next batch is
  // extracted; with -j 1 everything stays on one core.
  RecordSink sink(options.jobs > 1, on_record);
  auto flush = [&] {
    RecordSink::Batch out;
    out.records.resize(batch.size());
    if (options.trace) out.traces.resize(batch.size());
    std::atomic<size_t> next{0};
    auto work = [&] {
      for (size_t i = next++; i < batch.size(); i = next++) {
        out.records[i] = extractor.Extract(batch[i], options.trace ? &out.traces[i] : nullptr);
      }
    };
    int threads = std::min<int>(options.jobs, static_cast<int>(batch.size()));
    std::vector<std::thread> pool;
    for (int t = 1; t < threads; ++t) pool.emplace_back(work);
    work();
    for (auto& th : pool) th.join();
    if (options.trace) {
      for (const Document& d : batch) out.ids.push_back(d.id);
    }
    done += batch.size();
    batch.clear();
    if (!out.records.empty()) sink.Push(std::move(out));
    progress.Set(done, 0);
  };
  InputHandlers handlers;
  handlers.on_document = [&](Document d) {
    batch.push_back(std::move(d));
    if (batch.size() >= kBatch * static_cast<size_t>(options.jobs)) flush();
  };
  handlers.on_record = [&](ExtractionRecord r) {
    flush();
    sink.Drain();
    on_record(std::move(r));
  };
  handlers.on_graph = [&](const std::string& path, const GraphText& text) {
    flush();
    sink.Drain();
    on_graph(path, text);
  };
  for (const InputFile& f : files) ReadInput(f, options.reader, diags, handlers);
  flush();
  sink.Drain();
  progress.Finish();
  return true;
}

std::vector<OptionSpec> ExtractOptions() {
  std::vector<OptionSpec> specs = {{"--output", "-o", true, "Write to FILE (default stdout)."}};
  for (const OptionSpec& s : RunOptionSpecs()) specs.push_back(s);
  return specs;
}

int RunExtract(const Args& args) {
  const Command& cmd = *FindCommand("extract");
  RunOptions options;
  std::string error;
  if (!ReadRunOptions(args, &options, &error)) return UsageError(cmd, error);
  std::string out_path = args.Get("--output", "-");
  AtomicFile file;
  std::ostream* out = &std::cout;
  if (out_path != "-") {
    if (!file.Open(out_path, &error)) {
      std::cerr << "diplograph extract: " << error << "\n";
      return kInputErrors;
    }
    out = &file.stream();
  }
  Diagnostics diags;
  size_t records = 0;
  bool loaded = StreamRecords(
      options, &diags,
      [&](ExtractionRecord r) {
        *out << RecordToJsonLine(r) << '\n';
        ++records;
      },
      [&](const std::string& path, const GraphText&) {
        diags.Error(path, 0, 0, "is a saved graph, not articles (use 'diplograph export')");
      });
  PrintDiagnostics(diags);
  if (!loaded) return kInputErrors;
  if (out_path != "-" && diags.HasErrors() && records == 0) {  // keep an earlier file
    file.Abort();
    std::cerr << "diplograph extract: no input could be read; " << out_path << " not written\n";
    return kInputErrors;
  }
  if (out_path != "-") {
    if (!file.Commit(&error)) {
      std::cerr << "diplograph extract: " << error << "\n";
      return kInputErrors;
    }
  } else {
    out->flush();
    if (!*out) {
      std::cerr << "diplograph extract: cannot write to stdout\n";
      return kInputErrors;
    }
  }
  return diags.HasErrors() ? kInputErrors : kOk;
}

}  // namespace diplograph::cli
