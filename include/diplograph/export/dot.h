// export/dot.h: Graphviz DOT ("digraph"), for quick looks with dot/neato
// and for pydot/pygraphviz.
//
// Node ids are the actor ids, quoted and escaped; labels are the actor labels.
// Nodes carry type, country and cameo attributes and a fill colour per actor
// type; edges carry label (the event type), weight (supporting documents),
// goldstein, first_date and last_date, a colour from the Goldstein value, and
// dir=none for symmetric types. Sorted and deterministic.
//
// Thread-safety: no state; the graph is only read.
#ifndef DIPLOGRAPH_EXPORT_DOT_H_
#define DIPLOGRAPH_EXPORT_DOT_H_

#include <ostream>
#include <string>
#include <string_view>

#include "diplograph/graph/graph.h"

namespace diplograph {

// Streams `graph` to `out`. Returns false if `out` failed.
bool WriteDot(const KnowledgeGraph& graph, std::ostream& out);

// `s` as a DOT double-quoted string: '"' and '\' escaped, line breaks as
// "\n", other control characters as spaces, invalid UTF-8 as U+FFFD. Over
// 8 KB it is split into "..." + "..." parts (Graphviz stops at 16 KB).
std::string DotQuoted(std::string_view s);

}  // namespace diplograph

#endif  // DIPLOGRAPH_EXPORT_DOT_H_
