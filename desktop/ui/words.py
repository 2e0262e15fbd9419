"""The app's own words, in each language the decks use; one place for every label and message."""

from __future__ import annotations

WORDS = {
    "file": ("文件", "&File"),
    "open": ("打开演示文稿…", "&Open deck…"),
    "recent": ("最近打开", "Open &recent"),
    "no-recent": ("（无）", "(none)"),
    "export": ("导出…", "&Export…"),
    "quit": ("退出", "&Quit"),
    "view": ("视图", "&View"),
    "fullscreen": ("全屏", "&Full screen"),
    "overview": ("总览", "&Overview"),
    "theme": ("主题", "&Theme"),
    "language": ("语言", "&Language"),
    "reduced-motion": ("减少动画", "&Reduced motion"),
    "help": ("帮助", "&Help"),
    "keys": ("快捷键", "&Keys"),
    "about": ("关于 Casebook", "&About Casebook"),
    "about-text": (
        "Casebook：用数字讲授商业案例。幻灯片、动画图表、测验与导出。",
        "Casebook: teach a business case with numbers. Slides, animated charts, quizzes and exports.",
    ),
    "go-to": ("跳转到幻灯片", "Go to slide"),
    "jump": ("跳转到第 {n} 张", "Go to slide {n}"),
    "problems": (
        "演示文稿有问题（仍显示上一个正确版本）",
        "Problems in the deck (the last good version stays on screen)",
    ),
    "reloaded": ("已重新载入", "Reloaded"),
    "open-failed": ("无法打开", "Cannot open"),
    "choose-deck": ("选择演示文稿（deck.yaml）", "Choose a deck (deck.yaml)"),
    "help-title": ("按键", "Keys"),
    "help-close": ("按任意键关闭", "Press any key to close"),
}
LANGS = ("zh", "en")


def tr(key: str, lang: str, **values: object) -> str:
    """A label in `lang`; English for a language the app does not speak yet."""
    pair = WORDS[key]
    text = pair[LANGS.index(lang)] if lang in LANGS else pair[1]
    return text.format(**values) if values else text
