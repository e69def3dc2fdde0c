from django import template

from compliance import masking

register = template.Library()


@register.filter
def masked(value, visible=4):
    """{{ brand.ein|masked }} → •••••6789"""
    return masking.mask(value, int(visible))


@register.filter
def masked_name(value):
    return masking.mask_name(value)
