"""Export benchmarks: PNG per slide at 1080p and 4K against a blank image's PNG, PDF, and the whole command."""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from pathlib import Path

from bench.common import Row, median_ms, process_ms

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def export_rows() -> list[Row]:
    from PySide6.QtGui import QColor, QImage, QPainter

    from desktop.deck import load_deck
    from desktop.render.canvas import Look
    from desktop.render.export import PNG_QUALITY, Request, export
    from desktop.render.fonts import deck_family
    from desktop.render.theme import load_theme
    from desktop.resources import bundled_deck
    from desktop.ui.app import qapp

    qapp()
    deck = load_deck(bundled_deck()).deck
    look = Look(load_theme("light")[0], "zh", deck_family(deck)[0], reduced_motion=True)
    count = len(deck.slides)
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)

        def blank_png() -> None:
            image = QImage(1920, 1080, QImage.Format.Format_RGB32)
            image.fill(QColor("#fbfaf7"))
            QPainter(image).end()
            image.save(str(out / "blank.png"), "PNG", PNG_QUALITY)

        floor = median_ms(blank_png, 15)
        export(Request(deck, look, out, slides=(0,)))  # warm: fonts, pyqtgraph, the question bank
        began = time.perf_counter()
        export(Request(deck, look, out))
        per_slide = (time.perf_counter() - began) * 1000 / count
        rows.append(
            Row(
                f"PNG 1920×1080 per slide ({count} slides)",
                per_slide,
                "≤ 120 ms, ≤ 3×",
                f"blank 1920×1080 QImage to PNG: {floor:.0f} ms (×{per_slide / floor:.2f})",
                per_slide <= 120 and per_slide <= 3 * floor,
            )
        )
        four_k = statistics.median(
            median_ms(lambda i=i: export(Request(deck, look, out, slides=(i,), size=(3840, 2160))), 1)
            for i in range(0, count, 4)
        )
        rows.append(Row("PNG 3840×2160 per slide (median of 11)", four_k, "≤ 400 ms", ok=four_k <= 400))
        pdf = median_ms(lambda: export(Request(deck, look, out, format="pdf")), 3)
        rows.append(Row(f"whole deck to PDF ({count} slides + sources)", pdf, "≤ 3000 ms", ok=pdf <= 3000))
        whole = process_ms(["main.py", "export", "--out", str(out)], runs=3)
        rows.append(Row("`main.py export` of the bundled deck, whole process", whole, "≤ 5000 ms", ok=whole <= 5000))
    return rows
