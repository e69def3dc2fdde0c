"""Brand background work: retrying a submission Telnyx did not answer; the Refresh button's
read-back when Telnyx was too slow to answer at once."""

from django.tasks import task

from compliance.deferred import deferrable
from compliance.services.brands import refresh_in_background, retry_submission


@deferrable
@task
def retry_brand_submission(brand_pk: int) -> None:
    """Look for the brand at Telnyx, create it only if it is not there, or reschedule."""
    retry_submission(brand_pk)


@deferrable
@task
def refresh_brand_task(brand_pk: int) -> None:
    refresh_in_background(brand_pk)
