"""Questions that compare: which part grew most, above or below a benchmark, points changed, table pairs."""

from __future__ import annotations

import re
import zlib

from desktop.deck.figures import derivation, format_value, render
from desktop.deck.model import Figure, Slide, Table, Text
from desktop.deck.reader import PLACEHOLDER
from desktop.quiz.answers import decimals, tolerance
from desktop.quiz.distractors import rng_for, round_like
from desktop.quiz.index import DeckIndex
from desktop.quiz.model import NumericAnswer, Question
from desktop.quiz.wording import (
    ACCORDING,
    LANGS,
    both,
    cite,
    fill_line,
    lower_first,
    noun_phrase,
    period_text,
    split_measure,
    value_text,
)

_NOTE = re.compile(r"\s*[（(][^（）()]*[)）]\s*$")


def questions(index: DeckIndex, seed: int) -> list[Question]:
    """Every comparison question the deck's charts and compare tables support."""
    found: dict[str, Question] = {}
    for slide in index.deck.slides:
        chart = slide.chart
        if chart and chart.kind == "composition":
            _keep(found, grew_most(slide, index, seed))
        if chart and chart.kind == "benchmark":
            for pair in chart.pairs:
                _keep(found, versus(slide, pair, index, seed))
    for before, after, slide in _before_after_pairs(index):
        _keep(found, points(before, after, slide, index))
    words = index.once(("word cells",), lambda: _word_cells(index))
    for table in index.tables.values():
        if table.compare and len(table.columns) >= 3:
            for row in range(len(table.rows)):
                _keep(found, table_pair(table, row, index, seed, words))
    return list(found.values())


def _keep(found: dict[str, Question], question: Question | None) -> None:
    if question is not None and question.id not in found:
        found[question.id] = question


def _points_text(value: float, lang: str) -> str:
    """A signed difference in percentage points: '+26个百分点', '−32 pp'."""
    figure = Figure("points", value, "pp", None, Text(()), "change", "exact", None)
    return format_value(figure, lang, signed=True)


def _span(before: Figure, after: Figure, index: DeckIndex, lang: str) -> str:
    """'从2019年到2023年，' / ' from 2019 to 2023', else the compare table's two column names, else nothing."""
    if before.period and after.period and before.period != after.period:
        start, end = period_text(before.period, lang), period_text(after.period, lang)
    else:
        columns = index.compare_columns(before.id, after.id)
        if columns is None:
            return ""
        start, end = (c.get(lang) if lang == "zh" else "the " + lower_first(c.get(lang)) for c in columns)
    return f"从{start}到{end}，" if lang == "zh" else f" from {start} to {end}"


def _quotes(figures: list[Figure], lang: str, index: DeckIndex) -> list[str]:
    written_in = index.deck.source_language
    return [cite(s, lang, written_in, index) for s in dict.fromkeys(f.source for f in figures if f.source)]


