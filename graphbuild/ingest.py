"""Read articles from files, folders, globs or raw strings into :class:`Document` objects.

Supported: ``.txt``, ``.md``, ``.html``/``.htm`` and ``.jsonl`` (one article a line: ``text``,
optional ``id``, ``title``, ``url``, ``published``); a file named explicitly is read as text
whatever its extension. Files that are binary, empty, not decodable, office documents or PDFs
(``BINARY_FORMATS``, unless a reader plugin for them is installed: :mod:`graphbuild.readers`),
files in a folder with another extension, and texts that are empty, are
skipped with a one-line reason; the build goes on. Hidden files and folders (``.git``) are not
inputs; folders and ``**`` globs follow symbolic links but enter no folder twice
(:mod:`graphbuild.walk`). :class:`Text` marks a string as article text where paths are expected (``build -``).

>>> docs, skipped = read_inputs(["China supports Pakistan."])
>>> docs[0].title, docs[0].source
('China supports Pakistan.', 'text:0')
"""

from __future__ import annotations

import functools
import hashlib
import html.parser
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import E006, E009, E014, InputError
from .readers import GROUP, installed_reader
from .walk import folder_files, glob_files

__all__ = ["BINARY_FORMATS", "Document", "SUFFIXES", "Skipped", "Text", "iter_inputs", "read_inputs"]

SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl")
# Formats that need a converter before graphbuild can read them, and what to do about it.
BINARY_FORMATS = {
    ".pdf": "a PDF; extract its text first (e.g. 'pdftotext FILE.pdf') and build the .txt",
    ".docx": "a Word document; save it as plain text (.txt) or HTML and build that",
    ".doc": "a Word document; save it as plain text (.txt) or HTML and build that",
    ".odt": "an OpenDocument text; save it as plain text (.txt) or HTML and build that",
    ".rtf": "a rich-text document; save it as plain text (.txt) and build that",
    ".epub": "an e-book; convert it to HTML or text and build that",
}
_GLOB_CHARS = set("*?[")
_TITLE_MAX = 200
_MAX_BYTES_PER_CHAR = 4  # UTF-8's longest character


@dataclass(frozen=True)
class Document:
    """One article: its decoded text and where it came from."""

    text: str
    source: str
    title: str
    url: str | None = None
    published: str | None = None

    @functools.cached_property
    def content_hash(self) -> str:
        """SHA-256 of the text: the document's identity in the store."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Text:
    """An article's text given directly (e.g. read from standard input), named ``source``."""

    text: str
    source: str = "stdin"


