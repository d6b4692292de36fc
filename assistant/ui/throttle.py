"""Failed logins counted per user name and per client address; too many lock further tries."""

from __future__ import annotations

import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable

ADDRESS_FACTOR = 4  # an address may fail for several user names (a shared office, a proxy)
MAX_KEYS = 10_000  # user names and addresses remembered; the oldest are forgotten


class LoginThrottle:
    """Counts failures in a sliding window; `wait` says how long a key is locked out.

    >>> now = [0.0]
    >>> throttle = LoginThrottle(max_failures=2, window_s=60, clock=lambda: now[0])
    >>> for _ in range(2): throttle.failed("ana", "10.0.0.1")
    >>> throttle.wait("ana", "10.0.0.2"), throttle.wait("luc", "10.0.0.1")
    (60.0, 0.0)
    >>> now[0] = 61.0
    >>> throttle.wait("ana", "10.0.0.2")
    0.0
    """

    def __init__(self, max_failures: int, window_s: float,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.max_failures = max_failures
        self.window_s = window_s
        self.clock = clock
        self._failures: OrderedDict[str, deque[float]] = OrderedDict()
        self._lock = threading.Lock()

    def wait(self, user: str, address: str) -> float:
        """Seconds until `user` may try again from `address`; 0 when allowed now."""
        with self._lock:
            return max(self._wait(f"user:{user.lower()}", self.max_failures),
                       self._wait(f"addr:{address}", self.max_failures * ADDRESS_FACTOR))

    def failed(self, user: str, address: str) -> None:
        """Record one failed attempt."""
        now = self.clock()
        with self._lock:
            for key in (f"user:{user.lower()}", f"addr:{address}"):
                self._failures.setdefault(key, deque(maxlen=self.max_failures * ADDRESS_FACTOR))
                self._failures[key].append(now)
                self._failures.move_to_end(key)
            while len(self._failures) > MAX_KEYS:
                self._failures.popitem(last=False)

    def succeeded(self, user: str) -> None:
        """A correct password clears that user's failures (not the address's)."""
        with self._lock:
            self._failures.pop(f"user:{user.lower()}", None)

    def _wait(self, key: str, limit: int) -> float:
        times = self._failures.get(key)
        if not times:
            return 0.0
        now = self.clock()
        while times and now - times[0] >= self.window_s:
            times.popleft()
        if len(times) < limit:
            return 0.0
        return self.window_s - (now - times[-limit])
