"""A chart slide: a pyqtgraph chart of the slide's figures, stepping from before to after."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF

from desktop.render.canvas import BODY
from desktop.render.charts import ChartStyle, build_chart

if TYPE_CHECKING:
    from desktop.render.scene import SlideScene


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