def grew_most(slide: Slide, index: DeckIndex, seed: int) -> Question | None:
    """A composition chart: which part's share grew the most (its labels are the choices)."""
    parts = [(p.label, index.stated(p.first), index.stated(p.second)) for p in slide.chart.pairs]
    shares = [
        f for _, b, a in parts for f in (b, a) if f is not None and f.unit == "%" and not isinstance(f.value, tuple)
    ]
    if len(parts) < 3 or len(shares) < 2 * len(parts):
        return None  # two parts are a coin toss; a part unknown, derived, not a share, or a range: no change to rank
    changes = [a.value - b.value for _, b, a in parts]
    best = max(changes)
    if changes.count(best) > 1:
        return None
    winner = changes.index(best)
    relative = [(a.value / b.value if b.value else float("inf")) for _, b, a in parts]
    by_points = relative.index(max(relative)) != winner  # say "in points" when the relative reading differs
    ident = f"grew-most:{slide.id}"
    rng = rng_for(seed, ident)
    order = list(range(len(parts)))
    rng.shuffle(order)
    _, first_before, first_after = parts[0]

    def prompt(lang: str) -> str:
        span = _span(first_before, first_after, index, lang)
        if lang == "zh":
            return f"{ACCORDING[lang]}{span}以下哪一项的占比提升最多{'（按百分点计）' if by_points else ''}？"
        unit = " in percentage points" if by_points else ""
        return f"{ACCORDING[lang]}which of these grew its share the most{unit}{span}?"

    def explanation(lang: str) -> str:
        name = parts[winner][0].get(lang)
        lines = [f"答案：{name}。" if lang == "zh" else f"Answer: {name}."]
        for (text, before, after), change in zip(parts, changes, strict=True):
            moved = f"{value_text(before, lang)} → {value_text(after, lang)}（{_points_text(change, lang)}）"
            if lang != "zh":
                moved = moved.replace("（", " (").replace("）", ")")
            lines.append(f"{text.get(lang)}{'：' if lang == 'zh' else ': '}{moved}")
        return "\n".join(lines + _quotes([f for _, b, a in parts for f in (b, a)], lang, index))

    return Question(
        id=ident,
        section=index.slide_section(slide.id).number,
        kind="grew-most",
        prompt=both(prompt),
        choices=tuple(parts[i][0] for i in order),
        answer=order.index(winner),
        tolerance=None,
        explanation=both(explanation),
        slide=slide.id,
        source=parts[winner][2].source or "",
    )


def _name(text: Text | None, lang: str) -> str:
    return _NOTE.sub("", text.get(lang)) if text else ""


def _gap_text(above: bool, gap: float, unit: str | None, lang: str) -> str:
    """'高出12个百分点' / 'Above, by 12 pp': a share's gap is in points, any other in the figures' unit."""
    figure = Figure("gap", gap, "pp" if unit == "%" else unit, None, Text(()), "level", "exact", None)
    amount = format_value(figure, lang)
    if lang == "zh":
        return ("高出" if above else "低") + amount
    return f"{'Above' if above else 'Below'}, by {amount}"


def versus(slide: Slide, pair, index: DeckIndex, seed: int) -> Question | None:
    """A benchmark pair: above or below, and by how much (four choices, two each way, so 'above' is no safe
    guess). A derived comparator is marked as our arithmetic."""
    ours, theirs = index.stated(pair.first), index.figures.get(pair.second)
    if ours is None or theirs is None or tuple in (type(ours.value), type(theirs.value)) or ours.value == theirs.value:
        return None  # a range is neither above nor below a number it overlaps
    if ours.unit != theirs.unit:
        return None
    ident = f"vs:{ours.id}"
    rng = rng_for(seed, ident)
    sides = [(ours, pair.first_name), (theirs, pair.second_name)]
    # Half the pairs, fixed by id, ask about the comparator: the article's "ours" is always ahead.
    if zlib.crc32(ident.encode()) % 2:
        sides.reverse()
    (subject, subject_name), (other, other_name) = sides
    above = subject.value > other.value
    places = max(decimals(ours.value), decimals(theirs.value))
    gap = round_like(abs(subject.value - other.value), places)
    wrong = round_like(gap * rng.choice((0.5, 2.0)), places)
    if wrong in (0, gap):
        wrong = round_like(gap * 2, places) or 1.0
    options = [(above, gap), (not above, gap), (above, wrong), (not above, wrong)]
    rng.shuffle(options)
    choices = tuple(both(lambda lang, o=o: _gap_text(o[0], o[1], ours.unit, lang)) for o in options)

    def prompt(lang: str) -> str:
        what, first, second = pair.label.get(lang), _name(subject_name, lang), _name(other_name, lang)
        if lang == "zh":
            return f"{ACCORDING[lang]}在{what}上，{first}比{second}高还是低？差多少？"
        # Legend names ('Industry average', 'Meituan, same period') read as names, not as words of the sentence.
        first, second = (f"the comparator “{n}”" if f is theirs else n for f, n in ((subject, first), (other, second)))
        return f"{ACCORDING[lang]}in {lower_first(what)}, was {first} above or below {second}, and by how much?"

    def shown(figure: Figure, name: Text | None, lang: str) -> str:
        text = f"{_name(name, lang)}{'：' if lang == 'zh' else ': '}{value_text(figure, lang)}"
        if figure.derived:
            arithmetic = derivation(figure, index.figures, lang)
            zh = lang == "zh"
            text += f"（推算，非文章数据：{arithmetic}）" if zh else f" (derived, our arithmetic: {arithmetic})"
        return text

    def explanation(lang: str) -> str:
        zh = lang == "zh"
        line = ("；" if zh else "; ").join(shown(f, n, lang) for f, n in sides)
        verdict = _gap_text(above, gap, ours.unit, lang)
        head = f"答案：{verdict}。" if zh else f"Answer: {verdict}."
        return "\n".join([head, line, *_quotes([ours, theirs], lang, index)])

    inputs = {t for _, t in theirs.derived.terms} if theirs.derived else set()
    return Question(
        id=ident,
        section=index.section(ours.id).number,
        kind="vs",
        prompt=both(prompt),
        choices=choices,
        answer=options.index((above, gap)),
        tolerance=None,
        explanation=both(explanation),
        slide=slide.id,
        source=ours.source or "",
        figure=ours.id,
        shows=frozenset(inputs - {ours.id}),  # a derived comparator's other input is the gap itself
    )


