// Nodes and links read straight from the text (saved_rows.h).
#include "saved_rows.h"

#include <cstdint>
#include <limits>
#include <utility>

#include "graph_internal.h"

namespace diplograph::graph_internal {

namespace {

// The members of an object read so far, one bit each.
class Seen {
 public:
  bool First(unsigned bit) { return !(std::exchange(bits_, bits_ | bit) & bit); }
  bool Has(unsigned bit) const { return (bits_ & bit) != 0; }

 private:
  unsigned bits_ = 0;
};

// An object: `member(name)` reads each member's value. False if it does
// not, or the object is not one, or does not close as expected.
template <typename Fn>
bool Object(JsonParser* p, JsonArena* arena, const Fn& member) {
  if (!p->ReadToken('{')) return false;
  if (p->ReadToken('}')) return true;
  do {
    std::string_view name;
    if (!p->ReadString(&name, arena) || !p->ReadToken(':') || !member(name)) return false;
  } while (p->ReadToken(','));
  return p->ReadToken('}');
}

// An integer from 0 to `max`.
template <typename Int>
bool ReadCount(JsonParser* p, uint64_t max, Int* out) {
  JsonValue v;
  if (!p->ReadNumber(&v) || !v.is_unsigned() || v.as_uint() > max) return false;
  *out = static_cast<Int>(v.as_uint());
  return true;
}

bool ReadDouble(JsonParser* p, double* out) {
  JsonValue v;
  if (!p->ReadNumber(&v)) return false;
  *out = v.as_double();
  return true;
}

// A string, copied into *out.
bool CopyString(JsonParser* p, JsonArena* arena, std::string* out) {
  std::string_view s;
  if (!p->ReadString(&s, arena)) return false;
  out->assign(s);
  return true;
}

// An array of strings, sorted and without duplicates (or empty strings).
bool ReadStrings(JsonParser* p, JsonArena* arena, std::vector<std::string>* out) {
  if (!p->ReadToken('[')) return false;
  out->clear();
  if (!p->ReadToken(']')) {
    do {
      std::string_view s;
      if (!p->ReadString(&s, arena)) return false;
      out->emplace_back(s);
    } while (p->ReadToken(','));
    if (!p->ReadToken(']')) return false;
  }
  SortUnique(out);
  return true;
}

// A row's "contrib": one or more documents, each read by `read(&item)`
// into a fresh item. (An empty list is the reader's to report.)
template <typename Item, typename Fn>
bool ReadContributions(JsonParser* p, JsonArena* arena, RowContributions<Item>* out,
                       const Fn& read) {
  out->size = 0;
  return Object(p, arena,
                [&](std::string_view doc) {
                  Item& item = out->Add();
                  item = Item();
                  item.doc = doc;
                  return read(&item);
                }) &&
         out->size > 0;
}

// Values inside a node or link sit this deep in it (JsonParser::SkipValue()).
constexpr int kInRow = 1, kInContribution = 3, kInEvidence = 4;

bool ReadEvidence(JsonParser* p, JsonArena* arena, EvidenceRef* out) {
  Seen seen;
  return Object(p, arena, [&](std::string_view name) {
    if (name == "sentence") return seen.First(1) && CopyString(p, arena, &out->sentence);
    constexpr uint64_t kMaxOffset = std::numeric_limits<uint32_t>::max();
    if (name == "start") return seen.First(2) && ReadCount(p, kMaxOffset, &out->start);
    if (name == "end") return seen.First(4) && ReadCount(p, kMaxOffset, &out->end);
    if (name == "confidence") return seen.First(8) && ReadDouble(p, &out->confidence);
    return p->SkipValue(kInEvidence);
  });
}

bool ReadEdgeContribution(JsonParser* p, JsonArena* arena, EdgeContribution* out) {
  Seen seen;
  return Object(p, arena, [&](std::string_view name) {
    if (name == "mentions") {
      return seen.First(1) && ReadCount(p, std::numeric_limits<int64_t>::max(), &out->mentions);
    }
    if (name == "dates") return seen.First(2) && ReadStrings(p, arena, &out->dates);
    if (name == "goldstein_sum") return seen.First(4) && ReadDouble(p, &out->goldstein_sum);
    if (name == "cameo") return seen.First(8) && CopyString(p, arena, &out->cameo);
    if (name == "evidence") return seen.First(16) && ReadEvidence(p, arena, &out->evidence);
    return p->SkipValue(kInContribution);
  });
}

bool ReadNodeContribution(JsonParser* p, JsonArena* arena, NodeRow::Contribution* out) {
  Seen seen;
  NodeContribution& c = out->c;
  return Object(p, arena, [&](std::string_view name) {
    if (name == "id") return seen.First(1) && p->ReadString(&out->raw_id, arena);
    if (name == "name") return seen.First(2) && CopyString(p, arena, &c.name);
    if (name == "type") return seen.First(4) && CopyString(p, arena, &c.type);
    if (name == "country") return seen.First(8) && CopyString(p, arena, &c.country);
    if (name == "cameo") return seen.First(16) && CopyString(p, arena, &c.cameo);
    if (name == "aliases") return seen.First(32) && ReadStrings(p, arena, &c.aliases);
    if (name == "roles") return seen.First(64) && ReadStrings(p, arena, &c.roles);
    if (name == "mentions") {
      return seen.First(128) && ReadCount(p, std::numeric_limits<int64_t>::max(), &c.mentions);
    }
    return p->SkipValue(kInContribution);
  });
}

bool ReadNode(JsonParser* p, JsonArena* arena, NodeRow* row) {
  Seen seen;
  row->id = {};
  const bool read = Object(p, arena, [&](std::string_view name) {
    if (name == "id") return seen.First(1) && p->ReadString(&row->id, arena);
    if (name == "contrib") {
      return seen.First(2) &&
             ReadContributions(p, arena, &row->contrib, [&](NodeRow::Contribution* c) {
               return ReadNodeContribution(p, arena, c);
             });
    }
    return p->SkipValue(kInRow);
  });
  return read && seen.Has(2) && !row->id.empty();
}

bool ReadLink(JsonParser* p, JsonArena* arena, LinkRow* row) {
  enum : unsigned { kSource = 1, kTarget = 2, kType = 4, kKey = 8, kContrib = 16 };
  Seen seen;
  std::string_view source, target, type, key;
  const bool read = Object(p, arena, [&](std::string_view name) {
    if (name == "source") return seen.First(kSource) && p->ReadString(&source, arena);
    if (name == "target") return seen.First(kTarget) && p->ReadString(&target, arena);
    if (name == "type") return seen.First(kType) && p->ReadString(&type, arena);
    if (name == "key") return seen.First(kKey) && p->ReadString(&key, arena);
    if (name == "contrib") {
      return seen.First(kContrib) &&
             ReadContributions(p, arena, &row->contrib, [&](LinkRow::Contribution* c) {
               return ReadEdgeContribution(p, arena, &c->c);
             });
    }
    return p->SkipValue(kInRow);
  });
  if (!seen.Has(kType)) type = key;
  if (!read || !seen.Has(kContrib) || source.empty() || target.empty() || type.empty()) {
    return false;
  }
  row->key.source.assign(source);
  row->key.target.assign(target);
  row->key.type.assign(type);
  return true;
}

// Reads a row with `read`, or goes back.
template <typename Row>
bool ReadRow(JsonParser* p, JsonArena* arena, Row* row,
             bool (*read)(JsonParser*, JsonArena*, Row*)) {
  const size_t mark = p->offset();
  if (read(p, arena, row)) return true;
  p->Rewind(mark);
  return false;
}

}  // namespace

bool ReadNodeRow(JsonParser* p, JsonArena* arena, NodeRow* row) {
  return ReadRow(p, arena, row, ReadNode);
}

bool ReadLinkRow(JsonParser* p, JsonArena* arena, LinkRow* row) {
  return ReadRow(p, arena, row, ReadLink);
}

}  // namespace diplograph::graph_internal
