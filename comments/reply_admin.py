"""Writing the newsroom's official replies in the admin (imported by comments/admin.py)."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from core.admin import error_messages
from core.roles import can_answer_comments

from . import replies
from .models import Comment
from .reply_models import Reply


class ReplyForm(forms.ModelForm):
    """The answer, and on a new one the number of the comment it answers (filled in by the
    "Trả lời" link of the comment's page)."""

    comment = forms.ModelChoiceField(
        label=_("Comment number"),
        queryset=Comment.objects.approved(),
        widget=forms.NumberInput(attrs={"min": 1}),
        help_text=_("Open an approved comment in the list and choose “Answer”: it fills this in."),
        error_messages={
            "required": _("Give the number of the approved comment to answer."),
            "invalid_choice": _(
                "There is no approved comment with this number: only an approved comment can "
                "be answered."
            ),
        },
    )

    class Meta:
        model = Reply
        fields = ["comment", "content", "signature"]
        widgets = {
            "content": forms.Textarea(attrs={"rows": 10, "cols": 80}),
            "signature": forms.TextInput(attrs={"size": 60, "placeholder": _("Editorial board")}),
        }
        error_messages = {"content": {"required": _("Write the answer.")}}

    def clean_comment(self):
        comment = self.cleaned_data["comment"]
        if Reply.objects.filter(comment=comment).exists():
            raise ValidationError(
                _("This comment already has an answer: edit that one."), code="answered"
            )
        return comment


class ReplyEditForm(ReplyForm):
    comment = None  # an answer stays with the comment it answers

    class Meta(ReplyForm.Meta):
        fields = ["content", "signature"]


@admin.register(Reply)
class ReplyAdmin(SimpleHistoryAdmin):
    list_display = [
        "question_column",
        "article_column",
        "signature_column",
        "created_at",
        "created_by",
        "updated_at",
        "updated_by",
    ]
    list_display_links = ["question_column"]
    list_select_related = ["comment__article", "created_by", "updated_by"]
    search_fields = ["comment__title", "content", "signature"]
    date_hierarchy = None
    list_per_page = 50
    actions = None  # withdrawing goes one by one, through the service
    change_form_template = "admin/comments/reply/change_form.html"
    history_list_display = ["content", "signature"]

    # --- who may -------------------------------------------------------------------------

    def has_view_permission(self, request, obj=None):
        return can_answer_comments(request.user)

    def has_add_permission(self, request):
        return can_answer_comments(request.user)

    def has_change_permission(self, request, obj=None):
        return can_answer_comments(request.user)

    def has_delete_permission(self, request, obj=None):
        return can_answer_comments(request.user)

    def has_module_permission(self, request):
        return can_answer_comments(request.user)

    # --- the form --------------------------------------------------------------------------

    def get_form(self, request, obj=None, change=False, **kwargs):
        kwargs["form"] = ReplyEditForm if obj is not None else ReplyForm
        kwargs["fields"] = None
        return super().get_form(request, obj, change, **kwargs)

    def get_fields(self, request, obj=None):
        if obj is None:
            return ["comment", "content", "signature"]
        return ["content", "signature"]

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        if not str(initial.get("comment", "")).isdigit():
            initial.pop("comment", None)
        return initial

    def _question(self, request, object_id):
        """The comment being answered, shown above the form."""
        if object_id:
            reply = Reply.objects.select_related("comment__article").filter(pk=object_id).first()
            return reply.comment if reply else None
        number = request.POST.get("comment") or request.GET.get("comment") or ""
        if not number.isdigit():
            return None
        return Comment.objects.approved().select_related("article").filter(pk=number).first()

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        extra_context = {
            "question": self._question(request, object_id),
            "title": _("Answer a reader") if object_id is None else _("Edit an answer"),
            # Answers are written from their comment's page, one at a time.
            "show_save_and_add_another": False,
            **(extra_context or {}),
        }
        return super().changeform_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        # The services write (and bump the cached pages); the form has checked the input.
        data = form.cleaned_data
        if change:
            saved = replies.edit_reply(
                reply=obj, actor=request.user, content=data["content"],
                signature=data.get("signature", ""),
            )  # fmt: skip
        else:
            saved = replies.answer_comment(
                comment=data["comment"], actor=request.user, content=data["content"],
                signature=data.get("signature", ""),
            )  # fmt: skip
        obj.pk = saved.pk
        obj.__dict__.update({k: v for k, v in saved.__dict__.items() if not k.startswith("_")})
        obj._state.adding = False

    def delete_model(self, request, obj):
        replies.withdraw_reply(reply=obj, actor=request.user)

    def add_view(self, request, form_url="", extra_context=None):
        try:
            return super().add_view(request, form_url, extra_context)
        except ValidationError as exc:
            # Someone answered or hid the comment between the form and the save.
            self.message_user(request, " ".join(error_messages(exc)), messages.ERROR)
            return HttpResponseRedirect(reverse("admin:comments_reply_changelist"))

    def response_add(self, request, obj, post_url_continue=None):
        return self._back_to_comment(request, obj) or super().response_add(
            request, obj, post_url_continue
        )

    def response_change(self, request, obj):
        return self._back_to_comment(request, obj) or super().response_change(request, obj)

    def _back_to_comment(self, request, obj):
        if "_continue" in request.POST or "_addanother" in request.POST:
            return None
        self.message_user(
            request, _("The answer is published under the comment."), messages.SUCCESS
        )
        return HttpResponseRedirect(reverse("admin:comments_comment_change", args=[obj.comment_id]))

    # --- columns ---------------------------------------------------------------------------

    @admin.display(description=_("question"), ordering="comment__title")
    def question_column(self, obj):
        return Truncator(obj.comment.title).chars(80)

    @admin.display(description=_("article"))
    def article_column(self, obj):
        article = obj.comment.article
        return format_html(
            '<a href="{}#binh-luan-{}" target="_blank" rel="noopener">{}</a>',
            article.get_absolute_url(),
            obj.comment_id,
            Truncator(article.title).chars(48),
        )

    @admin.display(description=_("signature"), ordering="signature")
    def signature_column(self, obj):
        return obj.signature or _("Editorial board")
