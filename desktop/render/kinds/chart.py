"""A chart slide: a pyqtgraph chart of the slide's figures, stepping from before to after."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QRectF

from desktop.render.charts import ChartStyle, build_chart
from desktop.render.scene import BODY, SlideScene


class ChartSlideScene(SlideScene, pg.GraphicsScene):
    """A slide scene of pyqtgraph's own scene class: its bars and view boxes draw wrongly in any other."""


def build_chart_slide(scene: SlideScene) -> None:
    look, slide = scene.look, scene.slide
    caption_h = 80 if slide.caption else 0
    chart = build_chart(slide.chart, scene.figures, ChartStyle(theme=look.theme, lang=look.lang, family=look.family))
    scene.addItem(chart)
    chart.setGeometry(QRectF(BODY.left(), BODY.top(), BODY.width(), BODY.height() - caption_h))
    scene.parts.append(chart)
    scene.chart = chart
    if slide.caption:
        caption = QRectF(BODY.left(), BODY.bottom() - caption_h + 10, BODY.width(), caption_h - 10)
        scene.box(scene.text(slide.caption), caption, 30, 18, look.theme.muted, align="center", valign="bottom")
