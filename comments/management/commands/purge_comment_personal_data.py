from django.conf import settings
from django.core.management.base import BaseCommand

from comments.services import purge_personal_data


class Command(BaseCommand):
    help = (
        "Erase the phone numbers and IP fingerprints of comments whose moderation ended more "
        "than COMMENT_PERSONAL_DATA_DAYS days ago. Run it daily."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Override COMMENT_PERSONAL_DATA_DAYS (default %(default)s: the setting).",
        )

    def handle(self, *args, days=None, **options):
        days = settings.COMMENT_PERSONAL_DATA_DAYS if days is None else days
        if days < 0:
            self.stderr.write("--days must be zero or more.")
            raise SystemExit(2)
        changed = purge_personal_data(older_than_days=days)
        self.stdout.write(
            f"Erased personal data of {changed} comment(s) moderated more than {days} day(s) ago."
        )
