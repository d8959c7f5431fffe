"""Worker processes that never outlive the run that started them.

A ``ProcessPoolExecutor`` worker waits on its queue for ever once its parent
is gone (killed by a CI timeout, say). Each worker here asks Linux to kill
it with its parent (``PR_SET_PDEATHSIG``) and, everywhere, watches its
parent from a thread and leaves as soon as the parent has changed.

A worker also freezes what it inherited from its parent for the garbage
collector: none of it becomes garbage there, and a worker allocating a tree
per file would otherwise walk all of it in every full collection.
"""

from __future__ import annotations

import ctypes
import gc
import os
import signal
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor

PR_SET_PDEATHSIG = 1
# How often a worker looks whether its parent is still there, seconds.
WATCH_INTERVAL = 0.5


def _start_worker(parent: int) -> None:
    gc.freeze()
    _die_with(parent)


def _die_with(parent: int) -> None:
    if sys.platform.startswith("linux"):
        try:
            # The process's own symbols hold libc's prctl; find_library("c") would
            # run ldconfig in every worker before its first task.
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:
        os._exit(1)  # the parent died before the line above ran

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(WATCH_INTERVAL)
        os._exit(1)

    threading.Thread(target=watch, name="migrate-parent-watch", daemon=True).start()


def worker_pool(jobs: int) -> ProcessPoolExecutor:
    """A process pool whose workers end when this process ends, however it ends."""
    return ProcessPoolExecutor(max_workers=jobs, initializer=_start_worker, initargs=(os.getpid(),))
