"""The `meta` block of article pages."""

from django import template

from articles.metadata import head_tags

register = template.Library()


@register.simple_tag(takes_context=True)
def article_head_tags(context, article) -> str:
    """`{% article_head_tags article %}`: articles.metadata.head_tags for this page (an
    article's preview or comment page says less)."""
    return head_tags(
        article,
        request=context["request"],
        preview=bool(context.get("is_preview")),
        comment_page=bool(context.get("is_comment_page")),
    )
