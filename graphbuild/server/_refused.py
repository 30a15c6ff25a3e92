"""The one exception the front turns into an HTTP answer of its own."""

from __future__ import annotations

__all__ = ["Refused"]


class Refused(Exception):
    """Answer with ``status`` and ``message`` (and ``headers``) instead of running the request."""

    def __init__(self, status: int, message: str, headers: dict | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.headers = headers or {}
