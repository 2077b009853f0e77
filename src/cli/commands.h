// cli/commands.h: the subcommand table and the shared run context.
#ifndef DIPLOGRAPH_CLI_COMMANDS_H_
#define DIPLOGRAPH_CLI_COMMANDS_H_

#include <string>
#include <string_view>
#include <vector>

#include "cli/args.h"
#include "diplograph/core/diagnostics.h"

namespace diplograph::cli {

enum ExitCode { kOk = 0, kInputErrors = 1, kUsage = 2, kInterrupted = 130 };

struct Command {
  std::string_view name;
  std::string_view summary;
  std::string_view usage;        // "diplograph extract [INPUT...] [-o FILE] [-j N]"
  std::string_view description;  // paragraph(s) after the usage line
  std::vector<OptionSpec> (*options)();
  int (*run)(const Args& args);
};

const std::vector<Command>& Commands();
const Command* FindCommand(std::string_view name);

// Prints the help of `cmd` to stdout.
void PrintCommandHelp(const Command& cmd);
// Reports a usage error for `cmd` on stderr; returns kUsage.
int UsageError(const Command& cmd, const std::string& message);
// Parses argv for `cmd`, handling --help. Returns -1 to go on, else an exit code.
int ParseFor(const Command& cmd, const std::vector<std::string>& argv, Args* args);

// Prints diagnostics to stderr, one line each.
void PrintDiagnostics(const diplograph::Diagnostics& diags);

int RunExtract(const Args& args);
int RunBuild(const Args& args);
int RunMerge(const Args& args);
int RunExport(const Args& args);
int RunStats(const Args& args);
int RunQuery(const Args& args);
int RunEval(const Args& args);
int RunImportActors(const Args& args);

std::vector<OptionSpec> ExtractOptions();
std::vector<OptionSpec> BuildOptions();
std::vector<OptionSpec> MergeOptions();
std::vector<OptionSpec> ExportOptions();
std::vector<OptionSpec> StatsOptions();
std::vector<OptionSpec> QueryOptions();
std::vector<OptionSpec> EvalOptions();
std::vector<OptionSpec> ImportActorsOptions();

}  // namespace diplograph::cli

#endif  // DIPLOGRAPH_CLI_COMMANDS_H_
