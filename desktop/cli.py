"""The command line: `casebook VERB …`. Qt is imported only by the verbs that show windows."""

from __future__ import annotations

import os
import sys
from pathlib import Path

TYPE_CHECKING = False  # not typing's: importing typing costs validate 5 ms
if TYPE_CHECKING:
    from argparse import Namespace

VERBS = ("present", "quiz", "export", "validate", "questions", "new", "draft", "guide")
WINDOWED = ("present", "quiz")


def main(argv: list[str] | None = None) -> int:
    """Runs one command; the exit code. A bug is logged and told in one line (exit 3), never a traceback."""
    try:
        code = _run(sys.argv[1:] if argv is None else argv)
        sys.stdout.flush()  # a reader gone early shows here, not as Python's complaint at exit
        return code
    except BrokenPipeError:  # `casebook validate | head -1`: the reader has what it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # what is still buffered goes nowhere
        return 0
    except KeyboardInterrupt:  # Ctrl+C: the user stopped it and knows why
        return 130
    except ModuleNotFoundError as error:
        missing = _missing_package(error)
        if missing is None:
            return _bug(error)
        print(missing, file=sys.stderr)
        return 2
    except Exception as error:
        return _bug(error)


def _bug(error: Exception) -> int:
    from desktop.crash import report

    report(error)
    return 3


def _missing_package(error: ModuleNotFoundError) -> str | None:
    """The line for a dependency that is not installed (not for a module of Casebook's own that is missing)."""
    import importlib.util

    package = (error.name or "").partition(".")[0]
    if not package or package == "desktop" or importlib.util.find_spec(package) is not None:
        return None
    python = sys.executable or "python3"
    return (
        f"casebook: this Python ({python}) lacks the package '{package}': "
        f"run .venv/bin/python main.py, or install Casebook for it with: {python} -m pip install ."
    )


def _run(argv: list[str]) -> int:
    if not argv or argv[0] not in (*VERBS, "-h", "--help", "--version"):
        if argv and not argv[0].startswith("-") and not _names_a_path(argv[0]):
            verbs = ", ".join(VERBS)
            print(f"casebook: '{argv[0]}' is neither a verb ({verbs}) nor a deck folder", file=sys.stderr)
            return 2
        argv = ["present", *argv]
    if argv[0] == "validate" and not any(arg.startswith("-") for arg in argv):
        return validate([Path(arg) for arg in argv[1:]])  # decks only: argparse would cost a tenth of the run
    from desktop.arguments import build_parser

    args = build_parser().parse_args(argv)
    if args.verb in WINDOWED:
        return _windowed(args)
    if args.verb == "validate":
        return validate(args.deck)
    if args.verb == "questions":
        return questions(args)
    if args.verb == "new":
        return new(args)
    if args.verb == "guide":
        return guide()
    if args.verb == "draft":
        return draft(args)
    return export(args)


def _names_a_path(text: str) -> bool:
    """`casebook ../my-case` presents that deck; `casebook valdate` is a typo, not a missing folder."""
    return os.sep in text or "/" in text or Path(text).exists()


def _windowed(args: Namespace) -> int:
    """present or quiz: refused at once without a display; a bug inside the window is told and the window stays."""
    if not _has_display():
        print(
            "casebook: no display to open a window on (neither DISPLAY nor WAYLAND_DISPLAY is set); "
            "to write the slides to files instead: casebook export [DECK] --out DIR",
            file=sys.stderr,
        )
        return 2
    from desktop.crash import EventLoopBugs

    with EventLoopBugs() as bugs:
        code = present(args) if args.verb == "present" else quiz(args)
    return 3 if bugs.told else code


def _has_display() -> bool:
    """Asked before Qt starts: without X11 or Wayland, Qt aborts the process with a misleading message."""
    return bool(os.environ.get("QT_QPA_PLATFORM")) or _has_desktop()


