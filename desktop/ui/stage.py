"""The audience view: a QGraphicsView that fits the current slide scene, and the scenes it keeps."""

from __future__ import annotations

from PySide6.QtCore import QEasingCurve, QPointF, QRectF, Qt, QVariantAnimation, Signal
from PySide6.QtGui import QColor, QPainter, QPen, QResizeEvent
from PySide6.QtWidgets import QFrame, QGraphicsItem, QGraphicsView

from desktop.render.ink import draw_strokes
from desktop.render.scene import Look, SlideScene, build_scene
from desktop.render.text import TextBox
from desktop.ui.show import Show

ANIMATION_MS = 750
POINTER = "#ff1744"


class SceneCache:
    """Built slide scenes for one look; a new look or deck starts afresh."""

    def __init__(self) -> None:
        self._scenes: dict[int, SlideScene] = {}
        self._key: tuple = ()

    def get(self, show: Show, look: Look, index: int) -> SlideScene:
        key = (id(show.deck), look)
        if key != self._key:
            self._scenes.clear()
            self._key = key
        if index not in self._scenes:
            self._scenes[index] = build_scene(show.deck, index, look)
        return self._scenes[index]

    def cached(self) -> dict[int, SlideScene]:
        return self._scenes


class SlideView(QGraphicsView):
    """Shows one scene letterboxed at any size; animates a step's `t` from 0 to 1."""

    sigClicked = Signal(bool)  # True: forward (left button), False: back (right button)
    sigWheel = Signal(bool)
    sigPainted = Signal()
    sigDraw = Signal(str, QPointF)  # "press" | "move" | "release", in scene units, while `drawing`

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
        self.drawing = False
        self.show_state: Show | None = None  # when set, its ink and pointer are drawn over the slide
        self.zoomable = False  # the audience view magnifies the Show's zoom rectangle

    def show_scene(self, scene: SlideScene, step: int, animate: bool, drive: bool = True) -> None:
        """Shows `scene` at `step`; with `drive` False another view of the same scene moves it."""
        self.animation.stop()
        if scene is not self.scene():
            self.setScene(scene)
            self.setBackgroundBrush(QColor(scene.look.theme.background))
            self._fit()
            # On screen, text is laid out once per view size and then copied; export builds its own scenes
            # and keeps text as vectors (a cache here would put pictures of text in a PDF).
            for item in scene.items():
                if isinstance(item, TextBox):
                    item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        if not drive:
            return
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
            zoom = self.show_state.zoom if self.zoomable and self.show_state else None
            self.fitInView(QRectF(*zoom) if zoom else QRectF(scene.sceneRect()), Qt.AspectRatioMode.KeepAspectRatio)

    def follow_ink(self, show: Show, zoomable: bool = False) -> None:
        """Draws the Show's strokes and pointer over the slide (and, for the audience, its zoom)."""
        self.show_state, self.zoomable = show, zoomable
        show.sigInk.connect(self._ink_changed)

    def _ink_changed(self) -> None:
        self._fit()
        self.viewport().update()

    def drawForeground(self, painter: QPainter, rect) -> None:
        show = self.show_state
        if show is None or not isinstance(self.scene(), SlideScene):
            return
        draw_strokes(painter, show.ink.strokes(*show.place))
        if show.pointer is not None:
            painter.setPen(QPen(QColor("white"), 4))
            painter.setBrush(QColor(POINTER))
            painter.drawEllipse(QPointF(*show.pointer), 14, 14)

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        self.sigPainted.emit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def mousePressEvent(self, event) -> None:
        if self.drawing:
            self.sigDraw.emit("press", self.mapToScene(event.position().toPoint()))
        elif event.button() in (Qt.MouseButton.LeftButton, Qt.MouseButton.RightButton):
            self.sigClicked.emit(event.button() == Qt.MouseButton.LeftButton)

    def mouseMoveEvent(self, event) -> None:
        if self.drawing:
            self.sigDraw.emit("move", self.mapToScene(event.position().toPoint()))

    def mouseReleaseEvent(self, event) -> None:
        if self.drawing:
            self.sigDraw.emit("release", self.mapToScene(event.position().toPoint()))

    def wheelEvent(self, event) -> None:
        # A notched wheel sends 120 a notch; a touchpad sends many small deltas: one step a notch.
        self._wheel += event.angleDelta().y()
        while abs(self._wheel) >= 120:
            self.sigWheel.emit(self._wheel < 0)
            self._wheel -= 120 if self._wheel > 0 else -120
