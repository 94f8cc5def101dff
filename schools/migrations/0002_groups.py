"""The two staff groups and what each may do.

DPO staff keep the whole library and every school in the admin. School office staff have no
model permissions in the admin: they may only update their own schools' details in the portal.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

DPO_STAFF = "DPO staff"
SCHOOL_OFFICE = "School office"

DPO_APPS = ["schools", "clauses", "notices"]
DPO_EXTRA = [("auth", "view_user"), ("reversion", "view_revision"), ("reversion", "view_version")]
# Publications are records: DPO staff read them, the renderer writes them.
DPO_EXCLUDED = {"add_publication", "change_publication", "delete_publication"}
OFFICE = [("schools", "edit_own_school_details")]


def create_groups(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")

    dpo, _ = Group.objects.get_or_create(name=DPO_STAFF)
    dpo_perms = Permission.objects.filter(content_type__app_label__in=DPO_APPS).exclude(
        codename__in=DPO_EXCLUDED | {"edit_own_school_details"}
    )
    extra = [
        Permission.objects.filter(content_type__app_label=app, codename=code).first()
        for app, code in DPO_EXTRA
    ]
    dpo.permissions.set([*dpo_perms, *[p for p in extra if p]])

    office, _ = Group.objects.get_or_create(name=SCHOOL_OFFICE)
    office.permissions.set(
        [Permission.objects.get(content_type__app_label=app, codename=code) for app, code in OFFICE]
    )


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=[DPO_STAFF, SCHOOL_OFFICE]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("schools", "0001_initial"),
        ("clauses", "0001_initial"),
        ("notices", "0001_initial"),
        ("reversion", "0002_add_index_on_version_for_content_type_and_db"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
