// Values: comparison, ordering and rendering.
#include "diplograph/query/value.h"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace diplograph::query {

Value Value::Bool(bool v) {
  Value x;
  x.kind = ValueKind::kBool;
  x.b = v;
  return x;
}

Value Value::Int(int64_t v) {
  Value x;
  x.kind = ValueKind::kInt;
  x.i = v;
  return x;
}

Value Value::Float(double v) {
  Value x;
  x.kind = ValueKind::kFloat;
  x.f = v;
  return x;
}

Value Value::String(std::string v) {
  Value x;
  x.kind = ValueKind::kString;
  x.s = std::move(v);
  return x;
}

Value Value::List(std::vector<Value> v) {
  Value x;
  x.kind = ValueKind::kList;
  x.items = std::move(v);
  return x;
}

Value Value::Node(uint32_t index) {
  Value x;
  x.kind = ValueKind::kNode;
  x.i = index;
  return x;
}

Value Value::Edge(uint32_t index) {
  Value x;
  x.kind = ValueKind::kEdge;
  x.i = index;
  return x;
}

const char* KindName(ValueKind kind) {
  switch (kind) {
    case ValueKind::kNull:
      return "null";
    case ValueKind::kBool:
      return "boolean";
    case ValueKind::kInt:
      return "integer";
    case ValueKind::kFloat:
      return "float";
    case ValueKind::kString:
      return "string";
    case ValueKind::kList:
      return "list";
    case ValueKind::kMap:
      return "map";
    case ValueKind::kNode:
      return "node";
    case ValueKind::kEdge:
      return "relationship";
  }
  return "?";
}

std::string KindWithArticle(ValueKind kind) {
  if (kind == ValueKind::kNull) return "null";
  if (kind == ValueKind::kInt) return "an integer";
  return std::string("a ") + KindName(kind);
}

namespace {

template <typename T>
int Cmp(const T& a, const T& b) {
  return a < b ? -1 : (b < a ? 1 : 0);
}

int CompareNumbers(const Value& a, const Value& b) {
  if (a.kind == ValueKind::kInt && b.kind == ValueKind::kInt) return Cmp(a.i, b.i);
  double x = a.AsDouble();
  double y = b.AsDouble();
  if (std::isnan(x) || std::isnan(y)) return Cmp(std::isnan(x), std::isnan(y));
  return Cmp(x, y);
}

// Rank of a kind in the total order; numbers share one rank.
int KindRank(ValueKind kind) {
  switch (kind) {
    case ValueKind::kMap:
      return 0;
    case ValueKind::kNode:
      return 1;
    case ValueKind::kEdge:
      return 2;
    case ValueKind::kList:
      return 3;
    case ValueKind::kString:
      return 4;
    case ValueKind::kBool:
      return 5;
    case ValueKind::kInt:
    case ValueKind::kFloat:
      return 6;
    case ValueKind::kNull:
      return 7;
  }
  return 7;
}

int OrderLists(const std::vector<Value>& a, const std::vector<Value>& b) {
  for (size_t k = 0; k < a.size() && k < b.size(); ++k) {
    if (int c = OrderValues(a[k], b[k]); c != 0) return c;
  }
  return Cmp(a.size(), b.size());
}

}  // namespace

int OrderValues(const Value& a, const Value& b) {
  int ra = KindRank(a.kind);
  int rb = KindRank(b.kind);
  if (ra != rb) return Cmp(ra, rb);
  switch (a.kind) {
    case ValueKind::kNull:
      return 0;
    case ValueKind::kBool:
      return Cmp(a.b, b.b);
    case ValueKind::kInt:
    case ValueKind::kFloat:
      return CompareNumbers(a, b);
    case ValueKind::kString:
      return Cmp(a.s, b.s);
    case ValueKind::kNode:
    case ValueKind::kEdge:
      return Cmp(a.i, b.i);
    case ValueKind::kList:
      return OrderLists(a.items, b.items);
    case ValueKind::kMap:
      if (int c = Cmp(a.keys, b.keys); c != 0) return c;
      return OrderLists(a.items, b.items);
  }
  return 0;
}

bool RowLess::operator()(const std::vector<Value>& a, const std::vector<Value>& b) const {
  return OrderLists(a, b) < 0;
}

