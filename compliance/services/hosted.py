"""Hosted compliance pages of a brand: its public SMS terms page and opt-in form, and the
consent records the form stores.

    urls = ensure_hosted_pages(brand)   # HostedPageUrls(sms_terms=…, opt_in=…), absolute
    urls.opt_in                         # offer it in the campaign builder's messageFlow

The disclosure on the opt-in form is written by compliance.texts from the brand's newest
campaign, and stored verbatim (with its SHA-256) with each consent request.

Consent is confirmed from the phone (issue 20, finding 14): the form stores a request and the
program's number texts the subscriber (`send_confirmation`, in the background, through the
Telnyx client's POST /messages as test messages do); only their reply of YES or the program's
opt-in keyword, from that phone to that number (`apply_reply`, called for each signed
message.received webhook), confirms it, with the reply kept as evidence. A request nobody
confirms expires after settings.OPT_IN_CONFIRM_HOURS.
"""

import ipaddress
import logging
import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from compliance import deferred, errors, texts
from compliance.http import absolute_url, telnyx_webhook_url
from compliance.models import Brand, Campaign, HostedPages, OptInRecord, WebhookEvent
from compliance.services.messages import sending_numbers
from compliance.services.telnyx_accounts import client_for
from compliance.telnyx.client import TelnyxClient
from compliance.telnyx.errors import TelnyxError

logger = logging.getLogger(__name__)


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
    confirm_words: tuple[str, ...]  # replies that confirm: YES and the opt-in keywords
    confirm_hours: int