def _before_after_pairs(index: DeckIndex) -> list[tuple[Figure, Figure, str]]:
    """Stated before/after pairs in %: from charts, then same-measure pairs in a section."""
    pairs: dict[str, tuple[Figure, Figure, str]] = {}
    for slide in index.deck.slides:
        if slide.chart and slide.chart.kind in ("before-after", "composition"):
            for pair in slide.chart.pairs:
                before, after = index.stated(pair.first), index.stated(pair.second)
                if before and after:
                    pairs.setdefault(after.id, (before, after, slide.id))
    for figure in index.figures.values():
        partner = index.counterpart(figure) if figure.role == "after" and figure.derived is None else None
        if partner is not None and partner.derived is None:
            pairs.setdefault(figure.id, (partner, figure, index.home_slide(figure.id)))
    plain = [
        (b, a, s) for b, a, s in pairs.values() if not isinstance(a.value, tuple) and not isinstance(b.value, tuple)
    ]
    return [(b, a, s) for b, a, s in plain if b.unit == a.unit == "%"]


def points(before: Figure, after: Figure, slide: str, index: DeckIndex) -> Question:
    """How many percentage points a share changed: the answer is signed, the explanation shows the subtraction."""
    change = round(after.value - before.value, 6)

    def prompt(lang: str) -> str:
        span = _span(before, after, index, lang)
        _, measure = split_measure(after.measures.get(lang), lang)
        if lang == "zh":
            ask = f"{ACCORDING[lang]}{span}{measure}变化了多少个百分点？（上升填正数，下降填负数）"
        else:
            ask = f"{ACCORDING[lang]}by how many percentage points did {noun_phrase(measure)} change{span}?"
            ask += " (A rise is positive, a fall negative.)"
        return ask + fill_line("___个百分点" if lang == "zh" else "___ pp", lang)

    def explanation(lang: str) -> str:
        arithmetic = f"{value_text(after, lang)} − {value_text(before, lang)} = {_points_text(change, lang)}"
        head = f"答案：{arithmetic}。" if lang == "zh" else f"Answer: {arithmetic}."
        return "\n".join([head, *_quotes([before, after], lang, index)])

    return Question(
        id=f"points:{after.id}",
        section=index.section(after.id).number,
        kind="points",
        prompt=both(prompt),
        choices=(),
        answer=NumericAnswer(change, "pp", "exact"),
        tolerance=tolerance(before.value, after.value),
        explanation=both(explanation),
        slide=slide,
        source=after.source or "",
        figure=after.id,
        shows=frozenset((before.id,)),  # the change and the end give away the start
    )


def _only_figures(cell: Text) -> bool:
    """A cell with no words of its own ('{ad-share-2023}', '—'): a recall question asks a figure better."""
    return all(not re.search(r"\w", PLACEHOLDER.sub("", value)) for _, value in cell.by_lang)


