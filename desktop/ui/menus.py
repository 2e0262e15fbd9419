"""The presentation window's menus and what they open; their shortcuts work in full screen too."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence

from desktop.resources import data_dir
from desktop.words import language_name, tr


class Menus:
    """File, View, Quiz and Help, for PresentationWindow; rebuilt in the window's language when it changes."""

    def build_menus(self) -> None:
        lang, bar = self.presenting.lang, self.menuBar()
        bar.clear()
        # A hidden menu bar (full screen) turns its actions' shortcuts off: they are the window's actions too.
        for action in getattr(self, "_shortcuts", ()):
            self.removeAction(action)
        self._shortcuts: list[QAction] = []

        def item(menu, key: str, slot, shortcut: str = "", hint: str = "") -> QAction:
            action = menu.addAction(tr(key, lang) + (f"\t{hint}" if hint else ""), slot)
            if shortcut:  # also while the presenter console is the active window
                action.setShortcut(QKeySequence(shortcut))
                action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
                self.addAction(action)
                self._shortcuts.append(action)
            return action

        files = bar.addMenu(tr("file", lang))
        item(files, "open", self._choose_deck, "Ctrl+O")
        recent = files.addMenu(tr("recent", lang))
        for folder in self.settings.recent() or []:
            recent.addAction(str(folder), lambda f=folder: self.open_deck(f, resume=True))
        recent.setEnabled(bool(self.settings.recent()))
        item(files, "export", self.open_export, "Ctrl+E")
        files.addSeparator()
        item(files, "quit", self.close, "Ctrl+Q")

        view = bar.addMenu(tr("view", lang))
        item(view, "fullscreen", self.toggle_fullscreen, hint="F")
        item(view, "overview", self.toggle_overview, hint="O")
        item(view, "console-menu", self.toggle_console, hint="S")
        for key, choices, current, choose, label in (
            ("theme", self.presenting.themes, self.presenting.theme, self.presenting.set_theme, self._theme_name),
            ("language", self.presenting.deck.languages, lang, self.presenting.set_lang, self._language_name),
        ):
            submenu, group = view.addMenu(tr(key, lang)), QActionGroup(self)
            submenu.setEnabled(len(choices) > 1)  # a deck in one language has nothing to switch to
            for choice in choices:
                action = submenu.addAction(label(choice), lambda c=choice, f=choose: f(c))
                action.setCheckable(True)
                action.setChecked(choice == current)
                group.addAction(action)
        call = item(view, "call-mode", self._toggle_call)
        call.setCheckable(True)
        call.setChecked(self.call_mode)
        motion = item(view, "reduced-motion", self._toggle_motion)
        motion.setCheckable(True)
        motion.setChecked(self.presenting.reduced_motion)

        quiz = bar.addMenu(tr("quiz-menu", lang))
        item(quiz, "self-study", self.open_quiz)
        item(quiz, "ask-class", lambda: self.do("quiz"), hint="Q")
        quiz.addSeparator()
        phones_on = "class_controls" in self.__dict__ and self.class_controls.room.phones
        item(quiz, "class-phones-stop" if phones_on else "class-phones", lambda: self.class_controls.toggle_phones())
        item(quiz, "class-warm-up", lambda: self.class_controls.warm_up())
        item(quiz, "class-results", lambda: self.class_controls.results())
        sound = item(quiz, "class-sound", lambda: self.class_controls.toggle_sound())
        sound.setCheckable(True)
        sound.setChecked(self.settings.get("class-sound") != "off")

        helps = bar.addMenu(tr("help", lang))
        item(helps, "keys", lambda: self.do("help"), hint="?")
        item(helps, "about", lambda: self._about(lang))

    def open_export(self) -> None:
        from desktop.ui.export_dialog import ExportDialog, run_export

        folder = Path(self.settings.get("export-folder") or Path.home())
        dialog = ExportDialog(self.presenting.deck, self.look(), folder, self)
        if dialog.exec():
            request = dialog.request()
            self.settings.set("export-folder", str(request.out))
            run_export(request, self)

    def open_quiz(self) -> None:
        """The self-study window for this deck, with the user's saved progress."""
        from PySide6.QtWidgets import QMessageBox

        from desktop.quiz.generate import build_bank
        from desktop.quiz.store import Store, StoreError, progress_file
        from desktop.ui.quiz_window import QuizWindow

        try:
            store, set_aside = Store.open(progress_file(data_dir(None), self.presenting.deck.id))
        except (OSError, StoreError) as error:
            QMessageBox.warning(self, tr("quiz", self.presenting.lang), str(error))
            return
        deck = self.presenting.deck
        self._quiz_window = QuizWindow(deck, build_bank(deck), store, self.presenting.lang, set_aside=set_aside)
        self._quiz_window.show()

    def _theme_name(self, theme_id: str) -> str:
        return self._themes[theme_id].name.get(self.presenting.lang)

    def _language_name(self, code: str) -> str:
        """'English (en)' in the menu: the name in the window's language, and the code --lang takes."""
        return f"{language_name(code, self.presenting.lang)} ({code})"

    def _about(self, lang: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(self, "Casebook", tr("about-text", lang))

    def _toggle_call(self) -> None:
        """A video call: the audience window becomes an ordinary 16:9 window to share; the console stays private."""
        self.call_mode = not self.call_mode
        if self.call_mode:
            if self.isFullScreen():
                self.toggle_fullscreen()
            self.resize(1280, 720 + self.menuBar().height())
        else:
            self.place_windows()

    def _toggle_motion(self) -> None:
        self.presenting.reduced_motion = not self.presenting.reduced_motion
