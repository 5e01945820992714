from django.conf import settings


def site(request):
    """Site-wide names every template may show."""
    return {
        "SITE_NAME": settings.SITE_NAME,
        "SITE_DATELINE": settings.SITE_DATELINE,
        "SITE_CONTACT_EMAIL": settings.SITE_CONTACT_EMAIL,
        "COMMENT_PERSONAL_DATA_DAYS": settings.COMMENT_PERSONAL_DATA_DAYS,
    }
