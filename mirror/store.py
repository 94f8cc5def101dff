"""The mirror on disk: one file per public address, its compressed twins and its headers.

`/schools/oak/privacy-notice/` is stored as `schools/oak/privacy-notice/index.html` (with its
gzip twin `index.html.gz`), `/schools/oak/privacy-notice.pdf` as that path. Each has
a `.meta.json` beside it with the headers the app sends (ETag, Last-Modified, type). Files are
replaced atomically, so a reader sees the old file or the new one, never half of one.
"""

from __future__ import annotations

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

from notices.site.pages import HTML, StoredPage

# Exactly the addresses mirrored: notice pages, PDFs and versions pages (no `..`, no dots but
# `.pdf`). Character classes and fixed words only: matched in time linear in the path.
MIRRORED_PATH = re.compile(
    r"/schools/[-a-zA-Z0-9_]+/"
    r"(?:privacy-notice(?:/|\.pdf)"
    r"|notices/[-a-zA-Z0-9_]+(?:/|\.pdf|/versions/(?:[0-9]+(?:/|\.pdf))?))"
)
ENCODINGS = (("gzip", ".gz"),)
META = ".meta.json"
GZIP_LEVEL = 4  # 4% larger than level 9 for a notice page, in half the time of level 6
_WRITER = secrets.token_hex(6)  # distinct from writers on other machines
_temporary_names = itertools.count()


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
    if not MIRRORED_PATH.fullmatch(url_path):
        return None
    relative = url_path.lstrip("/")
    if relative.endswith("/"):
        relative += "index.html"
    return root() / relative


def _temporary_name() -> str:
    """A name no other writer uses: processes forked from one share this module's counter."""
    return f".tmp-{_WRITER}-{os.getpid()}-{next(_temporary_names)}"


def _write(target: Path, content: bytes) -> None:
    """Write beside the target under a name no other writer uses, then rename over it."""
    temporary = target.with_name(_temporary_name())
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL
    try:
        handle = os.open(temporary, flags, 0o644)
    except FileNotFoundError:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle = os.open(temporary, flags, 0o644)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(content)
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _link(source: Path, target: Path) -> bool:
    """Give a file already written another name, atomically, without writing its bytes again;
    False where the file system has no hard links."""
    temporary = target.with_name(_temporary_name())
    try:
        try:
            os.link(source, temporary)
        except FileNotFoundError:
            target.parent.mkdir(parents=True, exist_ok=True)
            os.link(source, temporary)
    except OSError:
        return False
    try:
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return True


def _suffixes(page: StoredPage) -> tuple[str, ...]:
    """The files an address is stored as, in the order they are written: the metadata last,
    so a reader that finds it finds the rest."""
    variants = tuple(suffix for _name, suffix in ENCODINGS) if page.content_type == HTML else ()
    return (*variants, "", META)


def write_all(pages: Iterable[StoredPage]) -> list[Path]:
    """Store pages; the files written. A page served at several addresses is compressed and
    written once, then linked under its other addresses."""
    # Each body is held here, so the ids used as keys stay unique while this runs.
    stored: dict[tuple[int, str, object, str], tuple[bytes, Path]] = {}
    written: list[Path] = []
    for page in pages:
        key = (id(page.body), page.content_type, page.last_modified, page.filename)
        target = file_for(page.path)
        if key in stored and target is not None:
            source = stored[key][1]
            names = [
                (source.with_name(source.name + suffix), target.with_name(target.name + suffix))
                for suffix in _suffixes(page)
            ]
            if all(_link(existing, new) for existing, new in names):
                written += [new for _existing, new in names]
                continue
        written += write(page)
        if target is not None:
            stored[key] = (page.body, target)
    return written


def write(page: StoredPage, compressed: dict[str, bytes] | None = None) -> list[Path]:
    """Store one page (HTML also compressed, unless given); the files written."""
    target = file_for(page.path)
    if target is None:
        raise ValueError(f"{page.path} is not an address the mirror keeps.")
    encodings: list[str] = []
    written = [target]
    if page.content_type == HTML:
        variants = compressed or {
            "gzip": gzip.compress(page.body, compresslevel=GZIP_LEVEL, mtime=0)
        }
        for name, suffix in ENCODINGS:
            _write(target.with_name(target.name + suffix), variants[name])
            written.append(target.with_name(target.name + suffix))
            encodings.append(name)
    _write(target, page.body)
    meta = {
        "content_type": page.content_type,
        "etag": page.etag,
        "last_modified": http_date(page.last_modified.timestamp()),
        "filename": page.filename,
        "encodings": encodings,
    }
    meta_path = target.with_name(target.name + META)
    _write(meta_path, json.dumps(meta).encode())
    written.append(meta_path)
    return written


def remove(url_path: str) -> None:
    """Forget an address (its PDF is not made yet): requests go to the app again."""
    target = file_for(url_path)
    if target is None:
        return
    target.with_name(target.name + META).unlink(missing_ok=True)
    for suffix in ("", *(suffix for _name, suffix in ENCODINGS)):
        target.with_name(target.name + suffix).unlink(missing_ok=True)


# Parsed headers by address, with the `.meta.json` they came from and its identity (a new one is
# a new file: another inode, time or size): a request costs one stat instead of checking the
# address, reading and parsing JSON. Bounded.
_read_cache: dict[tuple[str, str], tuple[str, tuple[int, int, int], MirrorFile]] = {}
READ_CACHE_SIZE = 20_000


def read(url_path: str) -> MirrorFile | None:
    key = (settings.MIRROR_ROOT, url_path)
    cached = _read_cache.get(key)
    if cached is not None:  # an address already checked, kept where it was
        meta_path, identity, found = cached
        try:
            status = os.stat(meta_path)
        except (FileNotFoundError, NotADirectoryError):
            _read_cache.pop(key, None)
            return None
        if (status.st_ino, status.st_mtime_ns, status.st_size) == identity:
            return found
    target = file_for(url_path)
    if target is None:
        return None
    meta_path = f"{target}{META}"
    try:
        with open(meta_path, "rb") as meta_file:
            status = os.fstat(meta_file.fileno())
            meta = json.loads(meta_file.read())
    except (FileNotFoundError, NotADirectoryError, ValueError):
        _read_cache.pop(key, None)
        return None
    found = MirrorFile(
        path=target,
        content_type=meta["content_type"],
        etag=meta["etag"],
        last_modified=meta["last_modified"],
        filename=meta["filename"],
        encodings=tuple(meta["encodings"]),
    )
    if len(_read_cache) >= READ_CACHE_SIZE:
        _read_cache.clear()
    _read_cache[key] = (meta_path, (status.st_ino, status.st_mtime_ns, status.st_size), found)
    return found


def all_files() -> set[Path]:
    base = root()
    if not base.exists():
        return set()
    return {path for path in base.rglob("*") if path.is_file()}
