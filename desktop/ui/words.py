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
    "export-title": ("导出", "Export"),
    "export-png": ("PNG 图片（每张幻灯片一个文件）", "PNG images (a file a slide)"),
    "export-pdf": ("PDF 幻灯片", "PDF slides"),
    "export-handout": ("PDF 讲义（幻灯片 + 讲者备注，A4）", "PDF handout (slides with notes, A4)"),
    "export-quiz": ("PDF 测验（含答案）", "PDF quiz (with answer key)"),
    "export-steps": ("每个动画步骤一张图", "One image per build step"),
    "export-format": ("格式", "Format"),
    "export-size": ("尺寸", "Size"),
    "export-folder": ("文件夹", "Folder"),
    "exporting": ("正在导出…", "Exporting…"),
    "cancel": ("取消", "Cancel"),
    "exported": ("已写入 {n} 个文件：{folder}", "{n} files written to {folder}"),
    "quiz-menu": ("测验", "&Quiz"),
    "self-study": ("自学测验…", "&Self-study…"),
    "ask-class": ("就本页向全班提问", "&Ask the class about this slide"),
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
    "quiz": ("自学测验", "Self-study quiz"),
    "counts": ("今日到期 {due} 题 · 新题 {new} 题 · 共 {total} 题", "{due} due today · {new} new · {total} in all"),
    "mastered": ("掌握 {percent}", "{percent} mastered"),
    "mode-due": ("开始复习（{due} 题到期）", "Review ({due} due)"),
    "mode-pillar": ("只练这一支柱", "This pillar only"),
    "mode-mistakes": ("只练错题", "Mistakes only"),
    "mode-test": ("限时测验（10 题）", "Timed test (10 questions)"),
    "type-answer": ("输入数字后按回车", "Type a number, then Enter"),
    "right": ("✓ 正确：{answer}", "✓ Right: {answer}"),
    "wrong": ("✗ 不对。正确答案：{answer}", "✗ Not quite. The answer: {answer}"),
    "source": ("原文：“{source}”", "The article: “{source}”"),
    "show-slide": ("查看对应幻灯片（S）", "Show the slide (S)"),
    "again": ("重来", "Again"),
    "hard": ("困难", "Hard"),
    "good": ("良好", "Good"),
    "easy": ("简单", "Easy"),
    "progress": ("第 {n} / {total} 题", "Question {n} of {total}"),
    "summary": ("本次小结", "Session summary"),
    "score": ("得分：{right} / {total}", "Score: {right} of {total}"),
    "by-pillar": ("各支柱得分", "By pillar"),
    "slowest": ("用时最长", "Slowest"),
    "missed": ("答错的题", "Missed"),
    "days": ("每日练习（答题数 / 答对数）", "Practice by day (answered / right)"),
    "back-to-start": ("按回车返回", "Press Enter to go back"),
    "class-quiz-keys": (
        "回车：揭晓答案 · C：30 秒倒计时 · Esc：关闭",
        "Enter: reveal · C: 30-second countdown · Esc: close",
    ),
    "no-questions": ("这一模式下暂时没有题目。", "No questions in this mode right now."),
}
LANGS = ("zh", "en")


def tr(key: str, lang: str, **values: object) -> str:
    """A label in `lang`; English for a language the app does not speak yet."""
    pair = WORDS[key]
    text = pair[LANGS.index(lang)] if lang in LANGS else pair[1]
    return text.format(**values) if values else text
