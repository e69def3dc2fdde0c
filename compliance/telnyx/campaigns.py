"""Telnyx endpoints: qualify by use case, campaignBuilder, campaigns, appeals, carrier
metadata, costs.

A mixin of TelnyxClient: methods call self.request(...) / self.paginate_*(...) from the
transport in client.py and return pydantic models from schemas/.
"""


class CampaignsAPI:
    pass
