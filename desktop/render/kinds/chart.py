"""A chart slide: a pyqtgraph chart of the slide's figures, stepping from before to after."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF

from desktop.render.canvas import BODY
from desktop.render.charts import ChartStyle, build_chart

if TYPE_CHECKING:
    from desktop.render.scene import SlideScene


# The chart's stage is the same with or without a caption, so its bars stand on the same line on every
# chart slide and nothing jumps when the talk moves from one chart to the next.
CAPTION_H = 70
STAGE = QRectF(BODY.left(), BODY.top(), BODY.width(), BODY.height() - CAPTION_H)


def build_chart_slide(scene: SlideScene) -> None:
    look, slide = scene.look, scene.slide
    chart = build_chart(slide.chart, scene.figures, ChartStyle(theme=look.theme, lang=look.lang, family=look.family))
    scene.addItem(chart)
    chart.setGeometry(STAGE)
    scene.parts.append(chart)
    scene.chart = chart
    if slide.caption:
        caption = QRectF(BODY.left(), STAGE.bottom() + 10, BODY.width(), CAPTION_H - 10)
        scene.box(scene.text(slide.caption), caption, 30, 18, look.theme.muted, align="center", valign="bottom")
