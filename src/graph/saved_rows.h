// graph/saved_rows.h (private): a saved graph's nodes and links, read
// straight from the text when they have the shape written graphs give
// them, with no tree built.
//
// Each reader takes the element at a JsonParser's position. When every
// member it reads is of the expected type, and none of them is null or
// comes twice (the documents of "contrib" aside), it fills a row with what
// the saved-graph reader would take from the parsed element, and moves on.
// Otherwise it returns false, having reported nothing, with the parser
// back where it was: the element is left to ParseValue() and the reader's
// checks. Members a reader does not know are checked and skipped. Strings
// view the text, or `arena` where they had escapes.
#ifndef DIPLOGRAPH_GRAPH_SAVED_ROWS_H_
#define DIPLOGRAPH_GRAPH_SAVED_ROWS_H_

#include <cstddef>
#include <string_view>
#include <vector>

#include "diplograph/core/json_dom.h"
#include "diplograph/graph/graph.h"

namespace diplograph::graph_internal {

// A row's contributions: [0, size) of `items` (the slots are kept from
// row to row; their contents are not).
template <typename Item>
struct RowContributions {
  std::vector<Item> items;
  size_t size = 0;
  Item& Add() {
    if (size == items.size()) items.emplace_back();
    return items[size++];
  }
};

// A node: "id" (a string, not empty) and "contrib", an object of one or
// more documents, each an object of "id" (the raw id the document used;
// "" or missing: the node's), "name", "type", "country", "cameo" (strings),
// "aliases", "roles" (arrays of strings) and "mentions" (an integer from 0
// to 2^63 - 1), each where present.
struct NodeRow {
  struct Contribution {
    std::string_view doc;
    std::string_view raw_id;  // "" when the document used the node's id
    NodeContribution c;
  };
  std::string_view id;
  RowContributions<Contribution> contrib;
};
bool ReadNodeRow(JsonParser* p, JsonArena* arena, NodeRow* row);

// A link: "source", "target", and "type" or "key" (a type wins over a key):
// strings, not empty; and "contrib", an object of one or more documents,
// each an object of "mentions" (an integer from 0 to 2^63 - 1), "dates"
// (an array of strings), "goldstein_sum" (a number), "cameo" (a string)
// and "evidence" (an object of "sentence", a string; "start" and "end",
// integers from 0 to 2^32 - 1; "confidence", a number), each where present.
struct LinkRow {
  struct Contribution {
    std::string_view doc;
    EdgeContribution c;
  };
  EdgeKey key;  // as written (not made canonical)
  RowContributions<Contribution> contrib;
};
bool ReadLinkRow(JsonParser* p, JsonArena* arena, LinkRow* row);

// For tests: how many nodes and links saved-graph readers have read
// directly since the process started (counted as each reading ends).
size_t RowsReadDirectlyForTesting();

}  // namespace diplograph::graph_internal

#endif  // DIPLOGRAPH_GRAPH_SAVED_ROWS_H_
