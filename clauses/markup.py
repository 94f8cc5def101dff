"""The clause markup: CommonMark plus a fixed set of `{{ placeholder }}` names.

Staff-written text never reaches Django's template engine. A body is parsed once into HTML in
which each placeholder stands as a sentinel; rendering for a school swaps each sentinel for the
school's value, HTML-escaped. The notice renderer sanitises the assembled HTML afterwards.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from html import escape

from markdown_it import MarkdownIt


@dataclass(frozen=True)
class Placeholder:
    name: str
    label: str
    kind: str = "text"  # "text", "url", "email", "phone" or "block"

    @property
    def is_block(self) -> bool:
        return self.kind == "block"


PLACEHOLDERS: dict[str, Placeholder] = {
    p.name: p
    for p in [
        Placeholder("school.name", "school name"),
        Placeholder("school.urn", "school URN"),
        Placeholder("school.address", "school address"),
        Placeholder("school.town", "school town"),
        Placeholder("school.postcode", "school postcode"),
        Placeholder("school.phone", "school phone number", "phone"),
        Placeholder("school.email", "school email address", "email"),
        Placeholder("school.website", "school website", "url"),
        Placeholder("school.headteacher", "headteacher"),
        Placeholder("school.data_request_contact", "data request contact"),
        Placeholder("school.data_request_email", "data request email address", "email"),
        Placeholder("school.ico_registration_number", "ICO registration number"),
        Placeholder("school.transfers_to", "school pupils usually transfer to"),
        Placeholder("dpo.name", "DPO name"),
        Placeholder("dpo.organisation", "DPO organisation"),
        Placeholder("dpo.email", "DPO email address", "email"),
        Placeholder("dpo.phone", "DPO phone number", "phone"),
        Placeholder("dpo.address", "DPO postal address"),
        Placeholder("authority.name", "local authority name"),
        Placeholder("authority.website", "local authority website", "url"),
        Placeholder("partners", "list of sharing partners", "block"),
    ]
}

ALLOWED_LINK_SCHEMES = ("https://", "mailto:", "tel:")

UNKNOWN_PLACEHOLDER = "Unknown placeholder {{{{ {name} }}}}. Allowed placeholders: {allowed}."
UNKNOWN_PLACEHOLDER_DID_YOU_MEAN = (
    "Unknown placeholder {{{{ {name} }}}}: did you mean {{{{ {suggestion} }}}}? "
    "Allowed placeholders: {allowed}."
)
# Longer names are not compared: no placeholder is this long, and difflib's cost grows with it.
SUGGEST_UP_TO_CHARS = 60
UNCLOSED_PLACEHOLDER = "A placeholder is not closed near “{snippet}”: write it as {{{{ name }}}}."
BLOCK_NOT_ALONE = (
    "{{{{ {name} }}}} is a list: put it on a line of its own, with a blank line before and after."
)
BLOCK_IN_LINK = "{{{{ {name} }}}} is a list and cannot be used inside a link."
RAW_HTML = "HTML is not allowed in clause text (found “{snippet}”): use Markdown instead."
IMAGE_NOT_ALLOWED = "Images are not allowed in clause text."
HEADING_LEVEL = (
    "Use ### or #### for headings inside a clause; the clause heading is the section title."
)
BAD_LINK = "Links must start with https://, mailto: or tel: (found “{href}”)."
EMPTY_BODY = "The clause text is empty."
SUMMARY_TOO_LONG = "Keep the summary to {limit} characters or fewer (it has {length})."
SUMMARY_ONE_PARAGRAPH = (
    "A summary is one or two sentences in one paragraph: no lists, headings or blank lines."
)
SUMMARY_NO_BLOCK = "{{{{ {name} }}}} is a list and cannot be used in a summary."
SUMMARY_MAX_LENGTH = 400
# A clause is one section of a notice; the longest in real notices are a few thousand characters.
BODY_MAX_LENGTH = 20_000
BODY_TOO_LONG = (
    "The text is {length:,} characters long; a clause may have at most {limit:,}. "
    "Split it into two clauses or shorten it."
)

_PLACEHOLDER_RE = re.compile(r"\{\{\s*([^{}]*?)\s*\}\}")
_OPEN, _CLOSE = "\ue000", "\ue001"
_SENTINEL_RE = re.compile(r"\ue000([a-z_.]+)\ue001")
# A block on its own paragraph, or any placeholder: replaced in one pass, so nothing a value or
# a block brings in is ever read as a placeholder itself.
_SUBSTITUTION_RE = re.compile(r"<p>\ue000([a-z_.]+)\ue001</p>\n?|\ue000([a-z_.]+)\ue001")


def allowed_placeholders_text() -> str:
    return ", ".join(f"{{{{ {name} }}}}" for name in PLACEHOLDERS)


def placeholder_suggestion(name: str) -> str | None:
    """The allowed placeholder a mistyped name most likely meant, if one is close enough."""
    if len(name) > SUGGEST_UP_TO_CHARS:
        return None
    matches = difflib.get_close_matches(name.lower(), PLACEHOLDERS, n=1, cutoff=0.6)
    return matches[0] if matches else None


def unknown_placeholder_message(name: str) -> str:
    suggestion = placeholder_suggestion(name)
    if suggestion is None:
        return UNKNOWN_PLACEHOLDER.format(name=name, allowed=allowed_placeholders_text())
    return UNKNOWN_PLACEHOLDER_DID_YOU_MEAN.format(
        name=name, suggestion=suggestion, allowed=allowed_placeholders_text()
    )


def _md(*, html: bool) -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": html, "linkify": False, "typographer": False})


_render_md = _md(html=False)
_check_md = _md(html=True)
# Keep sentinels in link URLs as they are: normalising would percent-encode or punycode them.
for _parser in (_render_md, _check_md):
    _parser.normalizeLink = (  # type: ignore[method-assign]
        lambda url, _default=_parser.normalizeLink: url if _OPEN in url else _default(url)
    )
# markdown-it drops links with these schemes silently; we report them instead.
_DROPPED_SCHEMES = {"javascript", "vbscript", "file", "data"}
_LINK_SCHEME_RE = re.compile(r"\]\(\s*<?([a-zA-Z][a-zA-Z0-9+.-]*):")


def _to_sentinels(body: str) -> str:
    return _PLACEHOLDER_RE.sub(lambda m: f"{_OPEN}{m.group(1)}{_CLOSE}", body)


def placeholders_in(body: str) -> list[str]:
    """Placeholder names used in a body, in order of first use."""
    return list(dict.fromkeys(m.group(1) for m in _PLACEHOLDER_RE.finditer(body)))


def validate_body(body: str) -> list[str]:
    """Every problem with a clause body, as messages a DPO can act on; empty when valid."""
    if not body.strip():
        return [EMPTY_BODY]
    if len(body) > BODY_MAX_LENGTH:  # checked first: nothing below reads an over-long body
        return [BODY_TOO_LONG.format(length=len(body), limit=BODY_MAX_LENGTH)]
    errors: list[str] = []
    for name in placeholders_in(body):
        if name not in PLACEHOLDERS:
            errors.append(unknown_placeholder_message(name))
    leftover = _PLACEHOLDER_RE.sub("", body)
    for marker in ("{{", "}}"):
        if marker in leftover:
            at = leftover.index(marker)
            errors.append(UNCLOSED_PLACEHOLDER.format(snippet=leftover[at : at + 30].strip()))
            break
    for scheme in _LINK_SCHEME_RE.findall(body):
        if scheme.lower() in _DROPPED_SCHEMES:
            errors.append(BAD_LINK.format(href=f"{scheme}:…"))
    errors.extend(_validate_structure(_to_sentinels(body)))
    return list(dict.fromkeys(errors))


def validate_summary(summary: str) -> list[str]:
    """Problems with a clause's one- or two-sentence summary; an empty summary is allowed."""
    if not summary.strip():
        return []
    if len(summary) > SUMMARY_MAX_LENGTH:
        return [SUMMARY_TOO_LONG.format(limit=SUMMARY_MAX_LENGTH, length=len(summary))]
    errors = [
        SUMMARY_NO_BLOCK.format(name=name)
        for name in placeholders_in(summary)
        if name in PLACEHOLDERS and PLACEHOLDERS[name].is_block
    ]
    if errors:
        return errors
    errors = validate_body(summary)
    blocks = [token.type for token in _check_md.parse(_to_sentinels(summary))]
    if blocks != ["paragraph_open", "inline", "paragraph_close"]:
        errors.append(SUMMARY_ONE_PARAGRAPH)
    return list(dict.fromkeys(errors))


