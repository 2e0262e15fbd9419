"""Picks the font every slide uses: Noto Sans (bundled) for alphabets, a CJK family only when a text needs one."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from PySide6.QtGui import QFont, QFontDatabase, QRawFont

from desktop.deck.model import Deck, Text
from desktop.resources import bundled

# Shipped with the app (assets/fonts, SIL Open Font License): Latin, Greek and Cyrillic look the same everywhere.
ALPHABET_FAMILY = "Noto Sans"

# In order of preference; checked against the installed families, then character by character.
CJK_FAMILIES = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "PingFang SC",
    "Microsoft YaHei",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "Noto Sans SC",
    "Hiragino Sans GB",
)
INSTALL_HINT = (
    "no installed font shows all of this deck's Chinese; install one, e.g. 'sudo apt-get install fonts-noto-cjk' "
    "(Debian/Ubuntu), or put Noto Sans CJK SC in ~/.local/share/fonts and run 'fc-cache -f'"
)


def deck_texts(deck: Deck) -> Iterable[Text]:
    """Every Text of the deck a slide can show."""
    yield deck.title
    if deck.subtitle:
        yield deck.subtitle
    for section in deck.sections:
        yield section.title
        for figure in section.figures:
            yield figure.measures
        for table in section.tables:
            yield from table.columns
            for row in table.rows:
                yield from row
        for slide in section.slides:
            yield from (t for t in (slide.title, slide.subtitle, slide.caption, slide.quote, slide.attribution) if t)
            if slide.alt:
                yield slide.alt
            yield from slide.bullets
            yield from slide.questions
            yield from (e.label for e in slide.events)
            if slide.chart:
                for pair in slide.chart.pairs:
                    yield from (t for t in (pair.label, pair.first_name, pair.second_name) if t)


def pick_family(text: str, candidates: Iterable[str] = CJK_FAMILIES) -> str | None:
    """The first candidate that is installed and has a glyph for every non-ASCII character of `text`.

    Qt answers "yes" for any family name through font fallback, so the name is checked against
    the installed families and each character against the font's own character map.
    """
    needed = {ch for ch in text if ord(ch) > 0x7F and not ch.isspace()}
    installed = set(QFontDatabase.families())
    for family in candidates:
        if family in installed:
            raw = QRawFont.fromFont(QFont(family))
            # ord(): PySide6 turns a str argument into a QChar, and answers wrongly for many ideographs.
            if all(raw.supportsCharacter(ord(ch)) for ch in needed):
                return family
    return None


@cache
def _bundled_fonts() -> None:
    """Adds the app's own font files to Qt's database, once a process (a QGuiApplication must exist)."""
    for file in sorted((bundled("assets") / "fonts").glob("*.ttf")):
        QFontDatabase.addApplicationFont(str(file))


def deck_family(deck: Deck) -> tuple[str, str | None]:
    """(family, warning): a family that covers the deck, or the default font and an install hint."""
    _bundled_fonts()
    text = "".join(t.get(lang) for t in deck_texts(deck) for lang in deck.languages)
    text += "".join(f.source or "" for f in deck.figures.values())  # sentences quoted on slides and in PDFs
    if not any(ord(ch) > 0x2E7F for ch in text):
        return pick_family(text, (ALPHABET_FAMILY,)) or QFont().defaultFamily(), None
    family = pick_family(text)
    return (family, None) if family else (QFont().defaultFamily(), INSTALL_HINT)


def text_families(family: str, lang: str) -> list[str]:
    """The families a window sets text of `lang` in: for an alphabet, Noto Sans ahead of a CJK family (whose
    apostrophes and quotes are as wide as an ideograph: "article’ s"), which still draws any Chinese in it."""
    if family == ALPHABET_FAMILY or lang.partition("-")[0] in ("zh", "ja", "ko"):
        return [family]
    return [ALPHABET_FAMILY, family]


def prose_family(family: str, lang: str) -> str:
    """`text_families` as one QFont family string ("Noto Sans,Noto Sans CJK SC"), for a PDF's words; the text
    layer is repaired for the deck's own `family`."""
    return ",".join(text_families(family, lang))
