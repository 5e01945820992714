from django.conf import settings


def site(request):
    """Site-wide names every template may show."""
    return {
        "SITE_NAME": settings.SITE_NAME,
        "SITE_DATELINE": settings.SITE_DATELINE,
        "SITE_CONTACT_EMAIL": settings.SITE_CONTACT_EMAIL,
        "SITE_OWNER": settings.SITE_OWNER,
        "SITE_LICENCE": settings.SITE_LICENCE,
        "SITE_RESPONSIBLE": settings.SITE_RESPONSIBLE,
        "SITE_ADDRESS": settings.SITE_ADDRESS,
        "SITE_PHONE": settings.SITE_PHONE,
        "COMMENT_PERSONAL_DATA_DAYS": settings.COMMENT_PERSONAL_DATA_DAYS,
    }
