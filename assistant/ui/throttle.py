"""Failed logins counted per (user name, address), per address and per user name, with a
backoff that doubles at each further failure.

A stranger cannot lock a real user out: the wait that follows one name's failures from one
address applies to that address only; an address failing for many names is slowed as a whole;
and a name guessed from many addresses is slowed only for addresses that never logged in as it.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable

WIDE_FACTOR = 4  # an address may fail for several names (a shared office), a name from several
MAX_KEYS = 10_000  # keys remembered; the oldest are forgotten
FIRST_WAIT_SHARE = 1 / 16  # the first wait is this share of the window, then it doubles


class LoginThrottle:
    """Counts failures in a sliding window; `wait` says how long an attempt must wait.

    >>> now = [0.0]
    >>> throttle = LoginThrottle(max_failures=2, window_s=160, clock=lambda: now[0])
    >>> for _ in range(2): throttle.failed("ana", "10.0.0.9")
    >>> throttle.wait("ana", "10.0.0.9"), throttle.wait("ana", "10.0.0.1")
    (10.0, 0.0)
    >>> throttle.failed("ana", "10.0.0.9")
    >>> throttle.wait("ana", "10.0.0.9")
    20.0
    >>> now[0] = 161.0
    >>> throttle.wait("ana", "10.0.0.9")
    0.0
    """

    def __init__(self, max_failures: int, window_s: float,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.max_failures = max_failures
        self.window_s = window_s
        self.clock = clock
        self._failures: OrderedDict[str, deque[float]] = OrderedDict()
        self._known: OrderedDict[str, float] = OrderedDict()  # (name, address) that logged in
        self._lock = threading.Lock()

    def wait(self, user: str, address: str) -> float:
        """Seconds until `user` may try again from `address`; 0 when allowed now."""
        name = user.strip().lower()
        with self._lock:
            waits = [self._wait(f"pair:{name}\x00{address}", self.max_failures),
                     self._wait(f"addr:{address}", self.max_failures * WIDE_FACTOR)]
            if f"{name}\x00{address}" not in self._known:
                waits.append(self._wait(f"user:{name}", self.max_failures * WIDE_FACTOR))
            return max(waits)

    def failed(self, user: str, address: str) -> None:
        """Record one failed attempt."""
        name, now = user.strip().lower(), self.clock()
        with self._lock:
            for key in (f"pair:{name}\x00{address}", f"addr:{address}", f"user:{name}"):
                times = self._failures.setdefault(key, deque(maxlen=64))
                times.append(now)
                self._failures.move_to_end(key)
            _trim(self._failures)

    def succeeded(self, user: str, address: str) -> None:
        """A correct password clears that name's failures from that address, and remembers the
        address as one this user logs in from."""
        name = user.strip().lower()
        with self._lock:
            self._failures.pop(f"pair:{name}\x00{address}", None)
            self._known[f"{name}\x00{address}"] = self.clock()
            self._known.move_to_end(f"{name}\x00{address}")
            _trim(self._known)

    def _wait(self, key: str, limit: int) -> float:
        times = self._failures.get(key)
        if not times:
            return 0.0
        now = self.clock()
        while times and now - times[0] >= self.window_s:
            times.popleft()
        if len(times) < limit:
            return 0.0
        backoff = min(self.window_s, self.window_s * FIRST_WAIT_SHARE * 2 ** (len(times) - limit))
        return max(0.0, backoff - (now - times[-1]))


def _trim(mapping: OrderedDict) -> None:
    while len(mapping) > MAX_KEYS:
        mapping.popitem(last=False)
