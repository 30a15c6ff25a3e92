"""Reading Oxigraph's streamed answer within a deadline, a line at a time."""

from __future__ import annotations

import http.client
import json
import socket
import time

from ..errors import E219

__all__ = ["Deadline", "Refused", "json_boolean_as_tsv", "read_all", "read_lines"]


class Refused(Exception):
    """Answer with ``status`` and ``message`` instead of forwarding."""

    def __init__(self, status: int, message: str, headers: dict | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.headers = headers or {}


class Deadline:
    def __init__(self, seconds: float) -> None:
        self.end = time.monotonic() + seconds

    def remaining(self) -> float:
        left = self.end - time.monotonic()
        if left <= 0:
            raise TimeoutError
        return left


def read_lines(connection, response, deadline: Deadline, max_rows: int, *, header: bool) -> tuple[list[bytes], bool]:
    """At most ``max_rows`` complete lines (plus a header line); True if more were available.

    Oxigraph streams rows as it finds them; if the evaluation fails half-way (timeout, error)
    it appends its message and breaks the stream, which shows here as an incomplete last line
    or an :class:`http.client.IncompleteRead`.
    """
    lines: list[bytes] = []
    limit = max_rows + (1 if header else 0)
    try:
        while True:
            connection.sock.settimeout(deadline.remaining())
            line = response.readline(1 << 24)
            if not line:
                return lines, False
            if not line.endswith(b"\n"):
                _stream_failed(line)
            if len(lines) >= limit:
                return lines, True
            lines.append(line)
    except socket.timeout:
        raise TimeoutError from None
    except http.client.IncompleteRead as exc:
        _stream_failed(exc.partial)


def read_all(connection, response, deadline: Deadline, limit: int = 1 << 20) -> bytes:
    """The whole (small) body, within the deadline."""
    chunks: list[bytes] = []
    size = 0
    try:
        while size < limit:
            connection.sock.settimeout(deadline.remaining())
            chunk = response.read1(65536)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except socket.timeout:
        raise TimeoutError from None
    return b"".join(chunks)


def _stream_failed(text: bytes) -> None:
    message = text.decode("utf-8", "replace").strip()
    if "cancelled" in message.lower():
        raise TimeoutError
    raise Refused(500, E219.format(cause=message or "Oxigraph stopped in the middle of the results"))


def json_boolean_as_tsv(payload: bytes) -> bytes:
    try:
        answer = json.loads(payload or b"{}")["boolean"]
    except (ValueError, KeyError, TypeError):
        _stream_failed(payload)
    return b"true" if answer else b"false"
