from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from articles.models import Article
from demo.loader import load_demo


class Command(BaseCommand):
    help = (
        "Load the demo newsroom: accounts, categories, a series and about fifty articles with "
        "illustrations. Idempotent: what already exists is left untouched."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset-passwords",
            action="store_true",
            help="Give the demo accounts new passwords, even those that already exist.",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even with DEBUG off (it creates staff accounts with printed passwords).",
        )

    def handle(self, *args, reset_passwords=False, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "Refusing to load demo content with DEBUG off: it creates staff accounts, a "
                "superuser among them, whose passwords are printed here. Run it on a "
                "development machine (DEBUG=1), or add --force if you really mean it."
            )
        report = load_demo(reset_passwords=reset_passwords)

        self.stdout.write(
            f"Demo content: {report.categories_created} categories, {report.series_created} "
            f"series, {report.articles_created} articles created "
            f"({report.pictures_rendered} pictures drawn), {report.comments_created} comments; "
            "existing rows left as they were."
        )
        published = Article.objects.filter(status=Article.Status.PUBLISHED)
        visible = Article.objects.published().count()
        in_review = Article.objects.filter(status=Article.Status.REVIEW).count()
        drafts = Article.objects.filter(status=Article.Status.DRAFT).count()
        self.stdout.write(
            f"Articles now: {visible} published, {published.count() - visible} scheduled, "
            f"{in_review} awaiting review, {drafts} draft{'' if drafts == 1 else 's'}."
        )
        self._print_accounts(report.accounts)

    def _print_accounts(self, accounts):
        rows = [("Username", "Group", "Password")]
        for account in accounts:
            if account.password:
                password = account.password
            else:
                password = "(unchanged: set before; `make demo-passwords` gives new ones)"
            rows.append((account.username, account.group or "-", password))
        widths = [max(len(row[i]) for row in rows) for i in range(2)]
        self.stdout.write("")
        self.stdout.write(self.style.MIGRATE_HEADING("Demo accounts (local use only):"))
        for i, (username, group, password) in enumerate(rows):
            line = f"  {username:<{widths[0]}}  {group:<{widths[1]}}  {password}"
            self.stdout.write(self.style.MIGRATE_LABEL(line) if i == 0 else line)
        if any(account.password for account in accounts):
            self.stdout.write(
                self.style.WARNING(
                    "Note the new passwords now: they are not stored anywhere in clear text."
                )
            )
        self.stdout.write(f"Admin: {settings.SITE_URL}/{settings.ADMIN_URL}")
