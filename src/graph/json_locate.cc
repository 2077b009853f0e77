#include "json_locate.h"

#include <nlohmann/json.hpp>

namespace diplograph::graph_internal {

JsonPath Append(const JsonPath& path, std::string key) {
  JsonPath out = path;
  out.push_back({std::move(key), 0, false});
  return out;
}

JsonPath Append(const JsonPath& path, size_t index) {
  JsonPath out = path;
  out.push_back({"", index, true});
  return out;
}

std::string PathToString(const JsonPath& path) {
  std::string out;
  for (const JsonStep& step : path) {
    if (step.is_index) {
      out += '[' + std::to_string(step.index) + ']';
    } else {
      if (!out.empty()) out += '.';
      out += step.key;
    }
  }
  return out;
}

namespace {

size_t SkipWs(std::string_view t, size_t i) {
  while (i < t.size() && (t[i] == ' ' || t[i] == '\n' || t[i] == '\r' || t[i] == '\t')) ++i;
  return i;
}

// `i` at the opening quote; returns the index after the closing quote.
size_t SkipString(std::string_view t, size_t i) {
  for (++i; i < t.size(); ++i) {
    if (t[i] == '\\') {
      ++i;
    } else if (t[i] == '"') {
      return i + 1;
    }
  }
  return t.size();
}

size_t SkipValue(std::string_view t, size_t i) {
  if (i >= t.size()) return i;
  if (t[i] == '"') return SkipString(t, i);
  int depth = 0;
  for (; i < t.size(); ++i) {
    char c = t[i];
    if (c == '"') {
      i = SkipString(t, i) - 1;
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if (c == '}' || c == ']') {
      if (depth == 0) return i;  // end of a scalar inside a container
      if (--depth == 0) return i + 1;
    } else if (depth == 0 && (c == ',' || c == ' ' || c == '\n' || c == '\r' || c == '\t')) {
      return i;
    }
  }
  return i;
}

bool KeyEquals(std::string_view quoted, const std::string& key) {
  std::string_view raw = quoted.substr(1, quoted.size() - 2);
  if (raw.find('\\') == std::string_view::npos) return raw == key;
  nlohmann::json decoded = nlohmann::json::parse(quoted.begin(), quoted.end(), nullptr, false);
  return decoded.is_string() && decoded.get<std::string>() == key;
}

// `i` at a container; returns the offset of the member for `step`, or npos.
size_t FindMember(std::string_view t, size_t i, const JsonStep& step) {
  bool object = t[i] == '{';
  if (object == step.is_index) return std::string_view::npos;
  size_t n = 0;
  i = SkipWs(t, i + 1);
  while (i < t.size() && t[i] != '}' && t[i] != ']') {
    bool match = step.is_index && n == step.index;
    if (object) {
      size_t key_end = SkipString(t, i);
      match = KeyEquals(t.substr(i, key_end - i), step.key);
      i = SkipWs(t, SkipWs(t, key_end) + 1);  // past ':'
    }
    if (match) return i;
    i = SkipWs(t, SkipValue(t, i));
    if (i < t.size() && t[i] == ',') i = SkipWs(t, i + 1);
    ++n;
  }
  return std::string_view::npos;
}

}  // namespace

size_t LocateJsonValue(std::string_view text, const JsonPath& path) {
  size_t at = SkipWs(text, 0);
  if (text.substr(at, 3) == "\xEF\xBB\xBF") at = SkipWs(text, at + 3);
  for (const JsonStep& step : path) {
    if (at >= text.size() || (text[at] != '{' && text[at] != '[')) break;
    size_t next = FindMember(text, at, step);
    if (next == std::string_view::npos) break;
    at = next;
  }
  return at;
}

}  // namespace diplograph::graph_internal
