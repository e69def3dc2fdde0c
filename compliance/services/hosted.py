"""Hosted compliance pages of a brand: its public SMS terms page and opt-in form, and the
consent records the form stores.

    urls = ensure_hosted_pages(brand)   # HostedPageUrls(sms_terms=…, opt_in=…), absolute
    urls.opt_in                         # offer it in the campaign builder's messageFlow

The disclosure on the opt-in form is written by compliance.texts from the brand's newest
campaign, and stored verbatim (with its SHA-256) with each consent.
"""

import ipaddress
from dataclasses import dataclass

from django.db import IntegrityError, transaction

from compliance import texts
from compliance.http import absolute_url
from compliance.models import Brand, Campaign, HostedPages, OptInRecord


@dataclass(frozen=True)
class HostedPageUrls:
    sms_terms: str
    opt_in: str


def urls_of(pages: HostedPages) -> HostedPageUrls:
    return HostedPageUrls(
        sms_terms=absolute_url("hosted_sms_terms", pages.slug),
        opt_in=absolute_url("hosted_opt_in", pages.slug),
    )


def ensure_hosted_pages(brand: Brand) -> HostedPageUrls:
    """Create (or switch back on) the brand's hosted pages; their public URLs."""
    pages = HostedPages.objects.filter(brand=brand).first()
    if pages is None:
        for _ in range(3):  # two brands of the same name racing for a slug
            try:
                with transaction.atomic():
                    pages = HostedPages.objects.create(
                        organisation=brand.organisation,
                        brand=brand,
                        slug=HostedPages.unique_slug(str(brand)),
                    )
                break
            except IntegrityError:
                pages = HostedPages.objects.filter(brand=brand).first()
                if pages:
                    break
    if pages is None:
        raise RuntimeError("Could not create the brand's hosted pages (slug collisions).")
    if not pages.enabled:
        pages.enabled = True
        pages.save(update_fields=["enabled"])
    return urls_of(pages)


def hosted_page_urls(brand: Brand) -> HostedPageUrls | None:
    """The URLs of the brand's hosted pages, if it has them switched on."""
    pages = HostedPages.objects.filter(brand=brand, enabled=True).first()
    return urls_of(pages) if pages else None


def _newest_campaign(brand: Brand) -> Campaign | None:
    return brand.campaigns.exclude(usecase="").order_by("-created_at", "-id").first()


def answers_for(brand: Brand, campaign: Campaign | None = None, **overrides) -> texts.Answers:
    """The brand's and campaign's answers as compliance.texts needs them; hosted pages, when
    switched on, supply the opt-in URL and (if the campaign has none) the terms link."""
    campaign = campaign or _newest_campaign(brand)
    hosted = hosted_page_urls(brand)
    values = dict(
        brand_name=str(brand),
        usecase=campaign.usecase if campaign else "",
        website=brand.website,
        sub_usecases=tuple(campaign.sub_usecases or ()) if campaign else (),
        privacy_url=campaign.privacy_policy_link if campaign else "",
        terms_url=(campaign.terms_and_conditions_link if campaign else "")
        or (hosted.sms_terms if hosted else ""),
        help_email=brand.email,
        help_phone=brand.phone,
        opt_in_url=hosted.opt_in if hosted else "",
    )
    values.update({k: v for k, v in overrides.items() if v})
    return texts.Answers(**values)  # type: ignore[arg-type]  # field by field, as declared


@dataclass(frozen=True)
class HostedProgram:
    """What the hosted pages show: the brand, its program and the exact disclosure."""

    brand: Brand
    answers: texts.Answers
    disclosure: str
    program: str  # the kinds of messages
    frequency: str
    urls: HostedPageUrls


def hosted_program(pages: HostedPages) -> HostedProgram:
    answers = answers_for(pages.brand)
    return HostedProgram(
        brand=pages.brand,
        answers=answers,
        disclosure=texts.disclosure(answers),
        program=texts.program_of(answers),
        frequency=texts.frequency_of(answers),
        urls=urls_of(pages),
    )


def record_opt_in(
    pages: HostedPages,
    *,
    phone: str,
    disclosure: str,
    ip_address: str,
    user_agent: str,
    page_url: str,
) -> OptInRecord:
    """Store one subscriber's consent with exactly the text they agreed to."""
    try:
        ip = str(ipaddress.ip_address(ip_address))
    except ValueError:
        ip = None
    return OptInRecord.objects.create(
        organisation=pages.organisation,
        brand=pages.brand,
        phone=phone,
        disclosure=disclosure,
        ip_address=ip,
        user_agent=user_agent[:500],
        page_url=page_url[:500],
    )
