#!/usr/bin/python3
"""Prints the Unicode tables of src/eval/normalize.cc from this Python's unicodedata.

usage: tools/gen-norm-tables.py

The official scorer (../shared/eval/score.py) normalises names with Python's
unicodedata; run this with the same Python (/usr/bin/python3) and paste the
output over the tables when its Unicode version changes. Blocks outside
EXACT keep hand-written approximations in normalize.cc (kNonWord's tail).
"""
import re
import unicodedata

EXACT = [(0x0000, 0x0530), (0x1E00, 0x1F00), (0x2000, 0x20D0), (0x3000, 0x3001),
         (0xFB00, 0xFB07), (0xFF01, 0xFF5F)]


def folded(c):
    """NFKD without combining marks: score.py's first step."""
    return "".join(x for x in unicodedata.normalize("NFKD", c) if not unicodedata.combining(x))


def is_word(c):
    return re.match(r"\w", c) is not None


def ranges(cps):
    out = []
    for cp in cps:
        if out and out[-1][1] == cp - 1:
            out[-1][1] = cp
        else:
            out.append([cp, cp])
    return out


def wrap(items, indent="    ", width=100):
    line = indent[:-1]
    for it in items:
        if len(line) + len(it) + 2 > width:
            print(line)
            line = indent[:-1]
        line += " " + it + ","
    print(line)


def latin_rows():
    for first, last in [(0xC0, 0x250), (0x1E00, 0x1F00)]:
        row = ""
        for cp in range(first, last):
            d = folded(chr(cp))
            row += "." if d == chr(cp) else d if len(d) == 1 and ord(d) < 128 else "*"
        for i in range(0, len(row), 64):
            print('    "%s"  // U+%04X' % (row[i:i + 64], first + i))


def decompositions():
    def relevant(d):
        return any(is_word(x) or x.isspace() or x == "'" for x in d)

    def one(x):
        if x == " ":
            return "' '"
        return "'%s'" % x if 32 < ord(x) < 127 and x not in "'\\" else "0x%04X" % ord(x)

    items = []
    for first, last in EXACT:
        for cp in range(max(first, 0xA0), last):
            d = folded(chr(cp))
            if d == chr(cp) or d == "" or not relevant(d) or 0xFF01 <= cp <= 0xFF5E:
                continue
            in_rows = 0xC0 <= cp < 0x250 or 0x1E00 <= cp < 0x1F00
            if in_rows and len(d) == 1 and ord(d) < 128:
                continue
            assert len(d) <= 3
            items.append("{0x%04X, {%s}}" % (cp, ", ".join(one(x) for x in d)))
    wrap(items)


def non_word():
    cps = [cp for first, last in EXACT for cp in range(first, last) if not is_word(chr(cp))]
    wrap(["{0x%04X, 0x%04X}" % tuple(r) for r in ranges(cps)])


def cased():
    def is_cased(c):
        return c.islower() or c.isupper() or c.istitle()
    cps = [cp for first, last in EXACT[:2] for cp in range(first, last) if is_cased(chr(cp))]
    wrap(["{0x%04X, 0x%04X}" % tuple(r) for r in ranges(cps)])


def case_ignorable():
    """Characters skipped by the final-sigma rule, after folding."""
    def is_cased(c):
        return c.islower() or c.isupper() or c.istitle()

    def ignorable(c):
        return not is_cased(c) and ("A\u03a3" + c + "A").lower()[1] == "\u03c3"
    cps = [cp for first, last in EXACT for cp in range(first, last)
           if folded(chr(cp)) and all(ignorable(x) for x in folded(chr(cp)))]
    wrap(["{0x%04X, 0x%04X}" % tuple(r) for r in ranges(cps)])


if __name__ == "__main__":
    print("// Unicode", unicodedata.unidata_version)
    for name, fn in [("kLatinBase rows", latin_rows), ("kDecompositions", decompositions),
                     ("kNonWord (exact blocks)", non_word), ("kCased", cased),
                     ("kCaseIgnorable (exact blocks)", case_ignorable)]:
        print("//", name)
        fn()
