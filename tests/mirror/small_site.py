"""A few published schools, with their PDFs, for tests that run the app in a subprocess:

python manage.py shell -c "from tests.mirror.small_site import build; build(4)"
"""

from __future__ import annotations

from django.core.management import call_command

from tests.factories import (
    ClauseFactory,
    ClauseVersionFactory,
    NoticeTypeClauseFactory,
    NoticeTypeFactory,
    SchoolFactory,
    SchoolNoticeFactory,
    UserFactory,
)

HEADINGS = ["Who we are", "What we collect", "Your rights", "How to complain"]


def build(schools: int) -> None:
    notice_type = NoticeTypeFactory(slug="pupils", title="How we use pupil data", is_primary=True)
    for position, heading in enumerate(HEADINGS):
        clause = ClauseFactory(heading=heading)
        ClauseVersionFactory(
            clause=clause,
            published=True,
            body="{{ school.name }} answers on {{ school.phone }}. " * 20,
        )
        NoticeTypeClauseFactory(notice_type=notice_type, clause=clause, position=position)
    for _ in range(schools):
        SchoolNoticeFactory(school=SchoolFactory(), notice_type=notice_type)
    UserFactory(username="dpo", is_staff=True, is_superuser=True)
    call_command("publish_notices", "--all")


def staff_session() -> None:
    """Print the key of a signed-in session of the DPO account, as a browser would hold it."""
    from django.contrib.auth import (
        BACKEND_SESSION_KEY,
        HASH_SESSION_KEY,
        SESSION_KEY,
        get_user_model,
    )
    from django.contrib.sessions.backends.db import SessionStore

    user = get_user_model().objects.get(username="dpo")
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    print(session.session_key)
