// graph/json_locate.h (private): finds where a value sits in JSON text, so
// errors found after parsing can still carry line:col.
#ifndef DIPLOGRAPH_GRAPH_JSON_LOCATE_H_
#define DIPLOGRAPH_GRAPH_JSON_LOCATE_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace diplograph::graph_internal {

// One step into a JSON value: an object key, or an array index.
struct JsonStep {
  std::string key;
  size_t index = 0;
  bool is_index = false;
};
using JsonPath = std::vector<JsonStep>;

JsonPath Append(const JsonPath& path, std::string key);
JsonPath Append(const JsonPath& path, size_t index);

// "nodes[3].contrib.doc-1.mentions"
std::string PathToString(const JsonPath& path);

// Byte offset in `text` (which must be valid JSON) of the value at `path`,
// or of the deepest enclosing value that exists.
size_t LocateJsonValue(std::string_view text, const JsonPath& path);

}  // namespace diplograph::graph_internal

#endif  // DIPLOGRAPH_GRAPH_JSON_LOCATE_H_
