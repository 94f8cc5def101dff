from django.http import HttpRequest, HttpResponse


def school_detail(request: HttpRequest, school_slug: str) -> HttpResponse:
    raise NotImplementedError
