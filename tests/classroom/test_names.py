"""Nicknames cleaned to text a room can show, and the buckets that ration one client."""

from __future__ import annotations

import pytest

from desktop.classroom.names import Bucket, Buckets, PinGuard, clean_name, unique_name


@pytest.mark.parametrize(
    ("sent", "shown"),
    [
        ("Ana", "Ana"),
        ("  Ana \t\n  Lee  ", "Ana Lee"),
        ("Cafe\u0301", "Café"),  # NFC
        ("A\u200bn\u202ea\x00\x1b", "Ana"),  # zero width, a bidi override, control characters
        ("<img src=x onerror=alert(1)>", "<img src=x onerror=alert"),
        ("<b>Bo</b> &amp;", "<b>Bo</b> &amp;"),  # HTML stays text: every view shows it with textContent
        ("小明", "小明"),
        ("x" * 10_000, "x" * 24),
        ("\u200b \x07 ", ""),
    ],
)
def test_a_nickname_is_cleaned_to_short_plain_text(sent, shown):
    assert clean_name(sent) == shown


def test_a_name_taken_in_the_lecture_gets_a_number():
    assert unique_name("Ana", {"Bo"}) == "Ana"
    assert unique_name("Ana", {"Ana"}) == "Ana 2"
    assert unique_name("Ana", {"Ana", "Ana 2"}) == "Ana 3"
    assert unique_name("x" * 24, {"x" * 24}) == "x" * 22 + " 2"


def test_a_bucket_allows_its_burst_then_its_rate():
    bucket = Bucket(rate=10, burst=3, now=0.0)
    assert [bucket.take(0.0) for _ in range(4)] == [True, True, True, False]
    assert bucket.take(0.1) and not bucket.take(0.1)


def test_buckets_tell_only_the_first_refusal_of_a_flood():
    buckets = Buckets(rate=1, burst=1, quiet=60)
    assert buckets.take("a", 0.0) == (True, False)
    assert buckets.take("a", 0.0) == (False, True)
    assert buckets.take("a", 0.0) == (False, False)
    assert buckets.take("b", 0.0) == (True, False), "another address has its own bucket"
    assert buckets.take("a", 2.0) == (True, False)
    assert buckets.take("a", 2.0) == (False, False), "the same flood, let through now and then"
    assert buckets.take("a", 70.0) == (True, False)
    assert buckets.take("a", 70.0) == (False, True), "a new flood after a quiet minute"


def test_ten_wrong_pins_a_minute_lock_an_address_out_for_a_minute():
    guard = PinGuard()
    assert [guard.wrong("a", float(t)) for t in range(10)] == [False] * 9 + [True]
    assert guard.locked("a", 10.0) and not guard.locked("b", 10.0)
    assert not guard.locked("a", 70.0)
    spread = PinGuard()
    assert not any(spread.wrong("a", t * 7.0) for t in range(30)), "a slip every few seconds is not an attack"
