// The per-document state of the mention finder: entities found so far and
// the salience history pronouns and descriptions resolve against.
#ifndef DIPLOGRAPH_MENTION_DOC_STATE_H_
#define DIPLOGRAPH_MENTION_DOC_STATE_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "diplograph/mention/mentions.h"

namespace diplograph {

struct HistoryItem {
  int entity;
  int sentence;
  uint32_t token;
  bool subject;  // first actor phrase of its sentence
};

class DocState {
 public:
  DocState(const Dictionary& dict, std::string_view doc_id, std::string_view date)
      : dict_(dict), doc_id_(doc_id), date_(date) {
    // Room for the actors of most documents: growing would move them all.
    entities_.reserve(16);
  }

  const Dictionary& dict() const { return dict_; }
  std::string_view date() const { return date_; }
  std::string_view doc_id() const { return doc_id_; }
  std::vector<Entity>& entities() { return entities_; }
  const std::vector<HistoryItem>& history() const { return history_; }

  // The entity for dictionary actor `index`, created on first use.
  int DictEntity(int index);
  // The entity with `key`, created from `proto` on first use.
  int KeyedEntity(const std::string& key, const Entity& proto);
  // A person already in the document whose name has `token` as its first or
  // last word ("Guo" -> Guo Shengkun), or -1.
  int PersonBySurname(std::string_view token) const;

  void Note(int entity, int sentence, uint32_t token, bool subject, std::string_view surface);

  // Most recent entity satisfying `pred`, searching back from the current
  // position; subjects first when `prefer_subject`.
  template <typename Pred>
  int Recent(Pred pred, bool prefer_subject, int skip_entity = -1) const {
    int fallback = -1;
    for (auto it = history_.rbegin(); it != history_.rend(); ++it) {
      if (it->entity == skip_entity || !pred(entities_[static_cast<size_t>(it->entity)])) {
        continue;
      }
      // Only what was named before the phrase being resolved.
      if (it->sentence == limit_sentence && it->token >= limit_token) continue;
      if (!prefer_subject || it->subject) return it->entity;
      if (fallback < 0) fallback = it->entity;
    }
    return fallback;
  }

  // The actors of the last coordinated phrase ("Saudi Arabia, Egypt and
  // Bahrain"), for "they"; and the country of the last "X administration".
  std::vector<int> last_set;
  // Resolution looks only at mentions before this point (set per phrase).
  int limit_sentence = -1;
  uint32_t limit_token = 0;
  int last_set_sentence = -1;
  int last_admin_country = -1;

  // The two countries mentioned most often so far (ties: earliest).
  std::vector<int> TopCountries(size_t n) const;

 private:
  const Dictionary& dict_;
  std::string doc_id_;
  std::string date_;
  std::vector<Entity> entities_;
  std::unordered_map<std::string, int> by_key_;
  std::vector<HistoryItem> history_;
};

}  // namespace diplograph

#endif  // DIPLOGRAPH_MENTION_DOC_STATE_H_
