// Closed word lists the mention finder relies on (private to the module).
#ifndef DIPLOGRAPH_MENTION_LEXICON_WORDS_H_
#define DIPLOGRAPH_MENTION_LEXICON_WORDS_H_

#include <string_view>

namespace diplograph::words {

// Head nouns that make a capitalised phrase an organisation ("... Agency").
bool IsOrgHead(std::string_view lower);
// Plural nouns for sets of people or bodies ("officers", "diplomats").
bool IsGroupNoun(std::string_view lower);
// Nouns that, after a country adjective, stand for the state itself
// ("Chinese government", "the Russian side").
bool IsStateNoun(std::string_view lower);
// Capitalised words that never start a name: function words, days, months.
bool IsNameStop(std::string_view lower);
bool IsMonth(std::string_view lower);
bool IsWeekday(std::string_view lower);
// Verbs of saying ("said", "told") that follow a speaker's name.
bool IsSpeechVerb(std::string_view lower);
// Number words and digits ("five", "35", "two").
bool IsNumberWord(std::string_view lower);
// Ordinals ("third", "3rd", "latest", "next").
bool IsOrdinal(std::string_view lower);
// Occasion head nouns and their family: "dialogue" -> "dialogue",
// "talks" -> "dialogue", "summit" -> "summit"; "" when not an occasion head.
std::string_view OccasionFamily(std::string_view lower);
// Words that make an occasion specific ("cybercrime", "ministerial").
// Returns the normalised topic ("cyber") or "" for none.
std::string_view OccasionTopic(std::string_view lower);
// Lower-case role nouns that act as titles before a name ("spokeswoman").
bool IsRoleNoun(std::string_view lower);
// Auxiliaries and common verbs that cannot be the noun after an adjective
// ("the Chinese are", "the French have").
bool IsVerbLike(std::string_view lower);
// Lower-case words that may stand before a role noun in a title ("top",
// "national security", "deputy"): not prepositions, verbs or function words.
bool IsTitleAdjective(std::string_view lower);
// Words that read as nouns after a country ("the US magazine", "the U.S.
// indictment"), making the country a modifier rather than the subject.
bool IsLikelyNoun(std::string_view lower);
// Geographic head nouns ("Peninsula", "Sea"): such names are places.
bool IsPlaceHead(std::string_view lower);
// Name particles inside names ("bin", "al", "de", "van").
bool IsNameParticle(std::string_view lower);

}  // namespace diplograph::words

#endif  // DIPLOGRAPH_MENTION_LEXICON_WORDS_H_