def _has_desktop() -> bool:
    """A screen the user sees: a viewer opened without one would take over the terminal, or fail."""
    if sys.platform in ("win32", "darwin"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _default_deck(deck: Path | None) -> Path:
    if deck is not None:
        return deck
    from desktop.resources import bundled_deck

    return bundled_deck()


def _load(deck: Path):
    """(Loaded, None), or (None, exit code 2) for a path that is no deck."""
    from desktop.deck import DeckNotFound, load_deck

    try:
        return load_deck(deck), None
    except DeckNotFound as error:
        print(f"casebook: {error}", file=sys.stderr)
        return None, 2


def _valid_deck(path: Path | None):
    """(deck, 0) for a deck without errors; else (None, 1) with its problems printed, or (None, 2)."""
    loaded, error_code = _load(_default_deck(path))
    if loaded is None:
        return None, error_code
    if not loaded.ok:
        _print_problems(loaded.problems)
        return None, 1
    return loaded.deck, 0


def _speaks(deck, lang: str | None) -> bool:
    """True unless --lang names a language the deck is not written in, which is then said in one line."""
    if lang is None or lang in deck.languages:
        return True
    print(f"casebook: --lang {lang!r}: the deck is written in {', '.join(deck.languages)} only", file=sys.stderr)
    return False


def _shown(path: Path) -> Path:
    """A path as short as the user can still use it: relative to the working folder if inside it."""
    absolute, cwd = path.absolute(), Path.cwd()
    inside = absolute.is_relative_to(cwd) and cwd != Path(cwd.anchor)  # from "/", "tmp/x" would read oddly
    return absolute.relative_to(cwd) if inside else path


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _print_problems(problems) -> None:
    for problem in problems:
        print(problem.format(_shown(problem.mark.file)))


def validate(decks: list[Path]) -> int:
    code = 0
    for deck in decks or [_default_deck(None)]:
        loaded, error_code = _load(deck)
        if loaded is None:
            code = max(code, error_code)
            continue
        _print_problems(loaded.problems)
        errors = len(loaded.errors)
        warnings = len(loaded.problems) - errors
        d = loaded.deck
        counts = "no deck read"
        if d is not None:
            derived = sum(1 for f in d.figures.values() if f.derived)
            counts = f"{len(d.sections)} sections, {len(d.slides)} slides, {len(d.figures)} figures ({derived} derived)"
        print(f"{_shown(deck)}: {counts}; {_plural(errors, 'error')}, {_plural(warnings, 'warning')}")
        if errors:
            code = max(code, 1)
    return code


def questions(args: Namespace) -> int:
    """The question bank as JSON on standard output (no Qt)."""
    import json

    from desktop.quiz.generate import build_bank

    deck, code = _valid_deck(args.deck)
    if deck is None:
        return code
    bank = build_bank(deck, seed=args.seed)
    if args.flagged:
        return flagged(args, deck, bank)
    print(json.dumps([q.to_json(deck.languages) for q in bank], ensure_ascii=False, indent=2))
    return 0


def new(args: Namespace) -> int:
    """Writes the example deck into a new or empty folder and prints what to run next; refuses anything else."""
    import shlex

    from desktop.deck.template import deck_files, deck_id, write_deck
    from desktop.resources import bundled

    folder = args.folder
    try:
        if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
            print(
                f"casebook: {_shown(folder)} exists and is not an empty folder; give a new one (nothing written)",
                file=sys.stderr,
            )
            return 2
        content = bundled("content")
        files = deck_files(content / "authoring-guide", tuple(args.lang.split(",")), deck_id(folder.absolute()))
        files["GUIDE.md"] = (content / "SCHEMA.md").read_text(encoding="utf-8")
        write_deck(folder, files)
    except OSError as error:
        print(f"casebook: cannot write {_shown(folder)}: {error.strerror or error}", file=sys.stderr)
        return 2
    shown = str(_shown(folder))
    where, command = shlex.quote(shown), _command()
    print(
        f"A small example deck in {where}: edit its YAML files; their comments teach the format, GUIDE.md has it all."
    )
    print("Then:")
    print(f"  {command} validate {where}")
    print(f"  {command} present {where}")
    print(f"  {command} export {where} --out {shlex.quote(shown + '-slides')}")
    return 0


def _command() -> str:
    """How the user ran Casebook, to repeat in the commands we suggest: `casebook`, or `python main.py`."""
    if not sys.argv[0].endswith(".py"):
        return "casebook"
    return f"{_shown(Path(sys.executable))} {_shown(Path(sys.argv[0]))}"


def guide() -> int:
    """Prints where the authoring guide is and opens it in the user's viewer when there is a screen."""
    from desktop.resources import bundled

    path = bundled("content") / "SCHEMA.md"
    print(path)
    if _has_desktop():
        import webbrowser

        webbrowser.open(path.as_uri())
    return 0


def draft(args: Namespace) -> int:
    """A deck skeleton from an article (no Qt): its figures with their sentences, TODOs for the rest."""
    from desktop.deck.draft import DraftError, write_draft

    try:
        sections, figures = write_draft(args.article, args.out)
    except DraftError as error:
        print(f"casebook: {error}", file=sys.stderr)
        return 2
    print(f"{_plural(figures, 'figure')} in {_plural(sections, 'section')} written to {_shown(args.out)}")
    then = f"{_command()} validate {_shown(args.out)}"
    print(f"next: {then}   (it points at each TODO: what a figure measures, its role)")
    return 0


def flagged(args: Namespace, deck, bank) -> int:
    """The questions students flagged, one line each: id, when (local time), why, and the prompt."""
    from desktop.quiz.store import progress_file
    from desktop.resources import data_dir

    if not progress_file(data_dir(args.data_dir), deck.id).exists():
        return 0  # nobody has studied this deck here: nothing flagged, and no progress file made
    store, _ = _open_store(args, deck)
    if store is None:
        return 2
    prompts = {q.id: q.prompt.get(deck.languages[0]) for q in bank}
    for qid, when, reason in store.flags():
        prompt = prompts.get(qid, "(no longer in the bank)").replace("\n", " ")
        print(f"{qid}\t{when.astimezone():%Y-%m-%d %H:%M}\t{reason}\t{prompt}")
    store.close()
    return 0


def _open_store(args: Namespace, deck):
    """(the deck's progress store, what was set aside), or (None, None) once the reason is printed."""
    from desktop.quiz.store import Store, StoreError, progress_file
    from desktop.resources import data_dir

    try:
        store, set_aside = Store.open(progress_file(data_dir(args.data_dir), deck.id))
    except OSError as error:
        print(f"casebook: cannot keep progress in {data_dir(args.data_dir)}: {error.strerror}", file=sys.stderr)
        return None, None
    except StoreError as error:  # a full disk among them: better said now than after an hour of unsaved answers
        print(f"casebook: {error}", file=sys.stderr)
        return None, None
    if set_aside:
        print(f"casebook: {set_aside}", file=sys.stderr)
    return store, set_aside


def quiz(args: Namespace) -> int:
    deck, code = _valid_deck(args.deck)
    if deck is None:
        return code
    if not _speaks(deck, args.lang):
        return 2
    store, set_aside = _open_store(args, deck)
    if store is None:
        return 2
    from desktop.ui.app import run_quiz

    return run_quiz(deck, store, set_aside, args)


def export(args: Namespace) -> int:
    """Slides to PNG or PDF with no window: Qt draws offscreen, whatever display there is."""
    deck, code = _valid_deck(args.deck)
    if deck is None:
        return code
    if _unknown_theme(args.theme, deck) or not _speaks(deck, args.lang):
        return 2
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from desktop.render.canvas import Look
    from desktop.render.export import ExportError, Request, parse_slides
    from desktop.render.export import export as write
    from desktop.render.fonts import deck_family
    from desktop.render.ink import Ink, ink_file
    from desktop.render.theme import load_theme
    from desktop.resources import data_dir
    from desktop.ui.app import qapp

    qapp()
    family, warning = deck_family(deck)
    if warning:
        print(f"casebook: {warning}", file=sys.stderr)
    theme, problems = load_theme(args.theme or deck.theme, deck.folder)
    if theme is None:
        _print_problems(problems)
        return 1
    ink, set_aside = Ink.open(ink_file(data_dir(), deck.id)) if args.ink else (None, None)
    if set_aside:
        print(f"casebook: {set_aside}", file=sys.stderr)
    form = args.format or ("pdf" if args.handout or args.quiz else "png")  # --handout and --quiz are PDFs
    progress = _ProgressLine("pages" if form == "pdf" else "slides")
    try:
        request = Request(
            deck=deck,
            look=Look(theme, args.lang or deck.languages[0], family, reduced_motion=True),
            out=args.out,
            format=form,
            size=args.size,
            steps=args.steps,
            slides=parse_slides(args.slides, len(deck.slides)) if args.slides else (),
            handout=args.handout,
            per_page=args.per_page,
            quiz=args.quiz,
            questions=args.questions,
            seed=args.seed,
            ink=ink,
        )
        written = write(request, None if args.quiet or not sys.stderr.isatty() else progress)
    except ExportError as error:
        progress.clear()
        print(f"casebook: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        progress.clear()
        print("casebook: export interrupted (no half-written file is left)", file=sys.stderr)
        return 130
    progress.clear()
    if not args.quiet:
        print(f"{len(written)} file{'' if len(written) == 1 else 's'} written to {_shown(args.out)}")
    return 0


class _ProgressLine:
    """`12/44 slides` on the terminal, one line rewritten in place, and wiped when the export ends."""

    def __init__(self, unit: str) -> None:
        self.unit, self.shown = unit, False

    def __call__(self, done: int, total: int) -> None:
        print(f"\r{done}/{total} {self.unit}\033[K", end="", file=sys.stderr, flush=True)
        self.shown = True

    def clear(self) -> None:
        if self.shown:
            print("\r\033[K", end="", file=sys.stderr, flush=True)
            self.shown = False


def _unknown_theme(name: str | None, deck) -> bool:
    """`--theme NAME` that is no theme offered with the deck: said in one line."""
    from desktop.render.theme import theme_ids

    themes = theme_ids(deck.folder)
    if name is None or name in themes:
        return False
    print(f"casebook: --theme: no theme '{name}' (themes: {', '.join(themes)})", file=sys.stderr)
    return True


def present(args: Namespace) -> int:
    deck, code = _valid_deck(args.deck)
    if deck is None:
        return code
    if _unknown_theme(args.theme, deck) or not _speaks(deck, args.lang):
        return 2
    if args.slide is not None and args.slide > len(deck.slides):
        print(f"casebook: --slide {args.slide}: the deck has {_plural(len(deck.slides), 'slide')}", file=sys.stderr)
        return 2
    from desktop.ui.app import run

    return run(deck, args)
