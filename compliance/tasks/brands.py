"""Brand background work: retrying a submission Telnyx did not answer."""

from django.tasks import task

from compliance.deferred import deferrable
from compliance.services.brands import retry_submission


@deferrable
@task
def retry_brand_submission(brand_pk: int) -> None:
    """Look for the brand at Telnyx, create it only if it is not there, or reschedule."""
    retry_submission(brand_pk)
