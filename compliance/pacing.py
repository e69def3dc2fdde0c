"""Client-side pacing of Telnyx calls: call starts at least `interval` seconds apart, shared
by every thread that makes them. Telnyx's rate limit is per account, and a job that keeps
under it gets no 429 and loses no time waiting out a Retry-After.

    pacer = Pacer(1 / 50)   # at most 50 call starts per second
    pacer.wait()            # before each call, on any thread
    pacer.hold(2.0)         # after a 429 with Retry-After: 2, nobody starts before then

Slots are handed out in call order and never saved up: a caller that comes late starts at
once, and the next one an interval after it (no catch-up burst).
"""

import threading
import time
from collections.abc import Callable


class Pacer:
    def __init__(
        self,
        interval: float,
        *,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ):
        self.interval = max(0.0, interval)
        self.sleep = sleep
        self.clock = clock
        self._next = float("-inf")
        self._lock = threading.Lock()

    @classmethod
    def per_second(cls, rate: float, **kwargs) -> "Pacer":
        """At most `rate` call starts per second (0 or less: no pacing)."""
        return cls(1 / rate if rate > 0 else 0.0, **kwargs)

    def wait(self) -> None:
        """Block until this caller's slot."""
        with self._lock:
            now = self.clock()
            slot = max(now, self._next)
            self._next = slot + self.interval
        if slot > now:
            self.sleep(slot - now)

    def hold(self, seconds: float) -> None:
        """No slot starts within the next `seconds` (Telnyx asked us to wait)."""
        with self._lock:
            self._next = max(self._next, self.clock() + seconds)
