"""The sandbox home page's brand section: the SMS the sandbox would have sent (OTP PINs)."""

from django import template

register = template.Library()


@register.inclusion_tag("sandbox/brand_otps.html")
def sandbox_otps(otps, all_organisations: bool = False) -> dict:
    """`otps`: the ones the user may see (sandbox.views.pages.visible_otps)."""
    return {"otps": otps, "all_organisations": all_organisations}
