// export/graphml.h: GraphML 1.0 (valid against graphml.xsd), for networkx,
// igraph, Gephi, yEd and Cytoscape.
//
// Node keys: label, type, country, cameo, aliases and roles (joined with
// "; "), mentions (int), documents (int, the number of supporting documents).
// Edge keys: label and type (the event type), weight (int, supporting
// documents), mentions (int), cameo, goldstein (double), first_date,
// last_date, documents (ids joined with "; "), evidence (one sentence),
// symmetric (boolean). Every node and edge carries every key; an unknown
// value is an empty element (<data key="n_country"/>), which networkx reads
// as an absent attribute and igraph as "".
// Node ids are the actor ids as XML name tokens (XmlNameToken(): slugs stay
// as they are); edge ids are "source:type:target" of such tokens. Nodes and
// edges are in sorted order; output is deterministic.
//
// Thread-safety: no state; the graph is only read.
#ifndef DIPLOGRAPH_EXPORT_GRAPHML_H_
#define DIPLOGRAPH_EXPORT_GRAPHML_H_

#include <ostream>

#include "diplograph/graph/graph.h"

namespace diplograph {

struct GraphMlOptions {
  // false (default): every edge is directed (edgedefault="directed"), as
  // networkx and igraph reject graphs that mix directed and undirected
  // edges. true: symmetric event types (met_with) are written with
  // directed="false", which Gephi shows as undirected.
  bool gephi = false;
};

// Streams `graph` to `out` element by element. Returns false if `out` failed.
bool WriteGraphMl(const KnowledgeGraph& graph, std::ostream& out,
                  const GraphMlOptions& options = {});

}  // namespace diplograph

#endif  // DIPLOGRAPH_EXPORT_GRAPHML_H_
