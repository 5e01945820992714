"""The moderators' group, so a fresh install has it (DESIGN §4): the comment queue only."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MODERATOR = "Kiểm duyệt viên"
PERMISSIONS = [
    "view_comment",
    "change_comment",
    "view_blockedword",
    "add_blockedword",
    "change_blockedword",
    "delete_blockedword",
]


def create_group(apps, schema_editor):
    # Permissions are normally created after all migrations; the group needs them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=MODERATOR)
    permissions = Permission.objects.filter(
        content_type__app_label="comments", codename__in=PERMISSIONS
    )
    assert permissions.count() == len(PERMISSIONS)
    group.permissions.add(*permissions)


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=MODERATOR).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("comments", "0001_initial"),
        ("articles", "0002_newsroom_groups"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
