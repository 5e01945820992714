"""The newsroom's roles: the only place their names and permissions are written down.

Groups are synced from ROLES after every `migrate` (and after a test database is flushed),
so a fresh install has them and a changed list reaches existing installs. Every permission
check in the code goes through a `can_*` function below, never a group name.
"""

from django.contrib.auth.models import Group, Permission
from django.db import DEFAULT_DB_ALIAS
from django.db.models import Q

JOURNALIST = "Phóng viên"
EDITOR = "Biên tập viên"
MODERATOR = "Kiểm duyệt viên"

PUBLISH_ARTICLE = "articles.publish_article"
UPLOAD_IMAGE = "articles.upload_image"
WRITE_ARTICLE = "articles.add_article"
CHANGE_ARTICLE = "articles.change_article"
MODERATE_COMMENT = "comments.change_comment"
VIEW_PERSONAL_DATA = "comments.view_personal_data"
# Official replies to readers: moderators and editors answer for the newsroom. Editors also
# read the comments (not moderate them) to find the questions.
ANSWER_COMMENT = "comments.answer_comment"
_ANSWERING = [ANSWER_COMMENT, "comments.view_comment"]

_ARTICLE_WORK = [
    WRITE_ARTICLE,
    CHANGE_ARTICLE,
    "articles.delete_article",
    "articles.view_article",
    UPLOAD_IMAGE,
]
_CRUD = ("add", "change", "delete", "view")

ROLES: dict[str, list[str]] = {
    # Writes articles, edits their own drafts, submits them; cannot publish.
    JOURNALIST: [*_ARTICLE_WORK, "articles.view_category", "articles.view_series"],
    # Everything on articles, categories, series and search synonyms; publishes, schedules,
    # unpublishes.
    EDITOR: [
        *_ARTICLE_WORK,
        PUBLISH_ARTICLE,
        *(
            f"articles.{action}_{model}"
            for model in ("category", "series", "searchsynonym")
            for action in _CRUD
        ),
        *_ANSWERING,
    ],
    # The comment queue only. Seeing phone numbers is a separate, personal grant.
    MODERATOR: [
        "comments.view_comment",
        MODERATE_COMMENT,
        *(f"comments.{action}_blockedword" for action in _CRUD),
        ANSWER_COMMENT,
    ],
}


# --- who may do what -------------------------------------------------------------------


def can_publish(user) -> bool:
    """Publish, schedule and unpublish articles; edit anyone's article."""
    return user.has_perm(PUBLISH_ARTICLE)


def can_write_articles(user) -> bool:
    return user.has_perm(WRITE_ARTICLE)


def can_edit_article(user, article) -> bool:
    """Editors edit everything; a journalist edits only their own drafts."""
    if not user.has_perm(CHANGE_ARTICLE):
        return False
    return can_publish(user) or (article.created_by_id == user.pk and article.is_draft)


def can_delete_article(user, article) -> bool:
    """Editors delete any article; a journalist only their own draft."""
    return can_publish(user) or (article.created_by_id == user.pk and article.is_draft)


def can_submit_for_review(user, article) -> bool:
    """A journalist submits their own article; an editor anyone's."""
    return can_publish(user) or article.created_by_id == user.pk


def can_withdraw(user, article) -> bool:
    """The author takes their article back from review to change it."""
    return article.created_by_id == user.pk and user.has_perm(CHANGE_ARTICLE)


def can_restore_revisions(user) -> bool:
    """Bring back an earlier version of an article: editors."""
    return can_publish(user)


def can_preview_article(user, article) -> bool:
    """An unpublished article is seen by editors and by the journalist who wrote it."""
    return user.is_staff and (can_publish(user) or article.created_by_id == user.pk)


def can_upload_images(user) -> bool:
    return user.has_perm(UPLOAD_IMAGE)


def can_moderate(user) -> bool:
    return user.has_perm(MODERATE_COMMENT)


def can_delete_comments(user) -> bool:
    """Moderators decide; erasing a comment is for administrators (and the purge command)."""
    return user.is_superuser


def can_answer_comments(user) -> bool:
    """Write, edit and withdraw the newsroom's official replies to approved comments."""
    return user.has_perm(ANSWER_COMMENT)


def can_view_personal_data(user) -> bool:
    """Commenters' phone numbers in full (everyone else sees them masked)."""
    return user.has_perm(VIEW_PERSONAL_DATA)


# --- keeping the groups in line with ROLES ---------------------------------------------


def role_permissions(using: str = DEFAULT_DB_ALIAS) -> dict[str, list[Permission]]:
    """ROLES as Permission rows; empty while some of them do not exist yet."""
    wanted = {perm for perms in ROLES.values() for perm in perms}
    query = Q()
    for perm in wanted:
        app_label, codename = perm.split(".")
        query |= Q(content_type__app_label=app_label, codename=codename)
    found = {
        f"{p.content_type.app_label}.{p.codename}": p
        for p in Permission.objects.using(using).filter(query).select_related("content_type")
    }
    if len(found) < len(wanted):
        return {}
    return {name: [found[perm] for perm in perms] for name, perms in ROLES.items()}


def sync_roles(*, using: str = DEFAULT_DB_ALIAS, **kwargs) -> None:
    """Give each role's group exactly its permissions (post_migrate receiver).

    Django creates permissions app by app after migrating, sending post_migrate for each;
    until the last of ours exists this does nothing, then each later call is a no-op write.
    """
    permissions = role_permissions(using)
    for name, perms in permissions.items():
        group, _created = Group.objects.using(using).get_or_create(name=name)
        group.permissions.set(perms)
