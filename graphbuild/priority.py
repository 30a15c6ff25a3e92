"""Background work of a build runs at the lowest CPU priority, so that the parser comes first.

The writer thread, the mapping worker and the threads feeding it only have to keep up with the
parser; on a two-core machine, giving them equal priority slows the parse itself down.
"""

from __future__ import annotations

import os
import threading

__all__ = ["lower_priority"]

_NICE = 19


def lower_priority() -> None:
    """Give the calling thread (Linux schedules threads one by one) the lowest priority."""
    try:
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), _NICE)
    except (AttributeError, OSError):
        pass  # not Linux, or not allowed: run at normal priority
