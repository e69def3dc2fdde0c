"""Take over what a business already registered with Telnyx outside the app (issue 22.4):
its brands, their campaigns, vettings and number assignments, imported into an organisation as
*adopted* objects. From then on they are like native ones: webhooks and reconciliation keep
them current (their Telnyx ids are known), the checks and rejection reports read their content,
and they can be edited, appealed, copied and assigned.

    job = start_import(organisation, user)   # a background job (AccountImport) with progress
    run_import(job.pk)                        # the task; leased, idempotent, paced

Idempotent: an object whose Telnyx id is already known is counted as known and left as it is,
so a second import changes nothing. An object already held by another organisation on this
installation is never moved: it is reported (without naming the other organisation) as not
imported. Import with the deployment's own Telnyx account is for reviewers (staff), who choose
the organisation; an account shared by several organisations must never let one customer
claim another's registrations.
"""

import logging
from collections.abc import Iterable
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.utils import timezone

from compliance import deferred, errors, leases
from compliance.models import (
    AccountImport,
    Brand,
    Campaign,
    CampaignEvent,
    Organisation,
    PhoneNumber,
    SubmissionState,
    WorkLease,
)
from compliance.pacing import Pacer
from compliance.services import brands as brand_services
from compliance.services import campaigns as campaign_services
from compliance.services import numbers as number_services
from compliance.services.telnyx_accounts import client_for
from compliance.services.webhooks import apply_brand_record, replay_pending_events
from compliance.telnyx.client import TelnyxClient
from compliance.telnyx.errors import TelnyxError

logger = logging.getLogger(__name__)

LEASE_SECONDS = 60.0
SAVE_PROGRESS_EVERY = 25  # objects between progress writes
NUMBERS_CHUNK = 500


class ImportRefused(errors.Refusal):
    """Why an import cannot start now, in plain words."""


def lease_name(job: AccountImport) -> str:
    return f"account-import:{job.pk}"


def start_import(organisation: Organisation, user) -> AccountImport:
    """Queue an import into `organisation` (one at a time per organisation)."""
    running = AccountImport.objects.filter(organisation=organisation).exclude(
        state__in=[AccountImport.State.FINISHED, AccountImport.State.FAILED]
    )
    if running.exists():
        raise ImportRefused("An import is already running for this organisation.")
    job = AccountImport.objects.create(organisation=organisation, created_by=user)
    deferred.schedule("run_account_import_task", job.pk, on_commit=True)
    return job


def run_import(job_pk: int, client: TelnyxClient | None = None) -> AccountImport:
    """Import under the job's lease (another worker holding it: nothing to do)."""
    job = AccountImport.objects.get(pk=job_pk)
    if job.done:
        return job
    with leases.held(lease_name(job), LEASE_SECONDS) as ours:
        if not ours:
            return job
        AccountImport.objects.filter(pk=job.pk).update(
            state=AccountImport.State.RUNNING, started_at=job.started_at or timezone.now()
        )
        job.refresh_from_db()
        try:
            if client is None:
                with client_for(job.organisation_id) as own:
                    _Importer(job, own).run()
            else:
                _Importer(job, client).run()
        except TelnyxError as exc:
            job.state = AccountImport.State.FAILED
            job.error = errors.plain_words(exc, "finish the import")
            logger.warning("account import %s stopped: %s", job.pk, exc)
        except Exception:
            # Not retried: the same records would stop it again. Said plainly; logged whole.
            logger.exception("account import %s failed", job.pk)
            job.state = AccountImport.State.FAILED
            job.error = (
                "Something in the Telnyx account could not be read, so the import stopped. "
                "What was imported so far stays; our team has been told."
            )
        else:
            job.state = AccountImport.State.FINISHED
        job.finished_at = timezone.now()
        job.save(update_fields=["state", "error", "finished_at", "counts", "unmapped"])
    return job


def requeue_stalled_imports() -> int:
    """Enqueue every unfinished import that no worker holds (its worker died, or none took
    it); a run that finds it held does nothing. Reconciliation calls this."""
    now = timezone.now()
    unfinished = AccountImport.objects.exclude(
        state__in=[AccountImport.State.FINISHED, AccountImport.State.FAILED]
    ).filter(created_at__lt=now - timedelta(seconds=LEASE_SECONDS))
    held = set(
        WorkLease.objects.filter(name__startswith="account-import:", expires_at__gte=now)
        .exclude(holder="")
        .values_list("name", flat=True)
    )
    stalled = [job.pk for job in unfinished if lease_name(job) not in held]
    for job_pk in stalled:
        logger.warning("account import %s stalled (its worker stopped): enqueued again", job_pk)
        deferred.schedule("run_account_import_task", job_pk)
    return len(stalled)


