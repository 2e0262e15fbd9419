"""The PDF's text layer: what `pdftotext`, search and copy read, repaired after Qt wrote it.

Qt builds each font's ToUnicode map from the font's own cmap, taking the lowest code point that
shares a glyph. With Noto Sans CJK that is often a radical (广 -> ⼴ U+2F34, 长 -> ⻓ U+2ED3, 户 -> ⼾)
or an Extension A character (胶 -> 㬵), and with any font a Latin ligature (fi -> ﬁ): searching the
PDF for 广告 or "Traffic" finds nothing. The repair maps every such code point back to the character
the font draws with the same glyph, so the same font serves screen and paper.

Glyphs that shaping picks but the cmap does not name get no entry at all: Noto Sans CJK draws digits
in a Latin run ("in 2023", "Q2", "TOP1000") with such glyphs, so the digits vanish from the text.
Qt numbers a font's glyphs in the PDF in the order they are first drawn, so each document first
draws those glyphs in a known order (a "primer", see pdf/file.Canvas), names them in the ToUnicode
map, and removes the primer's text from the page afterwards.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import pikepdf
from PySide6.QtGui import QFont, QRawFont, QTextLayout

IDEOGRAPHS = (0x4E00, 0xA000)  # CJK Unified Ideographs: what text really uses
# Where Qt's "lowest code point" pick lands instead: radicals, strokes, Extension A.
_LOWER = ((0x2E80, 0x2FE0), (0x31C0, 0x31F0), (0x3400, 0x4DC0))
# Preferred stand-ins for a radical with no unified ideograph of the same glyph: Extension A, compatibility ideographs.
_FALLBACK = ((0x3400, 0x4DC0), (0xF900, 0xFB00))
_LIGATURES = {chr(cp): unicodedata.normalize("NFKC", chr(cp)) for cp in range(0xFB00, 0xFB07)}
# Lower code points that share a glyph with the character text really uses: figure dash for en dash, …
_PREFER = {0x2012: 0x2013, 0x2329: 0x3008, 0x232A: 0x3009}
# Characters whose glyph may change with the script around them (checked in Latin and CJK company).
_PROBE = "".join(map(chr, range(0x21, 0x7F))) + "–—‘’“”…·×÷°±‰€£¥→"


@lru_cache(maxsize=16)
def raw_font(family: str, bold: bool) -> QRawFont:
    font = QFont(family)
    font.setBold(bold)
    font.setPixelSize(100)
    return QRawFont.fromFont(font)


@lru_cache(maxsize=8)
def text_repairs(family: str) -> dict[str, str]:
    """Code point -> text, for every code point Qt's ToUnicode may wrongly pick for a glyph of `family`.

    Found from the font itself: a radical (or stroke, or Extension A character) that shares its glyph
    with a unified ideograph stands for that ideograph. NFKC alone would be wrong: ⼾ normalises to the
    traditional 戶, while Noto Sans CJK SC draws it with the glyph of 户.
    """
    table = dict(_LIGATURES)
    for bold in (False, True):
        raw = raw_font(family, bold)
        if not raw.isValid():
            continue
        owner: dict[int, str] = {}
        for low, high in (IDEOGRAPHS, *_FALLBACK):
            text = "".join(map(chr, range(low, high)))
            for ch, glyph in zip(text, raw.glyphIndexesForString(text), strict=False):
                if glyph:
                    owner.setdefault(glyph, ch)
        for low, high in _LOWER:
            text = "".join(map(chr, range(low, high)))
            for ch, glyph in zip(text, raw.glyphIndexesForString(text), strict=False):
                ideograph = owner.get(glyph)
                if glyph and ideograph and ideograph != ch and ord(ideograph) > ord(ch):
                    table.setdefault(ch, ideograph)
        for low, high in _PREFER.items():
            pair = raw.glyphIndexesForString(chr(low) + chr(high))
            if len(pair) == 2 and pair[0] and pair[0] == pair[1]:
                table.setdefault(chr(low), chr(high))
    return table


@lru_cache(maxsize=16)
def unnamed_glyphs(family: str, bold: bool) -> tuple[tuple[int, str], ...]:
    """(glyph, character) for glyphs that shaping picks but the font's cmap does not name.

    With Noto Sans CJK, digits next to Latin letters ('Q2', 'in 2023') and proportional quotes are such glyphs.
    """
    raw = raw_font(family, bold)
    if not raw.isValid():
        return ()
    bmp = "".join(chr(cp) for cp in range(0x20, 0x10000) if not 0xD800 <= cp < 0xE000)
    named = set(raw.glyphIndexesForString(bmp))
    font = QFont(family)
    font.setBold(bold)
    font.setPixelSize(100)
    proportional = QFont(font)
    proportional.setFeature(QFont.Tag("pwid"), 1)  # quotes among Latin text (render/text.py)
    found: dict[int, str] = {}
    for ch, shaped in [(ch, font) for ch in _PROBE] + [(ch, proportional) for ch in "‘’“”"]:
        for text, at in ((f"a{ch}", 1), (f"{ch}a", 0), (f"年{ch}", 1), (f"{ch}年", 0), (f"1{ch}", 1), (ch, 0)):
            layout = QTextLayout(text, shaped)
            layout.beginLayout()
            layout.createLine()
            layout.endLayout()
            glyphs = [g for run in layout.glyphRuns() for g in run.glyphIndexes()]
            if len(glyphs) == len(text) and glyphs[at] and glyphs[at] not in named:
                found.setdefault(glyphs[at], ch)
    return tuple(sorted(found.items()))


def postscript_name(raw: QRawFont) -> str:
    """The font's PostScript name (name id 6): what a PDF calls the font."""
    data = bytes(raw.fontTable("name").data())
    if len(data) < 6:
        return ""
    count, strings = int.from_bytes(data[2:4], "big"), int.from_bytes(data[4:6], "big")
    for i in range(count):
        record = data[6 + 12 * i : 18 + 12 * i]
        if len(record) < 12:
            break
        platform, name_id = int.from_bytes(record[0:2], "big"), int.from_bytes(record[6:8], "big")
        length, offset = int.from_bytes(record[8:10], "big"), int.from_bytes(record[10:12], "big")
        if name_id == 6:
            raw_name = data[strings + offset : strings + offset + length]
            return raw_name.decode("utf-16-be" if platform in (0, 3) else "latin-1", errors="replace")
    return ""


