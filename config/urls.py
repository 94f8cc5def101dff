from django.contrib import admin
from django.contrib.staticfiles.storage import staticfiles_storage
from django.http import HttpRequest, HttpResponsePermanentRedirect
from django.urls import include, path

from notices.dpo import views as dpo_views
from onboarding import views as onboarding_views

admin.site.site_header = "School privacy notices"
admin.site.site_title = "Privacy notices admin"
admin.site.index_title = "DPO service"


def favicon(request: HttpRequest) -> HttpResponsePermanentRedirect:
    """Browsers ask for /favicon.ico whatever the page says; send them to the static file."""
    return HttpResponsePermanentRedirect(staticfiles_storage.url("favicon.ico"))


urlpatterns = [
    path("favicon.ico", favicon),
    path("admin/dashboard/", dpo_views.dashboard, name="dpo_dashboard"),
    path("admin/adopt/", onboarding_views.adopt_view, name="adopt_notice"),
    path("admin/", admin.site.urls),
    path("office/", include("office.urls")),
    path("account/two-step/", include("security.urls")),
    path("", include("schools.urls")),
    path("", include("notices.site.urls")),
]

handler500 = "mirror.views.server_error"
