"""How long the fast tier (`make check`) takes on a loaded machine: `--load N` starts N processes
that keep a core busy each (as a build or a second test run would), then runs the fast tier
and prints its wall time and CPU time. Prints figures; asserts nothing.

Run: .venv/bin/python benchmarks/check_time.py [--load 2] [--repeat 1]
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BURN = "while True: pass"


def run_check() -> tuple[float, float, int]:
    """Wall seconds, CPU seconds (children) and exit status of one `make check`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(["make", "-s", "check"], cwd=ROOT, stdout=subprocess.DEVNULL,
                          stderr=subprocess.STDOUT, check=False)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, done.returncode


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--load", type=int, default=2, help="busy processes beside the run")
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    burners = [subprocess.Popen([sys.executable, "-c", BURN]) for _ in range(args.load)]
    try:
        time.sleep(1)
        for i in range(args.repeat):
            wall, cpu, status = run_check()
            print(f"make check #{i + 1}: {wall:.1f} s wall, {cpu:.1f} s CPU, exit {status}, "
                  f"{args.load} busy processes, {os.cpu_count()} cores, load "
                  f"{os.getloadavg()[0]:.1f}")
    finally:
        for burner in burners:
            burner.kill()


if __name__ == "__main__":
    main()
