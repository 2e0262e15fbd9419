"""One builder per slide kind: each draws its slide's body into the scene."""

from desktop.render.kinds.numbers import build_big_number
from desktop.render.kinds.table import build_table
from desktop.render.kinds.timeline import build_timeline
from desktop.render.kinds.words import build_bullets, build_discussion, build_quote, build_title


def build_chart_slide(scene) -> None:
    """Imported on first use: the chart module brings pyqtgraph, which costs half a second."""
    from desktop.render.kinds.chart import build_chart_slide

    build_chart_slide(scene)


def build_quiz(scene) -> None:
    """Imported on first use: it builds the deck's question bank."""
    from desktop.render.kinds.quiz import build_quiz

    build_quiz(scene)


def build_image(scene) -> None:
    """Imported on first use: pictures bring QtSvg."""
    from desktop.render.kinds.image import build_image

    build_image(scene)


BUILDERS = {
    "title": build_title,
    "bullets": build_bullets,
    "table": build_table,
    "chart": build_chart_slide,
    "big-number": build_big_number,
    "timeline": build_timeline,
    "quote": build_quote,
    "discussion": build_discussion,
    "quiz": build_quiz,
    "image": build_image,
}
