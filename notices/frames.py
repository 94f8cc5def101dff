"""Templates rendered once per kind of page, then filled in with each notice's values.

A county's notices share their templates and differ in values: the school's name, its
addresses, its contacts. The template engine took longer over those values than anything else
in publishing a county's pages, so `render_framed` renders a template once with a stand-in for
each value (a *frame*) and makes each page by putting the values in, escaped as the engine
escapes them: the same bytes as rendering the template with the values.

The rule for a template rendered so: a value passed in `slots` may be printed and tested for
being empty (a slot is in the context as "" or as its stand-in, and which slots are empty is
part of the frame's key), never compared, filtered or looked into. What a template compares or
counts is passed in `fixed`, also part of the key. A frame whose stand-ins come out changed (a
filter applied to one) is refused and the page rendered directly.
"""

from __future__ import annotations

import logging
import re
from collections import OrderedDict
from collections.abc import Hashable, Mapping
from dataclasses import dataclass

from django.dispatch import receiver
from django.template.loader import render_to_string
from django.utils.autoreload import file_changed
from django.utils.html import conditional_escape
from django.utils.translation import get_language

logger = logging.getLogger(__name__)

# Private-use characters, never in a template's own text. The words between them are in mixed
# case with a space, so a filter that changes case or spacing shows in the output.
_OPEN, _CLOSE = "\ue010", "\ue011"
_STAND_IN = re.compile(f"{_OPEN}Slot ([A-Za-z0-9_.]+){_CLOSE}")
FRAMES_KEPT = 256  # kinds of page: by template, language, values left empty and fixed values


class FrameRefused(ValueError):
    """The template changed a stand-in, so its frame would not give the template's output."""


@dataclass(frozen=True)
class Frame:
    """A template's output cut at each value: text, slot name, text, …, text."""

    parts: tuple[str, ...]

    def fill(self, slots: Mapping[str, object]) -> str:
        filled = list(self.parts)
        for index in range(1, len(filled), 2):
            filled[index] = conditional_escape(slots[filled[index]])
        return "".join(filled)


_frames: OrderedDict[Hashable, Frame] = OrderedDict()


def render_framed(
    template_name: str, *, fixed: Mapping[str, Hashable], slots: Mapping[str, object]
) -> str:
    """The template rendered with `fixed` and `slots` as its context (a dotted slot name is a
    nested dictionary: `contacts.school.phone`), through a frame kept for the next page of the
    same kind. A value marked safe is put in as it is; anything else is escaped."""
    key = (
        template_name,
        get_language(),
        tuple(sorted(fixed.items())),
        frozenset(name for name, value in slots.items() if value != ""),
    )
    frame = _frames.get(key)
    if frame is None:
        try:
            frame = _frame(template_name, fixed, slots)
        except FrameRefused as refused:
            logger.warning("Rendering %s without a frame: %s", template_name, refused)
            return render_to_string(template_name, _context(fixed, slots))
        _frames[key] = frame
        if len(_frames) > FRAMES_KEPT:
            _frames.popitem(last=False)
    return frame.fill(slots)


def _stand_in(name: str) -> str:
    return f"{_OPEN}Slot {name}{_CLOSE}"


def _frame(template_name: str, fixed: Mapping[str, Hashable], slots: Mapping[str, object]) -> Frame:
    stand_ins = {name: _stand_in(name) if value != "" else "" for name, value in slots.items()}
    pieces = _STAND_IN.split(render_to_string(template_name, _context(fixed, stand_ins)))
    for text in pieces[::2]:
        if _OPEN in text or _CLOSE in text:
            at = text.find(_OPEN) if _OPEN in text else text.find(_CLOSE)
            near = text[max(at - 40, 0) : at]
            raise FrameRefused(f"a value was changed by the template near {near!r}")
    for name in pieces[1::2]:
        if not stand_ins.get(name):
            raise FrameRefused(f"{name} came out of the template where it was not put in")
    return Frame(tuple(pieces))


def _context(fixed: Mapping[str, object], slots: Mapping[str, object]) -> dict[str, object]:
    context: dict[str, object] = dict(fixed)
    for name, value in slots.items():
        *parents, last = name.split(".")
        level = context
        for parent in parents:
            level = level.setdefault(parent, {})  # type: ignore[assignment]
        level[last] = value
    return context


@receiver(file_changed, dispatch_uid="notices_frames_file_changed")
def _forget_frames(sender: object, file_path: object, **kwargs: object) -> None:
    """In development a template edited is used at once (the server does not restart)."""
    _frames.clear()
