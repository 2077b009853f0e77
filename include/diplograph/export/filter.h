// export/filter.h: filters shared by every export format
// (`diplograph export --since ... --around ...`).
//
// Edge filters (since, until, types, min_weight) keep an edge if it passes
// all of them; node filters (actor_type, country) keep the nodes that pass
// and the edges between them; `around` keeps the ego network of one actor:
// the nodes within `depth` steps over the remaining edges, either direction
// (breadth-first), and the remaining edges among them. When an edge filter
// is active, nodes left without edges are dropped (the ego centre stays).
// Kept nodes and edges keep all their values and contributions; the result
// holds the documents that support them. It is a view for export: do not
// merge it back into a full graph.
//
// Thread-safety: no state; the graph is only read.
#ifndef DIPLOGRAPH_EXPORT_FILTER_H_
#define DIPLOGRAPH_EXPORT_FILTER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "diplograph/core/diagnostics.h"
#include "diplograph/graph/graph.h"

namespace diplograph {

struct ExportFilter {
  // "YYYY", "YYYY-MM" or "YYYY-MM-DD"; "" = open. An edge is kept if any of
  // its dates overlaps [since, until], partial dates standing for their
  // whole year or month (since "2014" = from 2014-01-01, until "2014" =
  // through 2014-12-31). Edges without dates fail a date filter.
  std::string since;
  std::string until;
  std::vector<std::string> types;  // event types; empty = all
  int64_t min_weight = 0;          // keep edges with weight >= this; 0 = all
  std::string actor_type;          // person, country, ...; "" = all
  std::string country;             // ISO alpha-3, case-insensitive; "" = all
  std::string around;              // actor id, label or alias, case-insensitive (and
                                   // accents folded); "" = the whole graph
  int depth = 1;                   // steps from `around`; 0 = the actor alone

  bool HasEdgeFilter() const;
  bool empty() const;  // no filter at all
};

// The filtered copy of `graph`. Returns nullopt iff it appended an error to
// `diags`: a bad date, since after until, a negative depth or min_weight, or
// an `around` that names no actor or several ("'x' is ambiguous: a, b").
// Unknown event types in `types` give a warning.
std::optional<KnowledgeGraph> FilterGraph(const KnowledgeGraph& graph, const ExportFilter& filter,
                                          Diagnostics* diags);

}  // namespace diplograph

#endif  // DIPLOGRAPH_EXPORT_FILTER_H_
