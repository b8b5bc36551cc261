"""Run a command; print its wall time, CPU time and peak memory as JSON.

The kernel counts in a child's peak memory the memory of the process that
started it (up to the moment it runs its program). The benchmark, holding
the rows it generated, would inflate every figure; started from this small
process instead, each command is measured on its own.

    python benchmarks/measure.py COMMAND [ARGS...]
"""

import json
import os
import subprocess
import sys
import time


def main(command: list) -> int:
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)

    # ru_maxrss is in kilobytes on Linux, in bytes on macOS.
    scale = 1024**2 if sys.platform == "darwin" else 1024
    figures = {
        "seconds": seconds,
        "cpu": usage.ru_utime + usage.ru_stime,
        "peak_mb": usage.ru_maxrss / scale,
    }
    print(json.dumps(figures))
    return process.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
