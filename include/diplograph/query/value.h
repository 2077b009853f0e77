// query/value.h: the dynamically typed values a query computes with.
//
// A Value is a plain, copyable struct. Nodes and edges are indexes into the
// GraphIndex the query runs on (query/index.h); results hand them out as
// maps, so a ResultTable never refers back to the graph.
// Thread-safety: the functions keep no state.
#ifndef DIPLOGRAPH_QUERY_VALUE_H_
#define DIPLOGRAPH_QUERY_VALUE_H_

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace diplograph::query {

enum class ValueKind : uint8_t { kNull, kBool, kInt, kFloat, kString, kList, kMap, kNode, kEdge };

struct Value {
  ValueKind kind = ValueKind::kNull;
  bool b = false;
  int64_t i = 0;  // kInt, and the index of a kNode or kEdge
  double f = 0.0;
  std::string s;
  std::vector<Value> items;       // kList and kMap
  std::vector<std::string> keys;  // kMap: the name of each item

  static Value Null() { return Value(); }
  static Value Bool(bool v);
  static Value Int(int64_t v);
  static Value Float(double v);
  static Value String(std::string v);
  static Value List(std::vector<Value> v);
  static Value Node(uint32_t index);
  static Value Edge(uint32_t index);

  bool is_null() const { return kind == ValueKind::kNull; }
  bool is_number() const { return kind == ValueKind::kInt || kind == ValueKind::kFloat; }
  double AsDouble() const { return kind == ValueKind::kInt ? static_cast<double>(i) : f; }
};

// "null", "boolean", "integer", "float", "string", "list", "map", "node",
// "relationship": for messages.
const char* KindName(ValueKind kind);
// The same with an article: "an integer", "a string", "null".
std::string KindWithArticle(ValueKind kind);

// Cypher comparison for <, <=, > and >=: -1, 0 or 1, or nullopt when the
// values are not comparable (a null, or different kinds other than int and
// float). Strings compare by bytes, lists item by item.
std::optional<int> CompareValues(const Value& a, const Value& b);

// Cypher equality: nullopt when either side is (or holds) a null.
std::optional<bool> ValuesEqual(const Value& a, const Value& b);

// A total order for ORDER BY, DISTINCT and grouping: numbers numerically,
// then by kind, nulls last. OrderValues(a, b) == 0 means "the same group".
int OrderValues(const Value& a, const Value& b);

struct RowLess {
  bool operator()(const std::vector<Value>& a, const std::vector<Value>& b) const;
};

// How a value reads in a text table: strings bare, floats with up to 6
// significant digits (always with a '.' or exponent), lists "[a, b]",
// maps "{k: v}", null "null".
std::string ValueToText(const Value& v);

// A float as the shortest text that reads back to the same double.
std::string FloatToString(double v);

// JSON: null, booleans, numbers (NaN and infinities as null), strings,
// arrays and objects.
nlohmann::ordered_json ValueToJson(const Value& v);

}  // namespace diplograph::query

#endif  // DIPLOGRAPH_QUERY_VALUE_H_
