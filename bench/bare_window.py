"""The floor of start-up: a bare PySide6 window that prints the CPU seconds it used once it is painted."""

import time

from PySide6.QtWidgets import QApplication, QWidget


class Window(QWidget):
    def paintEvent(self, event) -> None:
        print(time.process_time(), flush=True)
        QApplication.instance().quit()


app = QApplication([])
window = Window()
window.resize(1280, 760)  # the presentation window's first size
window.show()
app.exec()
