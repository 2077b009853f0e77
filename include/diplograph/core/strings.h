// core/strings.h: small string utilities shared by every stage.
// All functions are pure and thread-safe.
#ifndef DIPLOGRAPH_CORE_STRINGS_H_
#define DIPLOGRAPH_CORE_STRINGS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace diplograph {

// True iff `s` is well-formed UTF-8 (no overlongs, surrogates or values past
// U+10FFFF). On failure stores the byte offset of the first bad sequence.
bool IsValidUtf8(std::string_view s, size_t* bad_offset = nullptr);

// Decodes the code point starting at s[i]; stores its byte length in *len.
// Returns U+FFFD (and *len = 1) for a malformed sequence.
char32_t DecodeUtf8(std::string_view s, size_t i, size_t* len);
void AppendUtf8(char32_t cp, std::string* out);

// The most bytes EscapeJsonTo() writes for `n` input bytes.
constexpr size_t JsonEscapedBound(size_t n) { return 6 * n; }

// Writes `s` at `out` escaped as the inside of a JSON string, as nlohmann's
// dump() spells it without ensure_ascii ('"', '\\', \b \f \n \r \t, other
// control characters as \u00XX); each byte that is not part of valid UTF-8
// becomes U+FFFD. `out` needs room for JsonEscapedBound(s.size()) bytes;
// returns the end of what was written.
char* EscapeJsonTo(std::string_view s, char* out);

// ASCII lower-casing; bytes >= 0x80 are left alone.
std::string AsciiLower(std::string_view s);

// Folds common Latin letters with diacritics to ASCII ("Élysée" -> "Elysee")
// and typographic quotes and dashes to their ASCII forms.
std::string FoldToAscii(std::string_view s);

// A stable id from a name: ASCII-folded, lower case, runs of anything other
// than [a-z0-9] become one '-', no leading or trailing '-'.
// "People's Liberation Army" -> "peoples-liberation-army".
std::string Slugify(std::string_view s);

std::string_view Trim(std::string_view s);
std::vector<std::string_view> Split(std::string_view s, char sep);
bool StartsWith(std::string_view s, std::string_view prefix);
bool EndsWith(std::string_view s, std::string_view suffix);

// Levenshtein distance, giving up (returning limit + 1) past `limit`.
int EditDistance(std::string_view a, std::string_view b, int limit);

}  // namespace diplograph

#endif  // DIPLOGRAPH_CORE_STRINGS_H_
