from django.urls import path

from . import views

app_name = "notices"

urlpatterns = [
    path("schools/<slug:school_slug>/", views.school_detail, name="school"),
]
