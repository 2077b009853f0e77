// cli/runner.h: reads inputs and extracts their articles on N threads,
// delivering records in input order (so output never depends on -j).
#ifndef DIPLOGRAPH_CLI_RUNNER_H_
#define DIPLOGRAPH_CLI_RUNNER_H_

#include <functional>
#include <string>
#include <vector>

#include "cli/args.h"
#include "cli/inputs.h"
#include "diplograph/core/diagnostics.h"
#include "diplograph/event/record.h"
#include "diplograph/text/reader.h"

namespace diplograph::cli {

struct RunOptions {
  std::vector<std::string> inputs;  // empty = stdin
  int jobs = 1;
  ReaderOptions reader;
  std::vector<std::string> dict_dirs;
  bool progress = false;
  bool keep_unasserted = false;
  bool trace = false;
};

// Options shared by extract and build: -j, --date, --dict, --max-doc-bytes, ...
std::vector<OptionSpec> RunOptionSpecs();
// Fills `out` from parsed args; false with *error on a bad value.
bool ReadRunOptions(const Args& args, RunOptions* out, std::string* error);

// Returns false when the dictionaries could not be loaded (reported).
bool StreamRecords(const RunOptions& options, Diagnostics* diags,
                   const std::function<void(ExtractionRecord)>& on_record,
                   const std::function<void(const std::string&, const GraphText&)>& on_graph);

}  // namespace diplograph::cli

#endif  // DIPLOGRAPH_CLI_RUNNER_H_