@dataclass(frozen=True)
class Skipped:
    """An input that was not read, and why."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"skipped {self.source}: {self.reason}"


def read_inputs(items: Iterable[str | os.PathLike | Text] | str | os.PathLike | Text, *,
                paths_only: bool = False, max_chars: int | None = None) -> tuple[list[Document], list[Skipped]]:
    """Every input read at once: the documents and the skipped inputs (see :func:`iter_inputs`)."""
    docs: list[Document] = []
    skipped: list[Skipped] = []
    for result in iter_inputs(items, paths_only=paths_only, max_chars=max_chars):
        (docs if isinstance(result, Document) else skipped).append(result)
    return docs, skipped


def iter_inputs(items: Iterable[str | os.PathLike | Text] | str | os.PathLike | Text, *,
                paths_only: bool = False, max_chars: int | None = None) -> Iterator[Document | Skipped]:
    """Read the inputs one file at a time, yielding each document or skipped input as it is read,
    so that a build holds only the documents in progress, never the whole corpus.

    A ``str`` that names no existing path or matching glob is taken as the text of an article,
    unless ``paths_only`` (the CLI), where it is an error. A file (other than ``.jsonl``) too
    large to hold at most ``max_chars`` characters is skipped unread."""
    if isinstance(items, (str, os.PathLike, Text)):
        items = [items]
    for index, item in enumerate(items):
        if isinstance(item, Text):
            if item.text.strip():
                yield _from_text(item.text.replace("\r\n", "\n"), item.source)
            else:
                yield Skipped(item.source, "empty text")
            continue
        if isinstance(item, str) and not item.strip():  # never read as "." (the working folder)
            if paths_only:
                raise InputError(E014.format(number=index + 1))
            yield Skipped(f"text:{index}", "empty text; give an article's text, or a file, folder or glob")
            continue
        files = _expand(item)
        if files is None:
            if paths_only or isinstance(item, os.PathLike):
                raise InputError(E006.format(path=item))
            yield _from_text(str(item), f"text:{index}")
            continue
        for path in files:
            yield from _read_file(path, named=not os.path.isdir(item), max_chars=max_chars)


def _expand(item: str | os.PathLike) -> list[Path] | None:
    """Files named by ``item`` (a file, a folder searched recursively, or a glob), or ``None``.

    A string with a line break is a path only if that file or folder exists (a file name may
    hold one); it is never taken as a glob, since article text may hold ``*`` or ``?``."""
    text = os.fspath(item)
    if len(text) > 4096:
        return None
    path = Path(text)
    try:
        is_dir, is_file = path.is_dir(), path.is_file()
    except (OSError, ValueError):  # e.g. a name longer than the file system allows: no path
        return None
    if is_dir:
        return folder_files(path)
    if is_file:
        return [path]
    if "\n" not in text and _GLOB_CHARS & set(text):
        return glob_files(text) or None
    return None


def _read_file(path: Path, *, named: bool, max_chars: int | None = None) -> list[Document | Skipped]:
    """The documents in file ``path``; ``named``: the user named it (or a glob did), so any
    text file is read; a file found in a folder must have a supported extension."""
    source = str(path.resolve())
    suffix = path.suffix.lower()
    reader = installed_reader(suffix) if suffix else None
    if reader is not None:
        return [_read_with_plugin(path, source, *reader)]
    if suffix in BINARY_FORMATS:
        return [Skipped(source, f"{suffix} is {BINARY_FORMATS[suffix]}, or install a reader for it "
                                f"(a package with a '{GROUP}' entry point named '{suffix}')")]
    if not named and suffix not in SUFFIXES:
        kind = f"'{suffix}' files" if suffix else "files without an extension"
        return [Skipped(source, f"{kind} are not read from a folder (only {', '.join(SUFFIXES)}); "
                                "name the file itself to read it as text")]
    try:
        size = path.stat().st_size
        if max_chars is not None and suffix != ".jsonl" and size > _MAX_BYTES_PER_CHAR * max_chars:
            return [Skipped(source, f"{size:,} bytes, more than --max-doc-chars {max_chars:,} characters can "
                                    "take; split it into smaller files, or raise --max-doc-chars")]
        data = path.read_bytes()
    except OSError as exc:
        return [Skipped(source, f"cannot read ({exc.strerror or exc})")]
    text_or_reason = _decode(data)
    if isinstance(text_or_reason, Skipped):
        return [Skipped(source, text_or_reason.reason)]
    text = text_or_reason
    if suffix == ".jsonl":
        return list(_read_jsonl(text, source))
    if suffix in (".html", ".htm"):
        title, text = _html_text(text)
        return [_from_text(text, source, title=title, fallback_title=path.stem)]
    return [_from_text(text, source, fallback_title=path.stem)]


def _read_with_plugin(path: Path, source: str, name: str, reader) -> Document | Skipped:
    try:
        text = reader(path)
    except Exception as exc:  # noqa: BLE001 - a plugin's failure skips its file, with the cause
        return Skipped(source, f"the reader {name} failed: {type(exc).__name__}: {exc}")
    if not isinstance(text, str) or not text.strip():
        return Skipped(source, f"the reader {name} found no text")
    return _from_text(text.replace("\r\n", "\n"), source, fallback_title=path.stem)


def _decode(data: bytes) -> str | Skipped:
    """Decoded, newline-normalised text, or the reason it cannot be used."""
    if not data.strip():
        return Skipped("", "empty file")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    elif b"\x00" in data[:8192]:
        if _looks_like_utf16(data[:8192]):
            return Skipped("", "unknown encoding (it looks like UTF-16 without a byte-order mark); "
                               "re-save it as UTF-8")
        return Skipped("", "binary file (contains NUL bytes)")
    else:
        encoding = "utf-8-sig"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        return Skipped("", f"not UTF-8 text (undecodable byte at offset {exc.start}); re-save it as UTF-8")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        return Skipped("", "empty file")
    return text


def _looks_like_utf16(sample: bytes) -> bool:
    """Text in UTF-16 has its NUL bytes (the high bytes of Latin characters) all on even or all
    on odd positions, and decodes; binary data scatters them."""
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if min(even, odd) > 0 or max(even, odd) < max(2, len(sample) // 20):  # a tenth of one side at least
        return False
    try:
        sample[: len(sample) // 2 * 2].decode("utf-16-le" if odd else "utf-16-be")
    except UnicodeDecodeError:
        return False
    return True


def _read_jsonl(text: str, source: str):
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{source}#L{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Skipped(where, E009.format(path=source, line=number, cause=f"invalid JSON ({exc.msg})"))
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str) or not record["text"].strip():
            yield Skipped(where, E009.format(path=source, line=number, cause="no non-empty 'text' string"))
            continue
        ident = record.get("id")
        yield _from_text(
            record["text"].replace("\r\n", "\n"),
            f"{source}#{ident}" if ident is not None else where,
            title=_optional(record.get("title")),
            url=_optional(record.get("url")),
            published=_optional(record.get("published")),
        )


def _optional(value: object) -> str | None:
    return None if value is None else str(value)


def _from_text(text: str, source: str, *, title: str | None = None, fallback_title: str | None = None,
               url: str | None = None, published: str | None = None) -> Document:
    if not title:
        first = text.strip().split("\n", 1)[0].strip().lstrip("#").strip()
        title = first if 0 < len(first) <= _TITLE_MAX else (fallback_title or first[:_TITLE_MAX])
    return Document(text=text, source=source, title=title, url=url, published=published)


class _HTMLText(html.parser.HTMLParser):
    """Collects the title and the visible text of an HTML page, one block a line."""

    _SKIP = {"script", "style", "noscript", "template", "head"}
    _BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title = ""
        self.parts: list[str] = []
        self._skip = 0
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        if tag == "title":
            self._in_title = True
        elif tag in self._SKIP:
            self._skip += 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        elif tag in self._SKIP and self._skip:
            self._skip -= 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        elif not self._skip:
            self.parts.append(data)


def _html_text(markup: str) -> tuple[str, str]:
    parser = _HTMLText()
    parser.feed(markup)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return " ".join(parser.title.split()), "\n".join(line for line in lines if line)
