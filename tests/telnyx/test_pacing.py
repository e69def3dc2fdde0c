"""Client-side pacing (compliance.pacing.Pacer): call starts an interval apart across threads,
a Retry-After holds every start, and a late caller earns no burst."""

import threading

from compliance.pacing import Pacer


class FakeTime:
    """A clock that moves only when someone sleeps."""

    def __init__(self):
        self.now = 100.0
        self.lock = threading.Lock()

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        with self.lock:
            self.now += seconds


def _starts(pacer: Pacer, time: FakeTime, calls: int) -> list[float]:
    starts = []
    for _ in range(calls):
        pacer.wait()
        starts.append(round(time.now, 6))
    return starts


def test_call_starts_are_an_interval_apart():
    time = FakeTime()
    pacer = Pacer.per_second(4, sleep=time.sleep, clock=time.clock)

    assert _starts(pacer, time, 4) == [100.0, 100.25, 100.5, 100.75]


def test_threads_share_one_schedule():
    pacer = Pacer(0.25, sleep=lambda seconds: None, clock=lambda: 0.0)
    threads = [threading.Thread(target=pacer.wait) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert pacer._next == 8 * 0.25  # eight slots handed out, none twice


def test_a_hold_delays_the_next_start():
    time = FakeTime()
    pacer = Pacer(0.1, sleep=time.sleep, clock=time.clock)
    pacer.wait()

    pacer.hold(2.0)
    pacer.wait()

    assert time.now == 102.0


def test_a_late_caller_starts_at_once_and_earns_no_burst():
    time = FakeTime()
    pacer = Pacer(0.5, sleep=time.sleep, clock=time.clock)
    pacer.wait()
    time.now += 10  # nobody called for ten seconds

    assert _starts(pacer, time, 3) == [110.0, 110.5, 111.0]


def test_no_rate_means_no_pacing():
    slept = []
    pacer = Pacer.per_second(0, sleep=slept.append)
    for _ in range(100):
        pacer.wait()
    assert slept == []
