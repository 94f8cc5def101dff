"""Every URL pattern the project resolves, and a concrete address for each.

Walks Django's URL resolver (so a view added anywhere is found) and fills each parameter from a
table of values. A parameter the table does not know fails loudly: a new kind of URL must be
given a value, and so a place in the header check and the authorisation matrix.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from django.apps import apps
from django.db import models
from django.urls import URLPattern, URLResolver, get_resolver

ADMIN_MODEL = re.compile(r"^/admin/(?P<app>\w+)/(?P<model>\w+)/")
# <converter:name> in a path(), (?P<name>...) or (...) in a re_path().
PARAMETER = re.compile(
    r"<(?:\w+:)?(?P<path>\w+)>|\(\?P<(?P<named>\w+)>[^)]*\)|\((?P<anon>[^?][^)]*)\)"
)


@dataclass(frozen=True)
class Route:
    route: str  # the joined pattern text, e.g. "/schools/<slug:school_slug>/"
    name: str  # "namespace:name", or the route text when the pattern has no name
    model: type[models.Model] | None  # the admin model the URL belongs to, if any

    @property
    def is_admin(self) -> bool:
        return self.route.startswith("/admin/")


def _walk(resolver: URLResolver, prefix: str, namespace: str) -> Iterator[Route]:
    for pattern in resolver.url_patterns:
        text = prefix + str(pattern.pattern).lstrip("^").rstrip("$")
        if isinstance(pattern, URLResolver):
            inner = namespace
            if pattern.namespace:
                inner = f"{namespace}{pattern.namespace}:"
            yield from _walk(pattern, text, inner)
        else:
            assert isinstance(pattern, URLPattern)
            model = None
            match = ADMIN_MODEL.match(text)
            if match:
                try:
                    model = apps.get_model(match["app"], match["model"])
                except (LookupError, ValueError):
                    model = None
            yield Route(text, f"{namespace}{pattern.name}" if pattern.name else text, model)


def all_routes() -> list[Route]:
    return list(_walk(get_resolver(), "/", ""))


class UnknownParameter(LookupError):
    pass


def address(route: Route, values: Mapping[str, str], positional: list[str]) -> str:
    """The route with each parameter replaced; positional groups take `positional` in order."""
    remaining = list(positional)

    def fill(match: re.Match[str]) -> str:
        name = match["path"] or match["named"]
        if name is None:
            if not remaining:
                raise UnknownParameter(f"{route.route}: no value for the group ({match['anon']})")
            return remaining.pop(0)
        if name not in values:
            raise UnknownParameter(f"{route.route}: no value for the parameter “{name}”")
        return values[name]

    return PARAMETER.sub(fill, route.route).replace("\\", "")
