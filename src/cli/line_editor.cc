// The prompt's line editor: raw terminal input, one line, sideways scrolling.
#include "cli/line_editor.h"

#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <fstream>
#include <iostream>

#include "diplograph/core/strings.h"

namespace diplograph::cli {

namespace {

// Puts the terminal in raw mode for its lifetime.
class RawMode {
 public:
  RawMode() {
    if (tcgetattr(STDIN_FILENO, &saved_) != 0) return;
    termios raw = saved_;
    raw.c_iflag &= ~static_cast<tcflag_t>(BRKINT | ICRNL | INPCK | ISTRIP | IXON);
    raw.c_lflag &= ~static_cast<tcflag_t>(ECHO | ICANON | IEXTEN | ISIG);
    raw.c_cc[VMIN] = 1;
    raw.c_cc[VTIME] = 0;
    ok_ = tcsetattr(STDIN_FILENO, TCSANOW, &raw) == 0;  // keeps typed-ahead input
  }
  ~RawMode() {
    if (ok_) tcsetattr(STDIN_FILENO, TCSANOW, &saved_);
  }
  bool ok() const { return ok_; }

 private:
  termios saved_{};
  bool ok_ = false;
};

void Write(std::string_view s) {
  while (!s.empty()) {
    ssize_t n = write(STDERR_FILENO, s.data(), s.size());
    if (n <= 0) return;
    s.remove_prefix(static_cast<size_t>(n));
  }
}

int TerminalColumns() {
  winsize ws{};
  if (ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
  return 80;
}

std::string ToUtf8(std::u32string_view s) {
  std::string out;
  for (char32_t c : s) AppendUtf8(c, &out);
  return out;
}

std::u32string FromUtf8(std::string_view s) {
  std::u32string out;
  for (size_t i = 0; i < s.size();) {
    size_t len = 1;
    out.push_back(DecodeUtf8(s, i, &len));
    i += len;
  }
  return out;
}

// Reads one byte; false at end of input.
bool ReadByte(unsigned char* c) {
  while (true) {
    ssize_t n = read(STDIN_FILENO, c, 1);
    if (n == 1) return true;
    if (n == 0 || errno != EINTR) return false;
  }
}

// Reads the rest of a UTF-8 sequence that starts with `lead`.
char32_t ReadCodePoint(unsigned char lead) {
  std::string bytes(1, static_cast<char>(lead));
  int more = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC0 ? 1 : 0;
  unsigned char c = 0;
  for (int k = 0; k < more && ReadByte(&c); ++k) bytes += static_cast<char>(c);
  size_t len = 0;
  return DecodeUtf8(bytes, 0, &len);
}

// The state of the line being edited.
struct EditState {
  std::u32string prompt;
  std::u32string text;
  size_t cursor = 0;

  void Refresh() const {
    size_t room = static_cast<size_t>(std::max(10, TerminalColumns() - 1));
    room = room > prompt.size() + 5 ? room - prompt.size() : 5;
    size_t start = cursor >= room ? cursor - room + 1 : 0;
    std::u32string shown = text.substr(start, room);
    std::string out = "\r" + ToUtf8(prompt) + ToUtf8(shown) + "\x1b[K\r";
    size_t column = prompt.size() + (cursor - start);
    if (column > 0) out += "\x1b[" + std::to_string(column) + "C";
    Write(out);
  }
  void Insert(char32_t c) { text.insert(cursor++, 1, c); }
  void Backspace() {
    if (cursor > 0) text.erase(--cursor, 1);
  }
  void Delete() {
    if (cursor < text.size()) text.erase(cursor, 1);
  }
  void DeleteWord() {
    size_t from = cursor;
    while (from > 0 && text[from - 1] == U' ') --from;
    while (from > 0 && text[from - 1] != U' ') --from;
    text.erase(from, cursor - from);
    cursor = from;
  }
};

// Handles the bytes after ESC (arrows, Home, End, Delete); returns the
// history step (-1 up, +1 down) or 0.
int HandleEscape(EditState* s) {
  unsigned char a = 0;
  unsigned char b = 0;
  if (!ReadByte(&a) || (a != '[' && a != 'O') || !ReadByte(&b)) return 0;
  if (b >= '0' && b <= '9') {
    unsigned char tilde = 0;
    if (!ReadByte(&tilde) || tilde != '~') return 0;
    if (b == '3') s->Delete();
    if (b == '1' || b == '7') s->cursor = 0;
    if (b == '4' || b == '8') s->cursor = s->text.size();
    return 0;
  }
  switch (b) {
    case 'A':
      return -1;
    case 'B':
      return 1;
    case 'C':
      s->cursor = std::min(s->cursor + 1, s->text.size());
      return 0;
    case 'D':
      s->cursor = s->cursor > 0 ? s->cursor - 1 : 0;
      return 0;
    case 'H':
      s->cursor = 0;
      return 0;
    case 'F':
      s->cursor = s->text.size();
      return 0;
    default:
      return 0;
  }
}

enum class Key { kEdit, kEnter, kInterrupt, kEnd };

// Applies key `c` to `s`; *history_step becomes -1 / +1 to move through
// the history.
Key HandleKey(unsigned char c, EditState* s, int* history_step) {
  switch (c) {
    case '\r':
    case '\n':
      return Key::kEnter;
    case 3:
      return Key::kInterrupt;
    case 4:
      if (s->text.empty()) return Key::kEnd;
      s->Delete();
      break;
    case 127:
    case 8:
      s->Backspace();
      break;
    case 1:
      s->cursor = 0;
      break;
    case 5:
      s->cursor = s->text.size();
      break;
    case 2:
      s->cursor = s->cursor > 0 ? s->cursor - 1 : 0;
      break;
    case 6:
      s->cursor = std::min(s->cursor + 1, s->text.size());
      break;
    case 11:
      s->text.erase(s->cursor);
      break;
    case 21:
      s->text.erase(0, s->cursor);
      s->cursor = 0;
      break;
    case 23:
      s->DeleteWord();
      break;
    case 12:
      Write("\x1b[H\x1b[2J");
      break;
    case 16:
      *history_step = -1;
      break;
    case 14:
      *history_step = 1;
      break;
    case 27:
      *history_step = HandleEscape(s);
      break;
    case '\t':
      s->Insert(U' ');
      break;
    default:
      if (c >= 32) s->Insert(c < 0x80 ? c : ReadCodePoint(c));
  }
  return Key::kEdit;
}

}  // namespace

LineEditor::LineEditor(std::string history_path) : path_(std::move(history_path)) {
  terminal_ = isatty(STDIN_FILENO) && isatty(STDERR_FILENO);
  if (path_.empty()) return;
  std::ifstream in(path_);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty()) history_.push_back(line);
  }
  if (history_.size() > kMaxHistory) {
    history_.erase(history_.begin(), history_.end() - static_cast<std::ptrdiff_t>(kMaxHistory));
  }
}

