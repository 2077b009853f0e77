#include <string>
#include <unordered_map>
#include <unordered_set>

#include "mention/lexicon_words.h"

namespace diplograph::words {

namespace {

using WordSet = std::unordered_set<std::string_view>;

bool In(const WordSet& set, std::string_view w) { return set.count(w) > 0; }

}  // namespace

bool IsOrgHead(std::string_view w) {
  static const WordSet k = {
      "ministry", "department", "agency", "council", "commission", "army", "forces", "force",
      "bureau", "office", "committee", "court", "party", "union", "association", "bank",
      "institute", "university", "company", "corporation", "corp.", "network", "organization",
      "organisation", "alliance", "coalition", "service", "services", "division", "command",
      "guard", "guards", "police", "parliament", "assembly", "congress", "senate", "authority",
      "fund", "foundation", "federation", "league", "movement", "front", "brigade", "corps",
      "board", "secretariat", "embassy", "consulate", "tribunal", "navy", "academy", "agencies",
      "cabinet", "directorate", "inc.", "ltd", "ltd.", "group", "centre", "center", "college",
      "commision", "administration", "intelligence", "chamber", "institution", "programme",
      "bloc", "community", "club", "legislature", "mission", "airlines", "times", "post", "news"};
  return In(k, w);
}

bool IsGroupNoun(std::string_view w) {
  static const WordSet k = {
      "officers", "officials", "diplomats", "individuals", "soldiers", "troops", "members",
      "nationals", "citizens", "spies", "hackers", "people", "men", "women", "agents",
      "militants", "fighters", "protesters", "activists", "journalists", "students", "workers",
      "fishermen", "sailors", "suspects", "defendants", "leaders", "ministers", "lawmakers",
      "legislators", "firms", "companies", "entities", "athletes", "persons", "envoys", "staff",
      "personnel", "crew", "crewmen", "rebels", "insurgents", "civilians", "prisoners",
      "detainees", "executives", "businessmen", "employees", "contractors", "operatives",
      "commanders", "generals", "pilots", "marines", "police", "policemen", "guards",
      "supporters", "figures", "banks", "vessels", "ships", "tourists", "researchers",
      "scientists", "engineers", "academics", "children", "migrants", "refugees", "mercenaries",
      "perpetrators", "plotters", "hostages", "captives", "seamen", "mariners", "traders"};
  return In(k, w);
}

bool IsStateNoun(std::string_view w) {
  static const WordSet k = {"government", "governments", "authorities", "side", "delegation",
                            "leadership", "state", "regime", "administration", "officials",
                            "team", "negotiators", "cabinet"};
  return In(k, w);
}

bool IsMonth(std::string_view w) {
  static const WordSet k = {"january", "february", "march", "april", "may", "june", "july",
                            "august", "september", "october", "november", "december", "jan.",
                            "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sept.", "sep.",
                            "oct.", "nov.", "dec."};
  return In(k, w);
}

bool IsWeekday(std::string_view w) {
  static const WordSet k = {"monday", "tuesday", "wednesday", "thursday", "friday",
                            "saturday", "sunday"};
  return In(k, w);
}

bool IsNameStop(std::string_view w) {
  static const WordSet k = {
      "the", "a", "an", "in", "on", "at", "but", "and", "or", "he", "she", "it", "they", "we",
      "i", "you", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my",
      "there", "after", "before", "as", "when", "while", "if", "for", "from", "with", "by",
      "to", "of", "since", "during", "despite", "although", "though", "because", "however",
      "meanwhile", "also", "both", "all", "some", "many", "most", "several", "no", "not",
      "one", "two", "three", "last", "next", "earlier", "later", "today", "yesterday",
      "tomorrow", "speaking", "according", "asked", "under", "unlike", "like", "among",
      "what", "who", "whom", "which", "where", "why", "how", "such", "each", "every",
      "thursday's", "said", "says", "nevertheless", "yet", "so", "then", "still", "even",
      "only", "allegations", "calling", "given", "given", "over", "about", "against", "into",
      "new", "former", "mr", "mrs", "ms", "mr.", "mrs.", "ms.", "dr", "dr.", "sir",
      "state-run", "state", "top", "senior", "minister", "president"};
  return In(k, w) || IsMonth(w) || IsWeekday(w);
}

bool IsSpeechVerb(std::string_view w) {
  static const WordSet k = {"said", "says", "say", "told", "tells", "added", "adds", "noted",
                            "warned", "stressed", "wrote", "urged", "announced", "insisted",
                            "declared", "argued", "asserted", "claimed", "explained",
                            "remarked", "tweeted", "stated", "emphasized", "emphasised",
                            "called", "proposed", "described", "replied", "responded",
                            "met", "visited", "accused", "criticized", "criticised",
                            "condemned", "praised", "welcomed", "denied", "warns", "urges",
                            "notes", "stresses", "writes", "argues", "insists"};
  return In(k, w);
}

bool IsNumberWord(std::string_view w) {
  static const WordSet k = {"two", "three", "four", "five", "six", "seven", "eight", "nine",
                            "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen",
                            "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty",
                            "forty", "fifty", "hundred", "hundreds", "dozens", "dozen",
                            "several", "both", "scores"};
  if (!w.empty() && w[0] >= '0' && w[0] <= '9') return true;
  return In(k, w);
}

bool IsOrdinal(std::string_view w) {
  static const WordSet k = {"first", "second", "third", "fourth", "fifth", "sixth",
                            "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth",
                            "latest", "next", "last", "inaugural", "1st", "2nd", "3rd",
                            "4th", "5th", "6th", "7th", "8th", "9th", "10th"};
  if (In(k, w)) return true;
  // "58th", "21st", "102nd"
  size_t d = 0;
  while (d < w.size() && w[d] >= '0' && w[d] <= '9') ++d;
  std::string_view suf = w.substr(d);
  return d > 0 && (suf == "st" || suf == "nd" || suf == "rd" || suf == "th");
}

std::string_view OccasionFamily(std::string_view w) {
  static const std::unordered_map<std::string_view, std::string_view> k = {
      {"dialogue", "dialogue"}, {"dialogues", "dialogue"}, {"talks", "dialogue"},
      {"negotiations", "dialogue"}, {"consultations", "dialogue"}, {"discussions", "dialogue"}, {"mechanism", "dialogue"},
      {"summit", "summit"}, {"conference", "conference"}, {"forum", "conference"},
      {"meeting", "summit"}, {"group", "working-group"}, {"session", "conference"},
      {"games", "games"}, {"cup", "games"}, {"olympics", "games"}};
  auto it = k.find(w);
  return it == k.end() ? std::string_view() : it->second;
}

std::string_view OccasionTopic(std::string_view w) {
  static const std::unordered_map<std::string_view, std::string_view> k = {
      {"cyber", "cyber"}, {"cybercrime", "cyber"}, {"cybercrimes", "cyber"},
      {"cybersecurity", "cyber"}, {"cyberspace", "cyber"}, {"ministerial", ""},
      {"high-level", ""}, {"strategic", "strategic"}, {"economic", "economic"},
      {"trade", "trade"}, {"nuclear", "nuclear"}, {"peace", "peace"}, {"security", "security"},
      {"six-party", "six-party"}, {"disarmament", "disarmament"}, {"climate", "climate"},
      {"maritime", "maritime"}, {"defence", "defence"}, {"defense", "defence"},
      {"bilateral", ""}, {"inter-korean", "inter-korean"}, {"border", "border"},
      {"human", "human-rights"}, {"rights", "human-rights"}, {"energy", "energy"},
      {"working", ""}, {"joint", ""}, {"leaders", ""}, {"g20", "g20"}, {"g7", "g7"},
      {"nato", "nato"}, {"crime", "crime"}, {"counterterrorism", "counterterrorism"},
      {"terrorism", "counterterrorism"}, {"arms", "arms-control"}, {"ceasefire", "ceasefire"},
      {"hotline", "hotline"}};
  auto it = k.find(w);
  if (it == k.end()) return std::string_view("\x01");  // not a topic word
  return it->second;
}

bool IsRoleNoun(std::string_view w) {
  static const WordSet k = {
      "spokesman", "spokeswoman", "spokesperson", "chief", "envoy", "ambassador", "leader",
      "professor", "president", "minister", "secretary", "adviser", "advisor", "director",
      "chairman", "chairwoman", "chair", "head", "commander", "general", "senator",
      "official", "correspondent", "analyst", "counsel", "prosecutor", "judge", "governor",
      "mayor", "premier", "chancellor", "king", "queen", "prince", "emir", "sheikh",
      "lawmaker", "ruler", "dictator", "negotiator", "representative", "deputy",
      "president-elect", "candidate", "founder", "editor", "reporter", "economist",
      "researcher", "expert", "fellow", "lawyer", "attorney", "aide", "commissioner",
      "coordinator", "administrator", "speaker", "consul", "attache", "officer",
      "counterpart", "journalist", "activist", "dissident", "businessman", "businesswoman",
      "blogger", "scholar", "writer", "author", "novelist", "artist", "opposition",
      "politician", "legislator", "envoy", "emissary", "tycoon", "billionaire",
      "entrepreneur", "hacker", "spy", "agent", "soldier", "pilot", "sailor", "student",
      "worker", "citizen", "national", "diplomat", "intelligence", "daughter", "son", "wife",
      "husband", "brother", "sister", "mother", "father", "widow", "nephew", "niece"};
  return In(k, w);
}

bool IsVerbLike(std::string_view w) {
  static const WordSet k = {"are", "were", "is", "was", "have", "has", "had", "will", "would",
                            "say", "said", "says", "do", "did", "does", "can", "could", "may",
                            "might", "must", "should", "also", "now", "always", "never",
                            "still", "already", "then", "who", "which", "that", "did",
                            "does", "will", "shall", "can", "is", "were", "been", "being"};
  return In(k, w);
}

bool IsTitleAdjective(std::string_view w) {
  static const WordSet kNot = {"between", "with", "by", "for", "of", "to", "in", "on", "at",
                               "from", "after", "before", "during", "under", "over", "against",
                               "among", "including", "than", "into", "as", "via", "per",
                               "without", "about", "and", "or", "but", "said", "told"};
  if (In(kNot, w) || IsNameStop(w) || IsVerbLike(w) || w.size() < 3) return false;
  auto ends = [&](std::string_view s) {
    return w.size() > s.size() && w.substr(w.size() - s.size()) == s;
  };
  if (ends("ed") || ends("ing")) return false;
  return true;
}

bool IsLikelyNoun(std::string_view w) {
  static const WordSet k = {
      "magazine", "newspaper", "paper", "company", "firm", "military", "economy", "market",
      "dollar", "trade", "election", "embassy", "envoy", "navy", "army", "troops", "forces",
      "allegations", "allies", "ally", "claims", "move", "decision", "plan", "policy", "bid",
      "monitoring", "sanctions", "strikes", "attack", "attacks", "war", "talks", "deal",
      "team", "delegation", "intelligence", "law", "court", "courts", "media", "press",
      "network", "networks", "companies", "firms", "citizens", "nationals", "soldiers",
      "move", "action", "actions", "stance", "position", "response", "proposal", "offer",
      "role", "aid", "assistance", "support", "pressure", "relations", "ties", "border",
      "officials", "official", "counterpart", "counterparts", "presidential", "political",
      "federal", "national", "state-owned", "state-run", "government", "authorities"};
  if (In(k, w)) return true;
  for (std::string_view suf : {"tion", "sion", "ment", "ence", "ance", "ity", "ism", "ness",
                               "ship", "ure"}) {
    if (w.size() > suf.size() + 2 && w.substr(w.size() - suf.size()) == suf) return true;
  }
  return false;
}

bool IsPlaceHead(std::string_view w) {
  static const WordSet k = {"peninsula", "sea", "strait", "straits", "gulf", "island",
                            "islands", "mountains", "mountain", "river", "valley", "bay",
                            "ocean", "desert", "province", "region", "district", "county",
                            "city", "village", "square", "street", "airport", "port",
                            "canal", "lake", "border", "coast", "war", "cup", "games",
                            "declaration", "agreement", "treaty", "accord", "accords",
                            "resolution", "act", "plan", "initiative", "day", "summit",
                            "talks", "dialogue"};
  return In(k, w);
}

bool IsNameParticle(std::string_view w) {
  static const WordSet k = {"bin", "bint", "al", "al-", "el", "de", "da", "del", "der", "van",
                            "von", "le", "la", "di", "du", "ibn", "abu"};
  return In(k, w);
}

}  // namespace diplograph::words
