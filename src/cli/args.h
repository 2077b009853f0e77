// cli/args.h: command-line parsing against a per-command option table.
#ifndef DIPLOGRAPH_CLI_ARGS_H_
#define DIPLOGRAPH_CLI_ARGS_H_

#include <map>
#include <string>
#include <vector>

namespace diplograph::cli {

struct OptionSpec {
  const char* name;   // "--output"
  const char* alias;  // "-o", or nullptr
  bool takes_value;
  const char* help;
};

struct Args {
  std::vector<std::string> positional;
  std::map<std::string, std::vector<std::string>> values;  // by long name

  bool Has(const std::string& name) const { return values.count(name) > 0; }
  std::string Get(const std::string& name, const std::string& fallback = "") const;
  std::vector<std::string> GetAll(const std::string& name) const;
};

// Parses argv against `specs`. On an unknown option or a missing value,
// returns false with a one-line message in *error.
bool ParseArgs(const std::vector<std::string>& argv, const std::vector<OptionSpec>& specs,
               Args* args, std::string* error);

// "  -o, --output FILE   help" lines for --help.
std::string FormatOptions(const std::vector<OptionSpec>& specs);

}  // namespace diplograph::cli

#endif  // DIPLOGRAPH_CLI_ARGS_H_
