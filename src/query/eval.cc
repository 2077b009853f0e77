// Expression evaluation with Cypher's three-valued logic: null in, null out.
#include "eval.h"

#include <cmath>

#include "diplograph/core/strings.h"
#include "schema.h"

namespace diplograph::query::internal {

void EvalContext::Error(size_t pos, const std::string& message) {
  if (failed) return;
  failed = true;
  int line = 0;
  int col = 0;
  LineColAt(source, pos, &line, &col);
  diags->Error(path, line, col, message);
}

const RE2* EvalContext::Regex(const std::string& pattern, size_t pos) {
  auto it = regexes_.find(pattern);
  if (it == regexes_.end()) {
    RE2::Options options;
    options.set_log_errors(false);
    auto re = std::make_unique<RE2>(pattern, options);
    if (!re->ok()) {
      Error(pos, "bad regular expression: " + re->error());
      return nullptr;
    }
    it = regexes_.emplace(pattern, std::move(re)).first;
  }
  return it->second.get();
}

bool NodeHasName(const GraphIndex& index, uint32_t n, std::string_view name) {
  const std::string key = GraphIndex::NameKey(name);
  const ActorNode& node = index.node(n);
  if (GraphIndex::NameKey(node.label) == key) return true;
  for (const std::string& alias : node.aliases) {
    if (GraphIndex::NameKey(alias) == key) return true;
  }
  return false;
}

Value PropertyOf(const Value& base, const std::string& name, size_t pos, EvalContext* ctx) {
  switch (base.kind) {
    case ValueKind::kNull:
      return Value();
    case ValueKind::kNode: {
      int id = FindNodeProperty(name);
      if (id >= 0) return NodeProperty(*ctx->index, static_cast<uint32_t>(base.i), id);
      ctx->Error(pos,
                 "unknown node property '" + name + "'" + DidYouMean(name, NodePropertyNames()));
      return Value();
    }
    case ValueKind::kEdge: {
      int id = FindEdgeProperty(name);
      if (id >= 0) return EdgeProperty(*ctx->index, static_cast<uint32_t>(base.i), id);
      ctx->Error(pos, "unknown relationship property '" + name + "'" +
                          DidYouMean(name, EdgePropertyNames()));
      return Value();
    }
    case ValueKind::kMap:
      for (size_t k = 0; k < base.keys.size(); ++k) {
        if (base.keys[k] == name) return base.items[k];
      }
      return Value();
    default:
      ctx->Error(
          pos, std::string("cannot read property '") + name + "' of " + KindWithArticle(base.kind));
      return Value();
  }
}

namespace {

Value Logic(Op op, const Value& a, const Value& b, const Expr& e, EvalContext* ctx) {
  for (const Value* v : {&a, &b}) {
    if (!v->is_null() && v->kind != ValueKind::kBool) {
      ctx->Error(e.pos, std::string("AND, OR and XOR need true, false or null, not ") +
                            KindWithArticle(v->kind));
      return Value();
    }
  }
  bool an = a.is_null();
  bool bn = b.is_null();
  switch (op) {
    case Op::kAnd:
      if ((!an && !a.b) || (!bn && !b.b)) return Value::Bool(false);
      return an || bn ? Value() : Value::Bool(true);
    case Op::kOr:
      if ((!an && a.b) || (!bn && b.b)) return Value::Bool(true);
      return an || bn ? Value() : Value::Bool(false);
    default:
      return an || bn ? Value() : Value::Bool(a.b != b.b);
  }
}

// `+` on lists (concatenation, appending) and strings (concatenation, with
// numbers as text).
std::optional<Value> Concatenate(const Value& a, const Value& b) {
  if (a.kind == ValueKind::kList || b.kind == ValueKind::kList) {
    Value out = a.kind == ValueKind::kList ? a : Value::List({a});
    if (b.kind == ValueKind::kList) {
      out.items.insert(out.items.end(), b.items.begin(), b.items.end());
    } else {
      out.items.push_back(b);
    }
    return out;
  }
  if (a.kind == ValueKind::kString || b.kind == ValueKind::kString) {
    auto text = [](const Value& v) {
      return v.kind == ValueKind::kFloat ? FloatToString(v.f) : ValueToText(v);
    };
    return Value::String(text(a) + text(b));
  }
  return std::nullopt;
}

const char* OpSymbol(Op op) {
  switch (op) {
    case Op::kAdd:
      return "+";
    case Op::kSub:
      return "-";
    case Op::kMul:
      return "*";
    case Op::kDiv:
      return "/";
    default:
      return "%";
  }
}

Value IntegerOp(Op op, int64_t x, int64_t y, const Expr& e, EvalContext* ctx) {
  if ((op == Op::kDiv || op == Op::kMod) && y == 0) {
    ctx->Error(e.pos, "division by zero");
    return Value();
  }
  switch (op) {
    case Op::kAdd:
      return Value::Int(x + y);
    case Op::kSub:
      return Value::Int(x - y);
    case Op::kMul:
      return Value::Int(x * y);
    case Op::kDiv:
      return Value::Int(x / y);
    default:
      return Value::Int(x % y);
  }
}

Value Arithmetic(Op op, const Value& a, const Value& b, const Expr& e, EvalContext* ctx) {
  if (a.is_null() || b.is_null()) return Value();
  if (op == Op::kAdd) {
    if (std::optional<Value> joined = Concatenate(a, b)) return *joined;
  }
  if (!a.is_number() || !b.is_number()) {
    ctx->Error(e.pos, std::string("cannot compute ") + KindName(a.kind) + " " + OpSymbol(op) + " " +
                          KindName(b.kind));
    return Value();
  }
  if (a.kind == ValueKind::kInt && b.kind == ValueKind::kInt)
    return IntegerOp(op, a.i, b.i, e, ctx);
  double x = a.AsDouble();
  double y = b.AsDouble();
  switch (op) {
    case Op::kAdd:
      return Value::Float(x + y);
    case Op::kSub:
      return Value::Float(x - y);
    case Op::kMul:
      return Value::Float(x * y);
    case Op::kDiv:
      return Value::Float(x / y);
    default:
      return Value::Float(std::fmod(x, y));
  }
}

Value Compare(Op op, const Value& a, const Value& b) {
  if (op == Op::kEq || op == Op::kNe) {
    std::optional<bool> eq = ValuesEqual(a, b);
    if (!eq) return Value();
    return Value::Bool(op == Op::kEq ? *eq : !*eq);
  }
  std::optional<int> c = CompareValues(a, b);
  if (!c) return Value();
  switch (op) {
    case Op::kLt:
      return Value::Bool(*c < 0);
    case Op::kLe:
      return Value::Bool(*c <= 0);
    case Op::kGt:
      return Value::Bool(*c > 0);
    default:
      return Value::Bool(*c >= 0);
  }
}

Value In(const Value& item, const Value& list, const Expr& e, EvalContext* ctx) {
  if (list.is_null()) return Value();
  if (list.kind != ValueKind::kList) {
    ctx->Error(e.args[1]->pos, std::string("IN needs a list, not ") + KindWithArticle(list.kind));
    return Value();
  }
  bool unknown = false;
  for (const Value& v : list.items) {
    std::optional<bool> eq = ValuesEqual(item, v);
    if (eq && *eq) return Value::Bool(true);
    if (!eq) unknown = true;
  }
  return unknown ? Value() : Value::Bool(false);
}

Value StringOp(Op op, const Value& a, const Value& b, const Expr& e, EvalContext* ctx) {
  if (a.kind != ValueKind::kString || b.kind != ValueKind::kString) return Value();
  switch (op) {
    case Op::kContains:
      return Value::Bool(a.s.find(b.s) != std::string::npos);
    case Op::kStartsWith:
      return Value::Bool(StartsWith(a.s, b.s));
    case Op::kEndsWith:
      return Value::Bool(EndsWith(a.s, b.s));
    default: {
      const RE2* re = ctx->Regex(b.s, e.args[1]->pos);
      return re == nullptr ? Value() : Value::Bool(RE2::FullMatch(a.s, *re));
    }
  }
}

Value EvalBinary(const Expr& e, const Row& row, EvalContext* ctx) {
  Value a = Eval(*e.args[0], row, ctx);
  if (e.op == Op::kAnd && a.kind == ValueKind::kBool && !a.b) return a;
  if (e.op == Op::kOr && a.kind == ValueKind::kBool && a.b) return a;
  Value b = Eval(*e.args[1], row, ctx);
  switch (e.op) {
    case Op::kAnd:
    case Op::kOr:
    case Op::kXor:
      return Logic(e.op, a, b, e, ctx);
    case Op::kEq:
    case Op::kNe:
    case Op::kLt:
    case Op::kLe:
    case Op::kGt:
    case Op::kGe:
      return Compare(e.op, a, b);
    case Op::kIn:
      return In(a, b, e, ctx);
    case Op::kContains:
    case Op::kStartsWith:
    case Op::kEndsWith:
    case Op::kRegex:
      return StringOp(e.op, a, b, e, ctx);
    default:
      return Arithmetic(e.op, a, b, e, ctx);
  }
}

Value EvalUnary(const Expr& e, const Row& row, EvalContext* ctx) {
  Value a = Eval(*e.args[0], row, ctx);
  switch (e.op) {
    case Op::kIsNull:
      return Value::Bool(a.is_null());
    case Op::kIsNotNull:
      return Value::Bool(!a.is_null());
    case Op::kNot:
      if (a.is_null()) return a;
      if (a.kind != ValueKind::kBool) {
        ctx->Error(e.pos,
                   std::string("NOT needs true, false or null, not ") + KindWithArticle(a.kind));
        return Value();
      }
      return Value::Bool(!a.b);
    default:
      if (a.is_null()) return a;
      if (!a.is_number()) {
        ctx->Error(e.pos, "cannot negate " + KindWithArticle(a.kind));
        return Value();
      }
      if (e.op == Op::kPlus) return a;
      return a.kind == ValueKind::kInt ? Value::Int(-a.i) : Value::Float(-a.f);
  }
}

Value EvalIndex(const Expr& e, const Row& row, EvalContext* ctx) {
  Value base = Eval(*e.args[0], row, ctx);
  Value index = Eval(*e.args[1], row, ctx);
  if (base.is_null() || index.is_null()) return Value();
  if (base.kind == ValueKind::kList && index.kind == ValueKind::kInt) {
    int64_t n = static_cast<int64_t>(base.items.size());
    int64_t i = index.i < 0 ? n + index.i : index.i;
    return i >= 0 && i < n ? base.items[static_cast<size_t>(i)] : Value();
  }
  if (index.kind == ValueKind::kString) return PropertyOf(base, index.s, e.pos, ctx);
  ctx->Error(e.pos,
             "cannot index " + KindWithArticle(base.kind) + " with " + KindWithArticle(index.kind));
  return Value();
}

}  // namespace

Value Eval(const Expr& e, const Row& row, EvalContext* ctx) {
  switch (e.kind) {
    case ExprKind::kLiteral:
      return e.literal;
    case ExprKind::kVariable:
      return row[static_cast<size_t>(e.slot)];
    case ExprKind::kProperty:
      return PropertyOf(Eval(*e.args[0], row, ctx), e.name, e.pos, ctx);
    case ExprKind::kIndex:
      return EvalIndex(e, row, ctx);
    case ExprKind::kList: {
      std::vector<Value> items;
      for (const ExprPtr& arg : e.args) items.push_back(Eval(*arg, row, ctx));
      return Value::List(std::move(items));
    }
    case ExprKind::kCountStar:
    case ExprKind::kFunction: {
      if (e.aggregate >= 0) {
        return ctx->aggregates ? (*ctx->aggregates)[static_cast<size_t>(e.aggregate)] : Value();
      }
      std::vector<Value> args;
      for (const ExprPtr& arg : e.args) args.push_back(Eval(*arg, row, ctx));
      return CallFunction(e, args, ctx);
    }
    case ExprKind::kUnary:
      return EvalUnary(e, row, ctx);
    case ExprKind::kBinary:
      return EvalBinary(e, row, ctx);
  }
  return Value();
}

}  // namespace diplograph::query::internal
