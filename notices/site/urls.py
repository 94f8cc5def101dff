from django.urls import path

from . import views

app_name = "notices"

urlpatterns = [
    path("schools/<slug:school_slug>/", views.school_detail, name="school"),
    path("schools/<slug:school_slug>/privacy-notice/", views.notice_page, name="privacy_notice"),
    path(
        "schools/<slug:school_slug>/privacy-notice.pdf", views.notice_pdf, name="privacy_notice_pdf"
    ),
    path("schools/<slug:school_slug>/notices/<slug:type_slug>/", views.notice_page, name="notice"),
    path(
        "schools/<slug:school_slug>/notices/<slug:type_slug>.pdf",
        views.notice_pdf,
        name="notice_pdf",
    ),
    path(
        "schools/<slug:school_slug>/notices/<slug:type_slug>/versions/",
        views.notice_versions,
        name="versions",
    ),
    path(
        "schools/<slug:school_slug>/notices/<slug:type_slug>/versions/<int:number>/",
        views.notice_page,
        name="version",
    ),
    path(
        "schools/<slug:school_slug>/notices/<slug:type_slug>/versions/<int:number>.pdf",
        views.notice_pdf,
        name="version_pdf",
    ),
    path(
        "schools/<slug:school_slug>/notices/<slug:type_slug>/versions/<int:number>/changes/",
        views.notice_changes,
        name="changes",
    ),
]
