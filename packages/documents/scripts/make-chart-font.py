#!/usr/bin/python3
"""
Builds fonts/NotoSansSC-Regular-charts.otf: one face (Noto Sans CJK SC Regular, SIL Open Font
License 1.1, fonts/OFL.txt) cut down to the characters charts print — every character of
GB 2312 (6,763 hanzi and its symbols), ASCII, CJK and fullwidth punctuation, and common marks
(≥ ≤ ± × ÷ ‰ …) — and fonts/NotoSansSC-Regular-charts.txt, the characters it covers (a chart
with any other character is drawn with a system font instead).

Charts render through resvg, which parses its font file for every chart: a 2 MB single face
instead of a 17–20 MB collection is what makes a chart cheap (docs/BENCHMARKS.md, Documents).

    apt-get install fonts-noto-cjk python3-fonttools
    /usr/bin/python3 packages/documents/scripts/make-chart-font.py

Deterministic for one source file and one fontTools version (both are printed).
"""
import os
import sys

import fontTools
from fontTools import subset
from fontTools.ttLib import TTCollection

SOURCE = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'
FACE = 'Noto Sans CJK SC'
# GB 2312 rows 0xA1–0xAF are symbols, 0xB0–0xD7 the 3,755 level-1 hanzi (the most used, by frequency
# they cover over 99.9 % of modern text), 0xD8–0xF7 the 3,008 level-2 ones.
LAST_ROW = int(os.environ.get('CHART_FONT_LAST_ROW', '0xD7'), 16)
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, '..', 'fonts', 'NotoSansSC-Regular-charts.otf')
LIST = os.path.join(HERE, '..', 'fonts', 'NotoSansSC-Regular-charts.txt')


def charset():
    chars = set(chr(c) for c in range(0x20, 0x7F))
    for hi in range(0xA1, LAST_ROW + 1):
        for lo in range(0xA1, 0xFF):
            try:
                chars.add(bytes([hi, lo]).decode('gb2312'))
            except UnicodeDecodeError:
                pass
    ranges = [(0x2000, 0x206F), (0x2100, 0x214F), (0x2190, 0x21FF), (0x2200, 0x22FF), (0x2460, 0x24FF),
              (0x3000, 0x303F), (0xFF01, 0xFF5E), (0x00A0, 0x00FF)]
    for a, b in ranges:
        chars.update(chr(c) for c in range(a, b + 1))
    return chars


def main():
    collection = TTCollection(SOURCE)
    index = next(i for i, f in enumerate(collection.fonts) if f['name'].getDebugName(1) == FACE)
    font = collection.fonts[index]
    cmap = font.getBestCmap()
    wanted = sorted(c for c in charset() if ord(c) in cmap)
    options = subset.Options()
    options.hinting = False  # charts are rasterised at 2× scale: outlines only
    options.name_IDs = ['*']
    options.name_languages = ['*']
    options.notdef_outline = True
    options.recalc_timestamp = False
    options.drop_tables += ['DSIG']
    sub = subset.Subsetter(options)
    sub.populate(unicodes=[ord(c) for c in wanted])
    sub.subset(font)
    font.save(OUT)
    with open(LIST, 'w', encoding='utf-8') as f:
        f.write(''.join(wanted) + '\n')
    print(f'{OUT}: {len(wanted)} characters, {os.path.getsize(OUT)} bytes; fontTools {fontTools.version}, {SOURCE} face {index}', file=sys.stderr)


if __name__ == '__main__':
    main()
