"""Serving the mirror before anything reaches the database, and a plain 503 when it is down."""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.db import InterfaceError, OperationalError
from django.http import FileResponse, HttpRequest, HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_vary_headers

from mirror import store
from mirror.views import database_unavailable
from notices.site.pages import PUBLIC_CACHE_SECONDS

logger = logging.getLogger(__name__)

SERVED_FROM_HEADER = "X-Served-From"
SERVED_FROM_MIRROR = "mirror"
CACHE_CONTROL = f"public, max-age={PUBLIC_CACHE_SECONDS}"


class MirrorMiddleware:
    """Answers GET and HEAD for mirrored public addresses from the files, without the database.

    Listed after every middleware that adds headers (security headers, CSP), so its responses
    get them too, and before sessions and users, which a public page never needs; the body is
    the stored one, byte for byte.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method in ("GET", "HEAD"):
            found = store.read(request.path_info)
            if found is not None:
                response = _from_mirror(request, found)
                if response is not None:
                    return response
        return self.get_response(request)


def _accepted(request: HttpRequest, available: tuple[str, ...]) -> str:
    if not available:
        return ""
    # From META rather than request.headers, which builds every header's name anew.
    accepted = {
        token.split(";", 1)[0].strip().lower()
        for token in request.META.get("HTTP_ACCEPT_ENCODING", "")[:200].split(",")
    }
    return next((name for name in available if name in accepted), "")


def _from_mirror(request: HttpRequest, found: store.MirrorFile) -> HttpResponse | None:
    encoding = _accepted(request, found.encodings)
    etag = found.etag if not encoding else f'{found.etag[:-1]}-{encoding}"'
    path = f"{found.path}{dict(store.ENCODINGS)[encoding]}" if encoding else found.path
    if _not_modified(request, etag, found.last_modified):
        response: HttpResponse = HttpResponseNotModified()
    else:
        try:
            stored = open(path, "rb")  # noqa: SIM115 (the response closes it)
        except FileNotFoundError:  # replaced or removed while we read its headers
            return None
        # The server sends the file itself where it can (sendfile), as whitenoise does.
        response = FileResponse(stored, content_type=found.content_type)
        if request.method == "HEAD":
            stored.close()
            response.streaming_content = []
        del response.headers["Content-Disposition"]
        if encoding:
            response.headers["Content-Encoding"] = encoding
        if found.filename:
            response.headers["Content-Disposition"] = f'inline; filename="{found.filename}"'
    response.headers["ETag"] = etag
    response.headers["Last-Modified"] = found.last_modified
    response.headers["Cache-Control"] = CACHE_CONTROL
    response.headers[SERVED_FROM_HEADER] = SERVED_FROM_MIRROR
    if found.encodings:
        patch_vary_headers(response, ("Accept-Encoding",))
    return response


def _not_modified(request: HttpRequest, etag: str, last_modified: str) -> bool:
    """RFC 9110: If-None-Match decides when present, otherwise an exact If-Modified-Since."""
    if_none_match = request.META.get("HTTP_IF_NONE_MATCH")
    if if_none_match is not None:
        tags = {tag.strip().removeprefix("W/") for tag in if_none_match[:1000].split(",")}
        return etag in tags or "*" in tags
    return request.META.get("HTTP_IF_MODIFIED_SINCE") == last_modified


class DatabaseUnavailableMiddleware:
    """A view that cannot reach the database answers a plain branded 503, not a traceback."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        logger.warning("Database unavailable, answered 503 for %s: %s", request.path, exception)
        return database_unavailable(request)
