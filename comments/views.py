"""The reader's side of comments.

The article page itself stays cacheable: it carries the form's fields but no captcha and no
CSRF token. Those come from `comment_session` when the reader starts writing (JavaScript),
or with the comment page `/bai-viet/<slug>-<id>/binh-luan/` (no JavaScript), which is also
where the form posts and where an invalid submission is shown again.
"""

import logging

from captcha.models import CaptchaStore
from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods
from django_ratelimit.core import get_usage

from articles.models import Article
from articles.views import ArticleDetailView
from core.net import client_ip

from .captcha import is_captcha_key, new_captcha, was_used
from .captcha_audio import AudioUnavailable, audio_available, record
from .closing import comments_closed
from .forms import CONSENT_VALUE, CommentForm, ReportForm, form_timestamp
from .models import Comment
from .personal_data import hash_ip
from .services import (
    AlreadyReported,
    CommentsClosed,
    recent_same_comment,
    report_comment,
    submit_comment,
)
from .templatetags.comment_tags import NOTICE_PARAM, NOTICE_PENDING

logger = logging.getLogger(__name__)

# What is kept when the form is shown again without being checked (captcha refresh, limits).
_KEPT_FIELDS = ("name", "phone", "title", "content", "consent")


def ip_key(group, request) -> str:
    """Rate limits count per source, keyed by the IP fingerprint (an IPv6 client by its
    /64), not the address."""
    return hash_ip(client_ip(request))


def _limited(request, group: str, rate: str) -> bool:
    """Count this request, then say whether it went over the limit.

    Counting first is one atomic increment in the shared cache: of several requests sent at
    once, each sees its own count, so no two of them pass as "the first". (Checking first
    and counting after storing let parallel posts all pass the check.)"""
    usage = get_usage(request, group=group, key=ip_key, rate=rate, increment=True)
    return usage is not None and usage["should_limit"]


def captcha_allowed(request) -> bool:
    """Each captcha is a database row: hand out at most CAPTCHA_RATE per source."""
    return not _limited(request, "comments:captcha", settings.CAPTCHA_RATE)


def comment_rate_exceeded(request) -> bool:
    """Count one comment from this source; True when it is over one per 15 seconds or five
    per 10 minutes (by default). Called once per comment about to be stored."""
    exceeded = False
    for group, rate in (
        ("comments:short", settings.COMMENT_RATE_SHORT),
        ("comments:long", settings.COMMENT_RATE_LONG),
    ):
        exceeded |= _limited(request, group, rate)
    return exceeded


@never_cache
@require_GET
def comment_session(request):
    """What a reader needs to post: a CSRF token, a captcha, the form-shown timestamp."""
    if not captcha_allowed(request):
        return JsonResponse(
            {
                "error": _(
                    "Too many codes were requested from your connection. Please wait a minute and try again."
                )
            },
            status=429,
        )
    return JsonResponse(
        {"csrf_token": get_token(request), "captcha": new_captcha(), "shown": form_timestamp()}
    )


def _plain(message: str, status: int) -> HttpResponse:
    return HttpResponse(message, status=status, content_type="text/plain; charset=utf-8")


@never_cache
@require_GET
def captcha_audio(request, key: str):
    """The challenge's digits spoken in Vietnamese (WAV). Reading it changes nothing: the
    challenge is consumed when the form is answered, as with the picture. Never cached;
    rate-limited per source like handing out captchas (each recording runs espeak-ng)."""
    if not audio_available() or not is_captcha_key(key):
        raise Http404
    if _limited(request, "comments:captcha-audio", settings.CAPTCHA_RATE):
        return _plain(
            _(
                "Too many codes were requested from your connection. Please wait a minute and try again."
            ),
            429,
        )
    store = CaptchaStore.objects.filter(hashkey=key).first()
    if store is None and not was_used(key):
        raise Http404
    if store is None or store.expiration <= timezone.now():
        return _plain(
            _(
                "This code has already been used or has expired. Go back to the form and choose “Get a new code”."
            ),
            410,
        )
    try:
        recording = record(store.response, key=key)
    except AudioUnavailable as exc:
        logger.warning("The captcha could not be spoken: %s", exc)
        return _plain(
            _(
                "The spoken code is not available right now. Type the code from the picture, or try again later."
            ),
            503,
        )
    response = HttpResponse(recording.wav, content_type="audio/wav")
    response["Content-Disposition"] = 'inline; filename="ma-xac-nhan.wav"'
    response["X-Robots-Tag"] = "noindex"
    return response


