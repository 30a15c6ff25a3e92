"""Recognise a write that failed for want of space, whoever reported it (Python, RocksDB).

RocksDB reports a full disk as ``OSError("IO error: While appending to file: ...: No space
left on device")`` without an errno, so the system's own message for each code is matched too.
"""

from __future__ import annotations

import errno
import os

from .errors import E023, StoreError

__all__ = ["disk_full_error", "is_disk_full"]

_NO_SPACE = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)  # disk full, quota reached, file size limit


def is_disk_full(exc: BaseException) -> bool:
    """True if ``exc`` says a write failed because no space was left.

    >>> is_disk_full(OSError(errno.ENOSPC, "No space left on device")), is_disk_full(OSError("IO error: x: File too large"))
    (True, True)
    """
    if not isinstance(exc, OSError):
        return False
    return exc.errno in _NO_SPACE or any(os.strerror(code) in str(exc) for code in _NO_SPACE)


def disk_full_error(what: str, exc: OSError) -> StoreError:
    """The coded error (E023) for a write of ``what`` that found no space."""
    return StoreError(E023.format(what=what, cause=exc.strerror or exc))
