"""The deck: model, loading and validation. Imports no Qt."""

from desktop.deck.validate import DeckNotFound, Loaded, load_deck

__all__ = ["DeckNotFound", "Loaded", "load_deck"]
