#!/usr/bin/env python3
"""Prints the table of invisible characters for src/text.rs (INVISIBLE).

A character is invisible, for tline, when Unicode gives it the Default_Ignorable_Code_Point
property or the general category Cc (control), Cf (format), Zl (line separator) or Zp
(paragraph separator): a terminal shows none of them as a glyph, and some reorder or hide
the text around them.

Usage: python3 tools/invisible_ranges.py [UCD_DIR]
UCD_DIR holds UnicodeData.txt and DerivedCoreProperties.txt of one Unicode version
(default /usr/share/unicode, Debian's unicode-data package).
"""

import re
import sys
from pathlib import Path

CATEGORIES = {"Cc", "Cf", "Zl", "Zp"}


def categories(path):
    """Code points of the wanted general categories, from UnicodeData.txt."""
    points = set()
    first = None
    for line in path.read_text().splitlines():
        fields = line.split(";")
        code, name, category = int(fields[0], 16), fields[1], fields[2]
        if name.endswith(", First>"):
            first = code
            continue
        start = first if name.endswith(", Last>") else code
        first = None
        if category in CATEGORIES:
            points.update(range(start, code + 1))
    return points


def default_ignorable(path):
    """Code points with Default_Ignorable_Code_Point, from DerivedCoreProperties.txt."""
    points = set()
    pattern = re.compile(r"^([0-9A-F]+)(?:\.\.([0-9A-F]+))?\s*;\s*Default_Ignorable_Code_Point\b")
    for line in path.read_text().splitlines():
        match = pattern.match(line)
        if match:
            start = int(match.group(1), 16)
            end = int(match.group(2) or match.group(1), 16)
            points.update(range(start, end + 1))
    return points


def ranges(points):
    """Sorted points merged into inclusive (first, last) ranges."""
    out = []
    for p in sorted(points):
        if out and out[-1][1] == p - 1:
            out[-1][1] = p
        else:
            out.append([p, p])
    return out


def main():
    ucd = Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/unicode")
    derived = ucd / "DerivedCoreProperties.txt"
    version = derived.read_text().splitlines()[0].strip("# \n")
    points = categories(ucd / "UnicodeData.txt") | default_ignorable(derived)
    print(f"// Generated from {version} and its UnicodeData.txt by tools/invisible_ranges.py.")
    for first, last in ranges(points):
        print(f"    ('\\u{{{first:04X}}}', '\\u{{{last:04X}}}'),")


if __name__ == "__main__":
    main()
