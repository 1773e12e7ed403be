"""Run a command and print its peak memory and CPU time, as ``/usr/bin/time`` would.

    python -m bench.launch COMMAND...
    (the last line of stderr: wall seconds, peak RSS in KiB, user and system CPU seconds)

Why a process in between: a child's peak-memory figure (``ru_maxrss``) includes the memory of
the process it was started from, up to the moment it replaced itself with the command. Started
from the benchmark, which holds the whole corpus, every run would seem to use what the
benchmark uses. Started from this small process, the figure is the command's own (or that of
its largest child process, such as an extraction worker).
"""

from __future__ import annotations

import os
import sys
import time


def main() -> int:
    command = sys.argv[1:]
    started = time.perf_counter()
    child = os.fork()
    if child == 0:
        try:
            os.execvp(command[0], command)
        finally:
            os._exit(127)
    _, status, usage = os.wait4(child, 0)
    wall = time.perf_counter() - started
    print(f"{wall} {usage.ru_maxrss} {usage.ru_utime} {usage.ru_stime}", file=sys.stderr)
    return os.waitstatus_to_exitcode(status)


if __name__ == "__main__":
    sys.exit(main())
