#include "cli/args.h"

#include <algorithm>

#include "diplograph/core/strings.h"

namespace diplograph::cli {

std::string Args::Get(const std::string& name, const std::string& fallback) const {
  auto it = values.find(name);
  return it == values.end() || it->second.empty() ? fallback : it->second.back();
}

std::vector<std::string> Args::GetAll(const std::string& name) const {
  auto it = values.find(name);
  return it == values.end() ? std::vector<std::string>{} : it->second;
}

namespace {

const OptionSpec* FindSpec(const std::vector<OptionSpec>& specs, const std::string& arg) {
  for (const OptionSpec& s : specs) {
    if (arg == s.name || (s.alias != nullptr && arg == s.alias)) return &s;
  }
  return nullptr;
}

std::string Closest(const std::vector<OptionSpec>& specs, const std::string& arg) {
  std::string best;
  int best_d = 3;
  for (const OptionSpec& s : specs) {
    int d = EditDistance(arg, s.name, 2);
    if (d < best_d) {
      best_d = d;
      best = s.name;
    }
  }
  return best;
}

}  // namespace

bool ParseArgs(const std::vector<std::string>& argv, const std::vector<OptionSpec>& specs,
               Args* args, std::string* error) {
  bool only_positional = false;
  for (size_t i = 0; i < argv.size(); ++i) {
    std::string a = argv[i];
    if (only_positional || a == "-" || a.empty() || a[0] != '-') {
      args->positional.push_back(a);
      continue;
    }
    if (a == "--") {
      only_positional = true;
      continue;
    }
    std::string value;
    bool inline_value = false;
    size_t eq = a.find('=');
    if (StartsWith(a, "--") && eq != std::string::npos) {
      value = a.substr(eq + 1);
      a = a.substr(0, eq);
      inline_value = true;
    }
    const OptionSpec* spec = FindSpec(specs, a);
    if (spec == nullptr) {
      *error = "unknown option '" + a + "'";
      std::string near = Closest(specs, a);
      if (!near.empty()) *error += " (did you mean '" + near + "'?)";
      return false;
    }
    if (spec->takes_value) {
      if (!inline_value) {
        if (i + 1 >= argv.size()) {
          *error = "option '" + a + "' needs a value";
          return false;
        }
        value = argv[++i];
      }
      args->values[spec->name].push_back(value);
    } else {
      if (inline_value) {
        *error = "option '" + a + "' takes no value";
        return false;
      }
      args->values[spec->name].push_back("");
    }
  }
  return true;
}

std::string FormatOptions(const std::vector<OptionSpec>& specs) {
  std::string out;
  for (const OptionSpec& s : specs) {
    std::string left = "  ";
    left += s.alias != nullptr ? std::string(s.alias) + ", " : "    ";
    left += s.name;
    if (s.takes_value) left += " VALUE";
    if (left.size() < 28)
      left.resize(28, ' ');
    else
      left += "  ";
    out += left + s.help + "\n";
  }
  return out;
}

}  // namespace diplograph::cli
