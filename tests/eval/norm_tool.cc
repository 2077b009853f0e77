// Reads JSON strings, one a line, and prints NormalizeName() of each as a
// JSON string line: the C++ side of tests/eval/norm_differential.py.
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

#include "diplograph/eval/normalize.h"

int main() {
  std::ios::sync_with_stdio(false);
  std::string line;
  while (std::getline(std::cin, line)) {
    std::string name = nlohmann::json::parse(line).get<std::string>();
    std::cout << nlohmann::json(diplograph::eval::NormalizeName(name)).dump() << '\n';
  }
  return std::cout.flush() ? 0 : 1;
}
