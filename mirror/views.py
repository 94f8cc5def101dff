"""The page shown while the database cannot be reached."""

from __future__ import annotations

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.template.loader import render_to_string
from django.views.defaults import server_error as django_server_error

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 30
UNAVAILABLE_TEXT = "This service is not available just now. Please try again in a few minutes."


def database_unavailable(request: HttpRequest) -> HttpResponse:
    """503 from a template that needs no database (no request context: no session, no user)."""
    try:
        body = render_to_string("503.html")
    except Exception:  # the page that reports trouble must not fail itself
        body = f"<!DOCTYPE html><title>Service unavailable</title><p>{UNAVAILABLE_TEXT}</p>"
    response = HttpResponse(body, status=503)
    response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response.headers["Cache-Control"] = "no-store"
    return response


def server_error(request: HttpRequest) -> HttpResponse:
    """handler500: a database outage met outside a view is a 503 too; anything else a 500."""
    error = sys.exc_info()[1]
    if isinstance(error, OperationalError | InterfaceError):
        logger.warning("Database unavailable, answered 503 for %s: %s", request.path, error)
        return database_unavailable(request)
    try:
        return django_server_error(request)
    except Exception:
        return HttpResponseServerError("<h1>Server Error (500)</h1>")