@method_decorator(never_cache, name="dispatch")
@method_decorator(sensitive_post_parameters("phone", "name"), name="dispatch")
class CommentPageView(ArticleDetailView):
    """The article page with a live form and its captcha, for readers without JavaScript
    and for an invalid submission shown again. Receives the form; stores valid comments
    (post/redirect/get). Not counted as a view of the article; never cached (it carries a
    captcha and a CSRF token)."""

    page_cacheable = False

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        if self.object.slug != kwargs["slug"]:
            return redirect(
                "comments:page", slug=self.object.slug, pk=self.object.pk, permanent=True
            )
        if comments_closed(self.object):
            return self.render_closed()
        return self.render(CommentForm())

    def post(self, request, *args, **kwargs):
        self.object = self.get_object()
        if comments_closed(self.object):
            return self.render_closed(kept=request.POST, status=403)
        # Oversized bodies never get here: RequestSizeLimitMiddleware answers 413 first.
        if "refresh_captcha" in request.POST:
            return self.render(self.kept_input(request.POST))
        form = CommentForm(request.POST)
        is_valid = form.is_valid()
        ip = client_ip(request)
        if (is_valid or set(form.errors) == {"captcha"}) and self.is_retry(form, ip):
            # Sent again (a reload after an error page, a double click): it is stored.
            return self.stored()
        if not is_valid:
            return self.render(form, status=400)
        if comment_rate_exceeded(request):
            return self.render(
                self.kept_input(request.POST),
                status=429,
                form_error=_(
                    "You are sending comments too quickly. Please wait a few minutes, then send it again: your text is kept below."
                ),
            )
        try:
            submit_comment(
                article=self.object,
                name=form.cleaned_data["name"],
                phone=form.cleaned_data["phone"],
                title=form.cleaned_data["title"],
                content=form.cleaned_data["content"],
                ip=ip,
                looks_automated=form.automation_signs(),
            )
        except CommentsClosed:  # closed by an editor a moment ago
            return self.render_closed(kept=request.POST, status=403)
        return self.stored()

    def is_retry(self, form, ip: str) -> bool:
        """The same comment from the same source was stored moments ago."""
        data = form.cleaned_data
        if not (data.get("title") and data.get("content")):
            return False
        return (
            recent_same_comment(
                article=self.object, title=data["title"], content=data["content"], ip=ip
            )
            is not None
        )

    def stored(self):
        """Back to the article, with the notice that the comment awaits moderation."""
        return redirect(
            f"{self.object.get_absolute_url()}?{NOTICE_PARAM}={NOTICE_PENDING}#binh-luan"
        )

    @staticmethod
    def kept_input(data) -> CommentForm:
        """An unchecked form showing what the reader typed (nothing is lost, no errors)."""
        initial = {name: data.get(name, "") for name in _KEPT_FIELDS}
        initial["consent"] = data.get("consent") == CONSENT_VALUE
        return CommentForm(initial=initial)

    def render_closed(self, *, kept=None, status=200):
        """The page of an article whose comments are closed: its approved comments and the
        notice, no form and no captcha; a refused comment's text is shown back to copy."""
        refusal = None
        if kept is not None:
            fields = (
                (_("Your name"), kept.get("name", ""), 1),
                (_("Your title"), kept.get("title", ""), 2),
                (_("Your comment"), kept.get("content", ""), 8),
            )
            # Only what the reader typed (at most a form's worth: the request size is capped).
            refusal = {"fields": [field for field in fields if field[1].strip()]}
        context = self.get_context_data(
            object=self.object,
            is_comment_page=True,
            comment_form_state={"live_form": True, "closed_refusal": refusal},
        )
        response = self.render_to_response(context, status=status)
        response["X-Robots-Tag"] = "noindex"
        return response

    def render(self, form, *, status=200, form_error=None):
        captcha = new_captcha() if captcha_allowed(self.request) else None
        if captcha is None and form_error is None:
            form_error = _(
                "Too many codes were requested from your connection. Please wait a minute and reload the page."
            )
            status = 429
        context = self.get_context_data(
            object=self.object,
            is_comment_page=True,
            comment_form_state={
                "comment_form": form,
                "live_form": True,
                "captcha": captcha,
                "shown_token": form_timestamp(),
                "form_error": form_error,
            },
        )
        response = self.render_to_response(context, status=status)
        response["X-Robots-Tag"] = "noindex"
        return response


# --- readers' reports ---------------------------------------------------------------

REPORT_SENT_PARAM = "da-gui"


@never_cache
@require_http_methods(["GET", "POST"])
def report_page(request, pk):
    """ "Báo vi phạm": the small form for one approved comment, on its own page (the
    article page links here and stays cacheable). Post/redirect/get; no account needed;
    one report per comment and source, and at most COMMENT_REPORT_RATE per source."""
    comment = get_object_or_404(
        Comment.objects.select_related("article")
        .filter(article__in=Article.objects.published())
        .filter(status__in=[Comment.Status.APPROVED, Comment.Status.REPORTED]),
        pk=pk,
    )
    context = {"comment": comment, "article": comment.article, "form": ReportForm()}
    status = 200
    if request.method == "GET" and request.GET.get(REPORT_SENT_PARAM) == "1":
        context["sent"] = True
    elif comment.status == Comment.Status.REPORTED:
        context["under_review"] = True
    elif request.method == "POST":
        form = context["form"] = ReportForm(request.POST)
        if not form.is_valid():
            status = 400
        elif _limited(request, "comments:report", settings.COMMENT_REPORT_RATE):
            context["form_error"] = _(
                "You are sending reports too quickly. Please wait a while and send it again: your choice is kept below."
            )
            status = 429
        else:
            try:
                report_comment(
                    comment=comment, reason=form.cleaned_data["reason"], ip=client_ip(request)
                )
            except AlreadyReported:
                pass  # counted once; the reader hears the same thanks
            except ValidationError:
                context["under_review"] = True
                return _report_response(request, context, status)
            return redirect(f"{request.path}?{REPORT_SENT_PARAM}=1")
    return _report_response(request, context, status)


def _report_response(request, context, status):
    response = render(request, "comments/report.html", context, status=status)
    response["X-Robots-Tag"] = "noindex"
    return response