def _validate_structure(source: str) -> list[str]:
    errors: list[str] = []
    tokens = _check_md.parse(source)
    for index, token in enumerate(tokens):
        if token.type == "html_block":
            errors.append(RAW_HTML.format(snippet=token.content.strip()[:40]))
        elif token.type == "heading_open" and token.tag in ("h1", "h2"):
            errors.append(HEADING_LEVEL)
        elif token.type == "inline":
            errors.extend(_validate_inline(token, tokens[index - 1] if index else None))
    return errors


def _validate_inline(inline, parent) -> list[str]:  # type: ignore[no-untyped-def]
    errors: list[str] = []
    in_link = False
    for child in inline.children or []:
        if child.type == "html_inline":
            errors.append(RAW_HTML.format(snippet=child.content[:40]))
        elif child.type == "image":
            errors.append(IMAGE_NOT_ALLOWED)
        elif child.type == "link_open":
            in_link = True
            href = str(child.attrGet("href") or "")
            errors.extend(_validate_href(href))
        elif child.type == "link_close":
            in_link = False
        elif child.type == "text" and in_link:
            for name in _SENTINEL_RE.findall(child.content):
                if name in PLACEHOLDERS and PLACEHOLDERS[name].is_block:
                    errors.append(BLOCK_IN_LINK.format(name=name))
    for match in _SENTINEL_RE.finditer(inline.content):
        name = match.group(1)
        placeholder = PLACEHOLDERS.get(name)
        if placeholder and placeholder.is_block:
            alone = (
                inline.content.strip() == match.group(0)
                and parent is not None
                and parent.type == "paragraph_open"
                and parent.level == 0
            )
            if not alone:
                errors.append(BLOCK_NOT_ALONE.format(name=name))
    return errors


