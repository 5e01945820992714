import time

from django import forms
from django.conf import settings
from django.core import signing
from django.utils.translation import gettext_lazy as _

from .captcha import CaptchaField
from .models import CommentReport
from .personal_data import clean_line, clean_text, normalize_phone

_TIMESTAMP_SALT = "hnp.comments.form-shown"


def form_timestamp() -> str:
    """A signed 'the form was shown now', checked when the form comes back."""
    return signing.dumps(time.time(), salt=_TIMESTAMP_SALT, compress=False)


def seconds_since_shown(token: str) -> float | None:
    """How long ago the form was shown; None when the token is missing or forged."""
    try:
        shown = float(signing.loads(token or "", salt=_TIMESTAMP_SALT, max_age=86400))
    except (signing.BadSignature, TypeError, ValueError):
        return None
    return time.time() - shown


class PlainTextField(forms.CharField):
    """Text as typed, minus control and bidirectional characters (removed before any length
    rule applies, and before anything reaches the database)."""

    def __init__(self, *, single_line: bool = False, **kwargs):
        self.single_line = single_line
        super().__init__(**kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        return clean_line(value) if self.single_line else clean_text(value)


# What a browser sends for the ticked consent box (it has no value attribute of its own).
CONSENT_VALUE = "on"


class ConsentCheckbox(forms.CheckboxInput):
    """Only the checkbox's own value counts as consent.

    Django's checkbox takes any value but "false" as ticked, so `consent=0` or `consent=no`
    from a hand-made request would pass for an explicit, informed agreement."""

    def value_from_datadict(self, data, files, name):
        return data.get(name) == CONSENT_VALUE


class CommentForm(forms.Form):
    """The "Viết bình luận" form of DESIGN §3: field names, labels and rules."""

    name = PlainTextField(
        single_line=True,
        label=_("Full name (*)"),
        min_length=2,
        max_length=100,
        error_messages={
            "required": _("Please enter your name."),
            "min_length": _("The name needs at least %(limit_value)d characters."),
            "max_length": _(
                "The name can have at most %(limit_value)d characters (it has %(show_value)d)."
            ),
        },
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    phone = forms.CharField(
        label=_("Phone number"),
        required=False,
        max_length=20,
        error_messages={"max_length": _("This is not a Vietnamese phone number.")},
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    title = PlainTextField(
        single_line=True,
        label=_("Title (*)"),
        max_length=200,
        error_messages={
            "required": _("Please enter a title."),
            "max_length": _(
                "The title can have at most %(limit_value)d characters (it has %(show_value)d)."
            ),
        },
    )
    content = PlainTextField(
        label=_("Content (*)"),
        max_length=3000,
        error_messages={
            "required": _("Please write your comment."),
            "max_length": _(
                "The comment can have at most %(limit_value)d characters (it has %(show_value)d)."
            ),
        },
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    captcha = CaptchaField(label=_("Verification code"))
    consent = forms.BooleanField(
        label=_("I agree to the processing of my personal data"),
        widget=ConsentCheckbox,
        error_messages={
            "required": _("Please tick the box to agree, otherwise we cannot take your comment.")
        },
    )
    # Left empty by people (it is hidden from them); bots tend to fill every field.
    website = forms.CharField(label=_("Leave this field empty"), required=False, max_length=200)
    shown = forms.CharField(required=False, widget=forms.HiddenInput, max_length=200)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("phone", "content"):
            self.fields[name].widget.attrs["aria-describedby"] = f"id_{name}_hint"

    def full_clean(self):
        super().full_clean()
        # Screen readers announce the error with the field it belongs to.
        for name in self.errors:
            if name in self.fields:
                attrs = self.fields[name].widget.attrs
                attrs["aria-describedby"] = " ".join(
                    filter(None, [f"id_{name}_error", attrs.get("aria-describedby")])
                )

    def clean_phone(self):
        raw = self.cleaned_data["phone"].strip()
        if not raw:
            return ""
        phone = normalize_phone(raw)
        if phone is None:
            raise forms.ValidationError(
                _("Enter a Vietnamese phone number, e.g. 0912 345 678 or +84 912 345 678."),
                code="invalid",
            )
        return phone

    def automation_signs(self) -> list[str]:
        """Why this submission looks automated (honeypot filled, sent too fast), if it does."""
        signs = []
        if self.cleaned_data.get("website"):
            signs.append(str(_("hidden field filled in")))
        elapsed = seconds_since_shown(self.cleaned_data.get("shown", ""))
        if elapsed is None:
            signs.append(str(_("form not shown by the site")))
        elif elapsed < settings.COMMENT_MIN_SECONDS:
            signs.append(
                str(_("sent %(seconds).1f s after the form was shown")) % {"seconds": elapsed}
            )
        return signs


class ReportForm(forms.Form):
    """A reader's "Báo vi phạm": a reason from the short list, nothing else."""

    reason = forms.ChoiceField(
        label=_("Reason (*)"),
        choices=CommentReport.Reason.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose a reason for the report."),
            "invalid_choice": _("Choose a reason for the report."),
        },
    )
