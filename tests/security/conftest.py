"""A small county for checks that visit every URL: two schools, each with its own notice,
publication, partner, office user and history, so every parameter has a real object."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
import reversion
from django.contrib.auth.tokens import default_token_generator
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from reversion.models import Version

from notices.models import Publication, PublishRun, SchoolNotice
from notices.publishing.batch import notices_publish, select_school_notices
from office.forms import DETAIL_GROUPS
from review.models import Suggestion
from schools.models import School, SchoolMembership, SharingPartner
from tests.factories import (
    ClauseVersionFactory,
    NoticeTypeClauseFactory,
    NoticeTypeFactory,
    SchoolNoticeFactory,
    SharingPartnerFactory,
)
from tests.security.routes import Route, address


@dataclass
class World:
    school_a: School
    school_b: School
    notice_type_slug: str
    # Per school: the rows of each model that belong to it.
    owned: dict[str, dict[type[models.Model], models.Model]] = field(default_factory=dict)
    shared: dict[type[models.Model], models.Model] = field(default_factory=dict)
    values: dict[str, dict[str, str]] = field(default_factory=dict)

    def object_for(self, model: type[models.Model], school: str) -> models.Model | None:
        owned = self.owned[school].get(model)
        if owned is not None:
            return owned
        return self.shared.get(model) or model._default_manager.order_by("pk").first()

    def url(self, route: Route, school: str = "a") -> str:
        """`route` filled with school A's (or B's) objects."""
        values = dict(self.values[school])
        positional: list[str] = []
        if route.model is not None:
            obj = self.object_for(route.model, school)
            pk = str(obj.pk) if obj is not None else "999999"
            values["object_id"] = values["pk"] = values["id"] = pk
            version = (
                Version.objects.get_for_object(obj).order_by("pk").first()
                if obj is not None and reversion.is_registered(type(obj))
                else None
            )
            version_pk = str(version.pk) if version else "999999"
            positional = [version_pk] if "recover/(" in route.route else [pk, version_pk]
            if route.model._meta.label == "clauses.ClauseVersion":
                values["version_id"] = pk
        return address(route, values, positional)


@pytest.fixture
def world(school_a, school_b, office_a, office_b, dpo_user, superuser) -> World:
    notice_type = NoticeTypeFactory(slug="pupils", is_primary=True)
    version = ClauseVersionFactory(published=True, body="Call us on {{ school.phone }}.")
    NoticeTypeClauseFactory(notice_type=notice_type, clause=version.clause)
    owned: dict[str, dict[type[models.Model], models.Model]] = {}
    for key, school, office in (("a", school_a, office_a), ("b", school_b, office_b)):
        school_notice = SchoolNoticeFactory(school=school, notice_type=notice_type)
        partner = SharingPartnerFactory(name=f"Partner of {school.name}", school=school)
        suggestion = Suggestion.objects.create(
            school=school,
            partner=partner,
            field=Suggestion.Field.values[0],
            partner_name=partner.name,
            new_text=f"Suggested wording of {school.name}",
            suggested_by=office,
        )
        with reversion.create_revision():
            reversion.set_comment("Set up for the checks")
            for obj in (school, partner, school_notice, school.dpo, school.local_authority):
                reversion.add_to_revision(obj)
        owned[key] = {
            School: school,
            SharingPartner: partner,
            Suggestion: suggestion,
            SchoolNotice: school_notice,
            SchoolMembership: SchoolMembership.objects.get(user=office, school=school),
            type(school.dpo): school.dpo,
            type(school.local_authority): school.local_authority,
        }
    with reversion.create_revision():
        reversion.set_comment("Set up for the checks")
        reversion.add_to_revision(version)
        reversion.add_to_revision(version.clause)
        reversion.add_to_revision(notice_type)
    notices_publish(school_notices=select_school_notices())
    for key in owned:
        school_notice = owned[key][SchoolNotice]
        owned[key][Publication] = Publication.objects.get(school_notice=school_notice)
        run = PublishRun.objects.filter(school_notices=school_notice).first()
        if run is not None:
            owned[key][PublishRun] = run
    world = World(school_a, school_b, notice_type.slug, owned)
    for key, school, office in (("a", school_a, office_a), ("b", school_b, office_b)):
        world.values[key] = {
            "school_slug": school.slug,
            "authority_slug": school.local_authority.slug,
            "type_slug": notice_type.slug,
            "number": "1",
            "clause_id": str(version.clause.pk),
            "version_id": str(version.pk),
            "app_label": "schools",
            "url": "no-such-admin-page/",
            "content_type_id": str(ContentType.objects.get_for_model(School).pk),
            "object_id": str(school.pk),
            "group": next(iter(DETAIL_GROUPS)),
            "language": "cy",
            "partner_id": str(owned[key][SharingPartner].pk),
            "suggestion_id": str(owned[key][Suggestion].pk),
            "uidb64": urlsafe_base64_encode(force_bytes(office.pk)),
            "token": default_token_generator.make_token(office),
        }
    return world
