"""The mirror on disk: one file per public address, with its compressed twin.

`/schools/oak/privacy-notice/` is stored as `schools/oak/privacy-notice/index.html` (with its
gzip twin `index.html.gz`), `/schools/oak/privacy-notice.pdf` as that path. The headers the app
sends come from the file itself, as a static file server's do: the type from its name,
Last-Modified from its modification time (set to the publication's), the ETag from its bytes (the
app's own, worked out once for each version of the file). Only a PDF's download name is kept
beside it, in a `.meta.json`. Files are replaced atomically, so a reader sees the old file or the
new one, never half of one.

A file replaced or removed keeps a name in `.trash/` until `empty_trash`: freeing a file's
blocks can cost more than writing it (125 µs for a notice page on an ext4 disk mounted with
`discard`, against 50 µs to write one), so a publish run makes every page live first and frees
the old ones after.
"""

from __future__ import annotations

import contextlib
import gzip
import itertools
import json
import os
import re
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.utils.http import http_date

from notices.site.pages import HTML, PDF, StoredPage, etag_for

# Exactly the addresses mirrored: notice pages, PDFs and versions pages (no `..`, no dots but
# `.pdf`). Character classes and fixed words only: matched in time linear in the path.
MIRRORED_PATH = re.compile(
    r"/schools/[-a-zA-Z0-9_]+/"
    r"(?:privacy-notice(?:/|\.pdf)"
    r"|notices/[-a-zA-Z0-9_]+(?:/|\.pdf|/versions/(?:[0-9]+(?:/|\.pdf))?))"
)
ENCODINGS = (("gzip", ".gz"),)
META = ".meta.json"
GZIP_LEVEL = 2  # a notice page 11-15% larger than at level 9, in a fifth of level 6's time
_WRITER = secrets.token_hex(6)  # distinct from writers on other machines
_temporary_names = itertools.count()
TRASH = ".trash"


@dataclass(frozen=True)
class MirrorFile:
    path: Path
    content_type: str
    etag: str
    last_modified: str
    filename: str
    encodings: tuple[str, ...]


def root() -> Path:
    return Path(settings.MIRROR_ROOT)


def file_for(url_path: str) -> Path | None:
    """Where the mirror keeps a public address, or None if that address is never mirrored."""
    target = _file_for(url_path)
    return None if target is None else Path(target)


# Below, paths are plain strings: a county's pages are written in a few seconds, and building
# path objects for each file had cost as much as the system calls.


def _file_for(url_path: str) -> str | None:
    if not MIRRORED_PATH.fullmatch(url_path):
        return None
    relative = url_path.lstrip("/")
    if relative.endswith("/"):
        relative += "index.html"
    return os.path.join(settings.MIRROR_ROOT, relative)


def _temporary_name(beside: str) -> str:
    """A name in the folder of `beside` that no other writer uses: processes forked from one
    share this module's counter, so the process id is part of it."""
    name = f".tmp-{_WRITER}-{os.getpid()}-{next(_temporary_names)}"
    return os.path.join(os.path.dirname(beside), name)


def _to_trash(path: str, *, move: bool) -> None:
    """Give the file at `path` a name in the trash (moved there, or linked, where it is about
    to be replaced), so that replacing or removing it frees nothing yet; no file, nothing done."""
    trash = os.path.join(settings.MIRROR_ROOT, TRASH, "")
    place = os.rename if move else os.link
    try:
        place(path, _temporary_name(trash))
    except FileNotFoundError:
        if os.path.isdir(trash):
            return  # no file at `path`
        os.makedirs(trash, exist_ok=True)
        with contextlib.suppress(FileNotFoundError):
            place(path, _temporary_name(trash))


def empty_trash() -> int:
    """Delete the files replaced or removed since the trash was last emptied; how many."""
    try:
        entries = list(os.scandir(os.path.join(settings.MIRROR_ROOT, TRASH)))
    except FileNotFoundError:
        return 0
    for entry in entries:
        with contextlib.suppress(FileNotFoundError):  # emptied by another process meanwhile
            os.unlink(entry.path)
    return len(entries)


def _write(target: str, content: bytes, modified_ns: int | None = None) -> None:
    """Write beside the target under a name no other writer uses, then rename over it."""
    temporary = _temporary_name(target)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL
    try:
        handle = os.open(temporary, flags, 0o644)
    except FileNotFoundError:
        os.makedirs(os.path.dirname(target), exist_ok=True)
        handle = os.open(temporary, flags, 0o644)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(content)
            out.flush()
            if modified_ns is not None:
                os.utime(out.fileno(), ns=(modified_ns, modified_ns))
        _to_trash(target, move=False)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


def _link(source: str, target: str) -> bool:
    """Give a file already written another name, atomically, without writing its bytes again;
    False where the file system has no hard links."""
    temporary = _temporary_name(target)
    try:
        try:
            os.link(source, temporary)
        except FileNotFoundError:
            os.makedirs(os.path.dirname(target), exist_ok=True)
            os.link(source, temporary)
    except OSError:
        return False
    try:
        # What this replaces is the page just replaced at the first address, kept in the trash.
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
    return True


