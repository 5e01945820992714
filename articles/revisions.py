"""An article's revisions as the newsroom reads them: what each save was and what it changed."""

from django.core.paginator import Paginator
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

from .diffs import body_paragraphs, paragraphs_diff, text_diff
from .models import Article, Category, Series, person_name

# Compared between revisions, in the order they are listed. Title, lead and body get a
# word-by-word diff; the others are shown as before → after.
COMPARED = (
    "title", "lead", "body", "category_id", "series_id", "part_number", "cover_image",
    "cover_alt", "cover_caption", "byline", "is_featured", "status", "published_at",
)  # fmt: skip
TEXTS = ("title", "lead", "body")
PER_PAGE = 25


def history(article: Article):
    """The article's revisions, newest first, with who saved each."""
    return (
        Article.history.filter(id=article.pk).select_related("history_user").order_by("-history_id")
    )


def event_label(revision) -> str:
    reason = revision.history_change_reason or ""
    if reason.startswith(Article.Event.RESTORED):
        return _("Restored version %(number)s") % {"number": reason.partition(":")[2]}
    if reason in Article.Event.values:
        return str(Article.Event(reason).label)
    if revision.history_type == "+":
        return _("Created")
    return _("Edited")


def actor_name(revision) -> str:
    return person_name(revision.history_user) if revision.history_user else _("the system")


def changed(new, old) -> list[str]:
    """Names (of COMPARED) whose values differ between two revisions; all of them when
    there is no older one."""
    if old is None:
        return []
    return [name for name in COMPARED if getattr(new, name) != getattr(old, name)]


def label(name: str) -> str:
    return str(Article._meta.get_field(name.removesuffix("_id")).verbose_name)


class Names:
    """Category and series names for a set of revisions: one query each, whatever their
    number (a revision may name a category that is gone since)."""

    def __init__(self, revisions):
        revisions = [r for r in revisions if r is not None]
        self.categories = Category.objects.in_bulk({r.category_id for r in revisions})
        series_ids = {r.series_id for r in revisions if r.series_id}
        self.series = Series.objects.in_bulk(series_ids) if series_ids else {}

    def show(self, name: str, value) -> str:
        if value in (None, ""):
            return "—"
        if name == "category_id":
            found = self.categories.get(value)
            return found.name if found else _("(deleted category)")
        if name == "series_id":
            found = self.series.get(value)
            return found.title if found else _("(deleted series)")
        if name == "status":
            return str(Article.Status(value).label)
        if name == "published_at":
            return date_format(localtime(value), "DATETIME_FORMAT")
        if name == "is_featured":
            return _("yes") if value else _("no")
        if name == "cover_image":
            return str(value).rsplit("/", 1)[-1]
        return str(value)


def history_page(article: Article, number) -> tuple:
    """(page, rows) of the history: each row a revision with its number, what it was and
    the labels of the fields it changed."""
    paginator = Paginator(history(article), PER_PAGE)
    page = paginator.get_page(number)
    start = page.start_index() - 1 if paginator.count else 0
    # One more than the page: the revision before its oldest, to see what that one changed.
    fetched = list(history(article)[start : start + PER_PAGE + 1])
    rows = []
    for index, revision in enumerate(fetched[:PER_PAGE]):
        older = fetched[index + 1] if index + 1 < len(fetched) else None
        rows.append(
            {
                "revision": revision,
                "number": paginator.count - start - index,
                "event": event_label(revision),
                "actor": actor_name(revision),
                "changed": [label(name) for name in changed(revision, older)],
                "first": older is None and page.number == paginator.num_pages,
            }
        )
    return page, rows


def revision_number(revision) -> int:
    """Its place among the article's revisions, the first being 1."""
    return Article.history.filter(id=revision.id, history_id__lte=revision.history_id).count()


def previous_revision(revision):
    return (
        Article.history.filter(id=revision.id, history_id__lt=revision.history_id)
        .order_by("-history_id")
        .first()
    )


def comparison(new, old) -> list[dict]:
    """What changed from `old` to `new` (revisions, or the article itself as `new`): a
    readable diff for title, lead and body, before → after for the other fields."""
    names = Names([new, old])
    changes = []
    for name in COMPARED:
        before, after = getattr(old, name), getattr(new, name)
        if name == "cover_image":
            before, after = str(before or ""), str(after or "")
        if before == after:
            continue
        row = {"name": name, "label": label(name)}
        if name == "body":
            row["diff"] = paragraphs_diff(body_paragraphs(before), body_paragraphs(after))
        elif name in TEXTS:
            row["diff"] = text_diff(before, after)
        else:
            row["before"], row["after"] = names.show(name, before), names.show(name, after)
        changes.append(row)
    return changes
