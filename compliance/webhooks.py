"""The Telnyx webhook receiver: ``POST /webhooks/telnyx/`` for the platform account and
``POST /webhooks/telnyx/<account public id>/`` for an organisation's own account (no login,
no CSRF: the Ed25519 signature, with that URL's key, is the authentication).

Order of checks, each refusal logged with its reason and leaving no trace in the database:
405 for another method; 413 above MAX_BODY_BYTES (before any verification); 400 (malformed
signature headers) or 401 (stale, future or invalid signature) from the signature check; 503
when the configured public key itself is unusable (Telnyx retries once it is fixed); 400 for a
signed body that is not JSON of a known shape. An accepted event is stored first, then applied
by a background task (services.webhooks.schedule_apply); a duplicate answers 200 and changes
nothing.
"""

import logging
import uuid

from django.http import HttpRequest, HttpResponseNotAllowed, JsonResponse
from django.urls import path
from django.views.decorators.csrf import csrf_exempt

from compliance.metrics import WEBHOOK_DELIVERIES
from compliance.models import Organisation, TelnyxAccount
from compliance.services import webhooks
from compliance.telnyx.signatures import Reason, SignatureError, verify_webhook
from compliance.webhook_keys import webhook_public_key

logger = logging.getLogger(__name__)

MAX_BODY_BYTES = 256 * 1024

_UNAUTHORIZED = frozenset(
    {Reason.STALE_TIMESTAMP, Reason.FUTURE_TIMESTAMP, Reason.INVALID_SIGNATURE}
)


@csrf_exempt
def telnyx_webhook(request: HttpRequest):
    """The platform account's URL: verified with TELNYX_PUBLIC_KEY (or the sandbox's)."""
    return _receive(request, webhook_public_key(), organisation=None)


@csrf_exempt
def telnyx_account_webhook(request: HttpRequest, public_id: uuid.UUID):
    """An organisation's own account's URL: verified with that account's public key only,
    and its events may change only that organisation's rows."""
    account = (
        TelnyxAccount.objects.select_related("organisation").filter(public_id=public_id).first()
    )
    if account is None:
        logger.warning("webhook refused: no connected account %s", public_id)
        return _answer(404, "unknown_account")
    return _receive(request, account.public_key, organisation=account.organisation)


def _receive(request: HttpRequest, public_key: str, *, organisation: Organisation | None):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if _declared_length(request) > MAX_BODY_BYTES:
        logger.warning("webhook refused: body_too_large (declared)")
        return _answer(413, "body_too_large")
    body = request.body
    if len(body) > MAX_BODY_BYTES:
        logger.warning("webhook refused: body_too_large")
        return _answer(413, "body_too_large")

    try:
        timestamp = verify_webhook(body, request.headers, public_key)
    except SignatureError as exc:
        if exc.reason == Reason.BAD_KEY:
            logger.error("webhook refused: the configured public key is unusable (%s)", exc)
            return _answer(503, "webhook_key_not_configured")
        logger.warning("webhook refused: %s", exc)
        return _answer(401 if exc.reason in _UNAUTHORIZED else 400, str(exc.reason))

    try:
        event, created = webhooks.record_event(
            body, request.headers, timestamp, organisation=organisation
        )
    except webhooks.MalformedEvent as exc:
        logger.warning("webhook refused after a valid signature: malformed_body (%s)", exc)
        return _answer(400, "malformed_body")
    if not created:
        logger.info("webhook %s is a duplicate (%s)", event.pk, event.dedup_key)
        if event.processed_at is None:  # stored, but the first delivery failed to schedule it
            webhooks.schedule_apply()
        return _answer(200, "duplicate")
    webhooks.schedule_apply()
    return _answer(200, "accepted")


def _declared_length(request: HttpRequest) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


def _answer(status: int, result: str) -> JsonResponse:
    WEBHOOK_DELIVERIES.labels(result).inc()
    return JsonResponse({"result": result}, status=status)


urlpatterns = [
    path("telnyx/", telnyx_webhook, name="telnyx_webhook"),
    path("telnyx/<uuid:public_id>/", telnyx_account_webhook, name="telnyx_account_webhook"),
]
