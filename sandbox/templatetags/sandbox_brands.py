"""The sandbox home page's brand section: the SMS the sandbox would have sent (OTP PINs)."""

from django import template

from sandbox.models.brands import SandboxOtp

register = template.Library()


@register.inclusion_tag("sandbox/brand_otps.html")
def sandbox_otps(limit: int = 10) -> dict:
    return {"otps": SandboxOtp.objects.select_related("brand")[:limit]}
