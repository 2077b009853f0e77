// Tests for segment/word_class.h.
#include "diplograph/segment/word_class.h"

#include <doctest/doctest.h>

#include "diplograph/segment/segmenter.h"

namespace diplograph {
namespace {

TEST_CASE("word classes: listed words and the rules for unlisted ones") {
  CHECK(words::IsMonth("sept."));
  CHECK(words::IsNameStop("march"));  // months and weekdays never start a name
  CHECK(words::IsNameStop("friday"));
  CHECK_FALSE(words::IsNameStop("china"));
  CHECK(words::IsNumberWord("35"));
  CHECK(words::IsNumberWord("dozens"));
  CHECK(words::IsOrdinal("58th"));
  CHECK(words::IsOrdinal("102nd"));
  CHECK_FALSE(words::IsOrdinal("5"));
  CHECK(words::IsLikelyNoun("indictment"));  // by its suffix
  CHECK_FALSE(words::IsLikelyNoun("ment"));
  CHECK(words::IsTitleAdjective("deputy"));
  CHECK_FALSE(words::IsTitleAdjective("reported"));  // a participle
  CHECK_FALSE(words::IsTitleAdjective("between"));
  CHECK_FALSE(words::IsTitleAdjective("the"));
  CHECK_FALSE(words::IsTitleAdjective("ab"));
  CHECK(words::OccasionFamily("talks") == "dialogue");
  CHECK(words::OccasionFamily("china").empty());
  CHECK(words::OccasionTopic("cybercrime") == "cyber");
  CHECK(words::OccasionTopic("bilateral").empty());
  CHECK(words::OccasionTopic("china") == "\x01");
  CHECK((WordClassesOf("counterparts") & kWcOfficePlural) != 0);
  CHECK((WordClassesOf("counterpart") & kWcOfficePlural) == 0);
  CHECK((WordClassesOf("renegade") & kWcMarkedModifier) != 0);
  CHECK(WordClassesOf("") == 0);
}

TEST_CASE("word classes: every token carries the classes of its lower case") {
  Segmentation seg = SegmentAll("The Foreign Ministry said on Monday that 35 diplomats left.");
  for (const Token& t : seg.tokens) {
    CAPTURE(t.text);
    CHECK(t.classes == WordClassesOf(t.lower));
  }
  CHECK(seg.tokens[0].Has(kWcDeterminer));
  CHECK(seg.tokens[2].Has(kWcOrgHead));
  CHECK(seg.tokens[5].Has(kWcWeekday | kWcDateCue));
  CHECK(seg.tokens[8].Has(kWcGroupNoun));
}

}  // namespace
}  // namespace diplograph
