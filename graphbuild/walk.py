"""Find the files in a folder or matching a glob, following symbolic links but no folder twice.

A link back up the tree (``loop/a/back -> ..``) would make ``Path.rglob``-style walks or
``glob('**')`` descend forever (or until the path is too long, exponentially many times); here
every folder is entered once, known by its device and inode. Hidden files and folders
(``.git``) below the starting folder are left out.
"""

from __future__ import annotations

import glob
import os
import re
from collections.abc import Iterator
from pathlib import Path

__all__ = ["folder_files", "glob_files"]

_GLOB_CHARS = re.compile(r"[*?\[]")


def folder_files(folder: Path) -> list[Path]:
    """Every non-hidden file under ``folder``, sorted."""
    return sorted(_walk(folder))


def glob_files(pattern: str) -> list[Path]:
    """The files matching ``pattern``, sorted; ``**`` matches any number of folders (loops entered once)."""
    if "**" not in pattern:
        return sorted(Path(p) for p in glob.glob(pattern) if os.path.isfile(p))
    parts = pattern.split(os.sep)
    fixed = next(i for i, part in enumerate(parts) if _GLOB_CHARS.search(part))
    root = os.sep.join(parts[:fixed]) or ("." if not pattern.startswith(os.sep) else os.sep)
    matcher = re.compile(_translate(parts[fixed:]))
    found = []
    for path in _walk(Path(root)):
        relative = os.path.relpath(path, root)
        if matcher.fullmatch(relative):
            found.append(Path(root, relative) if parts[:fixed] else Path(relative))
    return sorted(found)


def _walk(root: Path) -> Iterator[Path]:
    seen: set[tuple[int, int]] = set()
    pending = [root]
    while pending:
        folder = pending.pop()
        try:
            info = folder.stat()
            entries = list(os.scandir(folder))
        except OSError:
            continue  # vanished or unreadable: nothing to read there
        if (info.st_dev, info.st_ino) in seen:
            continue
        seen.add((info.st_dev, info.st_ino))
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                if entry.is_dir():  # follows a link to a folder; `seen` stops a loop
                    pending.append(Path(entry.path))
                elif entry.is_file():
                    yield Path(entry.path)
            except OSError:
                continue


def _translate(parts: list[str]) -> str:
    """A regular expression for the path components ``parts`` of a glob, relative to its fixed root.

    >>> bool(re.fullmatch(_translate(["**", "*.txt"]), "a/b/c.txt")), bool(re.fullmatch(_translate(["**", "*.txt"]), "c.txt"))
    (True, True)
    """
    pieces = []
    for index, part in enumerate(parts):
        last = index == len(parts) - 1
        if part == "**":
            pieces.append(".*" if last else "(?:[^/]+/)*")
            continue
        pieces.append(_component(part) + ("" if last else "/"))
    return "".join(pieces)


def _component(part: str) -> str:
    out, i = [], 0
    while i < len(part):
        char = part[i]
        if char == "*":
            out.append("[^/]*")
        elif char == "?":
            out.append("[^/]")
        elif char == "[" and (end := part.find("]", i + 2)) != -1:
            body = part[i + 1:end]
            out.append("[" + ("^" + body[1:] if body.startswith("!") else body).replace("\\", "\\\\") + "]")
            i = end
        else:
            out.append(re.escape(char))
        i += 1
    return "".join(out)
