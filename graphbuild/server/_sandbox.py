"""What a worker process does to itself before it opens the store (Linux; elsewhere nothing).

- ``die_with_parent``: the kernel sends SIGTERM when the server dies (``PR_SET_PDEATHSIG``), so
  a killed ``graphbuild serve`` leaves no worker behind.
- ``isolate_network``: move into a new, empty network namespace (``unshare(CLONE_NEWNET)``):
  no interface but a loopback that is down, so a ``SERVICE`` or ``LOAD`` that slipped past the
  front's parser cannot reach any host. It needs root or unprivileged user namespaces; where
  the kernel refuses, the worker runs with the host's network and says so in its hello.
"""

from __future__ import annotations

import ctypes
import signal
import sys

__all__ = ["die_with_parent", "isolate_network"]

_PR_SET_PDEATHSIG = 1
_CLONE_NEWNET = 0x40000000


def _libc():
    return ctypes.CDLL(None, use_errno=True)


def die_with_parent() -> None:
    if sys.platform.startswith("linux"):
        _libc().prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)


def isolate_network() -> bool:
    """True once this process has no network but its own (down) loopback."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        return _libc().unshare(_CLONE_NEWNET) == 0
    except (OSError, AttributeError):
        return False