class _Importer:
    def __init__(self, job: AccountImport, client: TelnyxClient):
        self.job = job
        self.client = client
        self.organisation = job.organisation
        self.pacer = Pacer.per_second(settings.TELNYX_IMPORT_CALLS_PER_SECOND)
        self.counts: dict[str, dict[str, int]] = {}
        self.unmapped: list[str] = []
        self.since_saved = 0

    # -- bookkeeping -----------------------------------------------------------------------
    def _count(self, kind: str, outcome: str, n: int = 1) -> None:
        self.counts.setdefault(kind, {}).setdefault(outcome, 0)
        self.counts[kind][outcome] += n
        self.job.counts = self.counts  # the run's final save writes what the last page added
        self.since_saved += n
        if self.since_saved >= SAVE_PROGRESS_EVERY:
            self._save_progress()

    def _not_imported(self, line: str) -> None:
        self.unmapped.append(line)
        self.job.unmapped = self.unmapped[:500]

    def _save_progress(self) -> None:
        self.since_saved = 0
        self.job.counts, self.job.unmapped = self.counts, self.unmapped[:500]
        AccountImport.objects.filter(pk=self.job.pk).update(
            counts=self.job.counts, unmapped=self.job.unmapped
        )

    def _paced[T](self, items: Iterable[T]) -> Iterable[T]:
        """A paginated listing, one page call per slot (items of a page come at once)."""
        for index, item in enumerate(items):
            if index % 100 == 0:
                self.pacer.wait()
            yield item

    # -- the run ---------------------------------------------------------------------------
    def run(self) -> None:
        for brand in self._brands():
            self._campaigns(brand)
            self._vettings(brand)
        self._numbers()
        self._save_progress()

    def _brands(self) -> list[Brand]:
        ours: list[Brand] = []
        for listed in self._paced(self.client.iter_brands()):
            brand_id = listed.brand_id or ""
            if not brand_id:
                continue
            known = Brand.objects.filter(brand_id=brand_id).first()
            if known is not None and known.organisation_id != self.organisation.pk:
                self._count("brands", "elsewhere")
                self._not_imported(
                    f"Brand {listed.display_name or brand_id} belongs to another organisation "
                    "on this installation and was left there."
                )
                continue
            if known is not None:
                self._count("brands", "known")
                ours.append(known)
                continue
            self.pacer.wait()
            ours.append(self._adopt_brand(brand_id))
            self._count("brands", "added")
        return ours

    def _adopt_brand(self, brand_id: str) -> Brand:
        record = self.client.get_brand(brand_id)
        wire = record.model_dump(by_alias=True, mode="json")
        brand = Brand(organisation=self.organisation, brand_id=brand_id)
        _copy_wire(brand, wire, brand_services.wire_to_field)
        brand.submission_state = SubmissionState.SUBMITTED
        brand.submitted_at = brand.adopted_at = timezone.now()
        try:
            with transaction.atomic():
                brand.save()
        except IntegrityError:  # another run stored it meanwhile
            return Brand.objects.get(brand_id=brand_id)
        apply_brand_record(brand, record)
        return brand

    def _campaigns(self, brand: Brand) -> None:
        self.pacer.wait()
        for listed in self._paced(self.client.iter_campaigns(brand.brand_id or "")):
            campaign_id = listed.campaign_id or ""
            if not campaign_id:
                continue
            known = Campaign.objects.filter(campaign_id=campaign_id).first()
            if known is not None:
                self._count(
                    "campaigns",
                    "known" if known.organisation_id == self.organisation.pk else "elsewhere",
                )
                continue
            self._adopt_campaign(brand, listed.model_dump(by_alias=True, mode="json"))
            self._count("campaigns", "added")

    def _adopt_campaign(self, brand: Brand, wire: dict) -> Campaign:
        now = timezone.now()
        campaign = Campaign(
            organisation=self.organisation,
            brand=brand,
            campaign_id=wire["campaignId"],
            tcr_campaign_id=_text(wire.get("tcrCampaignId"), 32),
            campaign_status=_text(wire.get("campaignStatus"), 30),
            telnyx_submission_status=_text(wire.get("submissionStatus"), 10),
            failure_reasons=[r for r in str(wire.get("failureReasons") or "").split(";") if r],
            submission_state=SubmissionState.SUBMITTED,
            submitted_at=now,
            status_changed_at=now,
            adopted_at=now,
            telnyx_response=wire,
        )
        _copy_wire(campaign, wire, lambda name: campaign_services.MODEL_FIELD.get(name, ""))
        # What Telnyx holds is what was submitted: rejection reports compare against it.
        campaign.submitted_content = {
            name: getattr(campaign, name) for name in campaign_services.CONTENT_FIELDS
        }
        campaign.submitted_content_at = now
        try:
            with transaction.atomic():
                campaign.save()
                CampaignEvent.objects.create(
                    campaign=campaign,
                    kind=CampaignEvent.Kind.ADOPTED,
                    description="Imported from the Telnyx account: registered outside Tendlc.",
                    to_status=campaign.campaign_status,
                )
        except IntegrityError:  # another run stored it meanwhile
            return Campaign.objects.get(campaign_id=wire["campaignId"])
        replay_pending_events(campaign)  # webhooks that came while we did not know it
        return campaign

    def _vettings(self, brand: Brand) -> None:
        before = brand.vettings.count()
        self.pacer.wait()
        try:
            after = len(brand_services.sync_vettings(brand))
        except brand_services.ActionRefused as exc:
            self._not_imported(f"The vettings of {brand} could not be read: {exc.message}")
            return
        self._count("vettings", "added", after - before)
        self._count("vettings", "known", before)

    def _numbers(self) -> None:
        campaigns: dict[str, Campaign] = {
            c.campaign_id: c
            for c in Campaign.objects.filter(organisation=self.organisation).exclude(
                campaign_id=None
            )
            if c.campaign_id
        }
        self.pacer.wait()
        chunk: list = []
        elsewhere = 0
        for record in self._paced(self.client.all_phone_number_campaigns()):
            if record.campaign_id not in campaigns:
                elsewhere += 1
                continue
            chunk.append(record)
            if len(chunk) >= NUMBERS_CHUNK:
                self._store_numbers(chunk, campaigns)
                chunk = []
        self._store_numbers(chunk, campaigns)
        if elsewhere:
            self._count("numbers", "elsewhere", elsewhere)
            self._not_imported(
                f"{elsewhere} number assignment(s) belong to campaigns that were not imported "
                "into this organisation."
            )

    def _store_numbers(self, records: list, campaigns: dict[str, Campaign]) -> None:
        if not records:
            return
        existing = {
            n.phone_number: n
            for n in PhoneNumber.objects.filter(phone_number__in=[r.phone_number for r in records])
        }
        new = []
        for record in records:
            number = existing.get(record.phone_number)
            if number is not None:
                if number.organisation_id == self.organisation.pk:
                    self._count("numbers", "known")
                else:
                    self._count("numbers", "elsewhere")
                    self._not_imported(
                        f"Number {record.phone_number} belongs to another organisation on this "
                        "installation and was left there."
                    )
                continue
            number = PhoneNumber(organisation=self.organisation, phone_number=record.phone_number)
            number_services._apply_record(number, record, campaigns)  # one mapping of a record
            new.append(number)
        PhoneNumber.objects.bulk_create(new, ignore_conflicts=True)
        self._count("numbers", "added", len(new))


