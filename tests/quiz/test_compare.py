"""Comparison questions: the part that grew most, above or below, points changed, a table's replacement."""

from __future__ import annotations

from desktop.quiz.generate import build_bank


def one(bank, ident):
    return next(q for q in bank if q.id == ident)


def test_the_part_that_grew_most_is_commission_among_the_charts_labels(bank):
    q = one(bank, "grew-most:p3-revenue-mix")
    assert sorted(c.get("zh") for c in q.choices) == ["广告投放", "电商佣金", "直播打赏"]
    assert q.choices[q.answer].get("en") == "E-commerce commission"
    assert "从2019年到2023年" in q.prompt.get("zh") and "from 2019 to 2023" in q.prompt.get("en")
    assert "4% → 30% (+26 pp)" in q.explanation.get("en") and "84% → 52%（−32个百分点）" in q.explanation.get("zh")


def test_above_or_below_asks_the_gap_too_so_above_is_no_safe_guess(bank):
    versus = [q for q in bank if q.kind == "vs"]
    assert {len(q.choices) for q in versus} == {4}
    for q in versus:  # two choices each way: guessing "above" is right one time in four
        assert sum(c.get("en").startswith("Above") for c in q.choices) == 2
    assert {q.choices[q.answer].get("en").split(",")[0] for q in versus} == {"Above", "Below"}
    meituan = one(bank, "vs:redemption-rate")
    assert meituan.prompt.get("zh") == "根据文章，在本地生活核销率上，美团同期比抖音高还是低？差多少？"
    assert meituan.choices[meituan.answer].get("zh") == "低9个百分点"


def test_points_changed_is_signed_and_says_how_to_type_a_fall(bank):
    q = one(bank, "points:ad-share-2023")
    assert q.answer.value == -32 and q.answer.unit == "pp" and q.tolerance == 0.5
    assert "下降填负数" in q.prompt.get("zh") and "a fall negative" in q.prompt.get("en")
    phases = one(bank, "points:local-content-after")
    assert "从全球矩阵阶段到本土化阶段" in phases.prompt.get("zh") and phases.answer.value == 24


def test_a_table_pair_offers_after_cells_and_quotes_the_row(bank, deck):
    q = one(bank, "pair:content-phases:1")
    assert q.choices[q.answer].get("zh") == "平台自制+签约MCN"
    assert "跨平台搬运+UGC投稿" in q.prompt.get("zh") and "初期矩阵阶段" in q.prompt.get("zh")
    assert q.source == "内容来源 | 跨平台搬运+UGC投稿 | 平台自制+签约MCN |" and q.source in deck.source.text
    same_table = {"垂类频道分流", "广告+电商佣金"}
    assert same_table <= {c.get("zh") for c in q.choices}


def test_table_cells_with_figures_are_rendered_and_pure_figure_rows_left_to_recall(bank):
    rank = one(bank, "pair:localisation-phases:1")
    assert rank.choices[rank.answer].get("zh") == "美/印/英等国自然增长TOP1"
    assert rank.choices[rank.answer].get("en") == "US, India, UK and others: No. 1 by organic growth"
    assert not [q for q in bank if q.id.startswith(("pair:revenue-mix:", "pair:localisation-phases:2"))]
    assert all("{" not in c.get(lang) for q in bank for c in q.choices for lang in ("zh", "en"))


def test_pair_ids_name_the_table_and_row_whatever_the_seed(deck, bank):
    ids = {q.id for q in bank if q.kind == "pair"}
    assert ids == {q.id for q in build_bank(deck, seed=99) if q.kind == "pair"}
    assert "pair:content-phases:2" in ids
