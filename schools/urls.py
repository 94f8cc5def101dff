from django.urls import path

from . import views

app_name = "schools"

urlpatterns = [
    path("", views.home, name="home"),
    path("authorities/<slug:authority_slug>/", views.authority_detail, name="authority"),
    path("accessibility/", views.accessibility_statement, name="accessibility"),
]
