"""The editor's image upload endpoint, replacing django-ckeditor-5's own view.

django-ckeditor-5 stores files as sent (any size, metadata and trailing bytes kept) and
fails with a server error on images declaring huge dimensions. This view answers every bad
file with a clear message in the JSON shape CKEditor 5 shows, and stores nothing for it.
"""

from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.http import JsonResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.roles import can_upload_images

from .images import clean_image


def _error(message: str, status: int = 400) -> JsonResponse:
    return JsonResponse({"error": {"message": message}}, status=status)


@require_POST
def image_upload(request):
    user = request.user
    if not (user.is_authenticated and user.is_active and user.is_staff):
        return _error(_("Please log in again to upload images."), status=403)
    if not can_upload_images(user):
        return _error(_("You are not allowed to upload images."), status=403)
    upload = request.FILES.get("upload")
    if upload is None:
        return _error(_("No file was sent."))
    try:
        content = clean_image(upload)
    except ValidationError as exc:
        return _error(" ".join(exc.messages))
    name = default_storage.save(f"uploads/{timezone.now():%Y/%m}/{content.name}", content)
    return JsonResponse({"url": default_storage.url(name)})
