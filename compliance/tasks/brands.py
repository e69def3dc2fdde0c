"""Brand background work: retrying a submission Telnyx did not answer."""

from django.tasks import task


@task
def retry_brand_submission(brand_pk: int) -> None:
    """Look for the brand at Telnyx, create it only if it is not there, or reschedule."""
    from compliance.services.brands import retry_submission

    retry_submission(brand_pk)
