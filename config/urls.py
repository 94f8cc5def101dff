from django.contrib import admin
from django.urls import include, path

from notices.dpo import views as dpo_views
from onboarding import views as onboarding_views

admin.site.site_header = "School privacy notices"
admin.site.site_title = "Privacy notices admin"
admin.site.index_title = "DPO service"

urlpatterns = [
    path("admin/dashboard/", dpo_views.dashboard, name="dpo_dashboard"),
    path("admin/adopt/", onboarding_views.adopt_view, name="adopt_notice"),
    path("admin/", admin.site.urls),
    path("office/", include("office.urls")),
    path("account/two-step/", include("security.urls")),
    path("", include("schools.urls")),
    path("", include("notices.site.urls")),
]
