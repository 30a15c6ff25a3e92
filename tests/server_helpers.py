"""Helpers (no tests here): start real server processes on 127.0.0.1 and stop them by their pid."""

from __future__ import annotations

import os
import select
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from graphbuild.server._page import find_oxigraph

CLI = [sys.executable, "-c", "from graphbuild.cli import main; main()"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_graphbuild_serve(store: Path, *args: str, wait: float = 30.0) -> tuple[subprocess.Popen, str]:
    """``graphbuild serve --store STORE --port 0 ARGS`` as a process; returns it and its base URL."""
    proc = subprocess.Popen([*CLI, "serve", "--store", str(store), "--port", "0", *args],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + wait
    seen = []
    while time.monotonic() < deadline:
        ready, _, _ = select.select([proc.stderr], [], [], 0.2)
        if ready:
            line = proc.stderr.readline()
            seen.append(line)
            if line.startswith("serving "):
                url = line.split(" at ", 1)[1].split()[0]
                return proc, url
        if proc.poll() is not None:
            rest = proc.stderr.read()
            raise AssertionError(f"graphbuild serve exited {proc.returncode}: {''.join(seen)}{rest}")
    stop(proc)
    raise AssertionError(f"graphbuild serve did not start: {''.join(seen)}")


def start_oxigraph(location: Path | None) -> tuple[subprocess.Popen, str]:
    """A read-write ``oxigraph serve`` (in memory when ``location`` is None); returns it and its URL."""
    port = free_port()
    command = [find_oxigraph(), "serve", "--bind", f"127.0.0.1:{port}"]
    if location is not None:
        command += ["--location", str(location)]
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    wait_http(url + "/", proc)
    return proc, url


def wait_http(url: str, proc: subprocess.Popen, wait: float = 20.0) -> None:
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"server exited with {proc.returncode}")
        try:
            urllib.request.urlopen(url, timeout=1).close()
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.05)
    raise AssertionError(f"{url} did not answer")


def stop(proc: subprocess.Popen, sig: int = signal.SIGTERM) -> int:
    """Signal ``proc`` (by its pid), wait for it, return its exit status."""
    if proc.poll() is None:
        os.kill(proc.pid, sig)
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
    for stream in (proc.stdout, proc.stderr):
        if stream is not None:
            stream.close()
    return proc.returncode


def children(pid: int) -> list[int]:
    """Pids of the direct children of ``pid`` (Linux /proc)."""
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        text = (task / "children").read_text() if (task / "children").exists() else ""
        found += [int(p) for p in text.split()]
    return found


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time used so far by ``pid``."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def process_tree(pid: int) -> list[int]:
    """``pid`` and all its descendants."""
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo += children(current)
    return found


def _socket_inodes(pid: int) -> set[str]:
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:  # closed meanwhile
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    return inodes


def listening_sockets(pid: int) -> list[str]:
    """Every socket that ``pid`` or a descendant listens on, as ``tcp 127.0.0.1:PORT`` (IPv4 and
    IPv6, in whatever network namespace each process is) or ``unix PATH``, read from /proc."""
    found = set()
    for member in process_tree(pid):
        try:
            inodes = _socket_inodes(member)
            net = Path(f"/proc/{member}/net")
            tables = {name: (net / name).read_text().splitlines()[1:] for name in ("tcp", "tcp6", "unix")}
        except (FileNotFoundError, ProcessLookupError):
            continue
        for name in ("tcp", "tcp6"):
            for line in tables[name]:
                fields = line.split()
                local, state, inode = fields[1], fields[3], fields[9]
                if state == "0A" and inode in inodes:  # 0A: TCP_LISTEN
                    found.add(f"{name} {_address(local)}")
        for line in tables["unix"]:
            fields = line.split()
            flags, inode = int(fields[3], 16), fields[6]
            if flags & 0x10000 and inode in inodes:  # __SO_ACCEPTCON: a listening socket
                found.add(f"unix {fields[7] if len(fields) > 7 else '(unnamed)'}")
    return sorted(found)


def _address(hex_address: str) -> str:
    host, port = hex_address.split(":")
    raw = bytes.fromhex(host)
    if len(raw) == 4:
        ip = socket.inet_ntop(socket.AF_INET, raw[::-1])
    else:  # four little-endian 32-bit words
        ip = socket.inet_ntop(socket.AF_INET6, b"".join(raw[i:i + 4][::-1] for i in range(0, 16, 4)))
    return f"{ip}:{int(port, 16)}"
