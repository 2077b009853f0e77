// The sentence analyser of the mention finder (private to the module):
// labels tokens with dictionary atoms, then assembles noun phrases that name
// actors and resolves them against the document state.
#ifndef DIPLOGRAPH_MENTION_ANALYZER_H_
#define DIPLOGRAPH_MENTION_ANALYZER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "mention/doc_state.h"

namespace diplograph {

inline bool IsPossessiveToken(const Token& t) {
  return t.lower == "'s" || (t.text == "'" && !t.Is(kSpaceBefore));
}

enum class AtomType : uint8_t { kActor, kCapital, kSeat, kPeople, kAdjective, kTitle, kOrgan,
                                kProper, kWord };

struct Atom {
  uint32_t first = 0, last = 0;  // tokens
  AtomType type = AtomType::kWord;
  int index = -1;  // dictionary actor, title or organ index
};

// Per-sentence buffers, kept by the caller across sentences so that each
// sentence reuses their memory instead of allocating its own.
struct AnalyzerScratch {
  std::vector<Atom> atoms;
  std::vector<uint32_t> atom_at;
  std::vector<uint8_t> used;
  std::vector<const Ref*> coordinated;  // CoordinatedBefore()'s candidates
  std::vector<int> run;                 // and the run of actors it is joining
};

class SentenceAnalyzer {
 public:
  SentenceAnalyzer(DocState* state, const Segmentation& seg, int sentence, SentenceRefs* out,
                   AnalyzerScratch* scratch);
  void Run();

 private:
  // Labelling (matcher.cc).
  void Label();
  int MatchDictionary(uint32_t i, Atom* atom) const;
  uint32_t ExtendProper(uint32_t i) const;
  bool ProperStart(uint32_t i) const;
  void MarkDateline();

  // Phrases found before the main pass (phrases.cc).
  void FindOccasions();
  void FindGroups();
  void FindOrganizations();
  bool Occasion(uint32_t head);
  bool Group(uint32_t num);
  bool UnnumberedGroup(uint32_t start);
  bool BareNumberGroup(uint32_t num);
  void NoteAffiliations(int group, const std::vector<std::pair<int, const Atom*>>& inner);

  // The main pass (matcher.cc, nominal.cc).
  void MainPass();
  size_t Nominal(size_t k);
  size_t Pronoun(size_t k);
  size_t Description(size_t k);
  uint32_t PluralPeopleNoun(uint32_t i) const;
  std::vector<int> CounterpartPair(std::string_view plural) const;
  void FindPluralRoles();
  int HolderOf(const std::string& iso, uint32_t role_first, uint32_t role_last);
  size_t ProperName(size_t k);
  size_t Apposition(uint32_t after, int person);
  int PersonFromName(const Atom& name, int country_index, const std::vector<int>& titles);
  int OrganEntity(int country_index, int organ_index);
  int CountryEntityOf(const Atom& a);
  // The ISO code of the country an atom names, or "" (creates no entity).
  std::string CountryIsoOf(const Atom& a) const;
  // The actors of the last coordinated phrase ("A, B and C") ending before
  // token `pos` in this sentence; empty when there is none.
  std::vector<int> CoordinatedBefore(uint32_t pos) const;

  // Emitting.
  void Emit(uint32_t first, uint32_t last, std::vector<int> entities, RefKind kind,
            bool note = true);
  void EmitOne(uint32_t first, uint32_t last, int entity, RefKind kind) {
    Emit(first, last, {entity}, kind);
  }
  // Whether tokens [first, last) are in the sentence and in no phrase yet.
  // Inline: the phrase finders in every file of the module call it constantly.
  bool Free(uint32_t first, uint32_t last) const {
    for (uint32_t i = first; i < last; ++i) {
      if (i < begin_ || i >= end_ || used_[i - begin_]) return false;
    }
    return true;
  }
  const Token& Tok(uint32_t i) const { return seg_.tokens[i]; }
  bool TokIs(uint32_t i, std::string_view lower) const {
    return i >= begin_ && i < end_ && seg_.tokens[i].lower == lower;
  }
  size_t AtomAt(uint32_t token) const;  // index of the atom starting at token, or npos

  DocState* st_;
  const Segmentation& seg_;
  int sentence_;
  SentenceRefs* out_;
  uint32_t begin_, end_;
  std::vector<Atom>& atoms_;
  std::vector<uint32_t>& atom_at_;  // per token: the atom starting there, or -1
  std::vector<uint8_t>& used_;  // per token of the sentence
  AnalyzerScratch& scratch_;    // buffers of helpers (the fields above are its own)
  bool have_subject_ = false;
  bool prepass_ = false;  // emitting phrases found before the main pass
};

}  // namespace diplograph

#endif  // DIPLOGRAPH_MENTION_ANALYZER_H_
