// event/extractor.h: one document in, one extraction record out.
//
// WHAT IT IS: the whole extraction of a document: furniture removal,
// segmentation, mentions and coreference, triggers and their arguments
// (active, passive with "by", nominal, coordinated, reciprocal), modality
// (negation, questions, hypotheticals, plans are not asserted events) and
// dates resolved against the article date.
// THREADS: an Extractor only reads its Dictionary and Lexicon; Extract() may
// run on many threads at once.
#ifndef DIPLOGRAPH_EVENT_EXTRACTOR_H_
#define DIPLOGRAPH_EVENT_EXTRACTOR_H_

#include <string>

#include "diplograph/core/document.h"
#include "diplograph/event/lexicon.h"
#include "diplograph/event/record.h"
#include "diplograph/mention/dictionary.h"

namespace diplograph {

struct ExtractOptions {
  bool keep_unasserted = false;  // also emit negated/hypothetical events, with "modality"
};

class Extractor {
 public:
  // Both must outlive the Extractor.
  Extractor(const Dictionary& dict, const Lexicon& lexicon, ExtractOptions options = {})
      : dict_(dict), lexicon_(lexicon), options_(options) {}

  // When `trace` is given, appends a readable account of the analysis: each
  // sentence with its actor phrases in [brackets] and the triggers found.
  ExtractionRecord Extract(const Document& doc, std::string* trace = nullptr) const;

 private:
  const Dictionary& dict_;
  const Lexicon& lexicon_;
  ExtractOptions options_;
};

}  // namespace diplograph

#endif  // DIPLOGRAPH_EVENT_EXTRACTOR_H_
