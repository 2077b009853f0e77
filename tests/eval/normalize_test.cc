// Tests for eval/normalize.h: score.py's norm(). The expected strings were
// printed by score.py's own norm() (Python 3.11, Unicode 14);
// tests/eval/norm_differential.py compares every table code point.
#include "diplograph/eval/normalize.h"

#include <doctest/doctest.h>

namespace diplograph::eval {
namespace {

TEST_CASE("NormalizeName") {
  SUBCASE("lower case, punctuation to spaces, apostrophes kept") {
    CHECK(NormalizeName("People's Liberation Army") == "people's liberation army");
    CHECK(NormalizeName("U.S.") == "u s");
    CHECK(NormalizeName("al-Assad") == "al assad");
    CHECK(NormalizeName("x_y") == "x_y");
    CHECK(NormalizeName("  Jeh   Johnson \n") == "jeh johnson");
    CHECK(NormalizeName("") == "");
    CHECK(NormalizeName("--") == "");
  }
  SUBCASE("a leading 'the' and white space") {
    CHECK(NormalizeName("THE UN") == "un");
    CHECK(NormalizeName("The\tHague") == "hague");
    CHECK(NormalizeName("the\u2003UN") == "un");
    CHECK(NormalizeName("the") == "the");
    CHECK(NormalizeName("Theresa May") == "theresa may");
    CHECK(NormalizeName(" the UN") == "the un");
    CHECK(NormalizeName("the-Guardian") == "the guardian");
  }
  SUBCASE("diacritics and compatibility forms") {
    CHECK(NormalizeName("The  Élysée–Palace’s") == "elysee palace's");
    CHECK(NormalizeName("Côte d’Ivoire") == "cote d'ivoire");
    CHECK(NormalizeName("Nguyễn Xuân Phúc") == "nguyen xuan phuc");
    CHECK(NormalizeName("İstanbul") == "istanbul");
    CHECK(NormalizeName("Ǆoković") == "dzokovic");
    CHECK(NormalizeName("Ŀibre") == "l ibre");
    CHECK(NormalizeName("ﬁnance") == "finance");
    CHECK(NormalizeName("Ｕ．Ｓ．") == "u s");
    CHECK(NormalizeName("½") == "1 2");
    CHECK(NormalizeName("a\u00A0b") == "a b");
  }
  SUBCASE("letters without a decomposition stay, lower-cased") {
    CHECK(NormalizeName("Łódź") == "łodz");
    CHECK(NormalizeName("Æsir") == "æsir");
    CHECK(NormalizeName("Ёлкин") == "елкин");
  }
  SUBCASE("final sigma") {
    CHECK(NormalizeName("ΟΔΥΣΣΕΥΣ") == "οδυσσευς");
    CHECK(NormalizeName("ΣΑΣ.") == "σας");
  }
  SUBCASE("malformed UTF-8 is a separator") {
    CHECK(NormalizeName("a\xFF"
                        "b") == "a b");
  }
}

TEST_CASE("NormalizeSteps") {
  std::u32string out;
  AppendDecomposed(U'é', &out);
  AppendDecomposed(0x0301, &out);  // a combining mark on its own: dropped
  AppendDecomposed(U'ß', &out);    // no decomposition
  CHECK(out == U"eß");
  CHECK(LowerCase(U'Ł') == U'ł');
  CHECK(LowerCase(U'Ÿ') == U'ÿ');
  CHECK(LowerCase(U'Ж') == U'ж');
  CHECK(LowerCase(U'ß') == U'ß');
  CHECK(IsWordChar(U'_'));
  CHECK(IsWordChar(U'中'));
  CHECK_FALSE(IsWordChar(U'\''));
  CHECK_FALSE(IsWordChar(U'—'));
  CHECK_FALSE(IsWordChar(U'€'));
  CHECK(IsSpaceChar(0x2028));
  CHECK_FALSE(IsSpaceChar(0x200B));
}

}  // namespace
}  // namespace diplograph::eval
