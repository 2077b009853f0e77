#include "diplograph/export/filter.h"

#include <set>

#include "common.h"
#include "diplograph/core/strings.h"

namespace diplograph {

bool ExportFilter::HasEdgeFilter() const {
  return !since.empty() || !until.empty() || !types.empty() || min_weight > 0;
}

bool ExportFilter::empty() const {
  return !HasEdgeFilter() && actor_type.empty() && country.empty() && around.empty();
}

namespace {

std::string Fold(std::string_view s) { return AsciiLower(FoldToAscii(Trim(s))); }

// [first, last] in full ISO dates; "" = open.
struct DateBounds {
  std::string first;
  std::string last;
};

bool ResolveDates(const ExportFilter& f, DateBounds* b, Diagnostics* diags) {
  bool ok = true;
  auto expand = [&](const std::string& value, const char* name, bool lower, std::string* out) {
    if (value.empty()) return;
    auto range = export_internal::ExpandDate(value);
    if (!range) {
      diags->Error(
          "", 0, 0,
          std::string(name) + ": '" + value + "' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
      ok = false;
      return;
    }
    *out = lower ? range->first : range->last;
  };
  expand(f.since, "since", true, &b->first);
  expand(f.until, "until", false, &b->last);
  if (ok && !b->first.empty() && !b->last.empty() && b->first > b->last) {
    diags->Error("", 0, 0, "since (" + f.since + ") is after until (" + f.until + ")");
    ok = false;
  }
  return ok;
}

bool DatesPass(const RelationEdge& e, const DateBounds& b) {
  if (b.first.empty() && b.last.empty()) return true;
  for (const std::string& d : e.dates) {
    auto r = export_internal::ExpandDate(d);
    if (r && (b.first.empty() || r->last >= b.first) && (b.last.empty() || r->first <= b.last)) {
      return true;
    }
  }
  return false;
}

// A one-line list of "label (id)" for messages.
std::string Describe(const KnowledgeGraph& g, const std::vector<std::string>& ids) {
  std::string out;
  for (size_t i = 0; i < ids.size() && i < 5; ++i) {
    if (i > 0) out += ", ";
    out += g.FindNode(ids[i])->label + " (" + ids[i] + ")";
  }
  if (ids.size() > 5) out += ", ...";
  return out;
}

std::string Suggestion(const KnowledgeGraph& g, const std::string& folded) {
  std::string best;
  int best_distance = 4;
  g.ForEachNode([&](const ActorNode& n) {
    for (const std::string* name : {&n.id, &n.label}) {
      int d = EditDistance(folded, Fold(*name), best_distance - 1);
      if (d < best_distance) {
        best_distance = d;
        best = n.id;
      }
    }
  });
  return best.empty() ? "" : "; did you mean " + Describe(g, {best}) + "?";
}

// The id of the actor `query` names: by id, then case-insensitive id,
// label, alias. nullopt (and an error) if none or several match.
std::optional<std::string> ResolveActor(const KnowledgeGraph& g, const std::string& query,
                                        Diagnostics* diags) {
  if (g.FindNode(query) != nullptr) return query;
  std::string folded = Fold(query);
  std::vector<std::string> tiers[3];
  g.ForEachNode([&](const ActorNode& n) {
    if (Fold(n.id) == folded) tiers[0].push_back(n.id);
    if (Fold(n.label) == folded) tiers[1].push_back(n.id);
    for (const std::string& alias : n.aliases) {
      if (Fold(alias) == folded) {
        tiers[2].push_back(n.id);
        break;
      }
    }
  });
  for (const std::vector<std::string>& matches : tiers) {
    if (matches.size() == 1) return matches[0];
    if (matches.size() > 1) {
      diags->Error("", 0, 0, "around: '" + query + "' is ambiguous: " + Describe(g, matches));
      return std::nullopt;
    }
  }
  diags->Error("", 0, 0, "around: no actor matches '" + query + "'" + Suggestion(g, folded));
  return std::nullopt;
}

std::set<std::string> EgoNodes(const KnowledgeGraph& g, const std::string& centre, int depth,
                               const std::set<EdgeKey>& edges) {
  std::set<std::string> reached = {centre};
  std::vector<std::string> frontier = {centre};
  for (int step = 0; step < depth && !frontier.empty(); ++step) {
    std::vector<std::string> next;
    for (const std::string& id : frontier) {
      g.ForEachIncidentEdge(id, [&](const RelationEdge& e) {
        if (!edges.contains(e.key)) return;
        const std::string& other = e.key.source == id ? e.key.target : e.key.source;
        if (reached.insert(other).second) next.push_back(other);
      });
    }
    frontier = std::move(next);
  }
  return reached;
}

bool CheckArguments(const ExportFilter& f, Diagnostics* diags) {
  bool ok = true;
  if (f.depth < 0) {
    diags->Error("", 0, 0, "depth must not be negative");
    ok = false;
  }
  if (f.min_weight < 0) {
    diags->Error("", 0, 0, "min_weight must not be negative");
    ok = false;
  }
  for (const std::string& type : f.types) {
    if (FindEventType(type) == nullptr) {
      diags->Warning("", 0, 0, "unknown event type '" + type + "'");
    }
  }
  return ok;
}

}  // namespace

std::optional<KnowledgeGraph> FilterGraph(const KnowledgeGraph& graph, const ExportFilter& f,
                                          Diagnostics* diags) {
  DateBounds bounds;
  bool ok = CheckArguments(f, diags);
  ok = ResolveDates(f, &bounds, diags) && ok;
  std::optional<std::string> centre;
  if (!f.around.empty()) centre = ResolveActor(graph, f.around, diags);
  if (!ok || (!f.around.empty() && !centre)) return std::nullopt;
  if (f.empty()) return graph;

  const std::set<std::string> types(f.types.begin(), f.types.end());
  std::string country = Fold(f.country);
  std::set<std::string> nodes;
  graph.ForEachNode([&](const ActorNode& n) {
    if (!f.actor_type.empty() && Fold(n.type) != Fold(f.actor_type)) return;
    if (!country.empty() && Fold(n.country) != country) return;
    nodes.insert(n.id);
  });
  std::set<EdgeKey> edges;
  graph.ForEachEdge([&](const RelationEdge& e) {
    if (!nodes.contains(e.key.source) || !nodes.contains(e.key.target)) return;
    if (!types.empty() && !types.contains(e.key.type)) return;
    if (e.weight < f.min_weight || !DatesPass(e, bounds)) return;
    edges.insert(e.key);
  });
  if (centre) {
    nodes = EgoNodes(graph, *centre, f.depth, edges);
    std::erase_if(edges, [&](const EdgeKey& k) {
      return !nodes.contains(k.source) || !nodes.contains(k.target);
    });
  }
  if (f.HasEdgeFilter()) {
    nodes.clear();  // endpoints of the kept edges come with them
    if (centre) nodes.insert(*centre);
  }
  return graph.Subgraph(nodes, edges);
}

}  // namespace diplograph
