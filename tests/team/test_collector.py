"""The cycle collector paused during a sync: resumed by the last sync to end, only if it ran."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest

from essdesk.team import collector


@pytest.fixture(autouse=True)
def collector_on() -> Iterator[None]:
    gc.enable()
    yield
    gc.enable()


def test_the_collector_is_paused_for_the_block_and_resumed_after_it_even_on_error() -> None:
    with pytest.raises(RuntimeError), collector.paused():
        assert not gc.isenabled()
        raise RuntimeError("coupure")
    assert gc.isenabled()


def test_overlapping_syncs_resume_the_collector_when_the_last_one_ends() -> None:
    first_in, second_in, first_out = threading.Event(), threading.Event(), threading.Event()
    seen: list[bool] = []

    def first() -> None:
        with collector.paused():
            first_in.set()
            second_in.wait(5)
        first_out.set()

    def second() -> None:
        first_in.wait(5)
        with collector.paused():
            second_in.set()
            first_out.wait(5)
            seen.append(gc.isenabled())  # the first one ended: still paused for this one
        seen.append(gc.isenabled())

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert seen == [False, True]


def test_a_collector_turned_off_by_the_application_stays_off() -> None:
    gc.disable()
    with collector.paused(), collector.paused():
        pass
    assert not gc.isenabled()
