"""Once created the newsroom's groups; they are now defined in core/roles.py and synced
after every migrate, so this step does nothing (it stays for the migration history)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("comments", "0001_initial"),
        ("articles", "0002_newsroom_groups"),
    ]

    operations = [migrations.RunPython(migrations.RunPython.noop, migrations.RunPython.noop)]
