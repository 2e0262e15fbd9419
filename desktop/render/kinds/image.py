"""Pictures on slides: the image slide, and the picture beside a bullets slide's points."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, QSizeF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QImage, QImageReader, QPaintEngine, QPainter, QPen
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QGraphicsItem

from desktop.deck.model import Picture
from desktop.render.canvas import BODY
from desktop.words import tr

if TYPE_CHECKING:
    from desktop.render.scene import SlideScene

# Pictures kept decoded, the most recently drawn: a slide is drawn again and again (thumbnails, steps, exports)
# and a large JPEG takes a tenth of a second to decode. At most DECODED_SIDE pixels a side, as a 4K export of a
# full-slide picture needs, so four held take at most about 240 MB.
PICTURES_HELD = 4
DECODED_SIDE = 3840


@lru_cache(maxsize=PICTURES_HELD)
def decoded(path: str, kind: str, stamp: tuple[int, int]) -> QImage | QSvgRenderer | None:
    """The picture as Qt draws it (pixels, or vectors for an SVG), once per version of the file (`stamp`);
    None when Qt cannot decode it after all."""
    if kind == "svg":
        renderer = QSvgRenderer(path)
        return renderer if renderer.isValid() else None
    reader = QImageReader(path)
    reader.setAutoTransform(True)  # a phone's photo stands the way its EXIF says it was taken
    size = reader.size()
    if size.isValid() and max(size.width(), size.height()) > DECODED_SIDE:
        reader.setScaledSize(size.scaled(DECODED_SIDE, DECODED_SIDE, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    return None if image.isNull() else image


class PictureItem(QGraphicsItem):
    """A picture fitted into a box, centred, its proportions kept. In a PDF its alt text lies over it,
    invisible, so the page's text says what the picture shows (search, copy, a screen reader)."""

    def __init__(self, picture: QImage | QSvgRenderer, box: QRectF, alt: str, family: str, top: bool) -> None:
        super().__init__()
        self.picture, self.alt, self.family = picture, alt, family
        natural = QSizeF(picture.size() if isinstance(picture, QImage) else picture.defaultSize())
        if natural.isEmpty():  # an SVG with no size of its own fills its box
            natural = box.size()
        size = natural.scaled(box.size(), Qt.AspectRatioMode.KeepAspectRatio)
        self.rect = QRectF(0, 0, size.width(), size.height())
        self.rect.moveCenter(box.center())
        if top:
            self.rect.moveTop(box.top())

    def boundingRect(self) -> QRectF:
        return self.rect

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        if isinstance(self.picture, QImage):
            painter.drawImage(self.rect, self.picture)
        else:
            self.picture.render(painter, self.rect)
        if self.alt and painter.paintEngine().type() == QPaintEngine.Type.Pdf:
            font = QFont(self.family)
            font.setPixelSize(24)
            painter.setFont(font)
            painter.setPen(QColor(0, 0, 0, 0))
            painter.drawText(self.rect, Qt.TextFlag.TextWordWrap, self.alt)
        painter.restore()


def add_picture(scene: SlideScene, box: QRectF, top: bool = False) -> None:
    """The slide's picture in `box` (centred, or at its `top`); a file Qt cannot decode is a framed placeholder
    with its name."""
    picture: Picture = scene.slide.image
    look = scene.look
    loaded = decoded(str(scene.deck.folder / picture.name), picture.format, picture.stamp)
    if loaded is not None:
        scene.addItem(PictureItem(loaded, box, scene.text(scene.slide.alt), look.family, top))
        return
    pen = QPen(QColor(look.theme.muted), 3, Qt.PenStyle.DashLine)
    scene.addRect(box, pen, QBrush(QColor(look.theme.surface)))
    words = [picture.name, tr("slide-no-picture", look.lang)]
    scene.box(words, box.adjusted(40, 40, -40, -40), 36, 18, look.theme.muted, align="center", valign="center")


def build_image(scene: SlideScene) -> None:
    caption = scene.slide.caption
    caption_h = 80 if caption else 0
    add_picture(scene, QRectF(BODY.left(), BODY.top(), BODY.width(), BODY.height() - caption_h))
    if caption:
        below = QRectF(BODY.left(), BODY.bottom() - caption_h + 10, BODY.width(), caption_h - 10)
        scene.box(scene.text(caption), below, 30, 18, scene.look.theme.muted, align="center", valign="bottom")
