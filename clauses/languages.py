"""Names of the languages clauses are translated into, from Django's own list."""

from __future__ import annotations

from django.utils.translation import get_language_info


def _info(code: str) -> dict[str, str] | None:
    for candidate in (code, code.split("-")[0]):
        try:
            return get_language_info(candidate)
        except KeyError:
            continue
    return None


def language_name(code: str) -> str:
    """The English name ("Welsh"), or the code itself for a language Django does not know."""
    info = _info(code)
    return info["name"] if info else code


def language_name_local(code: str) -> str:
    """The language's name for itself ("Cymraeg"), as a language switcher shows it."""
    info = _info(code)
    return info["name_local"] if info else code
