"""The project's URLs plus one view that fails, to check the headers of a 500 page."""

from django.http import HttpRequest, HttpResponse
from django.urls import path

from config.urls import urlpatterns as project_urlpatterns


def fail(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("a failure for the header check")


urlpatterns = [path("check-a-server-error/", fail), *project_urlpatterns]
