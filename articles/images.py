"""Uploaded pictures: accept only real images, and store a clean re-encoded copy.

Whatever a browser sends (an editor's upload or a cover image), the stored file is one we
wrote ourselves with Pillow: a generated name, pixels only (no EXIF/GPS, XMP, comments,
text chunks or embedded colour profiles: a JPEG's COM segment once carried a
photographer's name and phone number), no bytes appended after the image, within size and
pixel limits.
"""

import uuid
import warnings
from io import BytesIO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

ACCEPTED_FORMATS = {"JPEG", "PNG", "GIF", "WEBP", "BMP", "TIFF"}


def _limits() -> tuple[int, int, int]:
    return (
        settings.IMAGE_UPLOAD_MAX_BYTES,
        settings.IMAGE_UPLOAD_MAX_PIXELS,
        settings.IMAGE_UPLOAD_MAX_SIDE,
    )


def clean_image(upload) -> ContentFile:
    """A re-encoded copy of `upload`, named `<uuid>.<ext>`.

    Raises ValidationError with a message for the person who uploaded it.
    """
    max_bytes, max_pixels, max_side = _limits()
    if upload.size is not None and upload.size > max_bytes:
        raise ValidationError(
            _("The file is too large (%(size)s). The limit is %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(max_bytes)}
        )
    upload.seek(0)
    data = upload.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise ValidationError(
            _("The file is too large. The limit is %(limit)s.")
            % {"limit": filesizeformat(max_bytes)}
        )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(BytesIO(data))
            width, height = image.size
            if width * height > max_pixels:
                raise ValidationError(
                    _(
                        "The image is too large (%(width)s×%(height)s pixels). The limit is %(limit)s megapixels."
                    )
                    % {"width": width, "height": height, "limit": max_pixels // 1_000_000}
                )
            if image.format not in ACCEPTED_FORMATS:
                raise ValidationError(_("Upload a JPEG, PNG, GIF or WebP picture."))
            image.load()
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ValidationError(_("The image declares too many pixels to be processed.")) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise ValidationError(_("The file is not an image, or it is damaged.")) from exc

    # Respect the camera's orientation before the EXIF block that states it is dropped.
    image = ImageOps.exif_transpose(image)
    if max(image.size) > max_side:
        image.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)

    has_alpha = image.mode in ("RGBA", "LA", "PA") or (
        image.mode == "P" and "transparency" in image.info
    )
    image = _to_srgb(image, "RGBA" if has_alpha else "RGB")
    # Pillow writes back what it read (a JPEG's comment, a PNG's colour profile) unless
    # told otherwise: the copy carries nothing but its pixels.
    image.info = {}
    out = BytesIO()
    if has_alpha:
        image.save(out, format="PNG", optimize=True)
        extension = "png"
    else:
        image.save(out, format="JPEG", quality=85, optimize=True, progressive=True)
        extension = "jpg"
    return ContentFile(out.getvalue(), name=f"{uuid.uuid4().hex}.{extension}")


_SRGB = ImageCms.createProfile("sRGB")


def _to_srgb(image: Image.Image, mode: str) -> Image.Image:
    """`image` in `mode`, its colours converted to sRGB when it brought its own profile.

    The profile itself is not kept (it can name a device or its owner); browsers assume
    sRGB for pictures without one, so converting keeps the colours as the camera meant.
    """
    profile = image.info.get("icc_profile")
    if profile:
        try:
            source = ImageCms.ImageCmsProfile(BytesIO(profile))
            # littlecms reads these modes directly (CMYK with its own profile above all).
            if image.mode not in ("RGB", "RGBA", "CMYK", "L"):
                image = image.convert(mode)
            return ImageCms.profileToProfile(image, source, _SRGB, outputMode=mode)
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # a broken or unusable profile: the pixels as they are
    return image.convert(mode)
