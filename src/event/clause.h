// Clause-level helpers of the event extractor (private): modality and voice.
#ifndef DIPLOGRAPH_EVENT_CLAUSE_H_
#define DIPLOGRAPH_EVENT_CLAUSE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "diplograph/event/lexicon.h"
#include "diplograph/segment/segmenter.h"

namespace diplograph {

// "" when the trigger is asserted; otherwise "negated", "question",
// "hypothetical" or "planned".
std::string Modality(const std::vector<Token>& toks, uint32_t sent_first, uint32_t sent_last,
                     const TriggerMatch& m);

// True for "was indicted", "were apprehended ... by", "a dialogue agreed by".
bool IsPassive(const std::vector<Token>& toks, uint32_t sent_first, uint32_t sent_last,
               const TriggerMatch& m);

// Tokens that end a clause when searching for arguments.
bool IsClauseBreak(const Token& t);

}  // namespace diplograph

#endif  // DIPLOGRAPH_EVENT_CLAUSE_H_
