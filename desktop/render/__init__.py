"""Slides into scenes: text, charts, themes and fonts. Knows no windows."""