def hosted_program(pages: HostedPages) -> HostedProgram:
    answers = answers_for(pages.brand)
    campaign = _newest_campaign(pages.brand)
    return HostedProgram(
        brand=pages.brand,
        answers=answers,
        disclosure=texts.disclosure(answers),
        program=texts.program_of(answers),
        frequency=texts.frequency_of(answers),
        urls=urls_of(pages),
        confirm_words=texts.confirmation_keywords(campaign.optin_keywords if campaign else ""),
        confirm_hours=round(settings.OPT_IN_CONFIRM_HOURS),
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
    """Store one subscriber's consent request with exactly the text they agreed to, and text
    them for confirmation (in the background, once committed). It is not consent yet: only
    their reply confirms it. While a request for this phone is waiting, a second form sends no
    second text: the waiting request is returned."""
    waiting = (
        waiting_requests()
        .filter(brand=pages.brand, phone=phone, disclosure=disclosure)
        .order_by("-consented_at")
        .first()
    )
    if waiting is not None:
        return waiting
    try:
        ip = str(ipaddress.ip_address(ip_address))
    except ValueError:
        ip = None
    record = OptInRecord.objects.create(
        organisation=pages.organisation,
        brand=pages.brand,
        campaign=_newest_campaign(pages.brand),
        phone=phone,
        disclosure=disclosure,
        ip_address=ip,
        user_agent=user_agent[:500],
        page_url=page_url[:500],
        expires_at=timezone.now() + timedelta(hours=settings.OPT_IN_CONFIRM_HOURS),
    )
    deferred.schedule("send_opt_in_confirmation_task", record.pk, on_commit=True)
    return record


def waiting_requests():
    """Consent requests still waiting for the subscriber's reply (not confirmed, not expired)."""
    return OptInRecord.objects.filter(confirmed_at__isnull=True, expires_at__gt=timezone.now())


def confirmed_consents():
    return OptInRecord.objects.filter(confirmed_at__isnull=False)


def sign_up_counts(brand: Brand) -> list[tuple[str, int]]:
    """The brand's hosted opt-in requests by state, in words: confirmed, waiting, expired."""
    records = OptInRecord.objects.filter(brand=brand)
    confirmed = records.filter(confirmed_at__isnull=False).count()
    waiting = records.filter(confirmed_at__isnull=True, expires_at__gt=timezone.now()).count()
    expired = records.count() - confirmed - waiting
    State = OptInRecord.State
    return [
        (State.CONFIRMED.label, confirmed),
        (State.WAITING.label, waiting),
        (State.EXPIRED.label, expired),
    ]


def send_confirmation(record_pk: int, client: TelnyxClient | None = None) -> OptInRecord | None:
    """Text the subscriber from one of the program's live numbers, asking them to reply YES.
    Sent once; a failure is kept in plain words on the request (which then expires)."""
    record = waiting_requests().filter(pk=record_pk, confirmation_sent_at__isnull=True).first()
    if record is None:
        return None
    sender = None
    if record.campaign is not None:
        sender = (
            sending_numbers(record.organisation)
            .filter(campaign=record.campaign)
            .order_by("phone_number")
            .first()
        )
    if sender is None:
        record.confirmation_error = (
            "The program has no live number to text the subscriber from yet, so no "
            "confirmation was sent."
        )
        record.save(update_fields=["confirmation_error"])
        return record
    text = texts.confirmation_request(answers_for(record.brand, record.campaign))
    # Stored before the call: a reply may arrive before Telnyx's answer does.
    record.confirmation_from, record.confirmation_text = sender.phone_number, text
    record.save(update_fields=["confirmation_from", "confirmation_text"])
    client = client or client_for(record.organisation_id)
    try:
        sent = client.send_message(
            from_=sender.phone_number,
            to=record.phone,
            text=text,
            webhook_url=telnyx_webhook_url(record.organisation),
        )
    except TelnyxError as exc:
        record.confirmation_error = errors.plain_words(
            exc, "send the confirmation text", thing="number"
        )
        record.save(update_fields=["confirmation_error"])
        return record
    record.confirmation_message_id = sent.id or ""
    record.confirmation_sent_at = timezone.now()
    record.confirmation_error = ""
    record.save(
        update_fields=["confirmation_message_id", "confirmation_sent_at", "confirmation_error"]
    )
    return record


_WORD = re.compile(r"[^A-Z0-9]+")


def apply_reply(data: dict, event: WebhookEvent | None = None) -> OptInRecord | None:
    """A signed message.received (`data`: the envelope's data object): when it is YES or the
    program's opt-in keyword, from the phone of a waiting request to the number that texted
    it, that request is confirmed, the reply kept as evidence. Anything else changes nothing."""
    inner = data.get("payload") if isinstance(data, dict) else None
    if not isinstance(inner, dict) or inner.get("direction") not in (None, "inbound"):
        return None
    sender = (
        (inner.get("from") or {}).get("phone_number")
        if isinstance(inner.get("from"), dict)
        else None
    )
    recipients = inner.get("to") or []
    ours = (
        (recipients[0] or {}).get("phone_number")
        if recipients and isinstance(recipients[0], dict)
        else None
    )
    text = inner.get("text") if isinstance(inner.get("text"), str) else ""
    if not sender or not ours or not text:
        return None
    word = _WORD.sub(" ", text.upper()).strip()
    with transaction.atomic():
        candidates = (
            waiting_requests()
            .select_for_update()
            .filter(phone=sender, confirmation_from=ours)
            .order_by("-consented_at")
        )
        for record in candidates:
            keywords = texts.confirmation_keywords(
                record.campaign.optin_keywords if record.campaign else ""
            )
            if word not in keywords:
                continue
            record.confirmed_at = _when(data.get("occurred_at")) or timezone.now()
            record.reply_text = text[:1000]
            record.reply_message_id = str(inner.get("id") or "")[:64]
            record.reply_event = event
            record.save(
                update_fields=["confirmed_at", "reply_text", "reply_message_id", "reply_event"]
            )
            logger.info("opt-in %s confirmed by the subscriber's reply", record.pk)
            return record
    return None


def _when(value) -> datetime | None:
    try:
        return parse_datetime(value) if isinstance(value, str) and value else None
    except ValueError:
        return None
