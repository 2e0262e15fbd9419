"""The app's own words, in each language the decks use: one place for every label, message and heading.

Windows, slides and PDFs all read this table (it imports nothing, so every layer may use it). Keys are
grouped by where they appear: none for windows, `slide-` on slides, `pdf-`, `sources-` and `print-` in PDFs.
"""

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
    "call-mode": ("视频会议共享（观众窗口不全屏）", "Share in a video &call (audience in a window)"),
    "export-title": ("导出", "Export"),
    "export-png": ("PNG 图片（每张幻灯片一个文件）", "PNG images (a file a slide)"),
    "export-pdf": ("PDF 幻灯片", "PDF slides"),
    "export-handout": ("PDF 讲义（幻灯片 + 讲者备注，A4）", "PDF handout (slides with notes, A4)"),
    "export-quiz": ("PDF 测验（含答案）", "PDF quiz (with answer key)"),
    "export-steps": ("每个动画步骤一张图", "One image per build step"),
    "export-ink": ("包含演讲时的笔迹", "Include the presenter’s ink"),
    "export-format": ("格式", "Format"),
    "export-size": ("尺寸", "Size"),
    "export-questions": ("题数", "Questions"),
    "export-per-page": ("每页幻灯片数", "Slides a page"),
    "export-folder": ("文件夹", "Folder"),
    "exporting": ("正在导出…", "Exporting…"),
    "cancel": ("取消", "Cancel"),
    "exported": ("已写入 {n} 个文件：{folder}", "{n} files written to {folder}"),
    "console": ("演讲者视图", "Presenter console"),
    "console-menu": ("演讲者视图", "&Presenter console"),
    "reset-timer": ("计时清零？本次演讲已用的时间将丢失。", "Reset the timer? The time of the talk so far is lost."),
    "slide-of": ("第 {n} / {total} 张", "Slide {n} of {total}"),
    "up-step": ("下一步（本页）", "Next: the next step of this slide"),
    "up-slide": ("下一张", "Next slide"),
    "up-end": ("这是最后一张", "This is the last slide"),
    "last-time": ("上次：{time}", "last time: {time}"),
    "paused": ("已暂停", "paused"),
    "time-left": ("剩余 {time}", "{time} left"),
    "audience-black": ("观众现在看到的是黑屏", "The audience sees a black screen"),
    "audience-white": ("观众现在看到的是白屏", "The audience sees a white screen"),
    "tool-pointer": ("激光笔", "pointer"),
    "tool-pen": ("笔", "pen"),
    "tool-highlighter": ("荧光笔", "highlighter"),
    "tool-eraser": ("橡皮", "eraser"),
    "tool-zoom": ("放大（拖出一个区域）", "zoom (drag a rectangle)"),
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
    "counts": (
        "今日到期 {due} 题 · 今日新题 {new} 题 · 从未答过 {unseen} 题 · 共 {total} 题",
        "{due} due today · {new} new today · {unseen} never asked · {total} in all",
    ),
    "mastered": ("掌握 {percent}", "{percent} mastered"),
    "mode-due": ("开始复习（{due} 题到期 · {new} 道新题）", "Review ({due} due · {new} new)"),
    "mode-new": ("学习 {new} 道新题", "Learn {new} new questions"),
    "mode-done": ("今天的复习已完成", "Done for today"),
    "mode-cram": ("自由练习（不计入复习）", "Cram (not scheduled)"),
    "mode-section": ("只练这一{noun}", "This {noun} only"),
    "mode-mistakes": ("只练错题", "Mistakes only"),
    "mode-test": ("限时测验（10 题，不计入复习）", "Timed test (10 questions, not scheduled)"),
    "n-min": ("{n} 分钟", "{n} min"),
    "n-h": ("{n} 小时", "{n} h"),
    "n-d": ("{n} 天", "{n} d"),
    "n-mo": ("{n} 个月", "{n} mo"),
    "n-y": ("{n} 年", "{n} y"),
    "flag-wrong": ("标记：题目有误", "Flag: wrong"),
    "flag-unclear": ("标记：题意不清", "Flag: unclear"),
    "flagged-wrong": ("已标记为有误（再按一次取消）", "Flagged as wrong (press again to take the flag away)"),
    "flagged-unclear": ("已标记为不清（再按一次取消）", "Flagged as unclear (press again to take the flag away)"),
    "suspend": ("暂停此题", "Suspend"),
    "suspended": ("已暂停：不会再出现，可在开始页恢复", "Suspended: not asked again until you unsuspend it"),
    "unsuspend": ("恢复 {n} 道已暂停的题", "Unsuspend {n} questions"),
    "undo": ("撤销", "Undo"),
    "type-answer": ("输入数字后按回车", "Type a number, then Enter"),
    "right": ("✓ 正确：{answer}", "✓ Right: {answer}"),
    "wrong": ("✗ 不对。正确答案：{answer}", "✗ Not quite. The answer: {answer}"),
    "source": ("原文：“{source}”", "The article: “{source}”"),
    "source-in": ("原文（{language}）：“{source}”", "The article (in {language}): “{source}”"),
    "show-slide": ("查看对应幻灯片（S）", "Show the slide (S)"),
    "again": ("重来", "Again"),
    "hard": ("困难", "Hard"),
    "good": ("良好", "Good"),
    "easy": ("简单", "Easy"),
    "progress": ("第 {n} / {total} 题", "Question {n} of {total}"),
    "summary": ("本次小结", "Session summary"),
    "score": ("得分：{right} / {total}", "Score: {right} of {total}"),
    "by-section": ("各{noun}得分", "By {noun}"),
    "slowest": ("用时最长", "Slowest"),
    "missed": ("答错的题", "Missed"),
    "days": ("每日练习（答题数 / 答对数）", "Practice by day (answered / right)"),
    "back-to-start": ("按回车返回", "Press Enter to go back"),
    "seconds": ("{s} 秒", "{s} s"),
    "forecast": ("未来 14 天的复习量", "Reviews due in the next 14 days"),
    "forecast-legend": ("到期题数", "Questions due"),
    "today": ("今天", "today"),
    "answered": ("答题数", "Answered"),
    "answered-right": ("答对数", "Right"),
    "browse": ("浏览题库（Ctrl+B）", "Browse questions (Ctrl+B)"),
    "browser-title": ("题库", "Question bank"),
    "search": ("搜索题目、选项、说明…", "Search questions, choices, explanations…"),
    "no-answers": ("还没有回答过这道题。", "Not answered yet."),
    "answer-row": (
        "{at} · {verdict} · {rating} · {seconds} · 回答：{response}",
        "{at} · {verdict} · {rating} · {seconds} · answered: {response}",
    ),
    # The student's phone (desktop/classroom/page): sent to the page as it loads, keys without "phone-".
    "phone-title": ("课堂测验", "Class quiz"),
    "phone-pin": ("PIN", "PIN"),
    "phone-name": ("昵称", "Name"),
    "phone-join": ("加入", "Join"),
    "phone-connecting": ("正在连接…", "Connecting…"),
    "phone-waiting": ("你已加入，{name}——请看投影", "You’re in, {name} — look at the projector"),
    "phone-send": ("发送", "Send"),
    "phone-estimate": ("你的估计", "Your estimate"),
    "phone-left": ("还剩 {n} 秒", "{n} s left"),
    "phone-time-up": ("时间到", "Time’s up"),
    "phone-sent": ("答案已发送——等待揭晓", "Answer sent — wait for the reveal"),
    "phone-yours": ("你的答案：{answer}", "Your answer: {answer}"),
    "phone-right": ("✓ 正确", "✓ Right"),
    "phone-wrong": ("✗ 错误", "✗ Wrong"),
    "phone-no-answer": ("未作答", "No answer"),
    "phone-answer": ("答案：{answer}", "The answer: {answer}"),
    "phone-source": ("原文：“{source}”", "The article: “{source}”"),
    "phone-ended": ("课堂测验已结束，谢谢参与！", "The class quiz has ended — thank you!"),
    "phone-reconnecting": ("连接断开，正在重新连接…", "Connection lost — reconnecting…"),
    "phone-not-number": ("请输入一个数字。", "Please type a number."),
    "phone-refused-pin": ("PIN 不对，请看投影上的 PIN。", "That PIN is not right — check the projector."),
    "phone-refused-name": ("请输入昵称。", "Please type a name."),
    "phone-refused-full": ("人数已满，无法加入。", "The class is full."),
    "phone-refused-busy": ("尝试太频繁，请一分钟后再试。", "Too many tries — wait a minute and try again."),
    "phone-refused-locked": ("这道题你已经回答过了。", "You have answered this one already."),
    "phone-refused-old": ("这道题已经结束了。", "This question is over."),
    "phone-refused-bad": ("没能读懂，请再试一次。", "That could not be read — try again."),
    "phone-refused-ended": ("课堂测验已结束。", "The class quiz has ended."),
    "one-language": ("本演示文稿只有{language}版", "This deck is in {language} only"),
    "no-questions": ("这一模式下暂时没有题目。", "No questions in this mode right now."),
    "not-saved": (
        "尚未保存的答案：{n} 个（{reason}）。答案保留在这里，下一次答题或点“重新保存”时会再写入。",
        "Answers not saved yet: {n} ({reason}). "
        "They are kept here and written with your next answer, or when you press Retry saving.",
    ),
    "retry-save": ("重新保存", "Retry saving"),
    "close-unsaved": ("关闭并放弃这些答案", "Close and lose them"),
    "progress-set-aside": (
        "进度文件已损坏：已移到 {aside}，并新建了一个进度文件。",
        "Your progress file was damaged: it was moved to {aside} and a fresh one started.",
    ),
    "progress-salvaged": (
        "进度文件已损坏：已移到 {aside}；仍能读出的 {n} 个答案已存入新的进度文件。",
        "Your progress file was damaged: it was moved to {aside}, and the {n} answers that could still be read "
        "are in a fresh one.",
    ),
    "ink-set-aside": (
        "保存的笔迹无法读取：已移到 {aside}，笔迹从空白开始。",
        "The saved ink could not be read: it was moved to {aside} and the ink starts empty.",
    ),
    "ink-not-saved": (
        "笔迹未能保存（{reason}）。笔迹仍在，下一笔时会再保存。",
        "Ink not saved ({reason}). It is kept, and saved again with the next stroke.",
    ),
    "slide-source": ("来源：", "Source: "),
    "slide-derived": ("推算：", "Our arithmetic: "),
    "slide-earlier": ("之前", "Earlier"),  # a chart's bar whose period the article does not give
    "slide-later": ("之后", "Later"),
    "slide-no-picture": ("无法显示这张图片", "This picture cannot be shown"),
    "picture-alt": ("图片：", "Picture: "),
    "pdf-slides": ("幻灯片", "Slides"),
    "pdf-handout": ("讲义", "Handout"),
    "pdf-notes": ("讲稿", "Speaker notes"),
    "pdf-yours": ("笔记", "Your notes"),
    "sources-sources": ("来源", "Sources"),
    "sources-intro": (
        "本文件中出现的每一个数字：图表上显示的数值、它衡量的是什么、时期、文章原句（逐字引用），以及显示它的幻灯片。标为“推算”的数字是我们根据文章的数字算出来的，文章本身没有给出。",
        "Every figure in this document: the value as charted, what it measures, its period, the article’s sentenc"
        "e it comes from (quoted verbatim), and the slides that show it. A figure marked “our arithmetic” is comp"
        "uted from the article’s figures; the article does not state it.",
    ),
    "sources-intro-in": (
        "本文件中出现的每一个数字：图表上显示的数值、它衡量的是什么、时期、文章原句（逐字引用，{language}），以及显示它的幻灯片。标为“推算”的数字是我们根据文章的数字算出来的，文章本身没有给出。",
        "Every figure in this document: the value as charted, what it measures, its period, the article’s sentenc"
        "e it comes from (quoted verbatim, in {language}), and the slides that show it. A figure marked “our arit"
        "hmetic” is computed from the article’s figures; the article does not state it.",
    ),
    "sources-article": ("文章：", "The article: "),
    "sources-derived": ("推算（我们的算术，不是文章给出的数字）：", "Our arithmetic (not stated by the article): "),
    "sources-inputs": ("依据的原句：", "From the article’s sentences: "),
    "sources-caveat": ("注意：", "Note: "),
    "sources-none": ("这些幻灯片上没有数字。", "No figures are shown on these slides."),
    "print-quiz": ("测验", "Quiz"),
    "print-key": ("答案与解析", "Answer key"),
    "print-other": ("其他", "Other questions"),
    "print-which": ("这个数字出自{which}？", "Which {noun} is the figure from?"),
    "print-count": ("共 {n} 题，按{noun}分组。", "{n} questions, grouped by {noun}."),
    "print-how": (
        "选择题：圈出一个字母。填空题：在横线上写出数字，单位已经给出。答案与解析在后面，每个数字的原文出处见最后的“来源”。",
        "Multiple choice: circle one letter. Fill in the blank: write the number on the line; the unit is given. "
        "The answer key follows the questions, and the “Sources” at the end quote the article for every figure.",
    ),
    "print-fields": ("姓名", "Name"),
    "print-class": ("班级", "Class"),
    "print-date": ("日期", "Date"),
    "print-contents": ("目录", "Contents"),
    "print-range": ("第 {a}–{b} 题", "questions {a}–{b}"),
    "print-single": ("第 {a} 题", "question {a}"),
    "print-version": ("{v} 卷", "Version {v}"),
    "print-answer": ("答：", "Answer: "),
    "print-slide": ("见幻灯片 {n}", "See slide {n}"),
    "print-key-intro": (
        "每题的答案，说明它从何而来；数字的原文出处见“来源”。",
        "Each answer with where it comes from; the “Sources” quote the article for every figure.",
    ),
    # The class quiz on phones: the projector, the console and the menus (the phone's own words are `phone-`).
    "class-question": ("第 {n} 题", "Question {n}"),
    "class-warm-up-of": ("热身：第 {n} / {total} 题（上次答错最多的）", "Warm-up {n} of {total}: last time’s misses"),
    "class-answered": ("{n} / {total} 人已作答", "{n} of {total} answered"),
    "class-median": ("全班中位数 {value}", "the room’s median: {value}"),
    "class-right-share": ("{n} / {total} 人答对", "{n} of {total} right"),
    "class-type-number": ("在手机上输入你的估计", "Type your estimate on your phone"),
    "class-say-number": ("写下你的估计", "Write down your estimate"),
    "class-phones": ("手机答题…", "Class quiz on &phones…"),
    "class-phones-stop": ("停止手机答题", "S&top the class quiz on phones"),
    "class-results": ("全班结果…", "Class &results…"),
    "class-warm-up": ("上次的热身题", "&Warm-up from last time"),
    "class-sound": ("时间到时提示音", "&Sound at time-up"),
    "class-join": ("用手机扫码或打开网址，输入 PIN", "Scan or open the address on your phone, then type the PIN"),
    "class-joined": ("{n} 人已加入", "{n} joined"),
    "class-on": ("手机答题：{address}  PIN {pin}", "Class quiz: {address}  PIN {pin}"),
    "class-console-keys": (
        "回车：揭晓 / 下一步 · C：倒计时开 / 关 · J：加入卡片 · Esc：关闭",
        "Enter: reveal, then close · C: countdown on/off · J: join card · Esc: close",
    ),
    "class-no-warm-up": ("上次没有全班答错较多的题目。", "No question was missed by the class last time."),
    "class-results-title": ("全班结果", "Class results"),
    "class-results-none": ("还没有全班答题的记录。", "No class quiz has been run with this deck yet."),
    "class-lecture": ("{date}，{n} 题", "{date}, {n} questions"),
    "class-missed-most": ("全班最弱的部分：{sections}", "The room missed most: {sections}"),
    "class-slowest": ("用时最长：{questions}", "Slowest: {questions}"),
    "class-export-csv": ("导出 CSV…", "Export &CSV…"),
    "class-columns": (
        "题目|部分|作答|答对|正确率|用时中位数（秒）",
        "Question|Section|Answers|Right|Share right|Median time (s)",
    ),
    "class-failed": ("无法启动手机答题：{reason}", "The class quiz could not start: {reason}"),
}
LANGS = ("zh", "en")
# A deck may be in any language; these the app can name (in its own two), any other is named by its code.
LANGUAGE_NAMES = {
    "zh": ("中文", "Chinese"),
    "en": ("英文", "English"),
    "fr": ("法文", "French"),
    "de": ("德文", "German"),
    "es": ("西班牙文", "Spanish"),
    "it": ("意大利文", "Italian"),
    "pt": ("葡萄牙文", "Portuguese"),
    "nl": ("荷兰文", "Dutch"),
    "ru": ("俄文", "Russian"),
    "ja": ("日文", "Japanese"),
    "ko": ("韩文", "Korean"),
    "ar": ("阿拉伯文", "Arabic"),
}


def tr(key: str, lang: str, **values: object) -> str:
    """A label in `lang`; English for a language the app does not speak yet."""
    pair = WORDS[key]
    text = pair[LANGS.index(lang)] if lang in LANGS else pair[1]
    return text.format(**values) if values else text


def language_name(code: str, lang: str) -> str:
    """'en' named in `lang`: '英文' / 'English'; 'zh-Hant' is Chinese; a code the table lacks stays a code."""
    names = LANGUAGE_NAMES.get(code.partition("-")[0])
    return names[LANGS.index(lang) if lang in LANGS else 1] if names else code


def same_language(one: str, other: str) -> bool:
    """'zh' and 'zh-Hans' are one language to a reader; 'zh' and 'en' are not."""
    return one.partition("-")[0] == other.partition("-")[0]


def tr_in(key: str, lang: str, written_in: str, **values: object) -> str:
    """`key` for a text written in `written_in`: its '-in' variant names that language when it is not `lang`'s."""
    if same_language(written_in, lang):
        return tr(key, lang, **values)
    return tr(key + "-in", lang, language=language_name(written_in, lang), **values)
