"""YAML's traps, as a teacher writing a deck by hand falls into them: `validate` names the likely cause."""

from __future__ import annotations

import pytest

from tests.conftest import run_casebook

# (what the teacher wrote instead of a line of the tiny deck's part.yaml, where validate points, what it says)
TRAPS = {
    "comma inside { }": (
        "title: {zh: 商业变现, en: Monetisation, ads and live commerce}",
        "3:37",
        "unknown key 'ads and live commerce'; text with a comma inside { } needs quotes: "
        'en: "Monetisation, ads and live commerce"',
    ),
    "a value starting with %": (
        "    unit: %                 # percent",
        "7:11",
        'a value starting with % needs quotes: "%"',
    ),
    "a value starting with @": ("title: @home revenue", "3:8", 'a value starting with @ needs quotes: "@home revenue"'),
    "a value starting with `": ("title: `GMV` and ads", "3:8", 'a value starting with ` needs quotes: "`GMV` and ads"'),
    "a value starting with *": (
        "title: *New* revenue",
        "3:12",
        'a value starting with * needs quotes: "*New* revenue"',
    ),
    "': ' inside a value": (
        "title: Monetisation: ads first",
        "3:20",
        "text containing ': ' needs quotes: \"Monetisation: ads first\"",
    ),
    "': ' inside { }": (
        "title: {zh: 商业变现, en: Monetisation: ads first}",
        "3:35",
        "text containing ': ' needs quotes, inside { } too: en: \"Monetisation: ads first\"",
    ),
    "a tab in the indentation": ("\tunit: '%'", "7:1", "indent with spaces: YAML does not allow a tab there"),
    "a text starting with { placeholder": (
        "title: {ads-2019} of revenue came from ads",
        "3:19",
        'a text starting with { needs quotes: "{ads-2019} of revenue came fr…"',
    ),
    "a quote that ends too early": (
        'title: "Ads" pay the bills',
        "3:14",
        "a text that starts with a quote must end with it: quote all of it, '\"Ads\" pay the bills'",
    ),
    "a key out of line": (
        "     unit: '%'",
        "7:10",
        "this line is indented 5 spaces, the line above 4: keys of one mapping must line up",
    ),
    "no space after the colon": ("title:Monetisation", "3:1", "put a space after the colon: 'title: Monetisation'"),
    "a full-width colon": (
        "title：商业变现",
        "3:1",
        "write 'title:' with the plain colon ':', not the full-width '：'",
    ),
    "a period with a hyphen": (
        "    period: 2019-2023",
        "8:13",
        "period: '2019-2023' is not like 2019, 2023Q2, 2020→2023 or 2019–2023; use – or →, not a hyphen, in a period",
    ),
    "a thousands comma in a value": (
        "    value: 8,400",
        "6:12",
        "value: expected a number, got '8,400'; write it without commas: 8400",
    ),
    "a unit written in the value": (
        "    value: 84%",
        "6:12",
        "value: expected a number, got '84%'; write the number alone (84); its unit goes under unit:",
    ),
    "a range written as text": (
        "    value: 80-84",
        "6:12",
        "value: expected a number, got '80-84'; a range is written [80, 84] with qualifier: range",
    ),
    "a number in quotes": ('    value: "84"', "6:12", "value: expected a number; write it without quotes"),
}
LINES = {
    "6": "    value: 84",
    "3": "title: {zh: 商业变现, en: Monetisation}",
    "7": '    unit: "%"',
    "8": '    period: "2019"',
}


@pytest.mark.parametrize("trap", TRAPS)
def test_validate_says_the_likely_cause_of_a_yaml_trap_at_its_line(deck_dir, trap):
    written, where, message = TRAPS[trap]
    part = deck_dir / "part.yaml"
    text = part.read_text(encoding="utf-8")
    line = LINES[where.partition(":")[0]]
    assert line in text
    part.write_text(text.replace(line, written, 1), encoding="utf-8")
    result = run_casebook("validate", str(deck_dir))
    assert result.returncode == 1, result.stdout
    first = result.stdout.splitlines()[0]
    assert first.startswith(f"{part}:{where}: "), first
    assert first.endswith(message), first
