// cli/inputs.h: everything the commands read: input paths (files,
// directories, stdin), articles, extraction records, saved graphs, and the
// dictionaries. The only place besides output writing that touches files.
#ifndef DIPLOGRAPH_CLI_INPUTS_H_
#define DIPLOGRAPH_CLI_INPUTS_H_

#include <functional>
#include <string>
#include <vector>

#include "diplograph/core/diagnostics.h"
#include "diplograph/core/document.h"
#include "diplograph/event/lexicon.h"
#include "diplograph/event/record.h"
#include "diplograph/mention/dictionary.h"
#include "diplograph/text/reader.h"

namespace diplograph::cli {

struct InputFile {
  std::string path;        // as given or found ("-" for stdin)
  std::string default_id;  // id for documents without one
};

// Expands files, directories (recursively, sorted) and "-" into input files.
// Missing paths are reported.
std::vector<InputFile> ExpandInputs(const std::vector<std::string>& inputs, Diagnostics* diags);

// Reads a whole file ("-" = stdin). Returns false and reports when unreadable.
bool ReadWholeFile(const std::string& path, std::string* out, Diagnostics* diags);

// A saved graph's text: read into memory, or mapped from its file.
// release(n), when set, says its first n bytes are done with (a hint: a
// mapped file drops their pages, and reads them back if they are looked at
// again). Both are valid during the on_graph call only.
struct GraphText {
  std::string_view content;
  std::function<void(size_t)> release;
};

struct InputHandlers {
  std::function<void(Document)> on_document;
  std::function<void(ExtractionRecord)> on_record;
  std::function<void(const std::string& path, const GraphText& text)> on_graph;
};

// Reads one input file and hands each article, extraction record or saved
// graph in it to the handlers. Problems are reported and skipped. JSON Lines
// are read a few MB of lines at a time: memory does not grow with the file.
void ReadInput(const InputFile& file, const ReaderOptions& options, Diagnostics* diags,
               const InputHandlers& handlers);

// The folder with the shipped dictionaries (dict/, lexicon/): $DIPLOGRAPH_DATA,
// else <prefix>/share/diplograph next to the installed binary, else the
// source tree.
std::string DataDir();

// Loads the shipped dictionaries and trigger lexicon, then those in
// `extra_dirs` (which add to or override them).
bool LoadModels(const std::vector<std::string>& extra_dirs, Dictionary* dict, Lexicon* lexicon,
                Diagnostics* diags);

}  // namespace diplograph::cli

#endif  // DIPLOGRAPH_CLI_INPUTS_H_
