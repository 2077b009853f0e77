// `diplograph import-actors`: TABARI/PETRARCH CAMEO .actors dictionaries ->
// a diplograph dictionary file for --dict (see diplograph/import/cameo_actors.h).
#include <filesystem>
#include <iostream>

#include "cli/commands.h"
#include "cli/inputs.h"
#include "diplograph/core/atomic_file.h"
#include "diplograph/core/strings.h"
#include "diplograph/import/cameo_actors.h"

namespace fs = std::filesystem;

namespace diplograph::cli {

std::vector<OptionSpec> ImportActorsOptions() {
  return {{"--output", "-o", true,
           "Write to FILE, or to DIR/<kind>.imported.json for a folder (default stdout)."},
          {"--kind", nullptr, true, "people (default) or organizations."}};
}

namespace {

// Country and organisation codes from the shipped dictionaries.
bool LoadCodes(CameoImportOptions* options) {
  Dictionary dict;
  Lexicon lexicon;
  Diagnostics diags;
  if (!LoadModels({}, &dict, &lexicon, &diags)) {
    PrintDiagnostics(diags);
    return false;
  }
  for (const DictActor& a : dict.actors()) {
    if (a.kind == ActorKind::kCountry && a.country.size() == 3) {
      options->countries[a.country] = a.country;
      if (a.cameo.size() == 3) options->countries.emplace(a.cameo, a.country);
    }
  }
  // An organisation per code: the first without a parent, else the first.
  for (bool top_only : {true, false}) {
    for (const DictActor& a : dict.actors()) {
      if (a.kind == ActorKind::kOrganization && !a.cameo.empty() && a.country.empty() &&
          (!top_only || a.parent.empty())) {
        options->organizations.emplace(a.cameo, a.id);
      }
    }
  }
  return true;
}

// -o as given, or a file in it when it is a folder.
std::string OutputPath(const Args& args, const std::string& kind) {
  std::string out = args.Get("--output", "-");
  std::error_code ec;
  if (out != "-" && fs::is_directory(out, ec)) {
    return (fs::path(out) / (kind + ".imported.json")).string();
  }
  return out;
}

bool Write(const std::string& path, const nlohmann::ordered_json& dict) {
  std::string error;
  if (path == "-") {
    std::cout << dict.dump(2) << "\n";
    if (std::cout.flush()) return true;
    std::cerr << "diplograph import-actors: cannot write to stdout\n";
    return false;
  }
  AtomicFile file;
  if (file.Open(path, &error)) {
    file.stream() << dict.dump(2) << "\n";
    if (file.Commit(&error)) return true;
  }
  std::cerr << "diplograph import-actors: " << error << "\n";
  return false;
}

}  // namespace

int RunImportActors(const Args& args) {
  const Command& cmd = *FindCommand("import-actors");
  if (args.positional.empty()) return UsageError(cmd, "needs a .actors FILE");
  std::string kind = args.Get("--kind", "people");
  if (kind != "people" && kind != "organizations") {
    return UsageError(cmd, "--kind must be people or organizations, not '" + kind + "'");
  }
  CameoImportOptions options;
  options.kind = kind == "people" ? ImportKind::kPeople : ImportKind::kOrganizations;
  if (!LoadCodes(&options)) return kInputErrors;

  Diagnostics diags;
  std::vector<CameoActor> actors;
  for (const std::string& path : args.positional) {
    std::string content;
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      diags.Error(path, 0, 0, "is a directory, not a .actors file");
    } else if (ReadWholeFile(path, &content, &diags)) {
      for (CameoActor& a : ParseCameoActors(content, path, &diags)) actors.push_back(std::move(a));
    }
  }
  nlohmann::ordered_json dict = CameoActorsToDictionary(actors, options, &diags);
  PrintDiagnostics(diags);
  size_t count = dict[kind].size();
  std::string out = OutputPath(args, kind);
  if (diags.HasErrors() && count == 0) {
    std::cerr << "diplograph import-actors: nothing to import"
              << (out == "-" ? "" : "; " + out + " not written") << "\n";
    return kInputErrors;
  }
  std::string file_name = fs::path(out).filename().string();
  if (out != "-" && (!StartsWith(file_name, kind) || !EndsWith(file_name, ".json"))) {
    std::cerr << "diplograph import-actors: warning: --dict reads " << kind
              << " only from files named " << kind << "*.json\n";
  }
  if (!Write(out, dict)) return kInputErrors;
  if (out != "-") {
    std::cerr << "diplograph import-actors: wrote " << count << " " << kind << " to " << out
              << "\n";
  }
  return diags.HasErrors() ? kInputErrors : kOk;
}

}  // namespace diplograph::cli
