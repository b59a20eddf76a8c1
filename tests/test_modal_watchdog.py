"""The test suite's guard against dialogs nobody answers (tests/modal_watchdog.py)."""

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QMessageBox

from modal_watchdog import ModalWatchdog


def test_a_message_box_nobody_answers_is_closed_and_named(qapp):
    watchdog = ModalWatchdog(patience_s=0.3, interval_ms=50)
    watchdog.start()
    box = QMessageBox(QMessageBox.Icon.Warning, "Could not open the file", "broken.csv: row 3")
    box.exec()  # would block the run for good without the watchdog
    watchdog.stop()
    assert watchdog.left_waiting == ["Could not open the file: broken.csv: row 3"]


def test_a_window_modal_box_run_with_exec_is_watched_too(qapp):
    watchdog = ModalWatchdog(patience_s=0.3, interval_ms=50)
    watchdog.start()
    box = QMessageBox(QMessageBox.Icon.Question, "Close the review?", "Edits are not saved.")
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.exec()
    watchdog.stop()
    assert watchdog.left_waiting == ["Close the review?: Edits are not saved."]


def test_a_box_the_test_answers_is_left_alone(qapp):
    watchdog = ModalWatchdog(patience_s=0.3, interval_ms=50)
    watchdog.start()
    box = QMessageBox(QMessageBox.Icon.Warning, "Export", "Written.")
    QTimer.singleShot(0, box.accept)
    box.exec()
    watchdog.stop()
    assert watchdog.left_waiting == []
