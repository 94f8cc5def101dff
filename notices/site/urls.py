from django.urls import path, register_converter

from . import feeds, views


class LanguageCodeConverter:
    """A language code as Django writes it: 'cy', 'pl', 'pt-br'. Never a word like 'versions'."""

    regex = "[a-z]{2,3}(?:-[a-z0-9]{1,8})*"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(LanguageCodeConverter, "lang")

app_name = "notices"

urlpatterns = [
    path("schools/<slug:school_slug>/", views.school_detail, name="school"),
    path(
        "schools/<slug:school_slug>/privacy-notice/changes.atom",
        feeds.school_notice_feed,
        name="privacy_notice_feed",
    ),
    path(
        "schools/<slug:school_slug>/notices/<slug:type_slug>/changes.atom",
        feeds.school_notice_feed,
        name="notice_feed",
    ),
    path(
        "authorities/<slug:authority_slug>/changes.atom",
        feeds.authority_feed,
        name="authority_feed",
    ),
    path("schools/<slug:school_slug>/privacy-notice/", views.notice_page, name="privacy_notice"),
    path(
        "schools/<slug:school_slug>/privacy-notice.pdf", views.notice_pdf, name="privacy_notice_pdf"
    ),
    path(
        "schools/<slug:school_slug>/privacy-notice/summary.pdf",
        views.notice_summary_pdf,
        name="privacy_notice_summary_pdf",
    ),
    path(
        "schools/<slug:school_slug>/notices/<slug:type_slug>/summary.pdf",
        views.notice_summary_pdf,
        name="notice_summary_pdf",
    ),
    path(
        "schools/<slug:school_slug>/privacy-notice/<lang:language>/",
        views.notice_translation_page,
        name="privacy_notice_translation",
    ),
    path(
        "schools/<slug:school_slug>/privacy-notice/<lang:language>.pdf",
        views.notice_translation_pdf,
        name="privacy_notice_translation_pdf",
    ),
    path("schools/<slug:school_slug>/notices/<slug:type_slug>/", views.notice_page, name="notice"),
    path(
        "schools/<slug:school_slug>/notices/<slug:type_slug>/<lang:language>/",
        views.notice_translation_page,
        name="notice_translation",
    ),
    path(
        "schools/<slug:school_slug>/notices/<slug:type_slug>/<lang:language>.pdf",
        views.notice_translation_pdf,
        name="notice_translation_pdf",
    ),
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
