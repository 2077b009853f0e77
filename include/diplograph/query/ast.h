// query/ast.h: the syntax tree of one query, as ParseQuery() builds it.
//
// Every element keeps the byte offset (`pos`) of its first character in
// Query::source, so any later stage can report line:col. Fields marked
// "resolved" are left at their defaults by the parser and filled in when the
// engine prepares the query (query/engine.h).
//
// The supported subset:
//   MATCH pattern [, pattern...] [WHERE expr]  (MATCH may repeat)
//   CALL proc(args) [YIELD field [AS name], ... [WHERE expr]]
//   RETURN [DISTINCT] expr [AS name], ... | *
//     [ORDER BY expr [ASC|DESC], ...] [SKIP n] [LIMIT n]
#ifndef DIPLOGRAPH_QUERY_AST_H_
#define DIPLOGRAPH_QUERY_AST_H_

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "diplograph/query/value.h"

namespace diplograph::query {

// The deepest nesting of expressions (and the most pattern elements) a
// query may have; the parser rejects more, so later stages can recurse.
inline constexpr int kMaxQueryDepth = 200;

enum class ExprKind {
  kLiteral,    // `literal`
  kVariable,   // `name`
  kProperty,   // args[0].`name`
  kIndex,      // args[0][args[1]]
  kList,       // [args...]
  kFunction,   // name(args...), with `distinct` for count(DISTINCT x)
  kCountStar,  // count(*)
  kUnary,      // op args[0]
  kBinary,     // args[0] op args[1]
};

enum class Op {
  kNone,
  kOr,
  kXor,
  kAnd,
  kNot,
  kEq,
  kNe,
  kLt,
  kLe,
  kGt,
  kGe,
  kRegex,
  kIn,
  kContains,
  kStartsWith,
  kEndsWith,
  kIsNull,
  kIsNotNull,
  kAdd,
  kSub,
  kMul,
  kDiv,
  kMod,
  kNeg,
  kPlus,
};

struct Expr {
  ExprKind kind = ExprKind::kLiteral;
  Op op = Op::kNone;
  size_t pos = 0;  // first byte in the source
  size_t end = 0;  // one past the last byte
  Value literal;
  std::string name;  // variable, property key or function name (as written)
  bool distinct = false;
  std::vector<std::unique_ptr<Expr>> args;
  int depth = 1;  // levels of nesting, this node included (at most kMaxQueryDepth)

  // Resolved.
  int slot = -1;       // kVariable: the row slot
  int function = -1;   // kFunction: the function's id
  int aggregate = -1;  // kFunction / kCountStar: the aggregate's index, -1 when not one
};
using ExprPtr = std::unique_ptr<Expr>;

// `key: value` inside a node or relationship pattern.
struct PropertyMatch {
  std::string key;
  size_t pos = 0;
  ExprPtr value;
};

struct NodePattern {
  std::string var;  // "" when anonymous
  size_t pos = 0;
  std::vector<std::string> labels;  // any of; empty = all
  std::vector<size_t> label_pos;
  std::vector<PropertyMatch> props;
  int slot = -1;  // resolved (anonymous nodes get a hidden slot)
};

enum class Direction { kRight, kLeft, kBoth };  // -> <- -

struct RelPattern {
  std::string var;
  size_t pos = 0;
  std::vector<std::string> types;  // any of; empty = all
  std::vector<size_t> type_pos;
  Direction dir = Direction::kBoth;
  bool var_length = false;  // *min..max
  int min_hops = 1;
  int max_hops = 1;  // -1 = open
  std::vector<PropertyMatch> props;
  int slot = -1;  // resolved (anonymous relationships get a hidden slot)
};

// n0 -r1- n1 -r2- n2 ...: rels.size() == nodes.size() - 1.
struct PathPattern {
  std::vector<NodePattern> nodes;
  std::vector<RelPattern> rels;
};

struct MatchClause {
  size_t pos = 0;
  std::vector<PathPattern> patterns;
  ExprPtr where;
};

struct YieldItem {
  std::string field;
  std::string alias;  // the field's name unless AS says otherwise
  size_t pos = 0;
  int field_index = -1;  // resolved
  int slot = -1;         // resolved
};

struct CallClause {
  std::string name;
  size_t pos = 0;
  std::vector<ExprPtr> args;
  bool has_yield = false;
  bool yield_star = false;
  std::vector<YieldItem> yields;
  ExprPtr where;
  int procedure = -1;  // resolved
};

struct ReturnItem {
  ExprPtr expr;
  std::string column;  // the alias, else the expression's source text
  bool has_alias = false;
};

struct SortKey {
  ExprPtr expr;
  bool descending = false;
  int column = -1;  // resolved: the RETURN column it names, else -1
};

struct ReturnClause {
  size_t pos = 0;
  bool distinct = false;
  bool star = false;
  std::vector<ReturnItem> items;
  std::vector<SortKey> order;
  ExprPtr skip;
  ExprPtr limit;
};

struct Query {
  std::string source;
  std::vector<MatchClause> matches;  // empty when `call` is set
  std::optional<CallClause> call;
  std::optional<ReturnClause> ret;  // always set after MATCH
};

}  // namespace diplograph::query

#endif  // DIPLOGRAPH_QUERY_AST_H_
