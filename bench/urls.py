"""The app's URLs plus the floors: views that do the least a server can do for a request."""

import functools

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt


@csrf_exempt
def floor_webhook(request):
    """Reads the body and answers 204: the floor for webhook ingestion."""
    request.body  # noqa: B018
    return HttpResponse(status=204)


@csrf_exempt
def floor_webhook_store(request):
    """Checks the signature and stores the body with one INSERT, nothing else: the least a
    durable receiver can do (no parsing, de-duplication only by the unique key, no task)."""
    import hashlib

    from compliance.hot_sql import fetch_one
    from compliance.telnyx.signatures import verify_webhook
    from compliance.webhook_keys import webhook_public_key

    verify_webhook(request.body, request.headers, webhook_public_key())
    fetch_one(
        "INSERT INTO compliance_webhookevent (dedup_key, kind, raw_body, headers, received_at, "
        "telnyx_campaign_id, telnyx_brand_id, outcome, error, note) VALUES "
        "(%s, '', %s, '{}', now(), '', '', 'received', '', '') RETURNING id",
        ["floor:" + hashlib.sha256(request.body).hexdigest(), request.body.decode()],
        using="default",
    )  # processed_at stays NULL: bench/webhooks.py deletes these rows before the receiver runs
    return HttpResponse(status=204)


@functools.cache
def _brand_step_context(public_id, step_name: str) -> dict:
    """The wizard step's context, built once per process from the draft (with an unbound
    form): the floor re-renders it without reading or writing anything."""
    from compliance.models import Brand
    from registration.brand_forms import WIZARD
    from registration.views.brands import _wizard_context

    brand = Brand.objects.get(public_id=public_id)
    step = WIZARD.by_id[step_name]
    return _wizard_context(brand, step, step.form(brand))


def floor_brand_step(request, public_id, step_name):
    """Renders the brand wizard's step fragment (what an HTMX step POST answers when it
    re-renders) from a cached context: the floor for a wizard step."""
    context = _brand_step_context(public_id, step_name)
    return render(request, "registration/brands/wizard.html#step", context)


urlpatterns = [
    path("bench/floor/webhook/", floor_webhook),
    path("bench/floor/webhook-store/", floor_webhook_store),
    path("bench/floor/brand-step/<uuid:public_id>/<slug:step_name>/", floor_brand_step),
    path("", include("compliance.urls")),
]
