from django import template

from compliance.services.notifications import visible_to
from compliance.tenancy import is_reviewer, organisation_of

register = template.Library()


@register.simple_tag(takes_context=True)
def unread_notifications(context) -> int:
    """How many unread notifications the signed-in user has."""
    user = context["request"].user
    if not user.is_authenticated:
        return 0
    visible = visible_to(organisation_of(user), reviewer=is_reviewer(user))
    return visible.filter(read_at__isnull=True).count()
