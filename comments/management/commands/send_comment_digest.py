from django.core.management.base import BaseCommand

from comments.services import send_moderation_digest


class Command(BaseCommand):
    help = (
        "Mail the moderators the pending comments they have not been told about yet. "
        "Run it every few minutes; it sends nothing when there is nothing new."
    )

    def handle(self, *args, **options):
        listed = send_moderation_digest()
        self.stdout.write(
            f"Digest sent for {listed} comment(s)." if listed else "Nothing new to send."
        )
