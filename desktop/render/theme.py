"""The themes a deck is shown in, by name: built-in, the deck's own and the user's (files: desktop.deck.themes)."""

from __future__ import annotations

from pathlib import Path

from desktop.deck.model import Mark, Problem
from desktop.deck.themes import BUILT_IN, Theme, read_theme, theme_files

__all__ = ["Theme", "load_theme", "load_themes", "theme_ids"]  # Theme: for the drawing code


def theme_ids(deck_folder: Path | None = None) -> tuple[str, ...]:
    """The names of the themes offered with the deck, in the order `T` cycles them."""
    return tuple(theme_files(deck_folder))


def load_theme(theme_id: str, deck_folder: Path | None = None) -> tuple[Theme | None, list[Problem]]:
    """The theme called `theme_id`, or None and why (warnings, such as a weak contrast, come with a theme)."""
    files = theme_files(deck_folder)
    if theme_id not in files:
        where = deck_folder / "themes" if deck_folder else files[BUILT_IN[0]].parent
        message = f"no theme '{theme_id}' (themes: {', '.join(files)})"
        return None, [Problem(Mark(where / f"{theme_id}.yaml", 1, 1), message)]
    problems: list[Problem] = []
    return read_theme(theme_id, files[theme_id], problems), problems


def load_themes(deck_folder: Path | None) -> tuple[dict[str, Theme], list[str]]:
    """Every theme that reads, by name, and one line for each that does not (left out, or the built-in one instead)."""
    themes, told = {}, []
    built_in = theme_files(None)
    for theme_id, path in theme_files(deck_folder).items():
        problems: list[Problem] = []
        theme = read_theme(theme_id, path, problems)
        errors = [p for p in problems if not p.warning]
        if errors:
            more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
            if theme_id in BUILT_IN:  # a broken copy of a built-in name: the built-in one, not a missing name
                theme = read_theme(theme_id, built_in[theme_id], [])
            instead = f"the built-in theme '{theme_id}' is used" if theme else f"theme '{theme_id}' left out"
            told.append(f"{errors[0].format()}{more} ({instead})")
        if theme is not None:
            themes[theme_id] = theme
    return themes, told
