// event/dates.h: resolves the time expressions of a sentence against the
// article date ("on Wednesday", "in September last year", "four years ago").
#ifndef DIPLOGRAPH_EVENT_DATES_H_
#define DIPLOGRAPH_EVENT_DATES_H_

#include <cstdint>
#include <vector>

#include "diplograph/core/date.h"
#include "diplograph/segment/segmenter.h"

namespace diplograph {

// The date the tokens [first, last) speak of, given the article date
// `anchor` (may be unknown). Returns `anchor` when the tokens name no time
// (and sets *found to false when given); an unknown Date when neither is known.
Date ResolveDate(const std::vector<Token>& tokens, uint32_t first, uint32_t last,
                 const Date& anchor, bool* found = nullptr);

// The date of an event whose trigger spans [trigger_first, trigger_last) in
// the sentence [first, last): a time named after the trigger in its clause,
// else the nearest one before it, else the first in the sentence, else `anchor`.
Date EventDate(const std::vector<Token>& tokens, uint32_t first, uint32_t last,
               uint32_t trigger_first, uint32_t trigger_last, const Date& anchor);

}  // namespace diplograph

#endif  // DIPLOGRAPH_EVENT_DATES_H_