std::optional<int> CompareValues(const Value& a, const Value& b) {
  if (a.is_number() && b.is_number()) {
    if (std::isnan(a.AsDouble()) || std::isnan(b.AsDouble())) return std::nullopt;
    return CompareNumbers(a, b);
  }
  if (a.kind != b.kind) return std::nullopt;
  switch (a.kind) {
    case ValueKind::kBool:
      return Cmp(a.b, b.b);
    case ValueKind::kString:
      return Cmp(a.s, b.s);
    case ValueKind::kList:
      for (size_t k = 0; k < a.items.size() && k < b.items.size(); ++k) {
        std::optional<int> c = CompareValues(a.items[k], b.items[k]);
        if (!c || *c != 0) return c;
      }
      return Cmp(a.items.size(), b.items.size());
    default:
      return std::nullopt;
  }
}

std::optional<bool> ValuesEqual(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return std::nullopt;
  if (a.is_number() && b.is_number()) return CompareNumbers(a, b) == 0;
  if (a.kind != b.kind) return false;
  if (a.kind == ValueKind::kList || a.kind == ValueKind::kMap) {
    if (a.items.size() != b.items.size() || a.keys != b.keys) return false;
    bool unknown = false;
    for (size_t k = 0; k < a.items.size(); ++k) {
      std::optional<bool> e = ValuesEqual(a.items[k], b.items[k]);
      if (e && !*e) return false;
      if (!e) unknown = true;
    }
    if (unknown) return std::nullopt;
    return true;
  }
  return OrderValues(a, b) == 0;
}

std::string FloatToString(double v) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "Infinity" : "-Infinity";
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof(buf), v);
  std::string s(buf, ec == std::errc() ? end : buf);
  if (s.find_first_of(".e") == std::string::npos) s += ".0";
  return s;
}

namespace {

std::string ShortFloat(double v) {
  if (std::isnan(v) || std::isinf(v)) return FloatToString(v);
  char buf[64];
  std::snprintf(buf, sizeof(buf), "%.6g", v);
  std::string s(buf);
  if (s.find_first_of(".en") == std::string::npos) s += ".0";
  return s;
}

}  // namespace

std::string ValueToText(const Value& v) {
  switch (v.kind) {
    case ValueKind::kNull:
      return "null";
    case ValueKind::kBool:
      return v.b ? "true" : "false";
    case ValueKind::kInt:
      return std::to_string(v.i);
    case ValueKind::kFloat:
      return ShortFloat(v.f);
    case ValueKind::kString:
      return v.s;
    case ValueKind::kNode:
      return "node#" + std::to_string(v.i);
    case ValueKind::kEdge:
      return "relationship#" + std::to_string(v.i);
    case ValueKind::kList:
    case ValueKind::kMap:
      break;
  }
  bool map = v.kind == ValueKind::kMap;
  std::string out = map ? "{" : "[";
  for (size_t k = 0; k < v.items.size(); ++k) {
    if (k > 0) out += ", ";
    if (map) out += v.keys[k] + ": ";
    out += ValueToText(v.items[k]);
  }
  return out + (map ? "}" : "]");
}

nlohmann::ordered_json ValueToJson(const Value& v) {
  switch (v.kind) {
    case ValueKind::kNull:
      return nullptr;
    case ValueKind::kBool:
      return v.b;
    case ValueKind::kInt:
      return v.i;
    case ValueKind::kFloat:
      if (std::isnan(v.f) || std::isinf(v.f)) return nullptr;
      return v.f;
    case ValueKind::kString:
      return v.s;
    case ValueKind::kNode:
    case ValueKind::kEdge:
      return ValueToText(v);
    case ValueKind::kList: {
      nlohmann::ordered_json a = nlohmann::ordered_json::array();
      for (const Value& item : v.items) a.push_back(ValueToJson(item));
      return a;
    }
    case ValueKind::kMap: {
      nlohmann::ordered_json o = nlohmann::ordered_json::object();
      for (size_t k = 0; k < v.items.size(); ++k) o[v.keys[k]] = ValueToJson(v.items[k]);
      return o;
    }
  }
  return nullptr;
}

}  // namespace diplograph::query
