"""Every key of presentation mode, in one table: the help overlay and the dispatcher both read it."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt

K = Qt.Key


@dataclass(frozen=True)
class Binding:
    action: str
    keys: tuple[Qt.Key, ...]
    shown: str
    zh: str
    en: str


BINDINGS = (
    Binding(
        "next",
        (K.Key_Right, K.Key_Down, K.Key_Space, K.Key_PageDown, K.Key_Return, K.Key_Enter),
        "→ ↓ Space PgDn Enter",
        "下一步 / 下一张",
        "Next step or slide",
    ),
    Binding(
        "back",
        (K.Key_Left, K.Key_Up, K.Key_PageUp, K.Key_Backspace),
        "← ↑ PgUp Backspace",
        "上一步 / 上一张",
        "Back a step or slide",
    ),
    Binding("first", (K.Key_Home,), "Home", "第一张", "First slide"),
    Binding("last", (K.Key_End,), "End", "最后一张", "Last slide"),
    Binding(
        "digit",
        tuple(getattr(K, f"Key_{n}") for n in range(10)),
        "12 Enter",
        "输入编号后回车跳转",
        "Type a number, Enter: go to that slide",
    ),
    Binding("go-to", (K.Key_G,), "G", "幻灯片列表", "Go-to list"),
    Binding("overview", (K.Key_O, K.Key_Tab), "O Tab", "总览（方向键 + 回车）", "Overview (arrows + Enter)"),
    Binding("black", (K.Key_B, K.Key_Period), "B .", "黑屏（任意键返回）", "Black screen (any key returns)"),
    Binding("white", (K.Key_W, K.Key_Comma), "W ,", "白屏（任意键返回）", "White screen (any key returns)"),
    Binding("replay", (K.Key_R,), "R", "重播本页动画", "Replay this slide"),
    Binding("fullscreen", (K.Key_F, K.Key_F5, K.Key_F11), "F F5 F11", "全屏", "Full screen"),
    Binding("language", (K.Key_L,), "L", "切换语言", "Switch language"),
    Binding("theme", (K.Key_T,), "T", "切换主题", "Next theme"),
    Binding("console", (K.Key_S,), "S", "演讲者视图（第二块屏幕）", "Presenter console (second screen)"),
    Binding("swap", (K.Key_X,), "X", "交换两块屏幕", "Swap the two screens"),
    Binding("quiz", (K.Key_Q,), "Q", "就本页向全班提问（回车揭晓）", "Ask the class about this slide (Enter reveals)"),
    Binding("help", (K.Key_Question, K.Key_H), "? H", "按键帮助", "This help"),
    Binding(
        "escape",
        (K.Key_Escape,),
        "Esc",
        "关闭最上层（浮层、总览、全屏）",
        "Close the topmost: overlay, overview, full screen",
    ),
)
KEYMAP = {key: b.action for b in BINDINGS for key in b.keys}


def action_for(key: int) -> str | None:
    return KEYMAP.get(key)
