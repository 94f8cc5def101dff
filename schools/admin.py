from django.contrib import admin
from django.urls import URLPattern, path
from reversion_compare.admin import CompareVersionAdmin as VersionAdmin

from .models import DataProtectionOfficer, LocalAuthority, School, SchoolMembership, SharingPartner


@admin.register(LocalAuthority)
class LocalAuthorityAdmin(VersionAdmin):
    list_display = ["name", "code", "slug"]
    search_fields = ["name", "code"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(DataProtectionOfficer)
class DataProtectionOfficerAdmin(VersionAdmin):
    list_display = ["name", "organisation", "kind", "email", "phone", "school_count"]
    list_filter = ["kind"]
    search_fields = ["name", "organisation", "email"]

    @admin.display(description="schools")
    def school_count(self, obj: DataProtectionOfficer) -> int:
        return obj.schools.count()


class OwnPartnerInline(admin.StackedInline):
    model = SharingPartner
    fk_name = "school"
    fields = [
        "name",
        "category",
        "purpose",
        "lawful_basis",
        "lawful_basis_detail",
        "special_category_condition",
        "privacy_notice_url",
        "school_note",
    ]
    extra = 0
    verbose_name = "partner only this school shares with"
    verbose_name_plural = "partners only this school shares with"


class MembershipInline(admin.TabularInline):
    model = SchoolMembership
    extra = 0
    autocomplete_fields = ["user"]
    verbose_name = "office user"


@admin.register(School)
class SchoolAdmin(VersionAdmin):
    list_display = ["name", "urn", "local_authority", "phase", "town", "dpo", "is_open"]
    list_filter = ["local_authority", "phase", "dpo", "is_open"]
    search_fields = ["name", "urn", "town", "postcode", "headteacher"]
    list_select_related = ["local_authority", "dpo"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [OwnPartnerInline, MembershipInline]
    change_list_template = "admin/schools/school/change_list.html"

    def get_urls(self) -> list[URLPattern]:
        from .admin_views import gias_import_view

        return [
            path(
                "import-gias/",
                self.admin_site.admin_view(gias_import_view),
                name="schools_school_gias_import",
            ),
            *super().get_urls(),
        ]

    fieldsets = [
        (
            None,
            {
                "fields": [
                    "name",
                    "name_cy",
                    "slug",
                    "urn",
                    "local_authority",
                    "phase",
                    "establishment_type",
                    "is_open",
                ]
            },
        ),
        (
            "Contact",
            {"fields": ["street", "locality", "town", "postcode", "phone", "email", "website"]},
        ),
        (
            "People",
            {
                "fields": [
                    "headteacher",
                    "data_request_contact",
                    "data_request_email",
                    "dpo",
                    "ico_registration_number",
                    "transfers_to",
                ]
            },
        ),
    ]


@admin.register(SharingPartner)
class SharingPartnerAdmin(VersionAdmin):
    list_display = ["name", "category", "scope_label", "local_authority", "school", "status"]
    list_filter = ["category", "local_authority", "status"]
    search_fields = ["name", "purpose", "school__name"]
    list_select_related = ["local_authority", "school"]
    autocomplete_fields = ["school", "successor"]

    @admin.display(description="applies to")
    def scope_label(self, obj: SharingPartner) -> str:
        return {
            "national": "Every school",
            "authority": "The authority's schools",
            "school": "One school",
        }[obj.scope]


@admin.register(SchoolMembership)
class SchoolMembershipAdmin(VersionAdmin):
    list_display = ["user", "school", "created_at"]
    search_fields = ["user__username", "user__email", "school__name"]
    autocomplete_fields = ["user", "school"]
