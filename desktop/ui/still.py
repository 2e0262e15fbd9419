"""The console's slides: a scene drawn once into a picture per state and size, then copied at every paint."""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QWidget

from desktop.render.canvas import HEIGHT, WIDTH
from desktop.render.scene import SlideScene
from desktop.ui.show import Show
from desktop.ui.stage import draw_marks

# Pictures kept, by bytes: a few slides back and forth at two sizes on any screen; an animation's frames are never kept.
KEEP_BYTES = 32 * 2**20
HOLD_MS = 250  # a press held this long (or dragged) is the pointer, not a click
BAND = "#00b0ff"  # the zoom rectangle while it is dragged
BACKDROP = "#15191f"  # the console's own colour, around its slides: a slide's edges show


class Pictures:
    """Pictures of slides, shared by the stills of one console. A picture belongs to a slide, a look and a
    state, not to a scene: the next step's picture, made from the console's own scene, is the current
    step's picture when the audience's scene gets there; the next slide's, drawn at the size of the
    current slide's view, is the current slide's when the talk moves on."""

    def __init__(self) -> None:
        self._kept: OrderedDict[tuple, QPixmap] = OrderedDict()
        self._deck = None  # pictures are of one deck; a reload starts afresh

    def kept(self, scene: SlideScene, state: tuple[int, float], size: QSize) -> QPixmap | None:
        if scene.deck is not self._deck:
            self._kept.clear()
            self._deck = scene.deck
        key = (scene.index, scene.look, state, size.toTuple())
        picture = self._kept.get(key)
        if picture is not None:
            self._kept.move_to_end(key)
        return picture

    def get(self, scene: SlideScene, size: QSize, large: QSize) -> QPixmap:
        """The scene as it stands, `size` pixels; a smaller picture is scaled from the `large` one."""
        picture = self.kept(scene, scene.state, size)
        if picture is not None:
            return picture
        if size != large:
            picture = self.get(scene, large, large).scaled(
                size, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
        else:
            picture = QPixmap(size)
            picture.fill(QColor(scene.look.theme.background))
            painter = QPainter(picture)
            painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
            scene.render(painter, QRectF(picture.rect()), scene.sceneRect())
            painter.end()
        self._kept[(scene.index, scene.look, scene.state, size.toTuple())] = picture
        while len(self._kept) > 2 and self.size() > KEEP_BYTES:
            self._kept.popitem(last=False)  # the two newest stay: the current slide's and the next one's
        return picture

    def size(self) -> int:
        """The kept pictures' bytes."""
        return sum(p.width() * p.height() * p.depth() // 8 for p in self._kept.values())


class SlideStill(QWidget):
    """A slide letterboxed in a widget, drawn from a kept picture: a slide seen before costs one copy.

    The console shows the audience's own scenes; the audience view moves them, and this one
    repaints when they change.
    """

    sigClicked = Signal(bool)  # a click: True forward (left button), False back (right button)
    sigPainted = Signal()
    sigDraw = Signal(str, QPointF)  # "press" | "move" | "release", in scene units, while `drawing`
    sigHold = Signal(object)  # a held mouse button: the point to show the pointer at, None when let go

    def __init__(self, pictures: Pictures, leader: SlideStill | None = None) -> None:
        """`leader`: the still whose size pictures are drawn at (this one shows them scaled)."""
        super().__init__()
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setMinimumSize(160, 90)
        self._scene: SlideScene | None = None
        self.band: tuple[float, float, float, float] | None = None
        self.pictures, self.leader = pictures, leader or self
        self.drawing = False
        self.show_state: Show | None = None  # when set, its ink and pointer are drawn over the slide
        self._held = QTimer(self, singleShot=True, interval=HOLD_MS)
        self._held.timeout.connect(self._hold)
        self._press: tuple[Qt.MouseButton, QPointF] | None = None
        self._holding = False

    def set_band(self, rect: tuple[float, float, float, float] | None) -> None:
        """A rectangle being dragged (scene units), drawn dashed over the slide; None removes it."""
        self.band = rect
        self.update()

    def scene(self) -> SlideScene | None:
        return self._scene

    def show_scene(self, scene: SlideScene, step: int, drive: bool = True) -> None:
        """Shows `scene`; with `drive` it is put at `step`, else another view moves it and this one follows."""
        if drive:
            scene.set_state(step, 1.0)
        if scene is not self._scene:
            if self._scene is not None:
                self._scene.changed.disconnect(self._changed)
            self._scene = scene
            scene.changed.connect(self._changed)
        self.update()

    def follow_ink(self, show: Show) -> None:
        self.show_state = show
        show.sigInk.connect(self.update)

    def _changed(self, _regions) -> None:
        """The scene moved: repaint, unless this still already shows where the move ends."""
        scene = self._scene
        size = (self.slide_rect().size() * self.devicePixelRatioF()).toSize()
        if scene.state[1] >= 1.0 or self.pictures.kept(scene, (scene.state[0], 1.0), size) is None:
            self.update()

    def slide_rect(self) -> QRectF:
        """Where the slide is drawn: as large as fits, centred."""
        scale = min(self.width() / WIDTH, self.height() / HEIGHT)
        w, h = WIDTH * scale, HEIGHT * scale
        return QRectF((self.width() - w) / 2, (self.height() - h) / 2, w, h)

    def mapToScene(self, point) -> QPointF:
        rect = self.slide_rect()
        return QPointF((point.x() - rect.x()) * WIDTH / rect.width(), (point.y() - rect.y()) * HEIGHT / rect.height())

    def mapFromScene(self, point: QPointF):
        rect = self.slide_rect()
        return QPointF(rect.x() + point.x() * rect.width() / WIDTH, rect.y() + point.y() * rect.height() / HEIGHT)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        scene, rect = self._scene, self.slide_rect()
        painter.fillRect(self.rect(), QColor(BACKDROP))
        if scene is not None:
            ratio = self.devicePixelRatioF()
            size = (rect.size() * ratio).toSize()
            # While the audience's scene animates a step, the console shows where the step ends, if it has
            # that picture (it was the next step a moment ago); else the frame as it is, not kept.
            picture = self.pictures.kept(scene, (scene.state[0], 1.0), size)
            if picture is None and scene.state[1] < 1.0:
                painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
                scene.render(painter, rect, scene.sceneRect())
            else:
                picture = picture or self.pictures.get(scene, size, (self.leader.slide_rect().size() * ratio).toSize())
                picture.setDevicePixelRatio(ratio)
                painter.drawPixmap(rect.topLeft(), picture)
            painter.translate(rect.topLeft())
            painter.scale(rect.width() / WIDTH, rect.height() / HEIGHT)
            if self.show_state is not None:
                draw_marks(painter, self.show_state)
            if self.band is not None:
                painter.setPen(QPen(QColor(BAND), 4, Qt.PenStyle.DashLine))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(QRectF(*self.band))
        painter.end()
        self.sigPainted.emit()

    # The mouse: with a tool, it draws; else a click moves the talk and a held button is the pointer.
    def mousePressEvent(self, event) -> None:
        at = event.position()
        if self.drawing:
            self.sigDraw.emit("press", self.mapToScene(at))
        elif event.button() in (Qt.MouseButton.LeftButton, Qt.MouseButton.RightButton):
            self._press, self._holding = (event.button(), at), False
            self._held.start()

    def mouseMoveEvent(self, event) -> None:
        at = event.position()
        if self.drawing:
            self.sigDraw.emit("move", self.mapToScene(at))
        elif self._press is not None:
            if not self._holding and (at - self._press[1]).manhattanLength() > 8:
                self._hold()
            if self._holding:
                self.sigHold.emit(self.mapToScene(at))

    def _hold(self) -> None:
        if self._press is not None:
            self._holding = True
            self.sigHold.emit(self.mapToScene(self._press[1]))

    def mouseReleaseEvent(self, event) -> None:
        if self.drawing:
            self.sigDraw.emit("release", self.mapToScene(event.position()))
            return
        self._held.stop()
        press, self._press = self._press, None
        if self._holding:
            self._holding = False
            self.sigHold.emit(None)
        elif press is not None:
            self.sigClicked.emit(press[0] == Qt.MouseButton.LeftButton)
