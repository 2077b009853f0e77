// Writing a ResultTable as an aligned text table, JSON rows or CSV.
#include "diplograph/query/result.h"

#include <algorithm>

namespace diplograph::query {

namespace {

size_t CodePoints(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// One line per cell: line breaks and tabs become spaces.
std::string CellText(const Value& v) {
  std::string s = ValueToText(v);
  for (char& c : s) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return s;
}

void Pad(std::string* line, size_t n) { line->append(n, ' '); }

void WriteLine(std::string line, std::ostream& out) {
  while (!line.empty() && line.back() == ' ') line.pop_back();
  out << line << '\n';
}

std::string Dump(const nlohmann::ordered_json& j) {
  return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace

void WriteTextTable(const ResultTable& table, std::ostream& out) {
  const size_t ncols = table.columns.size();
  std::vector<size_t> width(ncols);
  std::vector<char> numeric(ncols, 1);
  std::vector<std::vector<std::string>> cells;
  for (size_t c = 0; c < ncols; ++c) width[c] = CodePoints(table.columns[c]);
  for (const auto& row : table.rows) {
    std::vector<std::string> line;
    for (size_t c = 0; c < ncols; ++c) {
      line.push_back(CellText(row[c]));
      width[c] = std::max(width[c], CodePoints(line.back()));
      if (!row[c].is_number() && !row[c].is_null()) numeric[c] = 0;
    }
    cells.push_back(std::move(line));
  }
  if (table.rows.empty()) std::fill(numeric.begin(), numeric.end(), 0);
  auto write_row = [&](const std::vector<std::string>& texts, const std::vector<char>& right) {
    std::string line;
    for (size_t c = 0; c < ncols; ++c) {
      if (c > 0) line += "  ";
      size_t pad = width[c] - CodePoints(texts[c]);
      if (right[c]) Pad(&line, pad);
      line += texts[c];
      if (!right[c]) Pad(&line, pad);
    }
    WriteLine(std::move(line), out);
  };
  write_row(table.columns, numeric);
  std::vector<std::string> rules;
  for (size_t c = 0; c < ncols; ++c) rules.emplace_back(width[c], '-');
  write_row(rules, numeric);
  for (size_t r = 0; r < cells.size(); ++r) {
    std::vector<char> right(ncols);
    for (size_t c = 0; c < ncols; ++c) right[c] = table.rows[r][c].is_number();
    write_row(cells[r], right);
  }
}

void WriteJsonRows(const ResultTable& table, std::ostream& out) {
  if (table.rows.empty()) {
    out << "[]\n";
    return;
  }
  out << "[\n";
  for (size_t r = 0; r < table.rows.size(); ++r) {
    nlohmann::ordered_json row = nlohmann::ordered_json::object();
    for (size_t c = 0; c < table.columns.size(); ++c) {
      row[table.columns[c]] = ValueToJson(table.rows[r][c]);
    }
    out << Dump(row) << (r + 1 < table.rows.size() ? ",\n" : "\n");
  }
  out << "]\n";
}

namespace {

std::string CsvField(const Value& v) {
  std::string text;
  switch (v.kind) {
    case ValueKind::kNull:
      return "";
    case ValueKind::kFloat:
      text = FloatToString(v.f);
      break;
    case ValueKind::kList:
    case ValueKind::kMap:
      text = Dump(ValueToJson(v));
      break;
    default:
      text = ValueToText(v);
  }
  bool quote = text.find_first_of(",\"\r\n") != std::string::npos ||
               (!text.empty() && (text.front() == ' ' || text.back() == ' '));
  if (!quote) return text;
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace

void WriteCsvRows(const ResultTable& table, std::ostream& out) {
  for (size_t c = 0; c < table.columns.size(); ++c) {
    out << (c > 0 ? "," : "") << CsvField(Value::String(table.columns[c]));
  }
  out << '\n';
  for (const auto& row : table.rows) {
    for (size_t c = 0; c < row.size(); ++c) out << (c > 0 ? "," : "") << CsvField(row[c]);
    out << '\n';
  }
}

}  // namespace diplograph::query
