"""Main navigation: each section appears once its URL is installed."""

from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse


@dataclass(frozen=True)
class Section:
    label: str
    url_name: str
    help: str
    reviewers_only: bool = False


SECTIONS = [
    Section("Brands", "brand_list", "register your business with The Campaign Registry."),
    Section("Campaigns", "campaign_list", "what you send, checked before carriers see it."),
    Section("Numbers", "number_list", "assign your phone numbers to live campaigns."),
    Section("Review", "review_queue", "rejected campaigns across every organisation.", True),
    Section("Rules", "rules", "what carriers reject, and how to avoid it."),
]


def nav_items(path: str, *, reviewer: bool) -> list[dict]:
    items = []
    for section in SECTIONS:
        if section.reviewers_only and not reviewer:
            continue
        try:
            url = reverse(section.url_name)
        except NoReverseMatch:
            continue
        items.append(
            {
                "label": section.label,
                "url": url,
                "help": section.help,
                "active": path.startswith(url),
            }
        )
    return items
