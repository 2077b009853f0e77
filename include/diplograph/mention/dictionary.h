// mention/dictionary.h: the actor dictionaries and their look-up tables.
//
// WHAT IT IS: the countries (with capitals, seats of power, demonyms),
// organisations, media, generic state organs, titles and office-holders the
// project ships as JSON files in data/dict/ (schemas in schemas/dict-*.json).
// Users add or override entries with more files: a later entry with the same
// id replaces an earlier one.
// OWNERSHIP/THREADS: build with AddFile() calls, then Finish(); afterwards the
// object is immutable and safe to share between threads.
#ifndef DIPLOGRAPH_MENTION_DICTIONARY_H_
#define DIPLOGRAPH_MENTION_DICTIONARY_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "diplograph/core/diagnostics.h"
#include "diplograph/segment/hash_filter.h"
#include "diplograph/segment/segmenter.h"

namespace diplograph {

enum class ActorKind : uint8_t { kPerson, kCountry, kOrganization, kGroup, kEvent, kLocation };
std::string_view ActorKindName(ActorKind kind);

struct RoleSpell {
  std::string title, role, country, org, cameo;
  std::string start, end;  // ISO dates; "" = open
};

struct DictActor {
  std::string id, name;
  ActorKind kind = ActorKind::kOrganization;
  std::string country;  // ISO alpha-3
  std::string cameo;
  std::string parent;  // id of the parent actor, or ""
  std::string organ;   // generic organ key this body is, for its country
  std::string gender;  // "m", "f" or ""
  bool media = false;
  std::vector<std::string> aliases;
  std::vector<std::string> adjectives;  // countries: "Chinese", "Sino"
  std::vector<RoleSpell> roles;         // people
};

struct TitleInfo {
  std::string title, role, sector, country;
  bool honorific = false;
};

struct OrganInfo {
  std::string key, name, sector;
};

// Why a token span matched.
enum class Cue : uint8_t {
  kName,       // an actor's name or alias
  kCapital,    // a capital used for its government ("Beijing")
  kSeat,       // a seat of power ("the Kremlin")
  kPeople,     // a people ("Russians")
  kAdjective,  // a demonym adjective ("Chinese")
  kTitle,      // a title or role ("Attorney General")
  kOrgan,      // a generic state organ ("foreign ministry")
};

struct GazetteerEntry {
  Cue cue;
  uint32_t index;    // into actors(), titles() or organs()
  bool exact_case;   // must match the surface exactly (acronyms: "US", "AU")
  std::string surface;
};

class Dictionary {
 public:
  // Adds one dictionary file. `name` is its file name and decides its kind:
  // countries*.json, organizations*.json, media*.json, organs*.json,
  // titles*.json, people*.json. Returns false (with diagnostics) when the file
  // is malformed; well-formed entries before the problem are kept.
  bool AddFile(std::string_view name, std::string_view content, Diagnostics* diags);

  // Builds the look-up tables. Call once, after the last AddFile().
  void Finish();

  const std::vector<DictActor>& actors() const { return actors_; }
  const std::vector<TitleInfo>& titles() const { return titles_; }
  const std::vector<OrganInfo>& organs() const { return organs_; }

  // Entries whose key is `key` (lower-case tokens joined by ' '), or nullptr.
  const std::vector<GazetteerEntry>* Find(const std::string& key) const;
  // Entries for the token span [first, first + len) of `tokens`, whose
  // SpanHash() is `hash`, or nullptr; *longer tells whether some longer key
  // starts with the span, so a caller can stop extending it early. No key
  // string is built: a span is hashed token by token as it grows.
  const std::vector<GazetteerEntry>* FindSpan(const std::vector<Token>& tokens, uint32_t first,
                                              uint32_t len, uint64_t hash, bool* longer) const;
  // The hash of a span, from its tokens' hashes (Token::hash):
  // SpanHash(SpanHash(kSpanSeed, WordHash("foreign")), WordHash("ministry")).
  static constexpr uint64_t kSpanSeed = 0x2545F4914F6CDD1Dull;
  static uint64_t SpanHash(uint64_t span, uint64_t word_hash) {
    span = (span ^ word_hash) * 0x9E3779B97F4A7C15ull;
    return span ^ (span >> 31);
  }
  int max_tokens() const { return max_tokens_; }

  // -1 when absent.
  int ActorIndex(std::string_view id) const;
  int CountryIndex(std::string_view iso3) const;
  // The body that is `organ_key` for country `iso3` ("IND" + foreign ministry
  // -> Ministry of External Affairs), or -1.
  int NationalOrgan(std::string_view iso3, std::string_view organ_key) const;
  // The person holding `role` for `country` (or org id) on `date` (ISO), or -1.
  int OfficeHolder(std::string_view role, std::string_view country, std::string_view date) const;
  // The first adjective of a country ("Chinese"), or its name.
  std::string CountryAdjective(int country_index) const;

 private:
  void AddKey(std::string_view surface, Cue cue, uint32_t index);
  void Upsert(DictActor actor);

  std::vector<DictActor> actors_;
  // The people with office spells (DictActor::roles), in actors_ order:
  // OfficeHolder() reads these few instead of every actor.
  std::vector<uint32_t> role_holders_;
  std::vector<TitleInfo> titles_;
  std::vector<OrganInfo> organs_;
  std::unordered_map<std::string, int> by_id_;
  std::unordered_map<std::string, int> by_iso_;
  std::unordered_map<std::string, std::vector<GazetteerEntry>> keys_;
  // Every key and every proper prefix of a key at a token boundary, with its
  // entries (or nullptr) and whether a longer key extends it; found through
  // an open-addressing index on the span hash.
  struct Prefix {
    uint64_t hash;
    std::string_view key;  // the start of a key in keys_, whose nodes never move
    const std::vector<GazetteerEntry>* entries;
    bool longer;
  };
  std::vector<Prefix> prefixes_;
  // A slot of the index: 1 + index into prefixes_ (0: free) and the high half
  // of that prefix's hash. Most spans are no prefix, and the tag turns them
  // away without touching prefixes_, which is large and read at random.
  struct PrefixSlot {
    uint32_t prefix = 0;
    uint32_t tag = 0;
  };
  std::vector<PrefixSlot> prefix_index_;  // size a power of two
  HashFilter prefix_filter_;              // the hashes of prefixes_, checked first
  std::unordered_map<std::string, int> national_organs_;
  int max_tokens_ = 1;
};

// The look-up key of tokens [first, last): lower-case texts joined by ' '.
std::string TokenKey(const std::vector<Token>& tokens, uint32_t first, uint32_t last);
// The surface of tokens [first, last): texts joined by ' '.
std::string TokenSurface(const std::vector<Token>& tokens, uint32_t first, uint32_t last);

}  // namespace diplograph

#endif  // DIPLOGRAPH_MENTION_DICTIONARY_H_
