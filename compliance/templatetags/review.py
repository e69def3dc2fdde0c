"""`{% appeal_status campaign %}`: the customer's view of an appeal (its date and outcome,
never the reviewers' internal notes)."""

from django import template

from compliance.services.review import appeal_state

register = template.Library()


@register.inclusion_tag("compliance/review/customer_appeal.html")
def appeal_status(campaign):
    return {"appeal": appeal_state(campaign)}