void LineEditor::AddHistory(std::string entry) {
  for (char& c : entry) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  entry = std::string(Trim(entry));
  if (entry.empty() || (!history_.empty() && history_.back() == entry)) return;
  history_.push_back(entry);
  if (history_.size() > kMaxHistory) history_.erase(history_.begin());
  if (path_.empty()) return;
  std::ofstream out(path_, std::ios::app);
  out << entry << "\n";
  if (!out.flush() && !warned_) {
    warned_ = true;
    std::cerr << "diplograph: cannot write the history file " << path_ << "\n";
  }
}

LineEditor::Result LineEditor::ReadLine(std::string_view prompt, std::string* line) {
  line->clear();
  if (terminal_) {
    RawMode raw;
    if (raw.ok()) return ReadRaw(prompt, line);
  }
  return ReadPlain(prompt, line);
}

LineEditor::Result LineEditor::ReadPlain(std::string_view prompt, std::string* line) {
  Write(prompt);
  if (!std::getline(std::cin, *line)) return Result::kEnd;
  return Result::kLine;
}

LineEditor::Result LineEditor::ReadRaw(std::string_view prompt, std::string* line) {
  EditState s;
  s.prompt = FromUtf8(prompt);
  size_t browse = history_.size();  // history_.size() = the line being typed
  std::u32string typed;
  s.Refresh();
  unsigned char c = 0;
  while (ReadByte(&c)) {
    int step = 0;
    switch (HandleKey(c, &s, &step)) {
      case Key::kEnter:
        Write("\r\n");
        *line = ToUtf8(s.text);
        return Result::kLine;
      case Key::kInterrupt:
        Write("^C\r\n");
        return Result::kInterrupted;
      case Key::kEnd:
        Write("\r\n");
        return Result::kEnd;
      case Key::kEdit:
        break;
    }
    if (step != 0) {
      if (browse == history_.size()) typed = s.text;
      browse = step < 0 ? (browse > 0 ? browse - 1 : 0) : std::min(browse + 1, history_.size());
      s.text = browse == history_.size() ? typed : FromUtf8(history_[browse]);
      s.cursor = s.text.size();
    }
    s.Refresh();
  }
  Write("\r\n");
  *line = ToUtf8(s.text);
  return s.text.empty() ? Result::kEnd : Result::kLine;
}

}  // namespace diplograph::cli
