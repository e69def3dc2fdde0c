"""Background work (django.tasks), one module per concern; run by django-tasks-db's db_worker.

Each task calls a service. Tasks that services schedule are registered by name with
`@deferrable` (compliance/deferred.py); importing this package registers them all.
"""

from compliance.tasks import (  # noqa: F401
    brands,
    campaigns,
    digests,
    hosted,
    ledger,
    numbers,
    reconcile,
    sitecheck,
    webhooks,
)
