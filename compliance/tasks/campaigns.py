"""Campaign background work: finishing a submission Telnyx did not answer."""

from django.tasks import task


@task
def retry_campaign_submission(campaign_pk: int, attempt: int) -> None:
    from compliance.services.campaigns import resume_submission

    resume_submission(campaign_pk, attempt)
