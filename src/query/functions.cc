// The scalar functions: type(r), labels(n), id(n), size(x), toLower(s), ...
#include <cerrno>
#include <cmath>
#include <cstdlib>

#include "diplograph/core/strings.h"
#include "eval.h"
#include "schema.h"

namespace diplograph::query::internal {

namespace {

size_t CodePoints(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::string AsciiUpper(std::string s) {
  for (char& c : s) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return s;
}

Value WrongType(const Expr& e, const Value& v, EvalContext* ctx) {
  ctx->Error(e.pos, std::string(FunctionAt(e.function).name) + "() cannot take " +
                        KindWithArticle(v.kind));
  return Value();
}

Value ToInteger(const Value& v) {
  switch (v.kind) {
    case ValueKind::kInt:
      return v;
    case ValueKind::kFloat:
      return std::isfinite(v.f) ? Value::Int(static_cast<int64_t>(v.f)) : Value();
    case ValueKind::kBool:
      return Value::Int(v.b ? 1 : 0);
    case ValueKind::kString: {
      std::string s(Trim(v.s));
      char* end = nullptr;
      errno = 0;
      double d = std::strtod(s.c_str(), &end);
      if (s.empty() || *end != '\0' || errno == ERANGE || !std::isfinite(d)) return Value();
      return Value::Int(static_cast<int64_t>(d));
    }
    default:
      return Value();
  }
}

Value ToFloat(const Value& v) {
  switch (v.kind) {
    case ValueKind::kInt:
      return Value::Float(static_cast<double>(v.i));
    case ValueKind::kFloat:
      return v;
    case ValueKind::kString: {
      std::string s(Trim(v.s));
      char* end = nullptr;
      double d = std::strtod(s.c_str(), &end);
      if (s.empty() || *end != '\0') return Value();
      return Value::Float(d);
    }
    default:
      return Value();
  }
}

Value EdgeFunction(Fn fn, const Expr& e, const Value& v, EvalContext* ctx) {
  if (v.kind != ValueKind::kEdge) return WrongType(e, v, ctx);
  uint32_t edge = static_cast<uint32_t>(v.i);
  switch (fn) {
    case Fn::kType:
      return Value::String(ctx->index->edge(edge).key.type);
    case Fn::kStartNode:
      return Value::Node(ctx->index->source(edge));
    default:
      return Value::Node(ctx->index->target(edge));
  }
}

Value SizeOf(const Expr& e, const Value& v, EvalContext* ctx) {
  if (v.kind == ValueKind::kList) return Value::Int(static_cast<int64_t>(v.items.size()));
  if (v.kind == ValueKind::kString) return Value::Int(static_cast<int64_t>(CodePoints(v.s)));
  return WrongType(e, v, ctx);
}

Value IdOf(const Expr& e, const Value& v, EvalContext* ctx) {
  if (v.kind == ValueKind::kNode) {
    return Value::String(ctx->index->node(static_cast<uint32_t>(v.i)).id);
  }
  if (v.kind == ValueKind::kEdge) {
    const EdgeKey& k = ctx->index->edge(static_cast<uint32_t>(v.i)).key;
    return Value::String(k.source + "-" + k.type + "->" + k.target);
  }
  return WrongType(e, v, ctx);
}

Value LabelsOf(Fn fn, const Expr& e, const Value& v, EvalContext* ctx) {
  if (v.kind != ValueKind::kNode) return WrongType(e, v, ctx);
  const std::string& type = ctx->index->node(static_cast<uint32_t>(v.i)).type;
  if (fn == Fn::kLabel) return type.empty() ? Value() : Value::String(type);
  return Value::List(type.empty() ? std::vector<Value>{} : std::vector<Value>{Value::String(type)});
}

Value StringFunction(Fn fn, const Expr& e, const Value& v, EvalContext* ctx) {
  if (v.kind != ValueKind::kString) return WrongType(e, v, ctx);
  switch (fn) {
    case Fn::kToLower:
      return Value::String(AsciiLower(v.s));
    case Fn::kToUpper:
      return Value::String(AsciiUpper(v.s));
    default:
      return Value::String(std::string(Trim(v.s)));
  }
}

Value NumberFunction(Fn fn, const Expr& e, const Value& v, EvalContext* ctx) {
  if (!v.is_number()) return WrongType(e, v, ctx);
  if (fn == Fn::kAbs)
    return v.kind == ValueKind::kInt ? Value::Int(std::llabs(v.i)) : Value::Float(std::fabs(v.f));
  return Value::Float(std::round(v.AsDouble()));
}

Value Split(const Expr& e, const Value& s, const Value& sep, EvalContext* ctx) {
  if (sep.is_null()) return Value();
  if (s.kind != ValueKind::kString) return WrongType(e, s, ctx);
  if (sep.kind != ValueKind::kString) return WrongType(e, sep, ctx);
  std::vector<Value> parts;
  if (sep.s.empty()) {
    for (char c : s.s) parts.push_back(Value::String(std::string(1, c)));
    return Value::List(std::move(parts));
  }
  size_t start = 0;
  while (true) {
    size_t at = s.s.find(sep.s, start);
    parts.push_back(Value::String(s.s.substr(start, at - start)));
    if (at == std::string::npos) break;
    start = at + sep.s.size();
  }
  return Value::List(std::move(parts));
}

}  // namespace

Value CallFunction(const Expr& e, const std::vector<Value>& args, EvalContext* ctx) {
  Fn fn = FunctionAt(e.function).fn;
  if (fn == Fn::kCoalesce) {
    for (const Value& v : args) {
      if (!v.is_null()) return v;
    }
    return Value();
  }
  const Value& v = args[0];
  if (v.is_null()) return Value();
  switch (fn) {
    case Fn::kType:
    case Fn::kStartNode:
    case Fn::kEndNode:
      return EdgeFunction(fn, e, v, ctx);
    case Fn::kLabels:
    case Fn::kLabel:
      return LabelsOf(fn, e, v, ctx);
    case Fn::kId:
      return IdOf(e, v, ctx);
    case Fn::kSize:
    case Fn::kLength:
      return SizeOf(e, v, ctx);
    case Fn::kToLower:
    case Fn::kToUpper:
    case Fn::kTrim:
      return StringFunction(fn, e, v, ctx);
    case Fn::kToString:
      if (v.kind == ValueKind::kFloat) return Value::String(FloatToString(v.f));
      if (v.kind == ValueKind::kList || v.kind == ValueKind::kMap) return WrongType(e, v, ctx);
      return Value::String(ValueToText(v));
    case Fn::kToInteger:
      return ToInteger(v);
    case Fn::kToFloat:
      return ToFloat(v);
    case Fn::kAbs:
    case Fn::kRound:
      return NumberFunction(fn, e, v, ctx);
    case Fn::kHead:
    case Fn::kLast:
      if (v.kind != ValueKind::kList) return WrongType(e, v, ctx);
      if (v.items.empty()) return Value();
      return fn == Fn::kHead ? v.items.front() : v.items.back();
    case Fn::kSplit:
      return Split(e, v, args[1], ctx);
    default:
      return Value();
  }
}

}  // namespace diplograph::query::internal
