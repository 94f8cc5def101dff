from django.urls import path

from . import views

app_name = "security"

urlpatterns = [
    path("code/", views.verify, name="verify"),
    path("set-up/", views.setup, name="setup"),
    path("backup-codes/", views.backup_codes, name="backup_codes"),
]
