from django.core.management.base import BaseCommand

from articles.viewcounts import flush_view_counts


class Command(BaseCommand):
    help = (
        "Add the views waiting in Redis (or in the pending-views table) to the articles' "
        "counts. Run it every minute from cron or a timer; readers' requests also run it "
        "at most once per VIEW_COUNT_FLUSH_SECONDS."
    )

    def handle(self, *args, **options):
        added = flush_view_counts()
        if options["verbosity"] > 1 or added:
            self.stdout.write(f"{added} views added.")
