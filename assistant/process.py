"""Process-wide settings of the C allocator, applied once by the app's entry point.

Measured with benchmarks/load.py (10 users, 45 s, one app): with glibc's defaults the resident
size climbed 419 -> 595 MiB and was still rising (559 -> 594 after the uploads' embedding peak):
every Gradio worker thread gets its own malloc arena, and after the embedding model frees a large
numpy buffer glibc raises its mmap threshold, so later buffers come from those arenas and stay
fragmented there. Two arenas and fixed mmap/trim thresholds (large buffers always mapped and
returned to the system) gave 396 -> 507 at the uploads' peak, then flat (498-506)."""

from __future__ import annotations

import ctypes
import ctypes.util

M_TRIM_THRESHOLD = -1
M_MMAP_THRESHOLD = -3
M_ARENA_MAX = -8
ARENAS = 2
THRESHOLD = 128 * 1024  # glibc's initial value, kept fixed instead of growing to 32 MiB


def bound_allocator() -> bool:
    """Apply the allocator settings (glibc only); True if they were applied."""
    name = ctypes.util.find_library("c")
    if not name:
        return False
    try:
        libc = ctypes.CDLL(name)
        mallopt = libc.mallopt
    except (OSError, AttributeError):  # not glibc (musl, macOS): nothing to tune
        return False
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    return all(mallopt(option, value) == 1 for option, value in (
        (M_ARENA_MAX, ARENAS), (M_MMAP_THRESHOLD, THRESHOLD), (M_TRIM_THRESHOLD, THRESHOLD)))
