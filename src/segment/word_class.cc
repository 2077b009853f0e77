#include "diplograph/segment/word_class.h"

#include <array>
#include <cstddef>
#include <iterator>
#include <string_view>

namespace diplograph {

namespace {

// The lists read best packed, like prose.
// clang-format off
constexpr std::string_view kOrgHeadWords[] = {
    "ministry", "department", "agency", "council", "commission", "army", "forces", "force",
    "bureau", "office", "committee", "court", "party", "union", "association", "bank", "institute",
    "university", "company", "corporation", "corp.", "network", "organization", "organisation",
    "alliance", "coalition", "service", "services", "division", "command", "guard", "guards",
    "police", "parliament", "assembly", "congress", "senate", "authority", "fund", "foundation",
    "federation", "league", "movement", "front", "brigade", "corps", "board", "secretariat",
    "embassy", "consulate", "tribunal", "navy", "academy", "agencies", "cabinet", "directorate",
    "inc.", "ltd", "ltd.", "group", "centre", "center", "college", "commision", "administration",
    "intelligence", "chamber", "institution", "programme", "bloc", "community", "club",
    "legislature", "mission", "airlines", "times", "post", "news"};

constexpr std::string_view kGroupNounWords[] = {
    "officers", "officials", "diplomats", "individuals", "soldiers", "troops", "members",
    "nationals", "citizens", "spies", "hackers", "people", "men", "women", "agents", "militants",
    "fighters", "protesters", "activists", "journalists", "students", "workers", "fishermen",
    "sailors", "suspects", "defendants", "leaders", "ministers", "lawmakers", "legislators",
    "firms", "companies", "entities", "athletes", "persons", "envoys", "staff", "personnel",
    "crew", "crewmen", "rebels", "insurgents", "civilians", "prisoners", "detainees", "executives",
    "businessmen", "employees", "contractors", "operatives", "commanders", "generals", "pilots",
    "marines", "police", "policemen", "guards", "supporters", "figures", "banks", "vessels",
    "ships", "tourists", "researchers", "scientists", "engineers", "academics", "children",
    "migrants", "refugees", "mercenaries", "perpetrators", "plotters", "hostages", "captives",
    "seamen", "mariners", "traders"};

constexpr std::string_view kStateNounWords[] = {
    "government", "governments", "authorities", "side", "delegation", "leadership", "state",
    "regime", "administration", "officials", "team", "negotiators", "cabinet"};

constexpr std::string_view kMonthWords[] = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.",
    "sept.", "sep.", "oct.", "nov.", "dec."};

constexpr std::string_view kWeekdayWords[] = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

constexpr std::string_view kNameStopWords[] = {
    "the", "a", "an", "in", "on", "at", "but", "and", "or", "he", "she", "it", "they", "we", "i",
    "you", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my", "there",
    "after", "before", "as", "when", "while", "if", "for", "from", "with", "by", "to", "of",
    "since", "during", "despite", "although", "though", "because", "however", "meanwhile", "also",
    "both", "all", "some", "many", "most", "several", "no", "not", "one", "two", "three", "last",
    "next", "earlier", "later", "today", "yesterday", "tomorrow", "speaking", "according", "asked",
    "under", "unlike", "like", "among", "what", "who", "whom", "which", "where", "why", "how",
    "such", "each", "every", "thursday's", "said", "says", "nevertheless", "yet", "so", "then",
    "still", "even", "only", "allegations", "calling", "given", "given", "over", "about",
    "against", "into", "new", "former", "mr", "mrs", "ms", "mr.", "mrs.", "ms.", "dr", "dr.",
    "sir", "state-run", "state", "top", "senior", "minister", "president"};

constexpr std::string_view kSpeechVerbWords[] = {
    "said", "says", "say", "told", "tells", "added", "adds", "noted", "warned", "stressed",
    "wrote", "urged", "announced", "insisted", "declared", "argued", "asserted", "claimed",
    "explained", "remarked", "tweeted", "stated", "emphasized", "emphasised", "called", "proposed",
    "described", "replied", "responded", "met", "visited", "accused", "criticized", "criticised",
    "condemned", "praised", "welcomed", "denied", "warns", "urges", "notes", "stresses", "writes",
    "argues", "insists"};

constexpr std::string_view kNumberWordWords[] = {
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
    "thirty", "forty", "fifty", "hundred", "hundreds", "dozens", "dozen", "several", "both",
    "scores"};

constexpr std::string_view kOrdinalWords[] = {
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "eleventh", "twelfth", "latest", "next", "last", "inaugural", "1st", "2nd", "3rd", "4th",
    "5th", "6th", "7th", "8th", "9th", "10th"};

constexpr std::string_view kRoleNounWords[] = {
    "spokesman", "spokeswoman", "spokesperson", "chief", "envoy", "ambassador", "leader",
    "professor", "president", "minister", "secretary", "adviser", "advisor", "director",
    "chairman", "chairwoman", "chair", "head", "commander", "general", "senator", "official",
    "correspondent", "analyst", "counsel", "prosecutor", "judge", "governor", "mayor", "premier",
    "chancellor", "king", "queen", "prince", "emir", "sheikh", "lawmaker", "ruler", "dictator",
    "negotiator", "representative", "deputy", "president-elect", "candidate", "founder", "editor",
    "reporter", "economist", "researcher", "expert", "fellow", "lawyer", "attorney", "aide",
    "commissioner", "coordinator", "administrator", "speaker", "consul", "attache", "officer",
    "counterpart", "journalist", "activist", "dissident", "businessman", "businesswoman",
    "blogger", "scholar", "writer", "author", "novelist", "artist", "opposition", "politician",
    "legislator", "envoy", "emissary", "tycoon", "billionaire", "entrepreneur", "hacker", "spy",
    "agent", "soldier", "pilot", "sailor", "student", "worker", "citizen", "national", "diplomat",
    "intelligence", "daughter", "son", "wife", "husband", "brother", "sister", "mother", "father",
    "widow", "nephew", "niece"};

constexpr std::string_view kVerbLikeWords[] = {
    "are", "were", "is", "was", "have", "has", "had", "will", "would", "say", "said", "says", "do",
    "did", "does", "can", "could", "may", "might", "must", "should", "also", "now", "always",
    "never", "still", "already", "then", "who", "which", "that", "did", "does", "will", "shall",
    "can", "is", "were", "been", "being"};

constexpr std::string_view kLikelyNounWords[] = {
    "magazine", "newspaper", "paper", "company", "firm", "military", "economy", "market", "dollar",
    "trade", "election", "embassy", "envoy", "navy", "army", "troops", "forces", "allegations",
    "allies", "ally", "claims", "move", "decision", "plan", "policy", "bid", "monitoring",
    "sanctions", "strikes", "attack", "attacks", "war", "talks", "deal", "team", "delegation",
    "intelligence", "law", "court", "courts", "media", "press", "network", "networks", "companies",
    "firms", "citizens", "nationals", "soldiers", "move", "action", "actions", "stance",
    "position", "response", "proposal", "offer", "role", "aid", "assistance", "support",
    "pressure", "relations", "ties", "border", "officials", "official", "counterpart",
    "counterparts", "presidential", "political", "federal", "national", "state-owned", "state-run",
    "government", "authorities"};

constexpr std::string_view kPlaceHeadWords[] = {
    "peninsula", "sea", "strait", "straits", "gulf", "island", "islands", "mountains", "mountain",
    "river", "valley", "bay", "ocean", "desert", "province", "region", "district", "county",
    "city", "village", "square", "street", "airport", "port", "canal", "lake", "border", "coast",
    "war", "cup", "games", "declaration", "agreement", "treaty", "accord", "accords", "resolution",
    "act", "plan", "initiative", "day", "summit", "talks", "dialogue"};

constexpr std::string_view kNameParticleWords[] = {
    "bin", "bint", "al", "al-", "el", "de", "da", "del", "der", "van", "von", "le", "la", "di",
    "du", "ibn", "abu"};

// Words that never stand before a role noun in a title: prepositions,
// conjunctions, verbs of saying.
constexpr std::string_view kNotTitleAdjectiveWords[] = {
    "between", "with", "by", "for", "of", "to", "in", "on", "at", "from", "after", "before",
    "during", "under", "over", "against", "among", "including", "than", "into", "as", "via", "per",
    "without", "about", "and", "or", "but", "said", "told"};

// Where a time expression may start (event/dates.cc reads these): relative
// days, months and weekdays (their own classes), "last week", "this week",
// "earlier this week", "three years ago", "a year ago"; digits are added in
// WordClassesOf().
constexpr std::string_view kDateCueWords[] = {
    "today", "tonight", "yesterday", "last", "next", "this", "earlier", "one", "two", "three",
    "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "a"};

// Words after which an event trigger reads as a noun ("the talks", "its
// sanctions"); event/extractor.cc reads these.
constexpr std::string_view kDeterminerWords[] = {
    "the", "a", "an", "its", "their", "his", "her", "this", "these", "those", "any", "such",
    "cyber", "\"", "'", "our", "new", "'s"};

// Plural words for office-holders ("the ministers" of two states);
// mention/nominal.cc reads these.
constexpr std::string_view kOfficePluralWords[] = {
    "ministers", "leaders", "presidents", "premiers", "chancellors", "envoys", "counterparts"};

// Every word a pronoun phrase may start with: personal pronouns, "each
// other", "one another", "the two sides", "both countries", "the two
// ministers"; mention/nominal.cc reads these and tries no other word.
constexpr std::string_view kPronounLeadWords[] = {
    "he", "him", "his", "himself", "she", "her", "hers", "herself", "it", "its", "itself",
    "they", "them", "their", "themselves", "each", "one", "the", "both"};

// Modifiers that single out a set of people ("renegade soldiers",
// "coup leaders"); mention/phrases.cc reads these.
constexpr std::string_view kMarkedModifierWords[] = {
    "coup", "renegade", "mutinous", "rebel", "armed", "masked", "unidentified", "suspected",
    "alleged", "undeclared", "militant"};

struct WordValue {
  std::string_view word, value;
};

constexpr WordValue kOccasionFamilies[] = {
    {"dialogue", "dialogue"}, {"dialogues", "dialogue"}, {"talks", "dialogue"},
    {"negotiations", "dialogue"}, {"consultations", "dialogue"}, {"discussions", "dialogue"},
    {"mechanism", "dialogue"}, {"summit", "summit"}, {"conference", "conference"},
    {"forum", "conference"}, {"meeting", "summit"}, {"group", "working-group"},
    {"session", "conference"}, {"games", "games"}, {"cup", "games"}, {"olympics", "games"}};

constexpr WordValue kOccasionTopics[] = {
    {"cyber", "cyber"}, {"cybercrime", "cyber"}, {"cybercrimes", "cyber"},
    {"cybersecurity", "cyber"}, {"cyberspace", "cyber"}, {"ministerial", ""}, {"high-level", ""},
    {"strategic", "strategic"}, {"economic", "economic"}, {"trade", "trade"},
    {"nuclear", "nuclear"}, {"peace", "peace"}, {"security", "security"},
    {"six-party", "six-party"}, {"disarmament", "disarmament"}, {"climate", "climate"},
    {"maritime", "maritime"}, {"defence", "defence"}, {"defense", "defence"}, {"bilateral", ""},
    {"inter-korean", "inter-korean"}, {"border", "border"}, {"human", "human-rights"},
    {"rights", "human-rights"}, {"energy", "energy"}, {"working", ""}, {"joint", ""},
    {"leaders", ""}, {"g20", "g20"}, {"g7", "g7"}, {"nato", "nato"}, {"crime", "crime"},
    {"counterterrorism", "counterterrorism"}, {"terrorism", "counterterrorism"},
    {"arms", "arms-control"}, {"ceasefire", "ceasefire"}, {"hotline", "hotline"}};

// clang-format on

// Not a class of its own: words WordClassesOf() never calls title adjectives.
constexpr uint32_t kNotTitleAdjective = 1u << 31;

// An open-addressing table of the listed words: one FNV-1a hash and, nearly
// always, one probe, instead of a std::unordered_set look-up per list. Built
// at compile time, so a look-up needs no initialisation guard; each slot keeps
// its word's hash, so a probe compares characters only when the hashes agree.
// A slot is 16 bytes and names its word by index: the table stays small
// enough for the first-level cache, being read for every token.
class WordTable {
 public:
  constexpr WordTable() {
    auto add_all = [&](const auto& list, uint32_t bits) {
      for (std::string_view w : list) Add(w, bits);
    };
    add_all(kOrgHeadWords, kWcOrgHead);
    add_all(kGroupNounWords, kWcGroupNoun);
    add_all(kStateNounWords, kWcStateNoun);
    add_all(kMonthWords, kWcMonth | kWcNameStop | kWcDateCue);
    add_all(kWeekdayWords, kWcWeekday | kWcNameStop | kWcDateCue);
    add_all(kNameStopWords, kWcNameStop);
    add_all(kSpeechVerbWords, kWcSpeechVerb);
    add_all(kNumberWordWords, kWcNumberWord);
    add_all(kOrdinalWords, kWcOrdinal);
    add_all(kRoleNounWords, kWcRoleNoun);
    add_all(kVerbLikeWords, kWcVerbLike);
    add_all(kLikelyNounWords, kWcLikelyNoun);
    add_all(kPlaceHeadWords, kWcPlaceHead);
    add_all(kNameParticleWords, kWcNameParticle);
    add_all(kNotTitleAdjectiveWords, kNotTitleAdjective);
    add_all(kDateCueWords, kWcDateCue);
    add_all(kDeterminerWords, kWcDeterminer);
    add_all(kOfficePluralWords, kWcOfficePlural);
    add_all(kMarkedModifierWords, kWcMarkedModifier);
    add_all(kPronounLeadWords, kWcPronounLead);
    for (size_t i = 0; i < std::size(kOccasionFamilies); ++i) {
      Slot& s = Add(kOccasionFamilies[i].word, kWcOccasionHead);
      s.family = static_cast<uint8_t>(i + 1);
    }
    for (size_t i = 0; i < std::size(kOccasionTopics); ++i) {
      Slot& s = Add(kOccasionTopics[i].word, kWcOccasionTopic);
      s.topic = static_cast<uint8_t>(i + 1);
    }
  }

  struct Slot {
    uint64_t hash = 0;  // WordHash() of the word
    uint32_t bits = 0;
    uint16_t word = 0;   // 1 + index into words_, or 0: free
    uint8_t family = 0;  // 1 + index into kOccasionFamilies, or 0
    uint8_t topic = 0;   // 1 + index into kOccasionTopics, or 0
  };

  const Slot* Find(std::string_view w) const { return Find(w, WordHash(w)); }
  const Slot* Find(std::string_view w, uint64_t word_hash) const {
    if (w.empty() || w.size() > max_len_) return nullptr;
    for (size_t i = Slot0(word_hash);; i = (i + 1) & kMask) {
      const Slot& s = slots_[i];
      if (s.word == 0) return nullptr;
      if (s.hash == word_hash && words_[s.word - 1] == w) return &s;
    }
  }

 private:
  static constexpr size_t kSize = 2048;  // a power of two, over twice the words
  static constexpr size_t kMask = kSize - 1;

  static constexpr size_t Slot0(uint64_t h) { return static_cast<size_t>(h ^ (h >> 29)) & kMask; }

  constexpr Slot& Add(std::string_view w, uint32_t bits) {
    if (w.size() > max_len_) max_len_ = w.size();
    uint64_t h = WordHash(w);
    size_t i = Slot0(h);
    while (slots_[i].word != 0 && words_[slots_[i].word - 1] != w) i = (i + 1) & kMask;
    if (slots_[i].word == 0) {
      words_[word_count_] = w;
      slots_[i].word = static_cast<uint16_t>(++word_count_);
      slots_[i].hash = h;
    }
    slots_[i].bits |= bits;
    return slots_[i];
  }

  std::array<Slot, kSize> slots_{};
  std::array<std::string_view, kSize / 2> words_{};  // at most half the slots are taken
  size_t word_count_ = 0;
  size_t max_len_ = 0;
};

constexpr WordTable kTable;

const WordTable& Table() { return kTable; }

// `w` ends in "-ed" or "-ing" after at least one more letter (the
// characters are compared one by one: this runs for nearly every token).
bool IsParticiple(std::string_view w) {
  size_t n = w.size();
  bool ed = n > 2 && w[n - 2] == 'e' && w[n - 1] == 'd';
  bool ing = n > 3 && w[n - 3] == 'i' && w[n - 2] == 'n' && w[n - 1] == 'g';
  return ed || ing;
}

// `w` ends in a noun suffix ("-tion", "-ment", "-ity", ...) after at least
// three more letters. The suffixes are told apart by their last letter, so
// most words test none.
bool HasNounSuffix(std::string_view w) {
  auto ends = [w](std::string_view suffix) {
    return w.size() > suffix.size() + 2 && w.ends_with(suffix);
  };
  switch (w.back()) {
    case 'n': return ends("tion") || ends("sion");
    case 't': return ends("ment");
    case 'e': return ends("ence") || ends("ance") || ends("ure");
    case 'y': return ends("ity");
    case 'm': return ends("ism");
    case 's': return ends("ness");
    case 'p': return ends("ship");
    default: return false;
  }
}

}  // namespace

uint32_t WordClassesOf(std::string_view w) { return WordClassesOf(w, WordHash(w)); }

uint32_t WordClassesOf(std::string_view w, uint64_t hash) {
  const WordTable::Slot* slot = Table().Find(w, hash);
  uint32_t c = slot == nullptr ? 0 : slot->bits;
  bool digit = !w.empty() && w[0] >= '0' && w[0] <= '9';
  if (digit) c |= kWcNumberWord | kWcDateCue;
  if (digit && !(c & kWcOrdinal)) {
    // "58th", "21st", "102nd"
    size_t d = 0;
    while (d < w.size() && w[d] >= '0' && w[d] <= '9') ++d;
    std::string_view suf = w.substr(d);
    if (suf == "st" || suf == "nd" || suf == "rd" || suf == "th") c |= kWcOrdinal;
  }
  if (!(c & kWcLikelyNoun) && w.size() > 5 && HasNounSuffix(w)) c |= kWcLikelyNoun;
  // A title adjective: no function word, verb or short word, and no
  // participle ("-ed", "-ing").
  if (!(c & (kNotTitleAdjective | kWcNameStop | kWcVerbLike)) && w.size() >= 3 &&
      !IsParticiple(w)) {
    c |= kWcTitleAdjective;
  }
  return c & ~kNotTitleAdjective;
}

namespace words {

std::string_view OccasionFamily(std::string_view w) {
  const WordTable::Slot* slot = Table().Find(w);
  if (slot == nullptr || slot->family == 0) return std::string_view();
  return kOccasionFamilies[slot->family - 1].value;
}

std::string_view OccasionTopic(std::string_view w) {
  const WordTable::Slot* slot = Table().Find(w);
  if (slot == nullptr || slot->topic == 0) return std::string_view("\x01");  // not a topic word
  return kOccasionTopics[slot->topic - 1].value;
}

}  // namespace words

}  // namespace diplograph
