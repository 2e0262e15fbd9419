"""Every key, in two tables (presenting, and the console's own): the help overlays and the dispatchers read them."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.deck.model import Record

K = Qt.Key


class Binding(Record):  # not a dataclass: made without exec at start-up (see desktop.deck.model)
    action: str
    keys: tuple[Qt.Key, ...]
    shown: str
    zh: str
    en: str
    modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier  # Ctrl or Shift, when the key needs one


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
    Binding(
        "phones",
        (K.Key_J,),
        "J",
        "手机答题：开始，或再次显示加入卡片",
        "Class quiz on phones: start, or the join card again",
    ),
    Binding("help", (K.Key_Question, K.Key_H), "? H", "按键帮助", "This help"),
    Binding(
        "escape",
        (K.Key_Escape,),
        "Esc",
        "关闭最上层（浮层、总览、全屏）",
        "Close the topmost: overlay, overview, full screen",
    ),
)
# The console's own keys; every key above works in the console too.
CONSOLE_BINDINGS = (
    Binding(
        "pointer", (K.Key_K,), "K", "激光笔：按住时显示，轻按一下开/关", "Pointer: while held; a tap turns it on/off"
    ),
    Binding("pen", (K.Key_D,), "D", "笔（1–9 选颜色）", "Pen (1–9 pick its colour)"),
    Binding("highlighter", (K.Key_I,), "I", "荧光笔", "Highlighter"),
    Binding("eraser", (K.Key_E,), "E", "橡皮", "Eraser"),
    Binding("zoom", (K.Key_Z,), "Z", "放大：在本页上拖出一个区域", "Zoom: drag a rectangle on the slide"),
    Binding("undo", (K.Key_U,), "U", "撤销一笔", "Undo a stroke"),
    Binding("undo", (K.Key_Z,), "Ctrl+Z", "撤销一笔", "Undo a stroke", Qt.KeyboardModifier.ControlModifier),
    Binding("clear", (K.Key_N,), "N", "清除本页笔迹", "Clear this slide's ink"),
    Binding("pause", (K.Key_P,), "P", "暂停 / 继续计时", "Pause / resume the clock"),
    Binding(
        "reset",
        (K.Key_0,),
        "Ctrl+0",
        "计时清零（会先确认）",
        "Reset the clock (asks first)",
        Qt.KeyboardModifier.ControlModifier,
    ),
    Binding("notes-bigger", (K.Key_Plus, K.Key_Equal), "+", "备注字号加大", "Larger notes"),
    Binding("notes-smaller", (K.Key_Minus,), "−", "备注字号减小", "Smaller notes"),
    Binding(
        "console-language",
        (K.Key_L,),
        "Shift+L",
        "只切换本窗口语言（演示文稿的每种语言，然后并排）",
        "This window's language only (each of the deck's, then side by side)",
        Qt.KeyboardModifier.ShiftModifier,
    ),
    Binding(
        "help",
        (K.Key_Question, K.Key_H),
        "? H",
        "本帮助；其余演示按键在这里同样有效",
        "This help; every presenting key works here too",
    ),
)
KEYMAP = {key: b.action for b in BINDINGS for key in b.keys}
MODIFIERS = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
CONSOLE_KEYMAP = {(key, b.modifier): b.action for b in CONSOLE_BINDINGS for key in b.keys}
SWITCHES = ("language", "console-language")  # keys that switch between the deck's languages


def in_use(bindings: tuple[Binding, ...], languages: tuple[str, ...]) -> tuple[Binding, ...]:
    """The keys that do something for a deck in `languages`: one language has nothing to switch to."""
    return bindings if len(languages) > 1 else tuple(b for b in bindings if b.action not in SWITCHES)


def action_for(key: int) -> str | None:
    return KEYMAP.get(key)


def console_action_for(key: int, modifiers: Qt.KeyboardModifier) -> str | None:
    """The console's action for a key; Shift alone counts only where the table asks for it (? is Shift+/)."""
    held = modifiers & MODIFIERS
    return CONSOLE_KEYMAP.get((key, held)) or (
        CONSOLE_KEYMAP.get((key, Qt.KeyboardModifier.NoModifier)) if held == Qt.KeyboardModifier.ShiftModifier else None
    )
