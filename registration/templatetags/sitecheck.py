"""`{% load sitecheck %}{% site_check_panel brand %}` (or `campaign`): the website and
privacy-policy check results, polling while a check runs."""

from django import template

from registration.views.sitecheck import PANEL_TEMPLATE, panel_for

register = template.Library()


@register.inclusion_tag(PANEL_TEMPLATE, takes_context=True)
def site_check_panel(context, subject):
    return {
        "panel": panel_for(subject),
        "request": context.get("request"),
        "csrf_token": context.get("csrf_token"),
    }
