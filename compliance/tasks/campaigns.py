"""Campaign background work: finishing a submission Telnyx did not answer."""

from django.tasks import task

from compliance.deferred import deferrable
from compliance.services.campaigns import resume_submission


@deferrable
@task
def retry_campaign_submission(campaign_pk: int) -> None:
    resume_submission(campaign_pk)
