// Names a query may use, property access, and suggestions.
#include "schema.h"

#include <algorithm>

#include "diplograph/core/strings.h"
#include "diplograph/event/record.h"

namespace diplograph::query::internal {

std::string DidYouMean(std::string_view word, const std::vector<std::string>& candidates) {
  std::string lower = AsciiLower(word);
  int limit = std::max<int>(2, static_cast<int>(lower.size()) / 3);
  int best_distance = limit + 1;
  const std::string* best = nullptr;
  for (const std::string& c : candidates) {
    int d = EditDistance(lower, AsciiLower(c), limit);
    if (d < best_distance) {
      best_distance = d;
      best = &c;
    }
  }
  if (best == nullptr && lower.size() >= 3) {  // a prefix: "met" for "met_with"
    for (const std::string& c : candidates) {
      if (AsciiLower(c).starts_with(lower)) {
        best = &c;
        break;
      }
    }
  }
  if (best == nullptr || *best == word) return "";
  return " (did you mean '" + *best + "'?)";
}

namespace {

std::vector<std::string> Merged(std::vector<std::string> base,
                                const std::vector<std::string>& more) {
  for (const std::string& m : more) {
    if (std::find(base.begin(), base.end(), m) == base.end()) base.push_back(m);
  }
  return base;
}

Value StringOrNull(const std::string& s) { return s.empty() ? Value() : Value::String(s); }

Value Strings(const std::vector<std::string>& v) {
  std::vector<Value> items;
  items.reserve(v.size());
  for (const std::string& s : v) items.push_back(Value::String(s));
  return Value::List(std::move(items));
}

}  // namespace

std::vector<std::string> KnownLabels(const GraphIndex& index) {
  return Merged({"person", "country", "organization", "group", "event", "location"},
                index.node_types());
}

std::vector<std::string> KnownRelTypes(const GraphIndex& index) {
  std::vector<std::string> types;
  for (const EventTypeInfo& t : EventTypes()) types.emplace_back(t.name);
  return Merged(std::move(types), index.edge_types());
}

const std::vector<std::string>& NodePropertyNames() {
  static const std::vector<std::string> kNames = {"name",     "id",      "type",       "country",
                                                  "cameo",    "aliases", "roles",      "documents",
                                                  "mentions", "dates",   "first_date", "last_date"};
  return kNames;
}

int FindNodeProperty(std::string_view name) {
  if (name == "label") return kNodeName;
  const auto& names = NodePropertyNames();
  auto it = std::find(names.begin(), names.end(), name);
  return it == names.end() ? -1 : static_cast<int>(it - names.begin());
}

Value NodeProperty(const GraphIndex& index, uint32_t node, int property) {
  const ActorNode& n = index.node(node);
  switch (property) {
    case 0:
      return Value::String(n.label);
    case 1:
      return Value::String(n.id);
    case 2:
      return StringOrNull(n.type);
    case 3:
      return StringOrNull(n.country);
    case 4:
      return StringOrNull(n.cameo);
    case 5:
      return Strings(n.aliases);
    case 6:
      return Strings(n.roles);
    case 7:
      return Strings(n.documents);
    case 8:
      return Value::Int(n.mentions);
    case 9:
      return Strings(n.dates);
    case 10:
      return StringOrNull(n.first_date);
    case 11:
      return StringOrNull(n.last_date);
    default:
      return Value();
  }
}

const std::vector<std::string>& EdgePropertyNames() {
  static const std::vector<std::string> kNames = {
      "weight",    "mentions", "first_date",   "last_date", "dates", "documents", "cameo",
      "goldstein", "evidence", "evidence_doc", "symmetric", "type",  "source",    "target"};
  return kNames;
}

int FindEdgeProperty(std::string_view name) {
  if (name == "label") return 11;
  const auto& names = EdgePropertyNames();
  auto it = std::find(names.begin(), names.end(), name);
  return it == names.end() ? -1 : static_cast<int>(it - names.begin());
}

Value EdgeProperty(const GraphIndex& index, uint32_t edge, int property) {
  const RelationEdge& e = index.edge(edge);
  switch (property) {
    case 0:
      return Value::Int(e.weight);
    case 1:
      return Value::Int(e.mentions);
    case 2:
      return StringOrNull(e.first_date);
    case 3:
      return StringOrNull(e.last_date);
    case 4:
      return Strings(e.dates);
    case 5:
      return Strings(e.documents);
    case 6:
      return StringOrNull(e.cameo);
    case 7:
      return Value::Float(e.goldstein);
    case 8:
      return StringOrNull(e.evidence);
    case 9:
      return StringOrNull(e.evidence_doc);
    case 10:
      return Value::Bool(e.symmetric);
    case 11:
      return Value::String(e.key.type);
    case 12:
      return Value::String(e.key.source);
    case 13:
      return Value::String(e.key.target);
    default:
      return Value();
  }
}

Value NodeAsMap(const GraphIndex& index, uint32_t node) {
  Value m;
  m.kind = ValueKind::kMap;
  m.keys = {"id", "name", "type", "country"};
  for (int p : {1, 0, 2, 3}) m.items.push_back(NodeProperty(index, node, p));
  return m;
}

Value EdgeAsMap(const GraphIndex& index, uint32_t edge) {
  Value m;
  m.kind = ValueKind::kMap;
  m.keys = {"source", "target", "type", "weight"};
  for (int p : {12, 13, 11, 0}) m.items.push_back(EdgeProperty(index, edge, p));
  return m;
}

Value Materialize(const GraphIndex& index, const Value& v) {
  switch (v.kind) {
    case ValueKind::kNode:
      return NodeAsMap(index, static_cast<uint32_t>(v.i));
    case ValueKind::kEdge:
      return EdgeAsMap(index, static_cast<uint32_t>(v.i));
    case ValueKind::kList:
    case ValueKind::kMap: {
      Value out = v;
      for (Value& item : out.items) item = Materialize(index, item);
      return out;
    }
    default:
      return v;
  }
}

namespace {

const std::vector<FunctionInfo>& Functions() {
  static const std::vector<FunctionInfo> kFunctions = {
      {"count", Fn::kCount, 1, 1, true},
      {"collect", Fn::kCollect, 1, 1, true},
      {"min", Fn::kMin, 1, 1, true},
      {"max", Fn::kMax, 1, 1, true},
      {"sum", Fn::kSum, 1, 1, true},
      {"avg", Fn::kAvg, 1, 1, true},
      {"type", Fn::kType, 1, 1, false},
      {"labels", Fn::kLabels, 1, 1, false},
      {"label", Fn::kLabel, 1, 1, false},
      {"id", Fn::kId, 1, 1, false},
      {"size", Fn::kSize, 1, 1, false},
      {"length", Fn::kLength, 1, 1, false},
      {"toLower", Fn::kToLower, 1, 1, false},
      {"toUpper", Fn::kToUpper, 1, 1, false},
      {"coalesce", Fn::kCoalesce, 1, -1, false},
      {"toString", Fn::kToString, 1, 1, false},
      {"toInteger", Fn::kToInteger, 1, 1, false},
      {"toFloat", Fn::kToFloat, 1, 1, false},
      {"abs", Fn::kAbs, 1, 1, false},
      {"round", Fn::kRound, 1, 1, false},
      {"trim", Fn::kTrim, 1, 1, false},
      {"startNode", Fn::kStartNode, 1, 1, false},
      {"endNode", Fn::kEndNode, 1, 1, false},
      {"head", Fn::kHead, 1, 1, false},
      {"last", Fn::kLast, 1, 1, false},
      {"split", Fn::kSplit, 2, 2, false},
  };
  return kFunctions;
}

const std::vector<ProcedureInfo>& Procedures() {
  static const std::vector<ProcedureInfo> kProcedures = {
      {"shortestPath", Proc::kShortestPath, {"from", "to"}, 2, {"path", "ids", "types", "length"}},
      {"pagerank", Proc::kPageRank, {"damping"}, 0, {"id", "name", "type", "score"}},
      {"betweenness", Proc::kBetweenness, {}, 0, {"id", "name", "type", "score"}},
      {"degree", Proc::kDegree, {}, 0, {"id", "name", "type", "in", "out", "degree", "weighted"}},
      {"components", Proc::kComponents, {}, 0, {"id", "name", "type", "component", "size"}},
      {"timeline",
       Proc::kTimeline,
       {"actor"},
       1,
       {"date", "type", "source", "target", "weight", "evidence", "documents"}},
  };
  return kProcedures;
}

}  // namespace

const FunctionInfo* FindFunction(std::string_view name) {
  std::string lower = AsciiLower(name);
  for (const FunctionInfo& f : Functions()) {
    if (AsciiLower(f.name) == lower) return &f;
  }
  return nullptr;
}

const FunctionInfo& FunctionAt(int id) { return Functions()[static_cast<size_t>(id)]; }
int FunctionId(const FunctionInfo& info) { return static_cast<int>(&info - Functions().data()); }

std::vector<std::string> FunctionNames() {
  std::vector<std::string> out;
  for (const FunctionInfo& f : Functions()) out.emplace_back(f.name);
  return out;
}

const ProcedureInfo* FindProcedure(std::string_view name) {
  std::string lower = AsciiLower(name);
  for (const ProcedureInfo& p : Procedures()) {
    if (AsciiLower(p.name) == lower) return &p;
  }
  return nullptr;
}

const ProcedureInfo& ProcedureAt(int id) { return Procedures()[static_cast<size_t>(id)]; }
int ProcedureId(const ProcedureInfo& info) { return static_cast<int>(&info - Procedures().data()); }

std::vector<std::string> ProcedureNames() {
  std::vector<std::string> out;
  for (const ProcedureInfo& p : Procedures()) out.emplace_back(p.name);
  return out;
}

}  // namespace diplograph::query::internal
