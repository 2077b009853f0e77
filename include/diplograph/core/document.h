// core/document.h: one article as read, before any analysis.
#ifndef DIPLOGRAPH_CORE_DOCUMENT_H_
#define DIPLOGRAPH_CORE_DOCUMENT_H_

#include <string>

namespace diplograph {

struct Document {
  std::string id;      // stable id; derived from the path when the input has none
  std::string title;   // may be empty
  std::string date;    // "YYYY-MM-DD" (or "YYYY-MM", "YYYY"); may be empty
  std::string url;     // may be empty
  std::string source;  // publisher, may be empty
  std::string text;    // body, valid UTF-8; offsets elsewhere are bytes into it
  std::string origin;  // "path" or "path:line" it was read from (for messages)
};

}  // namespace diplograph

#endif  // DIPLOGRAPH_CORE_DOCUMENT_H_
