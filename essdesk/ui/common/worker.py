"""Catalogue queries off the GUI thread.

Jobs run one at a time on a private thread pool (the catalogue is read from one worker at a
time). A job returns plain data; the result is delivered on the GUI thread through a queued
signal, and only the result of the latest submission is delivered: superseded searches are
dropped, so typing fast never shows stale results.

Jobs are kept referenced by the runner until settled: a Python QRunnable left to Qt's
autoDelete could be garbage-collected first, and its result silently lost.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot


class _Job(QRunnable):
    def __init__(self, runner: QueryRunner, ticket: int, fn: Callable[[], Any]) -> None:
        super().__init__()
        self._runner = runner
        self._ticket = ticket
        self._fn = fn

    def run(self) -> None:
        if self._ticket != self._runner.latest:
            self._runner._finished.emit(self._ticket, True, None)  # superseded: skipped
            return
        try:
            result = self._fn()
        except Exception as exc:  # delivered to the GUI thread, never raised in a worker
            self._runner._finished.emit(self._ticket, False, exc)
        else:
            self._runner._finished.emit(self._ticket, True, result)


class QueryRunner(QObject):
    """Run ``fn`` in the background; ``delivered(result)`` fires for the latest one only."""

    delivered = Signal(object)
    failed = Signal(object)
    _finished = Signal(int, bool, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        # One thread for good: the catalogue keeps one SQLite connection per thread, and a
        # thread retired after 30 s idle (Qt's default) left its connection open behind it.
        self._pool.setExpiryTimeout(-1)
        self.latest = 0
        self._jobs: dict[int, _Job] = {}
        self._finished.connect(self._on_finished)

    def submit(self, fn: Callable[[], Any]) -> int:
        self.latest += 1
        job = _Job(self, self.latest, fn)
        job.setAutoDelete(False)  # Python owns it: kept alive until its ticket is settled
        self._jobs[self.latest] = job
        self._pool.start(job)
        return self.latest

    def cancel(self) -> None:
        """Forget every pending job (a running one finishes, its result is dropped)."""
        self.latest += 1
        self._pool.clear()

    def shutdown(self, msecs: int = 5000) -> None:
        self.cancel()
        self._pool.waitForDone(msecs)

    @Slot(int, bool, object)
    def _on_finished(self, ticket: int, ok: bool, payload: object) -> None:
        for done in [t for t in self._jobs if t <= ticket]:
            del self._jobs[done]
        if ticket != self.latest:
            return
        if ok:
            self.delivered.emit(payload)
        else:
            self.failed.emit(payload)
