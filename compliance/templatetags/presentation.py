"""{% load presentation %}: every status as people read it (compliance/presentation.py).

    {% status_badge campaign %}       a campaign, a brand, or
    {% assignment_badge number %}     a number's assignment
    {% campaign_status_badge code %}  a bare campaignStatus (timelines)

Each renders the badge with its label; the sentence is the badge's title and Telnyx's raw
code sits only in its data attribute (the technical details), never as the label.
"""

from django import template
from django.utils.html import format_html

from compliance import checks, lifecycle, presentation
from compliance.models import Brand, Campaign

register = template.Library()


def _badge(status: presentation.Status) -> str:
    return format_html(
        '<span class="badge {}" title="{}" data-code="{}">{}</span>',
        status.badge,
        status.sentence,
        status.code,
        status.label,
    )


@register.simple_tag
def status_badge(obj: Brand | Campaign) -> str:
    if isinstance(obj, Brand):
        return _badge(presentation.brand_status(obj))
    return _badge(presentation.campaign_status(obj))


@register.simple_tag
def campaign_status_badge(code: str) -> str:
    return _badge(presentation.campaign_status_code(code or None))


@register.simple_tag
def assignment_badge(number) -> str:
    return _badge(presentation.assignment_status(number.assignment_status))


@register.filter
def status_of(obj: Brand | Campaign) -> presentation.Status:
    """The Status of a brand or campaign, for its sentence: {{ campaign|status_of }}."""
    if isinstance(obj, Brand):
        return presentation.brand_status(obj)
    return presentation.campaign_status(obj)


@register.filter
def usecase(code: str) -> str:
    """A use case's name for people: {{ campaign.usecase|usecase }}."""
    return lifecycle.usecase_label(code)


@register.filter
def usecases(codes: list[str]) -> str:
    """Several use cases, comma-separated: {{ campaign.sub_usecases|usecases }}."""
    return ", ".join(lifecycle.usecase_label(code) for code in codes or [])


@register.filter
def campaign_status_label(code: str) -> str:
    """A bare campaignStatus as a label: {{ event.to_status|campaign_status_label }}."""
    return presentation.campaign_status_code(code or None).label if code else ""


@register.filter
def plain_dates(text: str) -> str:
    """Telnyx's texts with their ISO timestamps written for people."""
    return presentation.plain_dates(text)


@register.filter
def carrier_reasons(rule_id: str, limit: int = 2):
    """The published rejection reasons behind a rule, for a risky finding's "carriers reject
    on this" line."""
    return checks.published_for_rule(rule_id)[:limit]


@register.filter
def browser_words(user_agent: str) -> str:
    """A signed-in browser in words: {{ session.user_agent|browser_words }}."""
    return presentation.browser_words(user_agent)


@register.filter
def money(amount) -> str:
    """An amount with its currency: {{ campaign.monthly_cost|money }} → "$10.00"."""
    return presentation.money(amount)


@register.filter
def carrier_decision(code: str) -> str:
    """A carrier's operation status for a campaign in words: {{ status|carrier_decision }}."""
    return presentation.carrier_decision(code)