_TOKEN = re.compile(rb"<([0-9A-Fa-f\s]*)>|\[|\]")
_SECTION = re.compile(rb"\d+\s+begin(bfchar|bfrange)(.*?)end\1", re.DOTALL)


def _utf16(hex_text: bytes) -> str:
    return bytes.fromhex(hex_text.decode()).decode("utf-16-be", errors="surrogatepass")


def parse_cmap(data: bytes) -> dict[bytes, str]:
    """A ToUnicode CMap as {source code (hex): text}; bfrange entries are spelled out one code each."""
    mapping: dict[bytes, str] = {}
    for section in _SECTION.finditer(data):
        tokens = [m.group(1) if m.group(1) is not None else m.group(0) for m in _TOKEN.finditer(section.group(2))]
        if section.group(1) == b"bfchar":
            for code, dst in zip(tokens[::2], tokens[1::2], strict=False):
                mapping[code.upper()] = _utf16(dst)
            continue
        i = 0
        while i + 2 < len(tokens):
            low, high, width = int(tokens[i], 16), int(tokens[i + 1], 16), len(tokens[i])
            if tokens[i + 2] == b"[":
                end = tokens.index(b"]", i + 3)
                for offset, dst in enumerate(tokens[i + 3 : end]):
                    mapping[b"%0*X" % (width, low + offset)] = _utf16(dst)
                i = end + 1
            else:
                first = bytes.fromhex(tokens[i + 2].decode())
                for offset in range(high - low + 1):
                    last = int.from_bytes(first[-2:], "big") + offset
                    dst = (first[:-2] + last.to_bytes(2, "big")).decode("utf-16-be", errors="surrogatepass")
                    mapping[b"%0*X" % (width, low + offset)] = dst
                i += 3
    return mapping


def write_cmap(original: bytes, mapping: dict[bytes, str]) -> bytes:
    """`original` with its mapping sections replaced by bfchar sections of `mapping` (at most 100 a section)."""
    sections = list(_SECTION.finditer(original))
    head, tail = original[: sections[0].start()], original[sections[-1].end() :]
    items = sorted(mapping.items(), key=lambda item: (len(item[0]), item[0]))
    body = []
    for start in range(0, len(items), 100):
        chunk = items[start : start + 100]
        lines = [
            b"<%s> <%s>" % (code, text.encode("utf-16-be", errors="surrogatepass").hex().upper().encode())
            for code, text in chunk
        ]
        body.append(b"%d beginbfchar\n%s\nendbfchar" % (len(chunk), b"\n".join(lines)))
    return head + b"\n".join(body) + tail


def repair_to_unicode(
    pdf: pikepdf.Pdf, repairs: dict[str, str], primer: dict[str, tuple[str, ...]] | None = None
) -> int:
    """Rewrites every font's ToUnicode map through `repairs`, and names the primer's glyphs (codes 1, 2, 3 …
    of the font the primer drew them with); returns how many codes changed."""
    changed, seen = 0, set()
    for obj in pdf.objects:
        if not isinstance(obj, pikepdf.Dictionary) or obj.get("/Type") != pikepdf.Name.Font:
            continue
        stream = obj.get("/ToUnicode")
        if not isinstance(stream, pikepdf.Stream) or stream.objgen in seen:
            continue
        seen.add(stream.objgen)
        data = stream.read_bytes()
        mapping = parse_cmap(data)
        fixed = {code: "".join(repairs.get(ch, ch) for ch in text) for code, text in mapping.items()}
        diff = sum(fixed[code] != text for code, text in mapping.items())
        name = str(obj.get("/BaseFont", "")).lstrip("/").split("+")[-1]
        for n, ch in enumerate((primer or {}).get(name, ()), 1):
            code = b"%04X" % n
            if code not in fixed:
                fixed[code] = ch
                diff += 1
        if diff and mapping:
            stream.write(write_cmap(data, fixed))
            changed += diff
    return changed


def strip_primer(pdf: pikepdf.Pdf, runs: int) -> None:
    """Removes the primer's text (the first `runs` text objects of page 1): it exists only to number glyphs."""
    if not runs or not len(pdf.pages):
        return
    page = pdf.pages[0]
    kept, inside, removed = [], False, 0
    for operands, operator in pikepdf.parse_content_stream(page):
        op = str(operator)
        if op == "BT" and removed < runs:
            inside = True
        if not inside:
            kept.append((operands, operator))
        elif op == "ET":
            inside = False
            removed += 1
    page.Contents = pdf.make_stream(pikepdf.unparse_content_stream(kept))
