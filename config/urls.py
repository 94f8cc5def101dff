from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "School privacy notices"
admin.site.site_title = "Privacy notices admin"
admin.site.index_title = "DPO service"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("schools.urls")),
    path("", include("notices.urls")),
]
