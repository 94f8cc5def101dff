from django.contrib import admin
from django.urls import include, path

from notices import admin_views

admin.site.site_header = "School privacy notices"
admin.site.site_title = "Privacy notices admin"
admin.site.index_title = "DPO service"

urlpatterns = [
    path("admin/dashboard/", admin_views.dashboard, name="dpo_dashboard"),
    path("admin/adopt/", admin_views.adopt_view, name="adopt_notice"),
    path("admin/", admin.site.urls),
    path("office/", include("schools.office.urls")),
    path("", include("schools.urls")),
    path("", include("notices.urls")),
]
