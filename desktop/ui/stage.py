"""The audience view: a QGraphicsView that fits the current slide scene, and the scenes it keeps."""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QEasingCurve, QPointF, QRectF, QSize, Qt, QVariantAnimation, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QResizeEvent
from PySide6.QtWidgets import QFrame, QGraphicsItem, QGraphicsView

from desktop.render.canvas import Look
from desktop.render.ink import draw_strokes
from desktop.render.scene import SlideScene, build_scene
from desktop.render.text import TextBox
from desktop.ui.show import Show

ANIMATION_MS = 750
POINTER = "#ff1744"
# A built scene's cost, estimated: generated decks (tests/decks.py) measured 170-540 KB a scene once shown in
# a 1920×1080 view, ~440 KB on average, growing with its items (a text box keeps a laid-out document).
SCENE_BYTES = 128 * 1024
ITEM_BYTES = 16 * 1024
SCENES_BYTES = 64 * 2**20  # about 150 scenes: a whole ordinary deck, and any deck's slides around the current one


def draw_marks(painter: QPainter, show: Show) -> None:
    """The Show's strokes on this slide and step, and its pointer; the painter is in scene units."""
    draw_strokes(painter, show.ink.strokes(*show.place))
    if show.pointer is not None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor("white"), 4))
        painter.setBrush(QColor(POINTER))
        painter.drawEllipse(QPointF(*show.pointer), 14, 14)


class SceneCache:
    """Built slide scenes for one look, the least recently used let go past `budget` bytes (estimated).

    A new look or deck starts afresh. Scenes that are let go are rebuilt when asked for again.
    """

    def __init__(self, budget: int = SCENES_BYTES) -> None:
        self._scenes: OrderedDict[int, SlideScene] = OrderedDict()  # least recently used first
        self._costs: dict[int, int] = {}  # by slide index, for the scenes kept
        self._key: tuple = ()
        self.budget = budget

    def get(self, show: Show, look: Look, index: int) -> SlideScene:
        key = (id(show.deck), look)
        if key != self._key:
            self._scenes.clear()
            self._costs.clear()
            self._key = key
        scene = self._scenes.get(index)
        if scene is not None:
            self._scenes.move_to_end(index)
            return scene
        scene = self._scenes[index] = build_scene(show.deck, index, look)
        self._costs[index] = SCENE_BYTES + ITEM_BYTES * len(scene.items())
        # On screen, text is laid out once per view size and then copied. Set once, at build: setting a
        # cache mode, even the same one, throws away what every view has cached. Export builds its own
        # scenes and keeps text as vectors (a cache there would put pictures of text in a PDF).
        for item in scene.items():
            if isinstance(item, TextBox):
                item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        while len(self._scenes) > 1 and self.size() > self.budget:
            self._costs.pop(self._scenes.popitem(last=False)[0])
        return scene

    def picture(self, show: Show, look: Look, index: int, size: QSize) -> QImage:
        """The slide drawn at `size`: from its scene if one is kept (as it stands), else a scene built and let go."""
        scene = self._scenes.get(index) if (id(show.deck), look) == self._key else None
        if scene is None:
            scene = build_scene(show.deck, index, look)
        return scene.to_image(size.width(), size.height())

    def size(self) -> int:
        """What the kept scenes cost, estimated in bytes."""
        return sum(self._costs[index] for index in self._scenes)

    def cached(self) -> dict[int, SlideScene]:
        return self._scenes


class SlideView(QGraphicsView):
    """Shows one scene letterboxed at any size; animates a step's `t` from 0 to 1."""

    sigClicked = Signal(bool)  # True: forward (left button), False: back (right button)
    sigWheel = Signal(bool)
    sigPainted = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setRenderHints(
            QPainter.RenderHint.Antialiasing
            | QPainter.RenderHint.TextAntialiasing
            | QPainter.RenderHint.SmoothPixmapTransform
        )
        # Whole frames: chart items move in ways partial updates can leave trails of (measured: ~7 ms a frame).
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.FullViewportUpdate)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setMouseTracking(False)
        self.animation = QVariantAnimation(self, startValue=0.0, endValue=1.0, duration=ANIMATION_MS)
        self.animation.setEasingCurve(QEasingCurve.Type.Linear)  # charts ease themselves (render.motion)
        self.animation.valueChanged.connect(self._frame)
        self._wheel = 0
        self.show_state: Show | None = None  # when set, its ink, pointer and zoom are shown
        self._scene: SlideScene | None = None

    def show_scene(self, scene: SlideScene, step: int, animate: bool) -> None:
        """Shows `scene` at `step`, animated from the step before or at once."""
        self.animation.stop()
        if scene is not self.scene():
            self._scene = scene  # kept while shown, also once a SceneCache has let it go
            self.setScene(scene)
            self.setBackgroundBrush(QColor(scene.look.theme.background))
            self._fit()
        if animate:
            scene.set_state(step, 0.0)
            self.animation.start()
        else:
            scene.set_state(step, 1.0)

    def _frame(self, t: float) -> None:
        scene = self.scene()
        if isinstance(scene, SlideScene):
            scene.set_state(scene.state[0], float(t))

    def finish(self) -> None:
        """Jumps a running animation to its end."""
        if self.animation.state() == QVariantAnimation.State.Running:
            self.animation.stop()
            self._frame(1.0)

    def _fit(self) -> None:
        scene = self.scene()
        if scene is not None:
            zoom = self.show_state.zoom if self.show_state else None
            self.fitInView(QRectF(*zoom) if zoom else QRectF(scene.sceneRect()), Qt.AspectRatioMode.KeepAspectRatio)

    def follow_ink(self, show: Show) -> None:
        """Draws the Show's strokes and pointer over the slide, and magnifies its zoom rectangle."""
        self.show_state = show
        show.sigInk.connect(self._ink_changed)

    def _ink_changed(self) -> None:
        self._fit()
        self.viewport().update()

    def drawForeground(self, painter: QPainter, rect) -> None:
        if self.show_state is not None and isinstance(self.scene(), SlideScene):
            draw_marks(painter, self.show_state)

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        self.sigPainted.emit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def mousePressEvent(self, event) -> None:
        if event.button() in (Qt.MouseButton.LeftButton, Qt.MouseButton.RightButton):
            self.sigClicked.emit(event.button() == Qt.MouseButton.LeftButton)

    def wheelEvent(self, event) -> None:
        # A notched wheel sends 120 a notch; a touchpad sends many small deltas: one step a notch.
        self._wheel += event.angleDelta().y()
        while abs(self._wheel) >= 120:
            self.sigWheel.emit(self._wheel < 0)
            self._wheel -= 120 if self._wheel > 0 else -120
