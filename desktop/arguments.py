"""The command line's grammar: every verb's options, parsed by argparse, a usage error in one line."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from desktop import __version__


class _Help(argparse.HelpFormatter):
    """argparse's help, fitted to the terminal without importing shutil (with bz2 and lzma, 8 ms of a validate)."""

    def __init__(self, prog: str) -> None:
        try:
            columns = int(os.environ.get("COLUMNS") or os.get_terminal_size(sys.__stdout__.fileno()).columns)
        except (AttributeError, ValueError, OSError):  # no stdout, a pipe, or COLUMNS that is no number
            columns = 80
        super().__init__(prog, width=columns - 2)


class _Parser(argparse.ArgumentParser):
    """Usage errors in one line, like every other error (argparse would print the whole usage first)."""

    def __init__(self, **options) -> None:
        super().__init__(formatter_class=_Help, **options)

    def error(self, message: str):
        self.exit(2, f"{self.prog}: {message} (see {self.prog} --help)\n")


THEME_HELP = "colour theme: light, dark, projector, or the deck's or your own (default: the deck's)"


def _size(text: str) -> tuple[int, int]:
    width, _, height = text.lower().partition("x")
    if not (width.isdigit() and height.isdigit()) or not (1 <= int(width) <= 7680 and 1 <= int(height) <= 4320):
        raise argparse.ArgumentTypeError(f"'{text}' is not a size like 1920x1080 (at most 7680x4320)")
    return int(width), int(height)


def _duration(text: str) -> int:
    from desktop.ui.talk_clock import parse_duration

    try:
        return parse_duration(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _slide_number(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"'{text}' is not a slide number (the first slide is 1)")
    return int(text)


def _port(text: str) -> int:
    if not text.isdigit() or int(text) > 65535:
        raise argparse.ArgumentTypeError(f"'{text}' is not a port number (0 to 65535; 0 picks a free one)")
    return int(text)


def _count(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of questions (at least 1)")
    return int(text)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="casebook",
        description="Present a business case with numbers: slides, animated charts, quizzes, exports.",
        epilog="With no verb, presents DECK (the bundled deck by default). DECK is a deck folder or its deck.yaml. "
        "Exit codes: 0 done, 1 the deck has problems, 2 a usage or file error, 3 a bug in Casebook (see its log).",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}", help="print the version")
    # prog given: argparse would otherwise build a usage formatter here, which imports shutil, bz2 and lzma
    verbs = parser.add_subparsers(dest="verb", metavar="VERB", prog="casebook")

    def verb(name: str, help: str, deck: str = "?") -> argparse.ArgumentParser:
        sub = verbs.add_parser(name, help=help, description=help)
        sub.add_argument("deck", nargs=deck, type=Path, metavar="DECK", help="deck folder or deck.yaml")
        return sub

    def language(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--lang", metavar="LANG", help="one of the deck's languages, e.g. en (default: its first)")

    present = verb("present", "present a deck full screen or in a window (the default verb)")
    present.add_argument("--slide", type=_slide_number, metavar="N", help="start at slide N (the first is 1)")
    language(present)
    present.add_argument("--theme", metavar="NAME", help=THEME_HELP)
    present.add_argument("--presenter", action="store_true", help="open the presenter console too")
    present.add_argument("--duration", type=_duration, metavar="45m", help="talk length: the console counts down")
    present.add_argument(
        "--class-port",
        type=_port,
        metavar="PORT",
        help="start the class quiz on phones at once, on this port (0: any free one); prints the address and PIN",
    )
    present.add_argument(
        "--class-host",
        metavar="ADDR",
        default="0.0.0.0",
        help="the address the class quiz listens on (default: every network; 127.0.0.1 keeps it on this computer)",
    )

    quiz = verb("quiz", "self-study quiz on the deck's figures, with spaced repetition")
    language(quiz)
    quiz.add_argument("--data-dir", type=Path, metavar="DIR", help="where progress is kept ($CASEBOOK_DATA_DIR)")

    export = verb("export", "export slides to PNG or PDF, a handout or a printable quiz")
    export.add_argument("--out", type=Path, required=True, metavar="DIR", help="folder to write into (made if missing)")
    export.add_argument(
        "--format",
        choices=("png", "pdf"),
        help="png: one NN-<slide-id>.png a slide (the default); pdf: <deck-id>.pdf, vector, with the sources",
    )
    export.add_argument("--size", type=_size, default=(1920, 1080), metavar="WxH", help="PNG size (1920x1080)")
    export.add_argument("--steps", action="store_true", help="PNG: one file per build step, NN-<slide-id>-stepK.png")
    export.add_argument("--slides", metavar="1-3,7", help="which slides (numbers in the whole deck; default all)")
    language(export)
    export.add_argument("--theme", metavar="NAME", help=THEME_HELP)
    export.add_argument("--handout", action="store_true", help="PDF on A4: the slides with their notes and lines")
    export.add_argument(
        "--per-page",
        type=int,
        choices=(1, 2, 3, 6),
        metavar="1|2|3|6",
        help="--handout: slides a page (default 3, beside their notes; 1 or 2: above them)",
    )
    export.add_argument("--quiz", action="store_true", help="PDF: a printable quiz with an answer key")
    export.add_argument("--questions", type=_count, metavar="N", help="--quiz: how many questions (default 24)")
    export.add_argument(
        "--seed", type=int, metavar="K", help="--quiz: another set of questions, printed as version A, B, C… (0 is A)"
    )
    export.add_argument("--ink", action="store_true", help="draw the presenter's saved pen strokes on the slides")
    export.add_argument("--quiet", action="store_true", help="print nothing but problems (no progress, no summary)")

    verb("validate", "check decks and print every problem as FILE:LINE:COL: message", deck="*")

    new = verbs.add_parser(
        "new",
        help="write a small example deck to start from",
        description="write a small example deck to start from: one slide of each kind, comments that teach the "
        "format, and the authoring guide as GUIDE.md",
    )
    new.add_argument("folder", type=Path, metavar="FOLDER", help="a new or empty folder")
    new.add_argument(
        "--lang", choices=("en", "zh", "zh,en", "en,zh"), default="zh,en", help="its languages, the first the default"
    )
    verbs.add_parser("guide", help="open the authoring guide (the deck format) and print its path")

    questions = verb("questions", "print the question bank generated from the deck's figures")
    questions.add_argument("--json", action="store_true", help="as JSON (the default, and so far the only format)")
    questions.add_argument("--seed", type=int, default=0, help="changes order and distractors, never ids")
    questions.add_argument(
        "--flagged", action="store_true", help="the questions students flagged: id, when, why, prompt (tab-separated)"
    )
    questions.add_argument("--data-dir", type=Path, metavar="DIR", help="where progress is kept ($CASEBOOK_DATA_DIR)")

    about = "draft a deck from an article (Chinese or English): every number it states a figure, with its sentence"
    draft = verbs.add_parser("draft", help=about, description=about)
    draft.add_argument("article", type=Path, metavar="ARTICLE", help="the article, a UTF-8 text file")
    draft.add_argument("--out", type=Path, required=True, metavar="FOLDER", help="a new (or empty) folder to write")
    return parser
