"""Each PDF is rendered in a child process with a wall-clock timeout and a memory cap.

WeasyPrint has no limits of its own: a pathological notice (megabytes of text, lists nested
thousands deep, a table of a hundred thousand rows) can hold a worker, or a web process
rendering on demand, for as long as it likes. The child is forked from the calling process, so
it starts with WeasyPrint, the fonts and the parsed print stylesheet already loaded (the parent
warms them once); it only renders and sends the bytes back, never touching the database.

Memory is capped twice. An address-space limit in the child stops a sudden large allocation at
once, but it only counts new mappings: a child forked from a long-lived process can first reuse
the heap its parent had freed, hundreds of megabytes of it after a day of work. So the parent
also watches the child's private memory (what it has written since the fork) and stops it there.
"""

from __future__ import annotations

import multiprocessing
import os
import resource
import time
import traceback
from multiprocessing.connection import Connection
from typing import Any

from django.conf import settings

RENDER_TIMED_OUT = (
    "The PDF took longer than {seconds} seconds to make, so it was stopped. The notice is "
    "probably far too long (a clause or a list of partners thousands of lines long): shorten it "
    "and publish again."
)
RENDER_OUT_OF_MEMORY = (
    "The PDF needed more than {megabytes} MB of memory to make, so it was stopped. The notice is "
    "probably far too long or too deeply nested: shorten it and publish again."
)
RENDER_FAILED = "The PDF could not be made: {reason}"


class RenderRefused(Exception):
    """A render stopped by a limit or failed in its child: not worth retrying as it is."""


def _virtual_memory_bytes() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")


WATCH_INTERVAL_SECONDS = 0.05
_PRIVATE_FIELDS = (b"Private_Clean:", b"Private_Dirty:", b"Swap:")


def private_memory_bytes(pid: int) -> int:
    """Memory a process has to itself: pages it wrote since it was forked, or allocated, or
    swapped out (0 once it has gone)."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as rollup:
            lines = rollup.read().splitlines()
    except (FileNotFoundError, ProcessLookupError):
        return 0
    kilobytes = sum(int(line.split()[1]) for line in lines if line.startswith(_PRIVATE_FIELDS))
    return kilobytes * 1024


def _child(sender: Connection, memory_bytes: int, kwargs: dict[str, Any]) -> None:
    from notices.publishing.pdf import render_pdf

    try:
        # The cap is on top of what the forked process already maps.
        limit = _virtual_memory_bytes() + memory_bytes
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        rendered = render_pdf(**kwargs)
        sender.send(("ok", (rendered.content, rendered.pages)))
    except MemoryError:
        sender.send(("memory", None))
    except RecursionError:
        sender.send(("error", "the notice is nested too deeply"))
    except BaseException as error:  # everything goes back to the parent as a reason
        reason = f"{type(error).__name__}: {str(error)[:300]}"
        traceback.print_exc()
        sender.send(("error", reason))
    finally:
        sender.close()


def warm_up() -> None:
    """Load WeasyPrint's fonts and the print stylesheet here, once, so every forked child
    inherits them instead of loading them again."""
    from notices.publishing.pdf import warm_up as warm

    warm()


def _wait_within_limits(
    receiver: Connection, pid: int | None, seconds: float, megabytes: int
) -> None:
    """Return when the child has answered; raise RenderRefused when it is over a limit first."""
    deadline = time.monotonic() + seconds
    while not receiver.poll(min(WATCH_INTERVAL_SECONDS, max(deadline - time.monotonic(), 0))):
        if time.monotonic() >= deadline:
            raise RenderRefused(RENDER_TIMED_OUT.format(seconds=seconds))
        if pid is not None and private_memory_bytes(pid) > megabytes * 1024 * 1024:
            raise RenderRefused(RENDER_OUT_OF_MEMORY.format(megabytes=megabytes))


def render_pdf_limited(**kwargs: Any):  # type: ignore[no-untyped-def]
    """`pdf.render_pdf(**kwargs)` in a forked child; raises RenderRefused with a reason a DPO
    can act on when it is too slow, too big or fails."""
    from notices.publishing.pdf import RenderedPDF

    seconds = settings.PDF_RENDER_TIMEOUT_SECONDS
    megabytes = settings.PDF_RENDER_MEMORY_MB
    warm_up()
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(
        target=_child, args=(sender, megabytes * 1024 * 1024, kwargs), daemon=True
    )
    child.start()
    sender.close()
    try:
        _wait_within_limits(receiver, child.pid, seconds, megabytes)
        try:
            kind, payload = receiver.recv()
        except EOFError:  # killed, most likely by the memory cap inside a C library
            raise RenderRefused(RENDER_OUT_OF_MEMORY.format(megabytes=megabytes)) from None
    finally:
        receiver.close()
        if child.is_alive():
            child.kill()
        child.join()
    if kind == "memory":
        raise RenderRefused(RENDER_OUT_OF_MEMORY.format(megabytes=megabytes))
    if kind == "error":
        raise RenderRefused(RENDER_FAILED.format(reason=payload))
    content, pages = payload
    return RenderedPDF(content=content, pages=pages)
