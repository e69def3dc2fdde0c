"""Main navigation: each section appears once its URL is installed."""

from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse


@dataclass(frozen=True)
class Section:
    label: str
    url_name: str
    help: str
    reviewers_only: bool = False
    # The customer's own screens: only for a member of an organisation (a reviewer without
    # one would meet a 404 there).
    members_only: bool = False


SECTIONS = [
    Section(
        "Brands", "brand_list", "register your business with The Campaign Registry.", False, True
    ),
    Section(
        "Campaigns", "campaign_list", "what you send, checked before carriers see it.", False, True
    ),
    Section("Numbers", "number_list", "assign your phone numbers to live campaigns.", False, True),
    Section("Fees", "fee_ledger", "what registration has cost, with a running total.", False, True),
    Section("Members", "members", "who has access, and what each role may do.", False, True),
    Section("Review", "review_queue", "rejected campaigns across every organisation.", True),
    Section("Fee ledger", "review_fee_ledger", "the fees of every organisation.", True),
    Section(
        "Imports", "review_account_imports", "registrations made outside Tendlc, taken over.", True
    ),
    Section("Rules", "rules", "what carriers reject, and how to avoid it."),
]


def nav_items(path: str, *, reviewer: bool, member: bool = True) -> list[dict]:
    items = []
    for section in SECTIONS:
        if section.reviewers_only and not reviewer:
            continue
        if section.members_only and not member:
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