def _suffixes(page: StoredPage) -> tuple[str, ...]:
    """The files an address is stored as, in the order they are written: the page itself
    last, so a reader that finds the new page finds the rest."""
    variants = tuple(suffix for _name, suffix in ENCODINGS) if page.content_type == HTML else ()
    return (*variants, *((META,) if page.filename else ()), "")


def write_all(pages: Iterable[StoredPage]) -> list[str]:
    """Store pages; the files written. A page served at several addresses is compressed and
    written once, then linked under its other addresses."""
    # Each body is held here, so the ids used as keys stay unique while this runs.
    stored: dict[tuple[int, str, object, str], tuple[bytes, str]] = {}
    written: list[str] = []
    for page in pages:
        key = (id(page.body), page.content_type, page.last_modified, page.filename)
        target = _file_for(page.path)
        if key in stored and target is not None:
            source = stored[key][1]
            names = [(f"{source}{suffix}", f"{target}{suffix}") for suffix in _suffixes(page)]
            if all(_link(existing, new) for existing, new in names):
                written += [new for _existing, new in names]
                continue
        written += write(page)
        if target is not None:
            stored[key] = (page.body, target)
    return written


def write(page: StoredPage, compressed: dict[str, bytes] | None = None) -> list[str]:
    """Store one page (HTML also compressed, unless given); the files written."""
    target = _file_for(page.path)
    if target is None:
        raise ValueError(f"{page.path} is not an address the mirror keeps.")
    modified_ns = int(page.last_modified.timestamp()) * 1_000_000_000
    written = []
    if page.content_type == HTML:
        variants = compressed or {
            "gzip": gzip.compress(page.body, compresslevel=GZIP_LEVEL, mtime=0)
        }
        for name, suffix in ENCODINGS:
            _write(f"{target}{suffix}", variants[name], modified_ns)
            written.append(f"{target}{suffix}")
    if page.filename:
        _write(f"{target}{META}", json.dumps({"filename": page.filename}).encode())
        written.append(f"{target}{META}")
    _write(target, page.body, modified_ns)
    written.append(target)
    return written


def remove(url_path: str) -> None:
    """Forget an address (its PDF is not made yet): requests go to the app again."""
    target = _file_for(url_path)
    if target is None:
        return
    for suffix in ("", META, *(suffix for _name, suffix in ENCODINGS)):
        if os.path.lexists(f"{target}{suffix}"):
            _to_trash(f"{target}{suffix}", move=True)


# Headers by address, with the identity of the file they were worked out from (a new version is
# a new file: another inode, time or size): a request costs one stat instead of reading the
# file and hashing it. Bounded.
_read_cache: dict[tuple[str, str], tuple[str, tuple[int, int, int], MirrorFile]] = {}
READ_CACHE_SIZE = 20_000


def read(url_path: str) -> MirrorFile | None:
    key = (settings.MIRROR_ROOT, url_path)
    cached = _read_cache.get(key)
    if cached is not None:  # an address already checked, kept where it was
        path, identity, found = cached
        try:
            status = os.stat(path)
        except (FileNotFoundError, NotADirectoryError):
            _read_cache.pop(key, None)
            return None
        if (status.st_ino, status.st_mtime_ns, status.st_size) == identity:
            return found
    target = _file_for(url_path)
    if target is None:
        return None
    try:
        with open(target, "rb") as stored:
            status = os.fstat(stored.fileno())
            etag = etag_for(stored.read())
    except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
        _read_cache.pop(key, None)
        return None
    is_pdf = target.endswith(".pdf")
    found = MirrorFile(
        path=Path(target),
        content_type=PDF if is_pdf else HTML,
        etag=etag,
        last_modified=http_date(status.st_mtime),
        filename=_download_name(target) if is_pdf else "",
        encodings=() if is_pdf else _encodings(target),
    )
    if len(_read_cache) >= READ_CACHE_SIZE:
        _read_cache.clear()
    identity = (status.st_ino, status.st_mtime_ns, status.st_size)
    _read_cache[key] = (target, identity, found)
    return found


def _encodings(target: str) -> tuple[str, ...]:
    return tuple(name for name, suffix in ENCODINGS if os.path.exists(f"{target}{suffix}"))


def _download_name(target: str) -> str:
    try:
        with open(f"{target}{META}", "rb") as meta:
            return str(json.loads(meta.read()).get("filename", ""))
    except (FileNotFoundError, ValueError, AttributeError):
        return ""


def all_files() -> set[str]:
    """Every file the mirror serves from (not the trash)."""
    base = root()
    if not base.exists():
        return set()
    trash = base / TRASH
    return {str(path) for path in base.rglob("*") if path.is_file() and path.parent != trash}
