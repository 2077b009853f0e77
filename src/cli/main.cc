// diplograph: news articles -> a knowledge graph of who did what to whom.
#include <exception>
#include <iostream>
#include <new>
#include <string>
#include <system_error>
#include <vector>

#include "cli/commands.h"
#include "diplograph/core/atomic_file.h"
#include "diplograph/core/heap.h"
#include "diplograph/core/strings.h"

namespace {

void PrintMainHelp() {
  std::cout << "usage: diplograph COMMAND [ARGS...]\n\n"
               "Turns news articles about international relations into a knowledge graph of\n"
               "who did what to whom, and exports it for Gephi, networkx, igraph and Neo4j.\n\n"
               "commands:\n";
  for (const auto& c : diplograph::cli::Commands()) {
    std::string name(c.name);
    name.resize(std::max<size_t>(name.size() + 2, 14), ' ');
    std::cout << "  " << name << c.summary << "\n";
  }
  std::cout << "\n'diplograph help COMMAND' or 'diplograph COMMAND --help' shows a command's "
               "options.\n'diplograph --version' prints the version.\n";
}

int Main(int argc, char** argv) {
  using namespace diplograph::cli;
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "-h" || args[0] == "--help") {
    PrintMainHelp();
    return args.empty() ? kUsage : kOk;
  }
  if (args[0] == "--version" || args[0] == "version") {
    std::cout << "diplograph " << DIPLOGRAPH_VERSION << "\n";
    return kOk;
  }
  if (args[0] == "help") {
    if (args.size() == 1) {
      PrintMainHelp();
      return kOk;
    }
    const Command* c = FindCommand(args[1]);
    if (c == nullptr) {
      std::cerr << "diplograph: unknown command '" << args[1] << "' (see 'diplograph --help')\n";
      return kUsage;
    }
    PrintCommandHelp(*c);
    return kOk;
  }
  const Command* cmd = FindCommand(args[0]);
  if (cmd == nullptr) {
    std::string near;
    int best = 3;
    for (const auto& c : Commands()) {
      int d = diplograph::EditDistance(args[0], c.name, 2);
      if (d < best) {
        best = d;
        near = std::string(c.name);
      }
    }
    std::cerr << "diplograph: unknown command '" << args[0] << "'";
    if (!near.empty()) std::cerr << " (did you mean '" << near << "'?)";
    std::cerr << " (see 'diplograph --help')\n";
    return kUsage;
  }
  Args parsed;
  int rc = ParseFor(*cmd, std::vector<std::string>(args.begin() + 1, args.end()), &parsed);
  if (rc >= 0) return rc;
  return cmd->run(parsed);
}

}  // namespace

int main(int argc, char** argv) {
  diplograph::GrowHeapInLargeSteps();
  diplograph::InstallInterruptHandler();
  std::ios::sync_with_stdio(false);
  try {
    return Main(argc, argv);
  } catch (const std::bad_alloc&) {
    std::cerr << "diplograph: out of memory\n";
  } catch (const std::system_error& e) {
    std::cerr << "diplograph: system error: " << e.what() << "\n";
  } catch (const std::exception& e) {
    std::cerr << "diplograph: internal error: " << e.what() << "\n";
  }
  return 1;
}
