"""Python's cycle collector, paused while a sync builds or merges thousands of changes.

A first sync of 10,000 notes makes some 100,000 containers (payloads, histories, rows, plans)
that live until the sync ends. Each time enough of them pile up, the collector walks *every*
object of the process, the window's included: in the benchmark (a bare process, far fewer
objects than the window) that was 2 or 3 full passes and 110–150 ms of a 0.8 s pull, 30–60 ms
of a push. Reference counting still frees everything as usual meanwhile; only reference
cycles wait, and the collector resumes when the sync ends.

Syncs may run at once in several threads (the window's timer and a button, the benchmark's
clients): the collector is paused by the first and resumed by the last, and only if it was
running before (an application that turned it off keeps it off).
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_holders = 0
_resume = False


@contextmanager
def paused() -> Iterator[None]:
    """The collector off for the block (see the module docstring); nests and threads."""
    global _holders, _resume
    with _lock:
        if _holders == 0:
            _resume = gc.isenabled()
            gc.disable()
        _holders += 1
    try:
        yield
    finally:
        with _lock:
            _holders -= 1
            if _holders == 0 and _resume:
                gc.enable()