def _word_cells(index: DeckIndex) -> list[tuple[Table, Text]]:
    """Every compare table's after-cells made of words only (no figure), each distinct text once, with its table."""
    cells: dict[tuple[str, ...], tuple[Table, Text]] = {}
    for table in index.tables.values():
        for row in table.rows if table.compare and len(table.columns) >= 3 else ():
            if not any(PLACEHOLDER.search(v) for _, v in row[2].by_lang):
                cells.setdefault(tuple(row[2].get(lang) for lang in LANGS), (table, row[2]))
    return list(cells.values())


def table_pair(table: Table, row: int, index: DeckIndex, seed: int, words: list[tuple[Table, Text]]) -> Question | None:
    """A compare-table row: the matrix-era cell is given, pick its independent-era replacement."""
    cells = table.rows[row]
    if _only_figures(cells[1]) or _only_figures(cells[2]):
        return None
    ident = f"pair:{table.id}:{row + 1}"
    rng = rng_for(seed, ident)

    def shown(cell: Text) -> Text:  # by identity: the index holds the deck, so each cell keeps its id
        return index.once(("cell", id(cell)), lambda: both(lambda lang: render(cell, lang, index.figures)))

    worded = index.once(("worded", table.id), lambda: [i for i, r in enumerate(table.rows) if not _only_figures(r[2])])
    same = [table.rows[i][2] for i in worded if i != row]
    rng.shuffle(same)
    # Words among words from other tables: a sample as large as the choices this row could still reject (its
    # own table's cells, its answer), never a shuffle of every table's cells for every row.
    picked = rng.sample(words, min(len(words), 4 + 2 * len(table.rows)))
    other = [cell for owner, cell in picked if owner is not table]
    answer = shown(cells[2])
    choices, offered = [answer], [cells[1]]
    for raw in same + other:
        if len(choices) == 4:
            break
        cell = shown(raw)
        if all(cell.get(lang) not in {c.get(lang) for c in choices} for lang in LANGS):
            choices.append(cell)
            offered.append(raw)
    if len(choices) < 3:
        return None
    asked = _cited(cells[2])
    rng.shuffle(choices)
    written_in = index.deck.source_language  # the row as the article's own table writes it
    source = " | ".join(render(c, written_in, index.figures) for c in cells[:3]) + " |"

    def prompt(lang: str) -> str:
        what, before = render(cells[0], lang, index.figures), render(cells[1], lang, index.figures)
        first, then = table.columns[1].get(lang), table.columns[2].get(lang)
        if lang == "zh":
            return f"根据文章的对比表，“{what}”一项在{first}是“{before}”，到了{then}变成什么？"
        return (
            f"According to the article’s table, in the row “{what}”, the column “{first}” says “{before}”. "
            f"What does the column “{then}” say?"
        )

    def explanation(lang: str) -> str:
        what, before, after = (render(c, lang, index.figures) for c in cells[:3])
        columns = [c.get(lang) for c in table.columns[:3]]
        if lang == "zh":
            moved = f"文章的对比表（{columns[0]}：{what}）：{columns[1]}“{before}” → {columns[2]}“{after}”。"
            return "\n".join([f"答案：“{after}”。", moved])
        moved = f"The article’s table ({columns[0]}: {what}): {columns[1]} “{before}” → {columns[2]} “{after}”."
        return "\n".join([f"Answer: “{after}”.", moved])

    return Question(
        id=ident,
        section=index.section(table.id).number,
        kind="pair",
        prompt=both(prompt),
        choices=tuple(choices),
        answer=choices.index(answer),
        tolerance=None,
        explanation=both(explanation),
        slide=index.table_slide(table),
        source=source,
        figure=asked[0] if asked else None,
        shows=frozenset(i for cell in offered for i in _cited(cell)),
    )


def _cited(cell: Text) -> list[str]:
    """The figures a cell cites, in order."""
    return list(dict.fromkeys(m.group(1) for _, value in cell.by_lang for m in PLACEHOLDER.finditer(value)))
