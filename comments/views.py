"""The reader's side of comments.

The article page itself stays cacheable: it carries the form's fields but no captcha and no
CSRF token. Those come from `comment_session` when the reader starts writing (JavaScript),
or with the comment page `/bai-viet/<slug>-<id>/binh-luan/` (no JavaScript), which is also
where the form posts and where an invalid submission is shown again.
"""

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import redirect
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET
from django_ratelimit.core import get_usage

from articles.views import ArticleDetailView
from core.net import client_ip

from .captcha import new_captcha
from .forms import CommentForm, form_timestamp
from .personal_data import hash_ip
from .services import submit_comment
from .templatetags.comment_tags import NOTICE_PARAM, NOTICE_PENDING

# What is kept when the form is shown again without being checked (captcha refresh, limits).
_KEPT_FIELDS = ("name", "phone", "title", "content", "consent")


def ip_key(group, request) -> str:
    """Rate limits count per source, keyed by the IP fingerprint, not the address."""
    return hash_ip(client_ip(request))


def _limited(request, group: str, rate: str, *, increment: bool) -> bool:
    """With `increment`, count this request and say whether it went over the limit;
    without, say whether one more request would go over it."""
    usage = get_usage(request, group=group, key=ip_key, rate=rate, increment=increment)
    if usage is None:
        return False
    if increment:
        return usage["should_limit"]
    return usage["should_limit"] or usage["count"] >= usage["limit"]


def captcha_allowed(request) -> bool:
    """Each captcha is a database row: hand out at most CAPTCHA_RATE per source."""
    return not _limited(request, "comments:captcha", settings.CAPTCHA_RATE, increment=True)


def comment_rate_exceeded(request, *, record: bool = False) -> bool:
    """One comment per 15 seconds and five per 10 minutes per source (by default)."""
    exceeded = False
    for group, rate in (
        ("comments:short", settings.COMMENT_RATE_SHORT),
        ("comments:long", settings.COMMENT_RATE_LONG),
    ):
        exceeded |= _limited(request, group, rate, increment=record)
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
        return self.render(CommentForm())

    def post(self, request, *args, **kwargs):
        self.object = self.get_object()
        if int(request.META.get("CONTENT_LENGTH") or 0) > settings.COMMENT_MAX_REQUEST_BYTES:
            return HttpResponse(
                _("The comment is far too long to be sent."),
                status=413,
                content_type="text/plain; charset=utf-8",
            )
        if "refresh_captcha" in request.POST:
            return self.render(self.kept_input(request.POST))
        if comment_rate_exceeded(request):
            return self.render(
                self.kept_input(request.POST),
                status=429,
                form_error=_(
                    "You are sending comments too quickly. Please wait a few minutes, then send it again: your text is kept below."
                ),
            )
        form = CommentForm(request.POST)
        if not form.is_valid():
            return self.render(form, status=400)
        submit_comment(
            article=self.object,
            name=form.cleaned_data["name"],
            phone=form.cleaned_data["phone"],
            title=form.cleaned_data["title"],
            content=form.cleaned_data["content"],
            ip=client_ip(request),
            looks_automated=form.automation_signs(),
        )
        comment_rate_exceeded(request, record=True)
        return redirect(
            f"{self.object.get_absolute_url()}?{NOTICE_PARAM}={NOTICE_PENDING}#binh-luan"
        )

    @staticmethod
    def kept_input(data) -> CommentForm:
        """An unchecked form showing what the reader typed (nothing is lost, no errors)."""
        initial = {name: data.get(name, "") for name in _KEPT_FIELDS}
        initial["consent"] = bool(data.get("consent"))
        return CommentForm(initial=initial)

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