_HREF_KIND = {"": "url", "mailto:": "email", "tel:": "phone"}


def _validate_href(href: str) -> list[str]:
    names = _SENTINEL_RE.findall(href)
    display = _SENTINEL_RE.sub(lambda m: f"{{{{ {m.group(1)} }}}}", href)
    if any(name in PLACEHOLDERS and PLACEHOLDERS[name].is_block for name in names):
        return [BLOCK_IN_LINK.format(name=names[0])]
    prefix = _SENTINEL_RE.sub("", href)
    if len(names) == 1 and prefix in _HREF_KIND:
        # A whole link from a fact: {{ school.website }}, mailto:{{ dpo.email }}, tel:...
        placeholder = PLACEHOLDERS.get(names[0])
        if placeholder is None or placeholder.kind == _HREF_KIND[prefix]:
            return []
        return [BAD_LINK.format(href=display)]
    if href.startswith(ALLOWED_LINK_SCHEMES):
        return []
    return [BAD_LINK.format(href=display)]


@dataclass(frozen=True)
class CompiledBody:
    """A clause body parsed once, with sentinels where the school's values go."""

    html: str
    placeholders: tuple[str, ...]
    # A placeholder inside a tag (a link made from a fact): its value becomes an attribute.
    placeholders_in_tags: bool = False

    def render(
        self,
        values: Mapping[str, str],
        blocks: Mapping[str, Callable[[], str]] | None = None,
        *,
        escape_value: Callable[[str], str] = escape,
    ) -> str:
        """Swap in the values (escaped here, by `escape_value`: `html.escape` unless the caller
        knows every placeholder stands in text) and the blocks (HTML the caller made safe)."""
        blocks = blocks or {}

        def substitute(match: re.Match[str]) -> str:
            block_name, name = match.group(1), match.group(2)
            if block_name in blocks:
                return blocks[block_name]()
            if block_name is not None:
                value = escape_value(values.get(block_name, ""))
                return match.group(0).replace(f"{_OPEN}{block_name}{_CLOSE}", value)
            return escape_value(values.get(name, ""))

        return _SUBSTITUTION_RE.sub(substitute, self.html)


@lru_cache(maxsize=4096)
def compile_body(body: str) -> CompiledBody:
    """Parse a (validated) body; cached, since one body serves hundreds of schools."""
    html = _render_md.render(_to_sentinels(body))
    return CompiledBody(
        html=html, placeholders=tuple(placeholders_in(body)), placeholders_in_tags=_in_tags(html)
    )


def _in_tags(html: str) -> bool:
    """Whether a sentinel stands inside a tag. The parser escapes `<` and `>` everywhere else,
    so each `<` opens a tag that runs to the next `>`."""
    return any(_OPEN in part.split(">", 1)[0] for part in html.split("<")[1:])