def _copy_wire(obj: models.Model, wire: dict, model_field) -> None:
    """Set the model's fields from a Telnyx record (wire names), bounded to each column."""
    names = {f.name: f for f in obj._meta.concrete_fields}
    for wire_name, value in wire.items():
        name = model_field(wire_name)
        field = names.get(name)
        if field is None or value is None or field.primary_key or name in _NEVER_COPIED:
            continue
        if isinstance(field, models.BooleanField):
            setattr(obj, name, bool(value))
        elif isinstance(field, models.JSONField):
            setattr(obj, name, value)
        elif isinstance(field, models.CharField | models.TextField) and isinstance(value, str):
            setattr(obj, name, _text(value, field.max_length or 4000))


# Ids and statuses are set explicitly (never from an arbitrary wire key of the same name).
_NEVER_COPIED = {"organisation", "brand", "public_id", "created_by", "campaign_id", "brand_id"}


def _text(value, limit: int) -> str:
    return str(value or "").replace("\x00", "").strip()[:limit]


def latest_import(organisation: Organisation) -> AccountImport | None:
    return AccountImport.objects.filter(organisation=organisation).first()


def adopted_counts(organisation: Organisation) -> dict[str, int]:
    return {
        "brands": Brand.objects.filter(organisation=organisation, adopted_at__isnull=False).count(),
        "campaigns": Campaign.objects.filter(
            organisation=organisation, adopted_at__isnull=False
        ).count(),
    }
