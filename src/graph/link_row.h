// graph/link_row.h (private): a saved graph's link, read straight from the
// text when it has the shape written graphs give it, with no tree built.
#ifndef DIPLOGRAPH_GRAPH_LINK_ROW_H_
#define DIPLOGRAPH_GRAPH_LINK_ROW_H_

#include <cstddef>
#include <string_view>
#include <vector>

#include "diplograph/core/json_dom.h"
#include "diplograph/graph/graph.h"

namespace diplograph::graph_internal {

// What the saved-graph reader takes from a link: its key as written (not
// made canonical), and each document's contribution, in the order given.
struct LinkRow {
  struct Contribution {
    std::string_view doc;
    EdgeContribution c;
  };
  EdgeKey key;
  std::vector<Contribution> contrib;  // [0, size) are this row's; reused
  size_t size = 0;
};

// Reads the link at p's position into *row (its document ids viewing the
// text or `arena`) when it is an object with:
//  - "source" and "target", and "type" or "key" (a type wins over a key):
//    strings, not empty;
//  - "contrib": an object of one or more documents, each an object whose
//    members, where present, are "mentions" (an integer from 0 to
//    2^63 - 1), "dates" (an array of strings), "goldstein_sum" (a number),
//    "cameo" (a string) and "evidence" (an object of "sentence", a string;
//    "start" and "end", integers from 0 to 2^32 - 1; "confidence", a
//    number);
//  - any other members, which are checked and skipped;
// where none of these is null or comes twice (documents aside). The row is
// then what reading the parsed link gives. Otherwise returns false, having
// reported nothing, with p back where it was: the link is left to
// ParseValue() and the reader's checks.
bool ReadLinkRow(JsonParser* p, JsonArena* arena, LinkRow* row);

}  // namespace diplograph::graph_internal

#endif  // DIPLOGRAPH_GRAPH_LINK_ROW_H_
