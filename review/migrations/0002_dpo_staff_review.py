"""DPO staff see and decide suggestions; nobody adds or deletes them in the admin."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

DPO_STAFF = "DPO staff"
PERMISSIONS = ["view_suggestion", "change_suggestion"]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("review")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=DPO_STAFF).first()
    if group is not None:
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="review", codename__in=PERMISSIONS)
        )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=DPO_STAFF).first()
    if group is not None:
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="review", codename__in=PERMISSIONS)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("review", "0001_initial"),
        ("schools", "0002_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
