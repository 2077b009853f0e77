// export/gexf.h: GEXF for Gephi. GEXF 1.3 (valid against the 1.3 RELAX NG
// schema) by default; GEXF 1.2 ("1.2draft" namespace) on request, which
// networkx 2.8's read_gexf reads.
//
// Nodes carry the label and the attributes type, country, cameo, aliases,
// roles ("; "-joined), mentions and documents (integers). Edges carry the
// event type as label (and, in 1.3, as `kind`), weight (supporting
// documents) and the attributes event_type, mentions, cameo, goldstein,
// first_date, last_date, documents, evidence and symmetric. (Gephi reserves
// "type" and "weight" for its own edge columns, hence "event_type".)
// Time: timeformat="date" and spells, so Gephi's timeline can replay the
// relations. An edge lives on the days of its dates (partial dates cover
// their year or month: "2014" -> 2014-01-01..2014-12-31); a node lives on the
// dates of its documents and its edges. Overlapping spells are merged.
// Elements without dates get no spells (always present).
// Colours: viz:color per actor type, and per edge from its Goldstein value
// (conflict red, amber, cooperation green).
// Node ids are the actor ids; edge ids "source:type:target" as in GraphML.
//
// Thread-safety: no state; the graph is only read.
#ifndef DIPLOGRAPH_EXPORT_GEXF_H_
#define DIPLOGRAPH_EXPORT_GEXF_H_

#include <optional>
#include <ostream>

#include "diplograph/graph/graph.h"

namespace diplograph {

enum class GexfVersion {
  k1_3,  // http://gexf.net/1.3, with edge kind
  k1_2,  // http://www.gexf.net/1.2draft (no edge kind in 1.2)
};

struct GexfOptions {
  GexfVersion version = GexfVersion::k1_3;
  // Whether symmetric event types (met_with) are written type="undirected"
  // (other edges stay directed; Gephi shows a mixed graph). Default: yes for
  // 1.3 (Gephi), no for 1.2, as networkx rejects mixed graphs.
  std::optional<bool> undirected_symmetric;
  // true (default): write spells and mode="dynamic".
  bool spells = true;
  // true (default): write viz:color.
  bool colors = true;
};

// Streams `graph` to `out` element by element. Returns false if `out` failed.
bool WriteGexf(const KnowledgeGraph& graph, std::ostream& out, const GexfOptions& options = {});

}  // namespace diplograph

#endif  // DIPLOGRAPH_EXPORT_GEXF_H_
