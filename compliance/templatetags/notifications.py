from django import template

from compliance.services.notifications import visible_to
from compliance.tenancy import active_membership, is_reviewer

register = template.Library()


@register.simple_tag(takes_context=True)
def unread_notifications(context) -> int:
    """How many unread notifications the signed-in user has in the organisation they work in."""
    request = context["request"]
    user = request.user
    if not user.is_authenticated:
        return 0
    membership = active_membership(request)
    organisation = membership.organisation if membership else None
    visible = visible_to(organisation, reviewer=is_reviewer(user))
    return visible.filter(read_at__isnull=True).count()
