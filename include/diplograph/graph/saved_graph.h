// graph/saved_graph.h: the saved graph, node-link JSON that networkx's
// json_graph.node_link_graph (default keys) and D3 read as it is, carrying
// the per-document contributions so a saved graph can be merged again.
// Schema: schemas/graph.schema.json.
//
//   {"directed":true,"multigraph":true,
//    "graph":{"format":"diplograph-graph","version":1,"generator":"diplograph",
//             "documents":[{"id","title","date","url","source","fingerprint",
//                           "skipped_events","modal_events"}, ...]},
//    "nodes":[{"id","label","type","country","cameo","aliases","roles",
//              "documents","mentions","contrib":{DOC:{["id"],"name","type",
//              "country","cameo","aliases","roles","mentions"}}}, ...],
//    "links":[{"source","target","key","type","label","weight","mentions",
//              "first_date","last_date","dates","documents","evidence",
//              "evidence_doc","goldstein","cameo","symmetric",
//              "contrib":{DOC:{"mentions","dates","goldstein_sum","cameo",
//              "evidence":{"sentence","start","end","confidence"}}}}, ...]}
//
// "key" and "label" are the event type. A node's id is its node id; a
// contribution's "id" is the actor id that document used, written only when
// actor resolution joined it under another id (graph.h). A link's
// contribution counts under the ids its document used for the endpoints, so
// reading back restores every document's contribution exactly. Documents,
// nodes and links are sorted (by id; by source, target, type), keys are in
// the fixed order above, and there are no timestamps, so equal graphs give
// equal bytes. Each document, node and link sits on its own line. Derived
// fields are written for readers; on reading, only "contrib" and the
// document table count and everything else is recomputed. Round trips are
// exact: Write(Read(Write(g))) == Write(g), byte for byte.
//
// Thread-safety: the functions keep no state.
#ifndef DIPLOGRAPH_GRAPH_SAVED_GRAPH_H_
#define DIPLOGRAPH_GRAPH_SAVED_GRAPH_H_

#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "diplograph/core/diagnostics.h"
#include "diplograph/graph/graph.h"

namespace diplograph {

inline constexpr std::string_view kSavedGraphFormat = "diplograph-graph";
inline constexpr int kSavedGraphVersion = 1;

// Streams `graph` to `out`, one document, node or link at a time (memory
// does not grow with the graph). Returns false if `out` failed.
bool WriteSavedGraph(const KnowledgeGraph& graph, std::ostream& out);

// The same as a string (for tests and small graphs).
std::string SavedGraphToString(const KnowledgeGraph& graph);

// Reads a saved graph from `content`; `path` is used in messages only.
// Returns nullopt iff it appended at least one error to `diags`, each as
// path:line:col: malformed JSON, a wrong field type, a contribution naming a
// document not in graph.documents, a link whose endpoints are not nodes of
// the same document, or a "version" newer than kSavedGraphVersion
// ("graph format version N is newer than this diplograph supports (1)").
struct SavedGraphReadOptions {
  // When set, told now and then that the bytes of `content` before an
  // offset are done with: they are read again only to report an error (a
  // caller that mapped the file may drop their pages from memory).
  std::function<void(size_t)> release;
  // Derive the graph (its nodes, edges and every value) while reading, on
  // a second core where there is one: for a graph that is read and not
  // changed. A graph that is changed next (merged, added to) is cheaper
  // derived once, after the changes, as it is without this.
  bool derive = false;
};
std::optional<KnowledgeGraph> ReadSavedGraph(std::string_view content, std::string_view path,
                                             Diagnostics* diags,
                                             const SavedGraphReadOptions& options = {});

// A cheap sniff: true if `content` starts like a saved graph (a JSON object
// whose first key is "directed", "multigraph", "graph", "nodes" or "links"),
// as opposed to extraction records ({"doc": ...}).
bool LooksLikeSavedGraph(std::string_view content);

}  // namespace diplograph

#endif  // DIPLOGRAPH_GRAPH_SAVED_GRAPH_H_
