"""How a numbered section is named: the deck's noun and its number, in each language."""

from __future__ import annotations

from desktop.deck.model import Text

# The noun of a deck that names none (deck.yaml `section_word`); a language without its own says Part.
DEFAULT_WORD = {"zh": "部分", "en": "Part"}
_DIGITS = "零一二三四五六七八九"


def default_word(languages: tuple[str, ...]) -> Text:
    """部分 / Part in each of the deck's languages."""
    return Text(by_lang=tuple((lang, DEFAULT_WORD.get(lang, DEFAULT_WORD["en"])) for lang in languages))


def zh_numeral(n: int) -> str:
    """1 -> 一, 12 -> 十二, 40 -> 四十; from 100 on, Arabic digits (a deck of 100 sections is not read aloud)."""
    if n < 10:
        return _DIGITS[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return ("" if tens == 1 else _DIGITS[tens]) + "十" + (_DIGITS[ones] if ones else "")
    return str(n)


def numbered(noun: str, n: int, lang: str) -> str:
    """'Pillar 3', '支柱三', '第三章': the noun and the number as the language writes them."""
    if lang != "zh":
        return f"{noun} {n}"
    # One rule for Chinese: a one-character noun is a counter that takes 第 (第三章, 第二节);
    # a longer noun is a name followed by its number (支柱三, 部分三, 模块三).
    return f"第{zh_numeral(n)}{noun}" if len(noun) == 1 else f"{noun}{zh_numeral(n)}"


def zh_which(noun: str) -> str:
    """'哪个支柱', '哪一章': which one, asked in Chinese (a counter takes 一, as in numbered)."""
    return f"哪一{noun}" if len(noun) == 1 else f"哪个{noun}"


def in_sentence(noun: str) -> str:
    """The noun inside a sentence: 'Pillar' -> 'pillar'; an acronym or a name of several capitals stays."""
    return noun.lower() if noun[1:] == noun[1:].lower() else noun
