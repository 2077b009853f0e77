// export/csv.h: Neo4j import CSV (neo4j-admin database import, and
// apoc.import.csv): one file of nodes, one of relationships.
//
//   nodes:         id:ID,:LABEL,name,type,country,cameo,aliases:string[],
//                  roles:string[],mentions:int,documents:int
//   relationships: :START_ID,:END_ID,:TYPE,type,weight:int,mentions:int,
//                  cameo,goldstein:double,first_date,last_date,
//                  dates:string[],documents:string[],evidence,
//                  symmetric:boolean
//
// :LABEL is "Actor" plus the actor type capitalised ("Actor;Person"); :TYPE
// is the event type in upper case ("MET_WITH"). Fields are quoted as RFC 4180
// says (when they hold a comma or a quote; quotes doubled). Array
// values are joined with ';', Neo4j's default array delimiter (a ';' inside
// an element becomes ','). Line breaks and other control characters inside
// values become spaces, so neo4j-admin's default --multiline-fields=false
// works. Empty strings are written as empty fields (Neo4j: no property).
// Lines end in "\n". Sorted and deterministic.
//
// Thread-safety: no state; the graph is only read.
#ifndef DIPLOGRAPH_EXPORT_CSV_H_
#define DIPLOGRAPH_EXPORT_CSV_H_

#include <ostream>
#include <string>
#include <string_view>

#include "diplograph/graph/graph.h"

namespace diplograph {

// Stream the nodes / relationships file. Return false if `out` failed.
bool WriteNeo4jNodesCsv(const KnowledgeGraph& graph, std::ostream& out);
bool WriteNeo4jRelationshipsCsv(const KnowledgeGraph& graph, std::ostream& out);

// `value` as one CSV field: control characters become spaces, and the field
// is quoted (quotes doubled) if it holds ',' or '"' or leading/trailing
// spaces.
std::string CsvField(std::string_view value);

}  // namespace diplograph

#endif  // DIPLOGRAPH_EXPORT_CSV_H_
