// graph/resolve.h (private): actor resolution, which raw actor ids make one
// node. The rules are in graph.h (ACTOR RESOLUTION); everything here is a
// pure function of the profiles and contributions it is given.
#ifndef DIPLOGRAPH_GRAPH_RESOLVE_H_
#define DIPLOGRAPH_GRAPH_RESOLVE_H_

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "diplograph/graph/graph.h"

namespace diplograph::graph_internal {

using NodeContribMap = ContribMap<NodeContribution>;

// What resolution needs to know about one raw actor id, over all its
// documents.
struct ActorProfile {
  std::string type;                     // most common non-empty, ties smallest
  std::string country;                  // likewise
  std::vector<std::string> names;       // the names as written, sorted, unique
  std::vector<std::string> keys;        // MatchKey() of the names that may match
  std::vector<std::string> alias_keys;  // MatchKey() of aliases that may match
  bool operator==(const ActorProfile&) const = default;
};

ActorProfile ProfileOf(const NodeContribMap& contrib);

// True for the types resolution may join (not countries, not groups).
bool Resolvable(const ActorProfile& profile);

// `name` folded for matching: ASCII-folded, lower case, without dots and
// apostrophes, words of [a-z0-9] separated by one space, without a leading
// "the". "The U.S.-China Talks" -> "us china talks".
std::string MatchKey(std::string_view name);

// True iff keys `a` and `b` (MatchKey() output, both >= 8 characters) are
// one edit apart inside one word: same word count, one word differs by one
// substitution, insertion, deletion or swap of neighbours, not in its first
// letter, and that word has >= 4 letters (>= 5 in the longer spelling) and
// no digit.
bool OneEditVariant(std::string_view a, std::string_view b);

// A profile in two steps, shared by ProfileOf() and the external builder:
// ProfileType() takes the type and country from counts of each
// contribution's value (empty ones too); only if the result is
// Resolvable() are names needed, and AddNames() adds them from all the
// names and aliases the contributions gave (any order, duplicates allowed).
ActorProfile ProfileType(const std::map<std::string, int>& types,
                         const std::map<std::string, int>& countries);
void AddNames(std::vector<std::string> names, std::vector<std::string> aliases,
              ActorProfile* profile);

// The documents that use one raw id: the keys of its contribution map, or
// a sorted list of document numbers (external builds). All the inputs of
// one ResolveActors() call hold the same kind.
class DocSet {
 public:
  DocSet() = default;
  explicit DocSet(const NodeContribMap* map) : map_(map) {}
  explicit DocSet(const std::vector<uint32_t>* sorted) : sorted_(sorted) {}

  size_t size() const { return map_ != nullptr ? map_->size() : sorted_->size(); }
  bool Intersects(const DocSet& other) const;

 private:
  const NodeContribMap* map_ = nullptr;
  const std::vector<uint32_t>* sorted_ = nullptr;
};

// One raw actor id as resolution sees it.
struct ResolveInput {
  const std::string* id = nullptr;
  const ActorProfile* profile = nullptr;
  DocSet documents;
};

// The node id of every raw id in `actors` that is joined under another id
// (raw ids that are their own node id are left out). `actors` must be
// sorted by id.
std::unordered_map<std::string, std::string> ResolveActors(const std::vector<ResolveInput>& actors);

}  // namespace diplograph::graph_internal

namespace diplograph {

// The derived resolution state of a KnowledgeGraph.
struct KnowledgeGraph::Resolution {
  std::map<std::string, graph_internal::ActorProfile, std::less<>> profiles;  // by raw id
  std::unordered_map<std::string, std::string> node_of;  // raw id -> node id, where different
  bool pinned = false;                                   // a subgraph keeps its parent's resolution
  bool recheck = false;                                  // a document was removed: resolve again
};

}  // namespace diplograph

#endif  // DIPLOGRAPH_GRAPH_RESOLVE_H_
