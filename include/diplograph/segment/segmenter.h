// segment/segmenter.h: sentences and tokens with byte offsets.
//
// WHAT IT IS: Segment() splits the body lines of a text into sentences and
// tokens. Every Token and Sentence keeps [begin, end) byte offsets into the
// caller's text, on UTF-8 boundaries. Token::text is the token with
// typographic quotes, dashes and Latin diacritics folded to ASCII; lower is
// its lower case. "U.S.", "Mr.", "Sept." and initials stay one token;
// possessive "'s" and "n't" are split off.
// OWNERSHIP: Token::text and Token::lower view characters the Segmentation
// owns (TokenChars), so they stay valid as long as the Segmentation does,
// also when it is moved; they never point into the caller's text.
// GUARANTEES: deterministic; thread-safe; 0 <= begin <= end <= text.size().
#ifndef DIPLOGRAPH_SEGMENT_SEGMENTER_H_
#define DIPLOGRAPH_SEGMENT_SEGMENTER_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "diplograph/text/clean.h"

namespace diplograph {

enum TokenFlag : uint16_t {
  kCapitalized = 1 << 0,  // first letter upper case ("China", "US")
  kAllCaps = 1 << 1,      // two or more letters, all upper case ("US", "DOJ")
  kAlpha = 1 << 2,        // contains a letter
  kNumeric = 1 << 3,      // starts with a digit
  kPunct = 1 << 4,        // punctuation only
  kSpaceBefore = 1 << 5,  // preceded by white space (or line start)
  kQuote = 1 << 6,        // a quotation mark (' or ")
};

struct Token {
  uint32_t begin = 0;
  uint32_t end = 0;
  std::string_view text;   // folded to ASCII; owned by the Segmentation
  std::string_view lower;  // `text` in lower case; the same view when it has no capital
  uint16_t flags = 0;
  uint32_t classes = 0;  // WordClass bits of `lower` (segment/word_class.h)
  uint64_t hash = 0;     // WordHash(lower)

  bool Is(uint16_t f) const { return (flags & f) != 0; }
  // True when the word is in one of the classes `word_class` (WordClass bits).
  bool Has(uint32_t word_class) const { return (classes & word_class) != 0; }
};

struct Sentence {
  uint32_t begin = 0;  // byte offsets into the text
  uint32_t end = 0;
  uint32_t first = 0;  // token range [first, last)
  uint32_t last = 0;
  bool paragraph_start = false;
  bool title_case = false;  // a Headline Written In Title Case
  bool in_title = false;    // the document's title, not its body
};

// The characters that tokens view, in blocks that never move: a token
// stays valid when the segmentation holding it is moved. Not copyable.
class TokenChars {
 public:
  // `n` bytes of fresh storage for the caller to fill.
  char* Claim(size_t n);
  // A copy of `s` in this storage.
  std::string_view Store(std::string_view s);

 private:
  std::vector<std::unique_ptr<char[]>> blocks_;
  char* next_ = nullptr;
  size_t room_ = 0;
  size_t last_block_ = 0;
};

struct Segmentation {
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  TokenChars chars;  // what tokens' text and lower view
};

// Tokenizes `text` in the given line spans, then splits sentences.
Segmentation Segment(std::string_view text, const std::vector<LineSpan>& lines);

// Like Segment(), appending to `seg`: the new sentences' token ranges
// continue its token list (a title and then a body, as one segmentation),
// while token offsets stay offsets into `text`.
void AppendSegments(std::string_view text, const std::vector<LineSpan>& lines,
                    Segmentation* seg);

// Convenience: segments the whole of `text` as if every non-empty line were
// a body line (used for titles, dictionary entries and tests).
Segmentation SegmentAll(std::string_view text);

// Appends the tokens of text[begin, end) to seg->tokens (without sentences).
void Tokenize(std::string_view text, uint32_t begin, uint32_t end, Segmentation* seg);

}  // namespace diplograph

#endif  // DIPLOGRAPH_SEGMENT_SEGMENTER_H_
