#include "diplograph/event/lexicon.h"

#include <nlohmann/json.hpp>

#include "diplograph/core/strings.h"
#include "diplograph/segment/word_class.h"

using namespace std::string_view_literals;

namespace diplograph {

namespace {

bool EndsWithAny(const std::string& s, std::initializer_list<std::string_view> ends) {
  for (std::string_view e : ends) {
    if (EndsWith(s, e)) return true;
  }
  return false;
}

std::string ThirdPerson(const std::string& base) {
  if (EndsWithAny(base, {"s", "x", "z", "ch", "sh"})) return base + "es";
  if (base.size() > 1 && base.back() == 'y' && std::string("aeiou").find(base[base.size() - 2]) == std::string::npos) {
    return base.substr(0, base.size() - 1) + "ies";
  }
  return base + "s";
}

std::string Gerund(const std::string& base) {
  if (EndsWith(base, "ie")) return base.substr(0, base.size() - 2) + "ying";
  if (base.size() > 2 && base.back() == 'e' && !EndsWith(base, "ee")) {
    return base.substr(0, base.size() - 1) + "ing";
  }
  return base + "ing";
}

// Splits a pattern on spaces, with hyphens as their own words ("co-chair"
// -> "co", "-", "chair"), as the tokenizer does.
std::vector<std::string> PatternWords(std::string_view pattern) {
  std::vector<std::string> out;
  for (std::string_view w : Split(pattern, ' ')) {
    if (w.empty()) continue;
    if (out.empty()) {
      out.emplace_back(w);  // the head keeps its hyphens ("co-chair/co-chaired/...")
      continue;
    }
    std::string cur;
    for (char c : w) {
      if (c == '-' && !cur.empty() && cur != "*"sv) {
        out.push_back(cur);
        out.push_back("-");
        cur.clear();
      } else {
        cur.push_back(c);
      }
    }
    if (!cur.empty()) out.push_back(cur);
  }
  return out;
}

// Whether `word` is one of the '|'-separated alternatives of `alts`; walks
// the pattern in place (this runs for every candidate trigger).
bool AltMatches(std::string_view alts, std::string_view word) {
  size_t start = 0;
  while (true) {
    size_t bar = alts.find('|', start);
    std::string_view a =
        alts.substr(start, bar == std::string_view::npos ? std::string_view::npos : bar - start);
    if (a == word) return true;
    if (bar == std::string_view::npos) return false;
    start = bar + 1;
  }
}

// Matches rest[r..] at token i; returns the end token or 0.
uint32_t MatchRest(const std::vector<std::string>& rest, size_t r, const std::vector<Token>& toks,
                   uint32_t i, uint32_t end) {
  if (r == rest.size()) return i;
  if (rest[r] == "*"sv) {
    int words = 0;
    for (uint32_t skip = 0; words <= 3 && i + skip <= end; ++skip) {
      if (skip > 0) {
        const Token& t = toks[i + skip - 1];
        if (t.Is(kPunct) && t.text != "-"sv) break;
        if (t.text != "-"sv) ++words;
        if (words > 3) break;
      }
      uint32_t e = MatchRest(rest, r + 1, toks, i + skip, end);
      if (e != 0) return e;
    }
    return 0;
  }
  if (i >= end || !AltMatches(rest[r], toks[i].lower)) return 0;
  return MatchRest(rest, r + 1, toks, i + 1, end);
}

bool IsPreposition(const std::string& w) {
  return w == "with"sv || w == "on"sv || w == "against"sv || w == "to"sv || w == "of"sv || w == "at"sv ||
         w == "between"sv || w == "in"sv || w == "from"sv || w == "that"sv;
}

}  // namespace

void Lexicon::AddPattern(const std::string& type, const std::string& frame,
                         std::string_view pattern) {
  bool noun = StartsWith(pattern, "noun:");
  if (noun) pattern.remove_prefix(5);
  std::vector<std::string> words = PatternWords(pattern);
  if (words.empty()) return;
  std::string head = words.front();
  std::vector<std::string> rest(words.begin() + 1, words.end());
  // A hyphenated head ("co-chair") keeps its first part as the key.
  auto add = [&](const std::string& form_word, VerbForm form) {
    std::string head_word = AsciiLower(form_word);
    by_head_[head_word].push_back({type, form, rest, frame});
    ++count_;
  };
  if (noun) {
    add(head, VerbForm::kNoun);
    return;
  }
  std::vector<std::string_view> forms = Split(head, '/');
  if (forms.size() < 3) {
    add(head, VerbForm::kWord);
    return;
  }
  std::string base(forms[0]), past(forms[1]), pp(forms[2]);
  std::string ing = forms.size() > 3 ? std::string(forms[3]) : Gerund(base);
  add(base, VerbForm::kBase);
  add(ThirdPerson(base), VerbForm::kThird);
  if (past == pp) {
    add(past, VerbForm::kPastOrParticiple);
  } else {
    add(past, VerbForm::kPast);
    add(pp, VerbForm::kParticiple);
  }
  add(ing, VerbForm::kIng);
}

bool Lexicon::AddFile(std::string_view name, std::string_view content, Diagnostics* diags) {
  try {
    nlohmann::json doc = nlohmann::json::parse(content.begin(), content.end());
    const auto& triggers = doc.at("triggers");
    for (size_t i = 0; i < triggers.size(); ++i) {
      const auto& t = triggers[i];
      if (!t.contains("type") || !t["type"].is_string() || !t.contains("patterns") ||
          !t["patterns"].is_array()) {
        diags->Error(name, 0, 0, "trigger " + std::to_string(i + 1) +
                                     ": needs a \"type\" string and a \"patterns\" array");
        continue;
      }
      for (const auto& p : t["patterns"]) {
        std::string frame = t.contains("frame") && t["frame"].is_string()
                                ? t["frame"].get<std::string>()
                                : "";
        if (p.is_string()) AddPattern(t["type"].get<std::string>(), frame, p.get<std::string>());
      }
    }
    IndexHeads();
    return !diags->HasErrors();
  } catch (const nlohmann::json::parse_error& e) {
    int line = 0, col = 0;
    LineColAt(content, e.byte > 0 ? e.byte - 1 : 0, &line, &col);
    diags->Error(name, line, col, "malformed JSON in trigger file");
  } catch (const nlohmann::json::exception& e) {
    diags->Error(name, 0, 0, "trigger file must be an object with a \"triggers\" array");
  }
  IndexHeads();  // the patterns added before the error stay usable
  return false;
}

void Lexicon::IndexHeads() {
  size_t slots = 16;
  while (slots < 2 * by_head_.size()) slots *= 2;
  head_index_.assign(slots, HeadSlot());
  head_filter_ = HashFilter(by_head_.size());
  // Map nodes keep their address when the map grows, so the slots stay valid.
  for (const Heads::value_type& head : by_head_) {
    uint64_t hash = WordHash(head.first);
    size_t i = hash & (slots - 1);
    while (head_index_[i].head != nullptr) i = (i + 1) & (slots - 1);
    head_index_[i] = {hash, &head};
    head_filter_.Add(hash);
  }
}

const std::vector<Lexicon::Entry>* Lexicon::FindHead(std::string_view head,
                                                      uint64_t hash) const {
  if (head_index_.empty() || !head_filter_.MayContain(hash)) return nullptr;
  size_t mask = head_index_.size() - 1;
  for (size_t i = hash & mask; head_index_[i].head != nullptr; i = (i + 1) & mask) {
    const HeadSlot& slot = head_index_[i];
    if (slot.hash == hash && slot.head->first == head) return &slot.head->second;
  }
  return nullptr;
}

bool Lexicon::MayMatchAt(const std::vector<Token>& tokens, uint32_t i, uint32_t end) const {
  return head_filter_.MayContain(tokens[i].hash) || (i + 2 < end && tokens[i + 1].text == "-"sv);
}

bool Lexicon::MatchAt(const std::vector<Token>& tokens, uint32_t i, uint32_t end,
                      bool after_determiner, TriggerMatch* out) const {
  // Heads may be hyphenated in the text ("co-chaired" = co, -, chaired).
  std::string_view key = tokens[i].lower;
  uint64_t hash = tokens[i].hash;
  std::string joined;
  uint32_t head_end = i + 1;
  if (i + 2 < end && tokens[i + 1].text == "-"sv && !tokens[i + 1].Is(kSpaceBefore) &&
      !tokens[i + 2].Is(kSpaceBefore)) {
    joined = std::string(key) + "-" + std::string(tokens[i + 2].lower);
    if (by_head_.count(joined)) {
      key = joined;
      hash = WordHash(joined);
      head_end = i + 3;
    }
  }
  const std::vector<Entry>* entries = FindHead(key, hash);
  if (entries == nullptr) return false;
  uint32_t best_end = 0;
  const Entry* best = nullptr;
  for (const Entry& e : *entries) {
    if (after_determiner && e.form != VerbForm::kNoun && e.form != VerbForm::kWord) continue;
    uint32_t e_end = e.rest.empty() ? head_end : MatchRest(e.rest, 0, tokens, head_end, end);
    if (e_end > best_end) {
      best_end = e_end;
      best = &e;
    }
  }
  if (best == nullptr) return false;
  out->type = best->type;
  out->form = best->form;
  out->first = i;
  out->last = best_end;
  out->ends_in_preposition = !best->rest.empty() && IsPreposition(best->rest.back());
  out->frame = best->frame;
  return true;
}

}  // namespace diplograph
