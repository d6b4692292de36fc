"""Process-wide setup applied once by the app's entry point: the C allocator's settings, and
the process's own folder in Gradio's cache.

The allocator:

Measured with benchmarks/load.py (10 users, 45 s, one app): with glibc's defaults the resident
size climbed 419 -> 595 MiB and was still rising (559 -> 594 after the uploads' embedding peak):
every Gradio worker thread gets its own malloc arena, and after the embedding model frees a large
numpy buffer glibc raises its mmap threshold, so later buffers come from those arenas and stay
fragmented there. Two arenas and fixed mmap/trim thresholds (large buffers always mapped and
returned to the system) gave 396 -> 507 at the uploads' peak, then flat (498-506)."""

from __future__ import annotations

import ctypes
import ctypes.util
import fcntl
import os
import secrets
import shutil
from pathlib import Path

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


CACHE_PREFIX = "estratega-"
_held_cache: list[int] = []  # the open, locked folder of this process's cache (kept for life)


def private_cache(root: Path) -> Path:
    """Give this process its own folder in Gradio's cache `root` (`Settings.gradio_temp_dir`),
    and delete the folders of processes that are gone (killed or not).

    Each folder is `<cache>/estratega-<random>`, locked (flock) by its process while it runs:
    a folder nobody holds is left over and deleted, while replicas or other apps sharing the
    cache keep theirs. Returns the new folder, which the caller hands to Gradio as its
    GRADIO_TEMP_DIR before importing it."""
    root.mkdir(parents=True, exist_ok=True)
    for folder in root.glob(f"{CACHE_PREFIX}*"):
        _remove_if_abandoned(folder)
    mine = root / f"{CACHE_PREFIX}{secrets.token_hex(8)}"
    mine.mkdir(mode=0o700)
    fd = os.open(mine, os.O_RDONLY)
    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    _held_cache.append(fd)
    return mine


def _remove_if_abandoned(folder: Path) -> None:
    """Delete `folder` unless a running process holds its lock."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return  # a live process's cache
    finally:
        os.close(fd)  # closing drops a lock taken here; the folder goes next
    shutil.rmtree(folder, ignore_errors=True)
