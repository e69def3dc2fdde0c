"""Which public key verifies webhooks: TELNYX_PUBLIC_KEY, or in sandbox mode the sandbox's
own key (read through the app registry, so compliance never imports the sandbox's code)."""

from django.apps import apps
from django.conf import settings


def webhook_public_key() -> str:
    if settings.TELNYX_PUBLIC_KEY:
        return settings.TELNYX_PUBLIC_KEY
    if settings.SANDBOX_MODE:
        return apps.get_model("sandbox", "SigningKey").current().public_key_b64
    return ""
