// eval/normalize.h: the name normalisation of the official scorer
// (../shared/eval/score.py, function norm()), so that `diplograph eval`
// matches actors to gold entities exactly as the scorer does.
//
// The steps, in the scorer's order:
//   1. NFKD, then combining marks dropped ("Jérôme" -> "Jerome", "ﬁ" -> "fi");
//   2. Unicode lower case ("ŁÓDŹ" -> "łodz", final sigma included);
//   3. U+2019 RIGHT SINGLE QUOTATION MARK -> "'";
//   4. a leading "the" followed by white space removed;
//   5. every run of characters other than word characters (Unicode letters,
//      digits, '_'), "'" and ' ' becomes one space;
//   6. white space collapsed, ends trimmed.
//
// Exactness: the decomposition, case and character-class tables cover
// U+0000-U+052F (Latin, IPA, Greek, Cyrillic), U+1E00-U+1EFF (Latin Extended
// Additional, i.e. Vietnamese), U+2000-U+20CF (spaces, punctuation,
// super- and subscripts, currency), U+3000, Hangul syllables, the Latin
// ligatures U+FB00-U+FB06 and the full-width ASCII forms U+FF01-U+FF5E; there
// the result equals Python's (tests/eval/norm_differential.py checks every
// code point). Outside them, letters of other scripts are kept as they are
// (no compatibility decomposition: Greek Extended, CJK compatibility forms),
// the main combining marks are dropped, other marks count as letters (Python:
// separators), and the common punctuation, symbol and emoji blocks are
// separators. Malformed UTF-8 bytes become U+FFFD, a separator.
//
// Pure functions; thread-safe.
#ifndef DIPLOGRAPH_EVAL_NORMALIZE_H_
#define DIPLOGRAPH_EVAL_NORMALIZE_H_

#include <string>
#include <string_view>

namespace diplograph::eval {

// score.py's norm(): "The  Élysée–Palace’s" -> "elysee palace's".
std::string NormalizeName(std::string_view name);

// The single steps, exposed for tests. Each works on one code point.
// Appends the NFKD decomposition of `cp` without combining marks to `out`
// (nothing for a combining mark; `cp` itself when it does not decompose).
void AppendDecomposed(char32_t cp, std::u32string* out);
// Simple lower-case mapping (U+0130 is decomposed before it gets here).
char32_t LowerCase(char32_t cp);
// Python's `\w` for a str pattern: Unicode letters and numbers, and '_'.
bool IsWordChar(char32_t cp);
// Python's str.isspace().
bool IsSpaceChar(char32_t cp);

}  // namespace diplograph::eval

#endif  // DIPLOGRAPH_EVAL_NORMALIZE_H_
