"""The admin's login in two steps: the password, then the second factor (set up at the
first login), and the page shown to a locked-out username and address."""

import logging
from base64 import b32encode

import segno
from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_lockout_response
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.auth.signals import user_login_failed
from django.contrib.auth.views import LoginView
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_otp.plugins.otp_static.models import StaticDevice

from . import twofactor
from .audit import SECOND_FACTOR
from .forms import CodeForm

log = logging.getLogger(__name__)

# New recovery codes wait here between the set-up and the page that shows them once.
RECOVERY_CODES_KEY = "accounts.new_recovery_codes"


class PasswordStepView(LoginView):
    """Django's login, except that a user who needs a second factor is not signed in yet:
    the session remembers them and the next step asks for the code."""

    def form_valid(self, form):
        user = form.get_user()
        if not twofactor.second_factor_needed(user):
            return super().form_valid(form)
        # get_success_url() keeps only a `next` on this site; otherwise the admin's index.
        twofactor.start_pending_login(self.request, user=user, next_url=self.get_success_url())
        if twofactor.has_authenticator(user):
            return redirect("accounts:second_factor")
        return redirect("accounts:set_up")


def _page(request, template: str, title: str, status: int = 200, **context):
    """Our pages look like the admin's login page."""
    context = {**admin.site.each_context(request), "title": title, **context}
    return render(request, template, context, status=status)


def _restart(request):
    """No pending login (never started, expired, or the password changed): log in again."""
    messages.info(request, _("Please log in again."))
    return redirect("admin:login")


def _refused(request, user) -> None:
    """A refused code counts as a failed login for django-axes: five lock the pair."""
    user_login_failed.send(
        sender=SECOND_FACTOR, credentials={"username": user.get_username()}, request=request
    )
    if getattr(request, "axes_locked_out", False):
        # AxesMiddleware answers with the lockout page; the password is needed again.
        twofactor.drop_pending_login(request)


@never_cache
@sensitive_post_parameters("code")
def second_factor(request):
    """Step two: a code from the authenticator app, or a recovery code."""
    user = twofactor.pending_user(request)
    if user is None:
        return _restart(request)
    if not twofactor.has_authenticator(user):
        return redirect("accounts:set_up")
    credentials = {"username": user.get_username()}
    if not AxesProxyHandler.is_allowed(request, credentials):
        twofactor.drop_pending_login(request)
        return get_lockout_response(request, None, credentials)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            device = twofactor.verify_second_factor(user=user, code=form.cleaned_data["code"])
        except ValidationError as exc:
            form.add_error("code", exc)
            _refused(request, user)
        else:
            next_url = twofactor.finish_login(request, user=user, device=device)
            if isinstance(device, StaticDevice):
                _warn_about_recovery_codes(request, user)
            return redirect(next_url)
    return _page(
        request,
        "accounts/second_factor.html",
        _("Two-step verification"),
        form=form,
        username=user.get_username(),
    )


def _warn_about_recovery_codes(request, user) -> None:
    left = twofactor.recovery_codes_left(user=user)
    messages.warning(
        request,
        ngettext(
            "You logged in with a recovery code; %(count)d is left. If your phone is lost, ask an administrator to reset your two-step verification.",
            "You logged in with a recovery code; %(count)d are left. If your phone is lost, ask an administrator to reset your two-step verification.",
            left,
        )
        % {"count": left},
    )


@never_cache
@sensitive_post_parameters("code")
def set_up(request):
    """The first login of an account without an authenticator: scan, confirm with a code,
    then see the recovery codes once."""
    user = twofactor.pending_user(request)
    if user is None:
        return _restart(request)
    if twofactor.has_authenticator(user):
        return redirect("accounts:second_factor")
    device = twofactor.enrolment_device(user=user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            codes = twofactor.confirm_authenticator(device=device, code=form.cleaned_data["code"])
        except ValidationError as exc:
            form.add_error("code", exc)
        else:
            log.info("second factor set up: user=%s", user.get_username())
            next_url = twofactor.finish_login(request, user=user, device=device)
            request.session[RECOVERY_CODES_KEY] = {"codes": codes, "next": next_url}
            return redirect("accounts:recovery_codes")
    secret = b32encode(device.bin_key).decode()
    return _page(
        request,
        "accounts/set_up.html",
        _("Set up two-step verification"),
        form=form,
        qr_code=segno.make(device.config_url, error="m").svg_data_uri(scale=4, border=2),
        # In groups of four, as authenticator apps show keys typed by hand.
        secret=" ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
        issuer=settings.OTP_TOTP_ISSUER,
        username=user.get_username(),
    )


@never_cache
def recovery_codes(request):
    """The new recovery codes, once: the session forgets them as this page is made."""
    if not (request.user.is_authenticated and request.user.is_verified()):
        return redirect("admin:login")
    shown = request.session.pop(RECOVERY_CODES_KEY, None)
    return _page(
        request,
        "accounts/recovery_codes.html",
        _("Recovery codes"),
        codes=shown["codes"] if shown else None,
        next_url=shown["next"] if shown else None,
    )


def locked_out(request, original_response=None, credentials=None):
    """django-axes' lockout answer (AXES_LOCKOUT_CALLABLE): a page, status 429."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return _page(
        request, "accounts/locked_out.html", _("Login locked"), status=429, minutes=minutes
    )
