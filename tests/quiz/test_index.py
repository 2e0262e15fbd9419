"""Look-ups the generators share: a figure's home slide, its partner, whether it needs saying which."""

from __future__ import annotations

from desktop.quiz.index import DeckIndex


def test_a_figure_links_to_the_first_slide_of_its_own_section_that_shows_it(deck):
    index = DeckIndex(deck)
    assert index.home_slide("ad-share-2019") == "p3-revenue-table"
    assert index.home_slide("daily-time") == "p2-engagement"
    assert index.section("revenue-mix").id == "monetisation"


def test_a_before_after_pair_with_one_measure_is_found_and_flagged_when_periods_do_not_tell_them_apart(deck):
    index = DeckIndex(deck)
    consent = deck.figures["consent-rate-after"]
    assert index.counterpart(consent).id == "consent-rate-before" and index.is_ambiguous_alone(consent)
    ads = deck.figures["ad-share-2023"]
    assert index.counterpart(ads).id == "ad-share-2019" and not index.is_ambiguous_alone(ads)
    assert index.counterpart(deck.figures["local-hire-share"]) is None, "a different measure is no partner"


def test_derived_figures_know_their_inputs(deck):
    index = DeckIndex(deck)
    assert [f.id for f in index.derived_from("doubao-accuracy")] == ["third-party-accuracy"]
    near, rest = index.neighbours(deck.figures["ad-share-2023"])
    assert {f.id for f in near} >= {"ad-share-2019", "tips-share-2023", "commission-share-2019"}
    assert all(f.derived is None for f in near + rest)


def test_a_question_links_to_where_its_figure_is_shown_not_to_a_quiz_slide_asking_it(deck, bank):
    kinds = {s.id: s.kind for s in deck.slides}
    assert not [q.id for q in bank if kinds[q.slide] == "quiz"]
