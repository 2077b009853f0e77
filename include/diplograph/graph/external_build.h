// graph/external_build.h: builds a saved graph from any number of documents
// in bounded memory, by external merge sort.
//
// A KnowledgeGraph keeps every document's contribution in memory, about
// 16 KB an article; a million articles would need 16 GB. ExternalGraphBuilder
// writes the same saved graph, byte for byte (WriteSavedGraph() of a
// KnowledgeGraph given the same documents, in any order), while holding
// only a table of documents, one small profile per raw actor id and a sort
// buffer of fixed size:
//   1. Add() appends each document's contribution to a temporary log,
//      keeps its id and fingerprint (the same replacement rule as
//      KnowledgeGraph::AddContribution()) and adds it to the profile of
//      each raw actor id it uses.
//   2. Write() resolves actors from the profiles exactly as the graph does
//      (graph.h, ACTOR RESOLUTION; if a document was replaced, the profiles
//      are first made again from the winning contributions in the log),
//      reads the log to emit each contribution under its node id and edge
//      key into three external sorters (documents, nodes, links), and
//      merges their sorted runs into the saved graph, deriving each node
//      and edge from its contributions.
// Temporary files are unnamed where the file system allows it (O_TMPFILE),
// else unlinked as soon as they are opened, so nothing is left behind.
//
// Example:
//   ExternalGraphBuilder b({.temp_dir = "/tmp"});
//   if (!b.Open(&error)) ...;
//   for (const ExtractionRecord& r : records) b.AddRecord(r);
//   b.Write(out, &error);
//
// Thread-safety: none; one thread at a time.
#ifndef DIPLOGRAPH_GRAPH_EXTERNAL_BUILD_H_
#define DIPLOGRAPH_GRAPH_EXTERNAL_BUILD_H_

#include <cstddef>
#include <memory>
#include <ostream>
#include <string>

#include "diplograph/event/record.h"
#include "diplograph/graph/graph.h"

namespace diplograph {

struct ExternalBuildOptions {
  std::string temp_dir;                    // "" = $TMPDIR, else /tmp
  // Memory for the records being sorted: half gathered, half being written.
  size_t sort_buffer_bytes = 256u << 20;
};

class ExternalGraphBuilder {
 public:
  explicit ExternalGraphBuilder(ExternalBuildOptions options = {});
  ~ExternalGraphBuilder();
  ExternalGraphBuilder(const ExternalGraphBuilder&) = delete;
  ExternalGraphBuilder& operator=(const ExternalGraphBuilder&) = delete;

  // Creates the log. False with *error (e.g. the folder is not writable).
  bool Open(std::string* error);

  // As KnowledgeGraph::AddRecord() / AddContribution(). A failed write of
  // the log (disk full) is kept and reported by Write().
  KnowledgeGraph::AddResult AddRecord(const ExtractionRecord& record);
  KnowledgeGraph::AddResult AddContribution(DocContribution contribution);

  size_t document_count() const;

  // Writes the saved graph of every document added. Call once. False with
  // *error when a temporary file or `out` failed.
  bool Write(std::ostream& out, std::string* error);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace diplograph

#endif  // DIPLOGRAPH_GRAPH_EXTERNAL_BUILD_H_
