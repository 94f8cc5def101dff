from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from security.views import PasswordResetOrAskDPOView

from . import views

app_name = "office"

urlpatterns = [
    path("", views.home, name="home"),
    path("schools/<slug:school_slug>/", views.school_detail, name="school"),
    path("schools/<slug:school_slug>/status/", views.notice_status, name="status"),
    path("schools/<slug:school_slug>/change/<slug:group>/", views.school_change, name="change"),
    path("schools/<slug:school_slug>/partners/add/", views.partner_add, name="partner_add"),
    path(
        "schools/<slug:school_slug>/partners/<int:partner_id>/",
        views.partner_change,
        name="partner_change",
    ),
    path(
        "schools/<slug:school_slug>/partners/<int:partner_id>/remove/",
        views.partner_remove_view,
        name="partner_remove",
    ),
    path(
        "schools/<slug:school_slug>/suggested-partners/<int:suggestion_id>/",
        views.suggested_partner_change,
        name="suggested_partner_change",
    ),
    path("schools/<slug:school_slug>/history/", views.school_history_view, name="history"),
    path("login/", auth_views.LoginView.as_view(template_name="office/login.html"), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "password/",
        auth_views.PasswordChangeView.as_view(
            template_name="office/password_change.html",
            success_url=reverse_lazy("office:password_changed"),
        ),
        name="password_change",
    ),
    path(
        "password/changed/",
        auth_views.PasswordChangeDoneView.as_view(template_name="office/password_changed.html"),
        name="password_changed",
    ),
    path(
        "password/reset/",
        PasswordResetOrAskDPOView.as_view(
            template_name="office/password_reset.html",
            email_template_name="office/password_reset_email.txt",
            subject_template_name="office/password_reset_subject.txt",
            success_url=reverse_lazy("office:password_reset_sent"),
        ),
        name="password_reset",
    ),
    path(
        "password/reset/sent/",
        auth_views.PasswordResetDoneView.as_view(template_name="office/password_reset_sent.html"),
        name="password_reset_sent",
    ),
    path(
        "password/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name="office/password_reset_confirm.html",
            success_url=reverse_lazy("office:password_reset_complete"),
        ),
        name="password_reset_confirm",
    ),
    path(
        "password/reset/done/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="office/password_reset_complete.html"
        ),
        name="password_reset_complete",
    ),
]
