"""How the comments app plugs into the article page, which the articles app owns."""

from django import template
from django.conf import settings
from django.core.cache import cache, caches
from django.core.paginator import Paginator
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from comments.captcha_audio import audio_available
from comments.closing import comments_closed
from comments.forms import CommentForm
from comments.models import Comment
from core.pagecache import scope_version
from core.urls import quick_reverse

register = template.Library()

NOTICE_PARAM = "binh-luan"
NOTICE_PENDING = "cho-duyet"
PAGE_PARAM = "trang-binh-luan"


def comment_section_context(request, article, **extra) -> dict:
    """Approved comments (one page of them) and the form, for the article page.

    On the article page the form is deferred (no captcha, no CSRF token: the page stays
    cacheable); the comment page passes `live_form`, the captcha and the reader's input
    through the `comment_form_state` context variable."""
    per_page = settings.COMMENTS_PER_PAGE
    requested = request.GET.get(PAGE_PARAM)
    # None when the article's stored count (kept by the moderation services) says so.
    comments = Comment.objects.for_article_page(article) if article.comment_count else []
    paginator = Paginator(comments, per_page)
    # Most articles have less than a page of comments: one query for them and their count
    # (the page a reader opens first), not a COUNT and then the page.
    first = list(comments[: per_page + 1]) if requested in (None, "", "1") else []
    if 0 < len(first) <= per_page or (requested in (None, "", "1") and not first):
        paginator.count = len(first)
        page = paginator.page(1)
        page.object_list = first
    else:
        page = paginator.get_page(requested)
    context = {
        "comment_page": page,
        "comment_count": paginator.count,
        "answered_count": answered_count(article, page, paginator.count),
        "comment_page_param": PAGE_PARAM,
        "comment_notice": request.GET.get(NOTICE_PARAM) == NOTICE_PENDING,
        "live_form": False,
    }
    context.update(extra)
    return context


@register.simple_tag
def captcha_audio_available() -> bool:
    """The captcha can be listened to: espeak-ng is installed."""
    return audio_available()


def answered_count(article, page, count: int) -> int:
    """How many of the article's approved comments the newsroom answered: read from the
    page itself when it holds them all (most articles), counted otherwise."""
    if count == len(page.object_list):
        return sum(1 for comment in page.object_list if hasattr(comment, "reply"))
    return Comment.objects.approved().filter(article=article, reply__isnull=False).count()


_URL_PLACEHOLDER = "\x00comment-page-url\x00"
_deferred_forms: dict[str, str] = {}


def deferred_form(context, comment_page_url: str) -> str:
    """The article page's form, before the reader starts writing: fields only, no captcha,
    no token, the same HTML on every article but for its comment page's address. Its
    widgets are rendered once per process and language, not once per page."""
    language = get_language()
    html = _deferred_forms.get(language)
    if html is None:
        form_template = context.template.engine.get_template("comments/_form.html")
        with context.push(
            comment_form=CommentForm(),
            live_form=False,
            comment_page_url=_URL_PLACEHOLDER,
            captcha=None,
            shown_token=None,
            form_error=None,
        ):
            html = _deferred_forms[language] = str(form_template.render(context))
    return mark_safe(html.replace(_URL_PLACEHOLDER, escape(comment_page_url)))  # noqa: S308


_FORM_PLACEHOLDER = "\x00comment-form\x00"
_empty_sections: dict[str, str] = {}


def empty_section(context, article) -> str:
    """The section of an article open to comments that has none approved (its stored count
    says so), as its page shows it first: the same on every such article but for the form's
    address. Rendered once per process and language, not on every article's first view."""
    language = get_language()
    html = _empty_sections.get(language)
    if html is None:
        section = comment_section_context(context["request"], article)
        section.update(comments_closed=False, deferred_form_html=_FORM_PLACEHOLDER)
        section_template = context.template.engine.get_template("comments/_section.html")
        with context.push(**section):
            html = _empty_sections[language] = str(section_template.render(context))
    url = quick_reverse("comments:page", slug=article.slug, pk=article.pk)
    return mark_safe(html.replace(_FORM_PLACEHOLDER, deferred_form(context, url)))  # noqa: S308


@register.simple_tag(takes_context=True)
def comment_section(context, article) -> str:
    """`{% comment_section article %}`: the approved comments and the form, rendered in the
    page's own context (the site's names, the request) like `{% include %}`.

    On the article page the section is the same for every reader (the form is deferred),
    so it is cached until the article's comments change (its page-cache scope)."""
    request = context["request"]
    form_state = context.get("comment_form_state")
    # Checked at render: closing by date happens without any change to the article's scope.
    closed = comments_closed(article)
    if not (form_state or closed or article.comment_count) and not (
        request.GET.get(PAGE_PARAM) or request.GET.get(NOTICE_PARAM)
    ):
        return empty_section(context, article)
    key = None
    version = None if form_state else scope_version(request, f"article:{article.pk}")
    if version is not None:
        key = "comments:section:{}:{}:{}:{}:{}".format(
            article.pk,
            version,
            request.GET.get(PAGE_PARAM, ""),
            request.GET.get(NOTICE_PARAM) == NOTICE_PENDING,
            closed,
        )
        # This worker's own copy first (no round trip), then the one other workers stored
        # (only sections with comments are shared: none to look for when the article's
        # count says it has none; a count out of step only costs the read).
        html = caches["template_fragments"].get(key)
        if html is None and article.comment_count:
            html = cache.get(key)
        if html is not None:
            return mark_safe(html)  # noqa: S308 - our own rendered template, stored as is
    section = comment_section_context(request, article, **(form_state or {}))
    section["comments_closed"] = closed
    section["comment_page_url"] = reverse(
        "comments:page", kwargs={"slug": article.slug, "pk": article.pk}
    )
    if not section["live_form"] and not closed:
        section["deferred_form_html"] = deferred_form(context, section["comment_page_url"])
    section_template = context.template.engine.get_template("comments/_section.html")
    with context.push(**section):
        html = section_template.render(context)
    if key is not None:
        timeout = settings.PAGE_CACHE_SECONDS or 300
        caches["template_fragments"].set(key, str(html), timeout)
        if section["comment_count"]:
            # Shared with the other workers; without comments the section is the deferred
            # form, cheaper to build than to send to the shared cache.
            cache.set(key, str(html), timeout)
    return html
